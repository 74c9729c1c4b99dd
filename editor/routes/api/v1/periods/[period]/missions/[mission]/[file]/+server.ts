// GET /api/v1/periods/{period}/missions/{mission}/{r<N>|latest}.{yaml|json}: one published rubric.
// Versioned files are immutable; "latest" follows new revisions with a short max-age.
import { parse } from 'yaml';
import { storeDb } from '$lib/server/context.js';
import { MISSION, PERIOD, apiError, cached, preflight } from '$engine/http/responses.js';
import { latestRevision } from '$engine/store/rubric-store.js';
import { revisionText } from '$engine/store/publication.js';
import type { RequestHandler } from './$types';

const FILE = /^(?:r([1-9][0-9]{0,5})|latest)\.(yaml|json)$/;

/** A published revision as JSON, by digest: made once, since the revision never changes. */
const asJsonByDigest = new Map<string, string>();

function jsonOf(yaml: string, digest: string): string {
  let body = asJsonByDigest.get(digest);
  if (body === undefined) {
    // A published text passed validation, duplicate keys included, so yaml's own check is not needed again.
    body = JSON.stringify(parse(yaml, { uniqueKeys: false })) + '\n';
    if (asJsonByDigest.size >= 1000) asJsonByDigest.delete(asJsonByDigest.keys().next().value!);
    asJsonByDigest.set(digest, body);
  }
  return body;
}

export const GET: RequestHandler = (event) => {
  const { period, mission, file } = event.params;
  const name = FILE.exec(file);
  if (!PERIOD.test(period) || !MISSION.test(mission) || !name) {
    return apiError(400, 'BAD_NAME', 'ชื่อไตรมาส ภารกิจ หรือไฟล์ไม่ถูกต้อง', `malformed name: expected /api/v1/periods/2567-Q3/missions/otop/r1.yaml (or latest.json), received ${period}/${mission}/${file}`);
  }
  const db = storeDb();
  const revision = name[1] ? Number(name[1]) : latestRevision(db, period, mission)?.revision;
  const found = revision !== undefined ? revisionText(db, period, mission, revision) : undefined;
  if (!found) return apiError(404, 'NOT_FOUND', `ไม่มีเกณฑ์ ${mission} ${file} ในไตรมาส ${period}`, `no published ${mission} ${file} in ${period}`);
  const asJson = name[2] === 'json';
  const body = asJson ? jsonOf(found.yaml, found.digest) : found.yaml;
  return cached(event, body, {
    etag: `"${found.digest.slice(7)}${asJson ? '-json' : ''}"`,
    type: asJson ? 'application/json; charset=utf-8' : 'application/yaml; charset=utf-8',
    immutable: name[1] !== undefined,
  });
};

export const OPTIONS: RequestHandler = () => preflight();
