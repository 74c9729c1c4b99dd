// GET /api/v1/periods: the periods that have published rubrics, with their manifests' URLs.
import { storeDb } from '$lib/server/context.js';
import { cached, preflight } from '$engine/http/responses.js';
import { publishedPeriods, signedManifest } from '$engine/store/publication.js';
import { sha256 } from '$engine/node/bundle.js';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
  const db = storeDb();
  const periods = publishedPeriods(db).map((period) => {
    const signed = signedManifest(db, period)!;
    return { period, sequence: signed.manifest.sequence, manifest: `/api/v1/periods/${period}/manifest.json`, signature: `/api/v1/periods/${period}/manifest.sig` };
  });
  const body = JSON.stringify({ periods }, null, 2) + '\n';
  return cached(event, body, { etag: `"${sha256(body).slice(7)}"`, type: 'application/json; charset=utf-8' });
};

export const OPTIONS: RequestHandler = () => preflight();
