// GET /api/v1/periods/{period}/bundle.json: the whole period in one response: the manifest's exact
// text, its signature, and every file it lists.
// Answered by the public API's one implementation (engine/http/public-api.ts).
import { apiResponse } from '$lib/server/public-api.js';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => apiResponse(event);

export const OPTIONS: RequestHandler = (event) => apiResponse(event);
