// GET /api/v1/periods/{period}/missions/{mission}/{r<N>|latest}.{yaml|json}: one published rubric.
// Versioned files are immutable; "latest" follows new revisions with a short max-age.
// Answered by the public API's one implementation (engine/http/public-api.ts).
import { apiResponse } from '$lib/server/public-api.js';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => apiResponse(event);

export const OPTIONS: RequestHandler = (event) => apiResponse(event);
