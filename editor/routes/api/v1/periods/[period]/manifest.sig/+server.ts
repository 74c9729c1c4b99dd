// GET /api/v1/periods/{period}/manifest.sig: the Ed25519 signature (base64) of manifest.json's bytes.
import { storeDb } from '$lib/server/context.js';
import { PERIOD, apiError, cached, preflight } from '$engine/http/responses.js';
import { signedManifest } from '$engine/store/publication.js';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
  const { period } = event.params;
  if (!PERIOD.test(period)) return apiError(400, 'BAD_PERIOD', `ชื่อไตรมาสไม่ถูกต้อง: ${period}`, `malformed period "${period}"`);
  const signed = signedManifest(storeDb(), period);
  if (!signed) return apiError(404, 'NO_PERIOD', `ไม่มีเกณฑ์ที่เผยแพร่ในไตรมาส ${period}`, `nothing is published for ${period}`);
  return cached(event, signed.signature, { etag: signed.etag.replace(/"$/, '-sig"'), type: 'text/plain; charset=utf-8' });
};

export const OPTIONS: RequestHandler = () => preflight();
