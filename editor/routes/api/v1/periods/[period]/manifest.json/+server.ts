// GET /api/v1/periods/{period}/manifest.json: the period's signed manifest (short max-age: it
// changes when a mission publishes). A province token records the pull in the adoption ledger.
// Answered by the public API's one implementation (engine/http/public-api.ts).
import { apiResponse } from '$lib/server/public-api.js';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => apiResponse(event);

export const OPTIONS: RequestHandler = (event) => apiResponse(event);
