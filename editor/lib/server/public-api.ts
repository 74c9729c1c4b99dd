// The public API over the editor's store, as the SvelteKit routes under /api/ answer it: every route
// hands its request to the one implementation (engine/http/public-api.ts) that serve.js's fast path also uses.
import type { RequestEvent } from '@sveltejs/kit';
import { createPublicApi } from '$engine/http/public-api.js';
import { apiRequestOf, toResponse } from '$engine/http/responses.js';
import { storeDb } from './context.js';

/** The API with its caches, one per server process. */
export const publicApi = createPublicApi(storeDb);

/** The API's answer to a request, as a Response. */
export function apiResponse(event: Pick<RequestEvent, 'request' | 'url'>): Response {
  return toResponse(publicApi.answer(apiRequestOf(event.request, event.url)));
}
