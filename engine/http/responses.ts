// The public API's answers (public-api.ts) as the web's Responses, for the SvelteKit routes.
import type { ApiAnswer, ApiRequest } from './public-api.js';

/** What the API reads of a web request: its method, its path (percent-encoded, without the query) and its headers. */
export function apiRequestOf(request: Request, url: URL): ApiRequest {
  return { method: request.method, path: url.pathname, header: (name) => request.headers.get(name) };
}

/** An answer as a Response. */
export function toResponse(answer: ApiAnswer): Response {
  return new Response(answer.body as BodyInit | null, { status: answer.status, headers: answer.headers });
}
