// The public API's one implementation, without a framework: a request's method, path and headers
// in, its status, headers and body out, with the in-memory caches of published bytes. The
// SvelteKit routes under editor/routes/api and serve.js's fast path both answer through it.
import { parse } from 'yaml';
import { sha256 } from '../node/digest.js';
import { MISSION, MISSION_SOURCE, PERIOD, PERIOD_SOURCE } from '../period.js';
import { problem, type ParamsOf } from '../problems/catalogue.js';
import type { ServiceCode } from '../problems/service-codes.js';
import type { Db } from '../store/db.js';
import { publishedPeriods, recordPull, signedManifest } from '../store/publication.js';

/** What the API reads of a request. */
export interface ApiRequest {
  method: string;
  /** The path, without the query, as sent (still percent-encoded). */
  path: string;
  /** A header's value, by lower-case name. */
  header(name: string): string | null | undefined;
}

/** What the API answers: a status, headers and a body (null for none). */
export interface ApiAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array | null;
}

/** The cross-origin headers every answer carries: provinces' pages may read the API. */
export const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-allow-headers': 'if-none-match, authorization, x-province-token',
  'access-control-expose-headers': 'etag',
};

/** A JSON error: the status, and the code of the service catalogue with its Thai and English words. */
export function apiErrorAnswer<C extends ServiceCode>(status: number, code: C, params: ParamsOf<'service', C>, extra: Record<string, string> = {}): ApiAnswer {
  const { message } = problem('service', code, params);
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...CORS, ...extra },
    body: JSON.stringify({ error: { status, code, message: { th: message.th, en: message.en } } }) + '\n',
  };
}

/** A cacheable answer: 304 when the client already holds this ETag; `immutable` for versioned URLs, a short max-age for "latest". */
export function cachedAnswer(ifNoneMatch: string | null | undefined, body: string | Uint8Array, options: { etag: string; type: string; immutable?: boolean }): ApiAnswer {
  const headers: Record<string, string> = {
    etag: options.etag,
    'cache-control': options.immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=60',
    ...CORS,
  };
  if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === options.etag)) return { status: 304, headers, body: null };
  return { status: 200, headers: { ...headers, 'content-type': options.type }, body };
}

/** The answer to a CORS preflight. */
export function preflightAnswer(): ApiAnswer {
  return { status: 204, headers: { ...CORS, 'access-control-max-age': '86400' }, body: null };
}

/** The province token a request carries, if any: `Authorization: Bearer …` or `X-Province-Token`. */
export function provinceTokenOf(request: Pick<ApiRequest, 'header'>): string | null {
  const bearer = request.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  return bearer ?? request.header('x-province-token') ?? null;
}

/**
 * What the read-only API refuses before routing: a method other than GET, HEAD or OPTIONS (405),
 * a path that is not valid percent-encoding (400); undefined for anything else.
 */
export function apiRefusal(request: Pick<ApiRequest, 'method' | 'path'>): ApiAnswer | undefined {
  if (!request.path.startsWith('/api/')) return undefined;
  const extra = { allow: 'GET, HEAD, OPTIONS' };
  if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
    return apiErrorAnswer(405, 'METHOD_NOT_ALLOWED', { method: request.method }, extra);
  }
  try {
    decodeURIComponent(request.path);
  } catch {
    return apiErrorAnswer(400, 'BAD_PATH', {}, extra);
  }
  return undefined;
}

const PERIODS_PATH = /^\/api\/v1\/periods$/;
const PERIOD_PATH = /^\/api\/v1\/periods\/([^/]+)\/(manifest\.json|manifest\.sig|bundle\.json)$/;
const FILE_PATH = /^\/api\/v1\/periods\/([^/]+)\/missions\/([^/]+)\/([^/]+)$/;
const FILE = /^(?:r([1-9][0-9]{0,5})|latest)\.(yaml|json)$/;
/** The hot reads provinces poll: versioned rubric files, a period's manifest, its signature and its bundle. */
const HOT = new RegExp(`^/api/v1/periods/${PERIOD_SOURCE}/(?:missions/${MISSION_SOURCE}/r[1-9][0-9]{0,5}\\.yaml|manifest\\.(?:json|sig)|bundle\\.json)$`);

/** One published file as served: its bytes and digest. */
interface Published {
  bytes: Uint8Array;
  yaml: string;
  digest: string;
}

/** The public API over a store: `answer` for any request under /api/, `hot` for the fast path. */
export interface PublicApi {
  /** The answer to a GET, HEAD or OPTIONS under /api/ (HEAD: the caller drops the body). */
  answer(request: ApiRequest): ApiAnswer;
  /** The answer to a hot read without a province token when it is found, else undefined (the full path answers). */
  hot(request: ApiRequest): ApiAnswer | undefined;
}

/** The store an API reads and the caches it keeps. */
interface Source {
  db: () => Db;
  /** Published revisions never change, so their bytes are kept once read. */
  files: Map<string, Published>;
  /** A published revision as JSON, by digest: made once, since the revision never changes. */
  asJsonByDigest: Map<string, string>;
  /** A period's bundle.json bytes, by its manifest's ETag: made once per publication. */
  bundles: Map<string, Uint8Array>;
}

/** One published revision's bytes, read once. */
function published(source: Source, period: string, mission: string, revision: number): Published | undefined {
  const key = `${period}/${mission}/${revision}`;
  let found = source.files.get(key);
  if (!found) {
    const row = source.db().prepare('SELECT yaml, digest FROM revisions WHERE period = ? AND mission = ? AND revision = ?').get(period, mission, revision) as
      | { yaml: string; digest: string }
      | undefined;
    if (!row) return undefined;
    found = { bytes: Buffer.from(row.yaml, 'utf8'), yaml: row.yaml, digest: row.digest };
    source.files.set(key, found);
  }
  return found;
}

/** A published revision as JSON, made once. */
function jsonOf(source: Source, found: Published): string {
  let body = source.asJsonByDigest.get(found.digest);
  if (body === undefined) {
    // A published text passed validation, duplicate keys included, so yaml's own check is not needed again.
    body = JSON.stringify(parse(found.yaml, { uniqueKeys: false })) + '\n';
    if (source.asJsonByDigest.size >= 1000) source.asJsonByDigest.delete(source.asJsonByDigest.keys().next().value!);
    source.asJsonByDigest.set(found.digest, body);
  }
  return body;
}

/** GET /api/v1/periods/{period}/missions/{mission}/{r<N>|latest}.{yaml|json}. */
function fileAnswer(source: Source, request: ApiRequest, period: string, mission: string, name: string): ApiAnswer {
  const parts = FILE.exec(name);
  if (!PERIOD.test(period) || !MISSION.test(mission) || !parts) {
    return apiErrorAnswer(400, 'BAD_NAME', { received: `${period}/${mission}/${name}` });
  }
  const latest = () => source.db().prepare('SELECT MAX(revision) FROM revisions WHERE period = ? AND mission = ?').pluck().get(period, mission) as number | null;
  const revision = parts[1] ? Number(parts[1]) : latest();
  const found = typeof revision === 'number' ? published(source, period, mission, revision) : undefined;
  if (!found) return apiErrorAnswer(404, 'NOT_FOUND', { kind: 'file', period, mission, name });
  const asJson = parts[2] === 'json';
  return cachedAnswer(request.header('if-none-match'), asJson ? jsonOf(source, found) : found.bytes, {
    etag: `"${found.digest.slice(7)}${asJson ? '-json' : ''}"`,
    type: asJson ? 'application/json; charset=utf-8' : 'application/yaml; charset=utf-8',
    immutable: parts[1] !== undefined,
  });
}

/** GET /api/v1/periods/{period}/{manifest.json|manifest.sig|bundle.json}; a province token on manifest.json records the pull. */
function periodAnswer(source: Source, request: ApiRequest, period: string, what: string): ApiAnswer {
  if (!PERIOD.test(period)) {
    return apiErrorAnswer(400, 'BAD_PERIOD', { period, hint: what === 'manifest.json' });
  }
  const signed = signedManifest(source.db(), period);
  if (!signed) return apiErrorAnswer(404, 'NO_PERIOD', { period });
  const held = request.header('if-none-match');
  if (what === 'manifest.sig') return cachedAnswer(held, signed.signature, { etag: signed.etag.replace(/"$/, '-sig"'), type: 'text/plain; charset=utf-8' });
  if (what === 'manifest.json') {
    recordPull(source.db(), provinceTokenOf(request), period, signed.manifest.sequence);
    return cachedAnswer(held, signed.bytes, { etag: signed.etag, type: 'application/json; charset=utf-8' });
  }
  return cachedAnswer(held, bundleBytes(source, period, signed), { etag: signed.etag.replace(/"$/, '-bundle"'), type: 'application/json; charset=utf-8' });
}

/** A period's bundle.json (the manifest's exact text, its signature, every file it lists), made once per publication and then served from memory. */
function bundleBytes(source: Source, period: string, signed: NonNullable<ReturnType<typeof signedManifest>>): Uint8Array {
  let bytes = source.bundles.get(signed.etag);
  if (!bytes) {
    const files: Record<string, string> = {};
    for (const entry of signed.manifest.missions) files[entry.path] = published(source, period, entry.mission, entry.revision)!.yaml;
    bytes = Buffer.from(JSON.stringify({ manifest: new TextDecoder().decode(signed.bytes), signature: signed.signature, files }), 'utf8');
    // One bundle a period is current; older ones are kept only while the map is small.
    if (source.bundles.size >= 100) source.bundles.delete(source.bundles.keys().next().value!);
    source.bundles.set(signed.etag, bytes);
  }
  return bytes;
}

/** GET /api/v1/periods: the periods with something published, and their manifests' URLs. */
function periodsAnswer(source: Source, request: ApiRequest): ApiAnswer {
  const db = source.db();
  const list = publishedPeriods(db).map((period) => {
    const signed = signedManifest(db, period)!;
    return { period, sequence: signed.manifest.sequence, manifest: `/api/v1/periods/${period}/manifest.json`, signature: `/api/v1/periods/${period}/manifest.sig` };
  });
  const body = JSON.stringify({ periods: list }, null, 2) + '\n';
  return cachedAnswer(request.header('if-none-match'), body, { etag: `"${sha256(body).slice(7)}"`, type: 'application/json; charset=utf-8' });
}

/** Any request under /api/: refused, preflighted, routed, or 404. */
function answerOf(source: Source, request: ApiRequest): ApiAnswer {
  const refused = apiRefusal(request);
  if (refused) return refused;
  const path = request.path;
  const decoded = (text: string) => decodeURIComponent(text);
  if (request.method === 'OPTIONS') return [PERIODS_PATH, PERIOD_PATH, FILE_PATH].some((p) => p.test(path)) ? preflightAnswer() : notFound(path);
  if (PERIODS_PATH.test(path)) return periodsAnswer(source, request);
  let match = PERIOD_PATH.exec(path);
  if (match) return periodAnswer(source, request, decoded(match[1]!), match[2]!);
  match = FILE_PATH.exec(path);
  if (match) return fileAnswer(source, request, decoded(match[1]!), decoded(match[2]!), decoded(match[3]!));
  return notFound(path);
}

/** The public API over the store that `db` gives, with its caches of published bytes. */
export function createPublicApi(db: () => Db): PublicApi {
  const source: Source = { db, files: new Map(), asJsonByDigest: new Map(), bundles: new Map() };
  return {
    answer: (request) => answerOf(source, request),
    hot(request) {
      if ((request.method !== 'GET' && request.method !== 'HEAD') || provinceTokenOf(request) !== null || !HOT.test(request.path)) return undefined;
      const found = answerOf(source, request);
      return found.status === 200 || found.status === 304 ? found : undefined;
    },
  };
}

/** The answer for a path under /api/ that names nothing. */
function notFound(path: string): ApiAnswer {
  return apiErrorAnswer(404, 'NOT_FOUND', { kind: 'path', path });
}
