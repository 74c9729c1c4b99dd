// Starts the built rubric editor on 127.0.0.1 (defaults for HOST, PORT, ORIGIN and RUBRICS_DIR);
// on any other HOST it needs ORIGIN, and it refuses requests that came over https to an http ORIGIN.
// The public API's hottest reads (versioned rubric files, a period's manifest and signature) are
// answered here from bytes held in memory, before SvelteKit: they are what 76 provinces poll.
// Everything else, and every request that carries a province token (the adoption ledger records
// it), goes to SvelteKit's handler. What the read-only API refuses before that is answered here
// in JSON too: a method other than GET, HEAD or OPTIONS (405), a path that is not valid
// percent-encoding (400).
import { createServer } from 'node:http';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

process.env.HOST ||= '127.0.0.1';
process.env.PORT ||= '5173';
const { forwardedHttps, httpOriginBehindHttps, misconfiguredOriginAnswer, originSettingsProblem } = await import(
  new URL('../dist/engine/http/origin.js', import.meta.url).href
);
// A server others reach must know the address they use (ORIGIN): it does not start without it.
const problem = originSettingsProblem(process.env);
if (problem) {
  console.error(`ตัวแก้ไขไม่เริ่มทำงาน: ${problem.th}\nThe editor did not start: ${problem.en}`);
  process.exit(1);
}
// adapter-node checks form posts against ORIGIN, and the session cookie is Secure when ORIGIN is
// https; on this machine only, it defaults to the address we listen on.
process.env.ORIGIN ||= `http://127.0.0.1:${process.env.PORT}`;
// A request body may carry one draft: the 1 MiB rubric limit (engine/load.ts) and 64 KiB for the
// form's other fields and multipart framing. A larger draft is refused in words by the page first.
process.env.BODY_SIZE_LIMIT ||= String(1024 * 1024 + 64 * 1024);
const originIsHttp = new URL(process.env.ORIGIN).protocol === 'http:';
// The bundled server cannot find rubrics/ from its own location, so point it at the repository's.
process.env.RUBRICS_DIR ||= fileURLToPath(new URL('../rubrics', import.meta.url));

// Computed specifiers: build/ and dist/ exist only after building, so type checks must not resolve them.
const { handler } = await import(new URL('../build/handler.js', import.meta.url).href);
const { openDb, defaultDbPath } = await import(new URL('../dist/engine/store/db.js', import.meta.url).href);
const { signedManifest } = await import(new URL('../dist/engine/store/publication.js', import.meta.url).href);
const { SECURITY_HEADERS } = await import(new URL('../dist/engine/http/security-headers.js', import.meta.url).href);
const { MISSION_SOURCE, PERIOD_SOURCE } = await import(new URL('../dist/engine/period.js', import.meta.url).href);

const db = openDb(defaultDbPath());
const sequenceOf = db.prepare('SELECT COUNT(*) FROM revisions WHERE period = ?').pluck();
const revisionOf = db.prepare('SELECT yaml, digest FROM revisions WHERE period = ? AND mission = ? AND revision = ?');
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-allow-headers': 'if-none-match, authorization, x-province-token',
  'access-control-expose-headers': 'etag',
};
const FILE = new RegExp(`^/api/v1/periods/(${PERIOD_SOURCE})/missions/(${MISSION_SOURCE})/r([1-9][0-9]{0,5})\\.yaml$`);
const MANIFEST = new RegExp(`^/api/v1/periods/(${PERIOD_SOURCE})/manifest\\.(json|sig)$`);
/** Published revisions never change, so their bytes are kept once read. */
const files = new Map();
/** A period's manifest and signature, by period and sequence. */
const manifests = new Map();

/**
 * The in-memory answer to a hot public read, or undefined to let SvelteKit answer.
 * @param {import('node:http').IncomingMessage} request
 */
function fast(request) {
  if ((request.method !== 'GET' && request.method !== 'HEAD') || request.headers.authorization || request.headers['x-province-token']) return undefined;
  const path = (request.url ?? '/').split('?')[0] ?? '/';
  let match = FILE.exec(path);
  if (match) {
    const key = path;
    let entry = files.get(key);
    if (!entry) {
      const row = revisionOf.get(match[1], match[2], Number(match[3]));
      if (!row) return undefined;
      entry = { body: Buffer.from(row.yaml, 'utf8'), etag: `"${row.digest.slice(7)}"`, type: 'application/yaml; charset=utf-8', cache: 'public, max-age=31536000, immutable' };
      files.set(key, entry);
    }
    return entry;
  }
  match = MANIFEST.exec(path);
  if (match) {
    const sequence = sequenceOf.get(match[1]);
    if (!sequence) return undefined;
    const key = `${match[1]}#${sequence}`;
    let pair = manifests.get(key);
    if (!pair) {
      const signed = signedManifest(db, match[1]);
      if (!signed) return undefined;
      pair = {
        json: { body: Buffer.from(signed.bytes), etag: signed.etag, type: 'application/json; charset=utf-8', cache: 'public, max-age=60' },
        sig: { body: Buffer.from(signed.signature, 'utf8'), etag: signed.etag.replace(/"$/, '-sig"'), type: 'text/plain; charset=utf-8', cache: 'public, max-age=60' },
      };
      manifests.set(key, pair);
    }
    return match[2] === 'sig' ? pair.sig : pair.json;
  }
  return undefined;
}

/**
 * The API's own answer to a request SvelteKit would answer in plain text or HTML: a method the
 * read-only API does not have (405, where SvelteKit's cross-site check would say 403 in text to a
 * form post), or a path that is not valid percent-encoding (400); undefined for anything else.
 * @param {import('node:http').IncomingMessage} request
 */
function apiRefusal(request) {
  const path = (request.url ?? '/').split('?')[0] ?? '/';
  if (!path.startsWith('/api/')) return undefined;
  /** @type {(status: number, code: string, th: string, en: string) => { status: number, body: string }} */
  const refuse = (status, code, th, en) => ({ status, body: JSON.stringify({ error: { status, code, message: { th, en } } }) + '\n' });
  if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method ?? '')) {
    return refuse(405, 'METHOD_NOT_ALLOWED', `API อ่านได้อย่างเดียว: ใช้ ${request.method} ไม่ได้`, `the API is read-only: ${request.method} is not allowed (GET, HEAD or OPTIONS)`);
  }
  try {
    decodeURIComponent(path);
  } catch {
    return refuse(400, 'BAD_PATH', 'ที่อยู่มีการเข้ารหัส % ที่ไม่ถูกต้อง', 'the path is not valid percent-encoding');
  }
  return undefined;
}

let toldOperatorAboutOrigin = false;

/**
 * Answers, with an error naming the fix, a request a proxy says came over https while ORIGIN is
 * http: served as it is, its sign-in cookie would lack Secure. Logged once. True when it answered.
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 */
function refuseHttpsToHttpOrigin(request, response) {
  if (!originIsHttp) return false;
  const header = forwardedHttps(request.headers);
  if (!header) return false;
  const text = httpOriginBehindHttps(process.env.ORIGIN, header);
  if (!toldOperatorAboutOrigin) {
    toldOperatorAboutOrigin = true;
    console.error(`${text.th}\n${text.en}`);
  }
  const path = (request.url ?? '/').split('?')[0] ?? '/';
  const accept = request.headers.accept ?? '';
  const json = path.startsWith('/api/') || (accept.includes('application/json') && !accept.includes('text/html'));
  const answer = misconfiguredOriginAnswer(text, json);
  response.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
  response.end(request.method === 'HEAD' ? undefined : answer.body);
  return true;
}

const server = createServer((request, response) => {
  // On every answer, also those that never reach SvelteKit's hooks: the fast path below, the static
  // files adapter-node serves, and SvelteKit's own redirects.
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
  if (refuseHttpsToHttpOrigin(request, response)) return;
  const refusal = apiRefusal(request);
  if (refusal) {
    request.resume();
    response.writeHead(refusal.status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      allow: 'GET, HEAD, OPTIONS',
      ...CORS,
      'content-length': Buffer.byteLength(refusal.body),
      connection: 'close',
    });
    response.end(request.method === 'HEAD' ? undefined : refusal.body);
    return;
  }
  const entry = fast(request);
  if (!entry) return handler(request, response);
  const headers = { etag: entry.etag, 'cache-control': entry.cache, ...CORS };
  const held = request.headers['if-none-match'];
  if (held && held.split(',').some((t) => t.trim() === entry.etag)) {
    response.writeHead(304, headers).end();
    return;
  }
  response.writeHead(200, { ...headers, 'content-type': entry.type, 'content-length': entry.body.length });
  response.end(request.method === 'HEAD' ? undefined : entry.body);
});

server.listen(Number(process.env.PORT), process.env.HOST, () => {
  console.log(`กรมการพัฒนาชุมชน rubric editor: ${process.env.ORIGIN}`);
  console.log(`Listening on http://${process.env.HOST}:${process.env.PORT}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
