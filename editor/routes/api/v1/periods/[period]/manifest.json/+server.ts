// GET /api/v1/periods/{period}/manifest.json: the period's signed manifest (short max-age: it
// changes when a mission publishes). A province token records the pull in the adoption ledger.
import { storeDb } from '$lib/server/context.js';
import { PERIOD, apiError, cached, preflight, provinceToken } from '$engine/http/responses.js';
import { recordPull, signedManifest } from '$engine/store/publication.js';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
  const { period } = event.params;
  if (!PERIOD.test(period)) return apiError(400, 'BAD_PERIOD', `ชื่อไตรมาสไม่ถูกต้อง: ${period}`, `malformed period "${period}" (expected like 2567-Q3)`);
  const db = storeDb();
  const signed = signedManifest(db, period);
  if (!signed) return apiError(404, 'NO_PERIOD', `ไม่มีเกณฑ์ที่เผยแพร่ในไตรมาส ${period}`, `nothing is published for ${period}`);
  recordPull(db, provinceToken(event.request), period, signed.manifest.sequence);
  return cached(event, signed.bytes, { etag: signed.etag, type: 'application/json; charset=utf-8' });
};

export const OPTIONS: RequestHandler = () => preflight();
