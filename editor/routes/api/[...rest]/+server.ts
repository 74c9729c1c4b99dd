// Any path under /api/ that names nothing answers as the API does, in JSON, never with the
// editor's HTML error page (engine/http/public-api.ts says so for every method).
import { apiResponse } from '$lib/server/public-api.js';
import type { RequestHandler } from './$types';

export const fallback: RequestHandler = (event) => apiResponse(event);
