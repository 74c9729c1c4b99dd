// GET /api/v1/periods: the periods that have published rubrics, with their manifests' URLs.
// Answered by the public API's one implementation (engine/http/public-api.ts).
import { apiResponse } from '$lib/server/public-api.js';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => apiResponse(event);

export const OPTIONS: RequestHandler = (event) => apiResponse(event);
