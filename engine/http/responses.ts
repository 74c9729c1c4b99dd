// The public API's responses: strong ETags and 304s, cache lifetimes, CORS for GET, JSON errors.
import type { RequestEvent } from '@sveltejs/kit';
import { MISSION, PERIOD } from '../period.js';

/** Period and mission names the API accepts (engine/period.ts); anything else is a 400, so no path leaves the store. */
export { MISSION, PERIOD };

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-allow-headers': 'if-none-match, authorization, x-province-token',
  'access-control-expose-headers': 'etag',
};

/** A JSON error with a code and Thai and English text. */
export function apiError(status: number, code: string, th: string, en: string): Response {
  return new Response(JSON.stringify({ error: { status, code, message: { th, en } } }) + '\n', {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...CORS },
  });
}

/**
 * A cacheable response: 304 when the client already holds this ETag; `immutable` for versioned
 * URLs, a short max-age for "latest".
 */
export function cached(
  event: Pick<RequestEvent, 'request'>,
  body: string | Uint8Array,
  options: { etag: string; type: string; immutable?: boolean },
): Response {
  const headers: Record<string, string> = {
    etag: options.etag,
    'cache-control': options.immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=60',
    ...CORS,
  };
  const match = event.request.headers.get('if-none-match');
  if (match && match.split(',').some((t) => t.trim() === options.etag)) return new Response(null, { status: 304, headers });
  return new Response(body as BodyInit, { status: 200, headers: { ...headers, 'content-type': options.type } });
}

/** The answer to a CORS preflight. */
export function preflight(): Response {
  return new Response(null, { status: 204, headers: { ...CORS, 'access-control-max-age': '86400' } });
}

/** The province token a request carries, if any. */
export function provinceToken(request: Request): string | null {
  const bearer = request.headers.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  return bearer ?? request.headers.get('x-province-token');
}
