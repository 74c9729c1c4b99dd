// GET /api/v1/periods/{period}/manifest.sig: the Ed25519 signature (base64) of manifest.json's bytes.
// Answered by the public API's one implementation (engine/http/public-api.ts).
import { apiResponse } from '$lib/server/public-api.js';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => apiResponse(event);

export const OPTIONS: RequestHandler = (event) => apiResponse(event);
