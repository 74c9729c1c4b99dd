// GET /api/v1/periods/{period}/bundle.json: the whole period in one response: the manifest's exact
// text, its signature, and every file it lists.
import { storeDb } from '$lib/server/context.js';
import { PERIOD, apiError, cached, preflight } from '$engine/http/responses.js';
import { revisionText, signedManifest } from '$engine/store/publication.js';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
  const { period } = event.params;
  if (!PERIOD.test(period)) return apiError(400, 'BAD_PERIOD', `ชื่อไตรมาสไม่ถูกต้อง: ${period}`, `malformed period "${period}"`);
  const db = storeDb();
  const signed = signedManifest(db, period);
  if (!signed) return apiError(404, 'NO_PERIOD', `ไม่มีเกณฑ์ที่เผยแพร่ในไตรมาส ${period}`, `nothing is published for ${period}`);
  const files: Record<string, string> = {};
  for (const entry of signed.manifest.missions) files[entry.path] = revisionText(db, period, entry.mission, entry.revision)!.yaml;
  const body = JSON.stringify({ manifest: new TextDecoder().decode(signed.bytes), signature: signed.signature, files });
  return cached(event, body, { etag: signed.etag.replace(/"$/, '-bundle"'), type: 'application/json; charset=utf-8' });
};

export const OPTIONS: RequestHandler = () => preflight();
