// Any path under /api/ that names nothing answers as the API does, in JSON, never with the
// editor's HTML error page.
import { apiError } from '$engine/http/responses.js';
import type { RequestHandler } from './$types';

export const fallback: RequestHandler = ({ url }) =>
  apiError(404, 'NOT_FOUND', `ไม่มี ${url.pathname} ใน API`, `there is no ${url.pathname} in the API`);
