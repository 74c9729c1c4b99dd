// The bad-input suite, HTTP: one named case per bad request to the built editor (one server for
// the file, started as people start it: node editor/serve.js). Each case states the status it
// must get; under /api/ the body must be the API's JSON error with its code (HEAD: the headers
// only). Around each case the database is read (read-only, the file the server writes): users,
// sessions, drafts, revisions, audit trail, province tokens, pulls and settings must be exactly as
// before, no file may appear beside it, and the server must still answer afterwards.
import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startEditor, type Editor } from '../../browser/harness.js';

/** Sign-in throttling relaxed for this server: the cases sign in wrongly on purpose, and no wait may slow them. */
const THROTTLE = {
  RUBRIC_LOGIN_DELAY_SECONDS: '0',
  RUBRIC_LOGIN_ACCOUNT_FREE: '1000',
  RUBRIC_LOGIN_ACCOUNT_LOCK_AFTER: '2000',
  RUBRIC_LOGIN_ADDRESS_FREE: '1000',
  RUBRIC_LOGIN_ADDRESS_LOCK_AFTER: '2000',
};
const USERS = [
  { username: 'vera', role: 'viewer', password: 'glass-harbour-river-81' },
  { username: 'eddie', role: 'editor', password: 'amber-lantern-meadow-44' },
  { username: 'pim', role: 'publisher', password: 'copper-willow-stone-17' },
] as const;
type Who = 'viewer' | 'editor' | 'publisher';

let editor: Editor;
const cookies: Record<Who, string> = { viewer: '', editor: '', publisher: '' };
/** The otop draft opened in the set-up: its text and version. */
let draft = { yaml: '', version: 0 };
let token = '';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One request as written, path and headers untouched (fetch would normalise both), on a connection
 * kept alive as a browser keeps it. With `Connection: close` the server closes the socket right after
 * a 413 while megabytes of the body are still unread; the kernel then resets the connection, and on a
 * busy machine the client lost the answer to EPIPE (61 of 300 such requests, with the client held
 * 50 ms per answer under load; none of 300 on a kept-alive connection).
 */
function send(method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Answer> {
  const url = new URL(editor.base);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return new Promise<Answer>((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  }).finally(() => agent.destroy());
}

/** Bytes written straight to the socket; the status of the answer. */
function sendRaw(bytes: string): Promise<Answer> {
  const url = new URL(editor.base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    let text = '';
    socket.on('data', (d) => (text += d.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0), headers: {}, body: text.slice(text.indexOf('\r\n\r\n') + 4) }));
    socket.end(bytes);
  });
}

let reader: Database.Database | undefined;
/** Everything the server keeps, read from its database file without writing to it (one read-only connection). */
function state(): Record<string, unknown> {
  reader ??= new Database(editor.db, { readonly: true, fileMustExist: true });
  const all = (sql: string) => reader!.prepare(sql).all();
  return {
    users: all('SELECT * FROM users ORDER BY id'),
    // last_seen_at moves when a session is used (at most once a minute); who holds which session does not.
    sessions: all('SELECT token_hash, user_id, expires_at, created_at FROM sessions ORDER BY token_hash'),
    drafts: all('SELECT * FROM drafts ORDER BY period, mission'),
    // The published texts by their digests (the texts are large and every case reads them twice).
    revisions: all('SELECT period, mission, revision, digest, published_by, published_at, length(yaml) AS bytes FROM revisions ORDER BY period, mission, revision'),
    audit: all('SELECT * FROM audit ORDER BY id'),
    tokens: all('SELECT * FROM province_tokens ORDER BY token_hash'),
    pulls: all('SELECT * FROM pulls ORDER BY id'),
    meta: all('SELECT * FROM meta ORDER BY key'),
    files: readdirSync(dirname(editor.db)).sort(),
  };
}

const form = (who: Who | 'nobody', extra: Record<string, string> = {}) => ({
  ...(who === 'nobody' ? {} : { cookie: cookies[who] }),
  origin: editor.base,
  'content-type': 'application/x-www-form-urlencoded',
  accept: 'text/html',
  ...extra,
});
const fields = (values: Record<string, string>) => new URLSearchParams(values).toString();

beforeAll(async () => {
  const saved = Object.fromEntries(Object.keys(THROTTLE).map((k) => [k, process.env[k]]));
  Object.assign(process.env, THROTTLE);
  try {
    editor = await startEditor([...USERS]);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  for (const user of USERS) {
    const signedIn = await send('POST', '/login', form('nobody'), fields({ username: user.username, password: user.password }));
    expect(signedIn.status).toBe(303);
    cookies[user.role] = String((signedIn.headers['set-cookie'] as string[])[0]).split(';')[0]!;
  }
  // What the cases need in the store, made as people make it: a draft of otop (a correction of its
  // published revision), a draft of bmn whose text has errors, a province token and one pull.
  expect((await send('POST', '/p/2567-Q3/otop?/correct', form('editor'), '')).status).toBe(200);
  expect((await send('POST', '/p/2567-Q3/bmn?/correct', form('editor'), '')).status).toBe(200);
  expect((await send('POST', '/p/2567-Q3/bmn?/save', form('editor'), fields({ yaml: 'mission: bmn\nperiod: 2567-Q3\n', version: '1' }))).status).toBe(200);
  const db = new Database(editor.db, { readonly: true });
  draft = db.prepare("SELECT yaml, version FROM drafts WHERE period = '2567-Q3' AND mission = 'otop'").get() as typeof draft;
  db.close();
  const issued = await runCli('token', 'issue', 'ลำปาง', '--db', editor.db);
  token = issued.stdout.trim().split(': ').at(-1)!;
  expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  expect((await send('GET', '/api/v1/periods/2567-Q3/manifest.json', { authorization: `Bearer ${token}` })).status).toBe(200);
  for (const path of ['/api/v1/periods', '/api/v1/periods/2567-Q3/manifest.sig', '/api/v1/periods/2567-Q3/bundle.json', '/api/v1/periods/2567-Q3/missions/otop/latest.json']) {
    expect((await send('GET', path)).status).toBe(200);
  }
}, 60_000);
afterAll(() => {
  reader?.close();
  editor?.stop();
});

interface Case {
  name: string;
  method?: string;
  path?: string;
  /** Headers, or a function of the set-up (cookies, the draft, the token) that gives them. */
  headers?: Record<string, string> | (() => Record<string, string>);
  body?: string | Buffer | (() => string);
  /** Bytes for the socket instead of a request (what no client library would send). */
  raw?: string;
  status: number;
  /** The API's JSON error code, when the answer is the API's. */
  code?: string;
  /** Where a redirect must lead. */
  location?: string | RegExp;
}

const API = '/api/v1/periods';
const ROUTES = [API, `${API}/2567-Q3/manifest.json`, `${API}/2567-Q3/manifest.sig`, `${API}/2567-Q3/bundle.json`, `${API}/2567-Q3/missions/otop/r1.yaml`];
const otopFile = (file: string) => `${API}/2567-Q3/missions/otop/${file}`;
const mission = (name: string) => `${API}/2567-Q3/missions/${name}/r1.yaml`;
const manifest = (period: string) => `${API}/${period}/manifest.json`;
const toLogin = /^\/login\?next=/;

const cases: Case[] = [
  // ——— The API is read-only: every route, every writing method ———
  ...ROUTES.flatMap((path) => ['POST', 'PUT', 'DELETE', 'PATCH'].map((method): Case => ({ name: `${method} ${path}`, method, path, status: 405, code: 'METHOD_NOT_ALLOWED' }))),
  { name: 'a cross-site form post to the API', method: 'POST', path: API, headers: { origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, body: 'periods=none', status: 405, code: 'METHOD_NOT_ALLOWED' },
  { name: 'a JSON post to the API', method: 'POST', path: `${API}/2567-Q3/manifest.json`, headers: { 'content-type': 'application/json' }, body: '{"sequence":99}', status: 405, code: 'METHOD_NOT_ALLOWED' },
  { name: 'a post to a path the API does not have', method: 'POST', path: '/api/v1/admin', status: 405, code: 'METHOD_NOT_ALLOWED' },
  { name: 'TRACE on the API', method: 'TRACE', path: API, status: 405, code: 'METHOD_NOT_ALLOWED' },
  { name: 'PROPFIND on the API', method: 'PROPFIND', path: `${API}/2567-Q3/bundle.json`, status: 405, code: 'METHOD_NOT_ALLOWED' },

  // ——— Malformed names in API paths ———
  { name: 'quarter 5', path: manifest('2567-Q5'), status: 400, code: 'BAD_PERIOD' },
  { name: 'a period in lower case', path: manifest('2567-q3'), status: 400, code: 'BAD_PERIOD' },
  { name: 'a Gregorian year', path: manifest('2024-Q3'), status: 400, code: 'BAD_PERIOD' },
  { name: 'full-width digits in the period', path: manifest(encodeURIComponent('２５６７-Q3')), status: 400, code: 'BAD_PERIOD' },
  { name: 'a Unicode hyphen (U+2010) in the period', path: manifest(encodeURIComponent('2567‐Q3')), status: 400, code: 'BAD_PERIOD' },
  { name: 'an encoded NUL after the period', path: manifest('2567-Q3%00'), status: 400, code: 'BAD_PERIOD' },
  { name: 'an encoded line feed after the period', path: manifest('2567-Q3%0A'), status: 400, code: 'BAD_PERIOD' },
  { name: 'an encoded space after the period', path: manifest('2567-Q3%20'), status: 400, code: 'BAD_PERIOD' },
  { name: 'a period of 5,000 characters', path: manifest('2'.repeat(5000)), status: 400, code: 'BAD_PERIOD' },
  { name: 'a traversal in the period of the signature', path: `${API}/..%2F..%2Fsigning/manifest.sig`, status: 400, code: 'BAD_PERIOD' },
  { name: 'a malformed period for the bundle', path: `${API}/2567-Q0/bundle.json`, status: 400, code: 'BAD_PERIOD' },
  { name: 'a mission in capitals', path: mission('OTOP'), status: 400, code: 'BAD_NAME' },
  { name: 'a mission starting with a hyphen', path: mission('-otop'), status: 400, code: 'BAD_NAME' },
  { name: 'a mission with an underscore', path: mission('o_top'), status: 400, code: 'BAD_NAME' },
  { name: 'a mission with a Cyrillic look-alike letter', path: mission(encodeURIComponent('оtop')), status: 400, code: 'BAD_NAME' },
  { name: 'encoded slashes leading out of the store in the mission', path: mission('otop%2F..%2F..%2F..%2Fpackage.json'), status: 400, code: 'BAD_NAME' },
  { name: 'an encoded NUL in the mission', path: mission('otop%00'), status: 400, code: 'BAD_NAME' },
  { name: 'a mission of 5,000 characters', path: mission('a'.repeat(5000)), status: 400, code: 'BAD_NAME' },
  { name: 'revision 0 of the JSON', path: otopFile('r0.json'), status: 400, code: 'BAD_NAME' },
  { name: 'a .yml file', path: otopFile('r1.yml'), status: 400, code: 'BAD_NAME' },
  { name: 'a .YAML file', path: otopFile('r1.YAML'), status: 400, code: 'BAD_NAME' },
  { name: 'a revision with a leading zero', path: otopFile('r01.yaml'), status: 400, code: 'BAD_NAME' },
  { name: 'a revision of seven digits', path: otopFile('r1234567.yaml'), status: 400, code: 'BAD_NAME' },
  { name: 'a negative revision', path: otopFile('r-1.yaml'), status: 400, code: 'BAD_NAME' },
  { name: 'a revision in E notation', path: otopFile('r1e3.yaml'), status: 400, code: 'BAD_NAME' },
  { name: 'a full-width revision digit', path: otopFile(encodeURIComponent('r１.yaml')), status: 400, code: 'BAD_NAME' },
  { name: 'latest as XML', path: otopFile('latest.xml'), status: 400, code: 'BAD_NAME' },
  { name: 'a backup file name', path: otopFile('r1.yaml.bak'), status: 400, code: 'BAD_NAME' },
  { name: 'a broken %-escape in the period', path: manifest('2567-Q3%ZZ'), status: 400, code: 'BAD_PATH' },
  { name: 'a broken %-escape in the file name', path: otopFile('r1%E0%B8.yaml'), status: 400, code: 'BAD_PATH' },

  // ——— Names that are well formed but name nothing ———
  { name: 'a period with nothing published (manifest)', path: manifest('2566-Q1'), status: 404, code: 'NO_PERIOD' },
  { name: 'a period with nothing published (signature)', path: `${API}/2568-Q2/manifest.sig`, status: 404, code: 'NO_PERIOD' },
  { name: 'a period with nothing published (bundle)', path: `${API}/2566-Q4/bundle.json`, status: 404, code: 'NO_PERIOD' },
  { name: 'a revision not published yet (the draft\'s r2)', path: otopFile('r2.yaml'), status: 404, code: 'NOT_FOUND' },
  { name: 'the latest of a mission that does not exist', path: `${API}/2567-Q3/missions/no-such-mission/latest.json`, status: 404, code: 'NOT_FOUND' },
  { name: 'a dot-dot segment, which leaves /api/v1/periods', path: `${API}/2567-Q3/missions/%2e%2e/latest.yaml`, status: 404, code: 'NOT_FOUND' },
  { name: 'a path under /api/ that names nothing, by OPTIONS', method: 'OPTIONS', path: '/api/v2/periods', status: 404, code: 'NOT_FOUND' },
  { name: 'HEAD of a revision that does not exist', method: 'HEAD', path: otopFile('r999999.yaml'), status: 404, code: 'NOT_FOUND' },
  { name: 'HEAD of a malformed period', method: 'HEAD', path: manifest('25-Q3'), status: 400, code: 'BAD_PERIOD' },
  { name: 'a CORS preflight asking to DELETE', method: 'OPTIONS', path: otopFile('r1.yaml'), headers: { origin: 'http://evil.example', 'access-control-request-method': 'DELETE' }, status: 204 },

  // ——— Headers that are wrong or hostile ———
  { name: 'a Range past the end of the file', path: otopFile('r1.yaml'), headers: { range: 'bytes=9999999-' }, status: 200 },
  { name: 'a Range that is not a range', path: `${API}/2567-Q3/bundle.json`, headers: { range: 'bytes=abc-def' }, status: 200 },
  { name: 'many Ranges at once', path: otopFile('r1.yaml'), headers: { range: 'bytes=' + Array.from({ length: 500 }, (_, i) => `${i}-${i}`).join(',') }, status: 200 },
  { name: 'an If-None-Match that is no tag', path: manifest('2567-Q3'), headers: { 'if-none-match': 'not-a-tag' }, status: 200 },
  { name: 'an If-None-Match of 8 KB', path: otopFile('r1.yaml'), headers: { 'if-none-match': `"${'f'.repeat(8000)}"` }, status: 200 },
  { name: 'the ETag of another file', path: `${API}/2567-Q3/missions/bmn/r1.yaml`, headers: { 'if-none-match': '"0000000000000000000000000000000000000000000000000000000000000000"' }, status: 200 },
  { name: 'a bearer token nobody was given', path: manifest('2567-Q3'), headers: { authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }, status: 200 },
  { name: 'a province token that is SQL', path: manifest('2567-Q3'), headers: { 'x-province-token': "' OR 1=1; DELETE FROM pulls; --" }, status: 200 },
  { name: 'Basic credentials instead of a token', path: manifest('2567-Q3'), headers: { authorization: 'Basic dmVyYTpwYXNzd29yZA==' }, status: 200 },
  { name: 'a bearer token of 10,000 characters', path: manifest('2567-Q3'), headers: { authorization: `Bearer ${'x'.repeat(10_000)}` }, status: 200 },
  { name: 'the real token with a character changed', path: manifest('2567-Q3'), headers: () => ({ authorization: `Bearer ${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}` }), status: 200 },
  { name: 'the real token on a malformed period', path: manifest('2567-Q7'), headers: () => ({ authorization: `Bearer ${token}` }), status: 400, code: 'BAD_PERIOD' },
  { name: 'the real token on a period with nothing published', path: manifest('2566-Q2'), headers: () => ({ 'x-province-token': token }), status: 404, code: 'NO_PERIOD' },
  { name: 'a path of 20,000 characters (too long for the server to read)', path: `/api/v1/periods/${'x'.repeat(20_000)}`, status: 431 },
  { name: 'both Content-Length and Transfer-Encoding (request smuggling)', raw: 'POST /api/v1/periods HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', status: 400 },
  { name: 'a method that is no HTTP method', raw: 'FROB /api/v1/periods HTTP/1.1\r\nHost: x\r\n\r\n', status: 400 },
  { name: 'a header line with no colon', raw: 'GET /api/v1/periods HTTP/1.1\r\nHost: x\r\nbroken header\r\n\r\n', status: 400 },

  // ——— Writes without a sign-in ———
  ...(['save', 'publish', 'correct'] as const).map((action): Case => ({ name: `?/${action} without a session`, method: 'POST', path: `/p/2567-Q3/otop?/${action}`, headers: () => form('nobody'), body: fields({ yaml: 'x', version: '1' }), status: 303, location: toLogin })),
  { name: 'starting a quarter without a session', method: 'POST', path: '/?/start', headers: () => form('nobody'), body: fields({ from: '2567-Q3' }), status: 303, location: toLogin },
  { name: 'deleting a period without a session', method: 'POST', path: '/?/deletePeriod', headers: () => form('nobody'), body: fields({ period: '2567-Q3' }), status: 303, location: toLogin },
  { name: 'saving with a forged session cookie', method: 'POST', path: '/p/2567-Q3/otop?/save', headers: () => form('nobody', { cookie: 'session=forged-session-value' }), body: () => fields({ yaml: draft.yaml, version: String(draft.version) }), status: 303, location: toLogin },
  { name: 'publishing with a session cookie of 4 KB', method: 'POST', path: '/p/2567-Q3/otop?/publish', headers: () => form('nobody', { cookie: `session=${'a'.repeat(4096)}` }), body: () => fields({ version: String(draft.version) }), status: 303, location: toLogin },

  // ——— Writes by someone whose role does not allow them ———
  { name: 'a viewer saving', method: 'POST', path: '/p/2567-Q3/otop?/save', headers: () => form('viewer'), body: () => fields({ yaml: draft.yaml + '# viewer\n', version: String(draft.version) }), status: 403 },
  { name: 'a viewer publishing', method: 'POST', path: '/p/2567-Q3/otop?/publish', headers: () => form('viewer'), body: () => fields({ version: String(draft.version) }), status: 403 },
  { name: 'a viewer opening a correction', method: 'POST', path: '/p/2567-Q3/women-fund?/correct', headers: () => form('viewer'), body: '', status: 403 },
  { name: 'a viewer starting a quarter', method: 'POST', path: '/?/start', headers: () => form('viewer'), body: fields({ from: '2567-Q3' }), status: 403 },
  { name: 'a viewer deleting a period', method: 'POST', path: '/?/deletePeriod', headers: () => form('viewer'), body: fields({ period: '2567-Q3' }), status: 403 },
  { name: 'an editor publishing', method: 'POST', path: '/p/2567-Q3/otop?/publish', headers: () => form('editor'), body: () => fields({ version: String(draft.version), acknowledge: 'on' }), status: 403 },
  { name: 'an editor deleting a period', method: 'POST', path: '/?/deletePeriod', headers: () => form('editor'), body: fields({ period: '2567-Q3' }), status: 403 },

  // ——— Cross-site requests (the origin check) ———
  { name: 'an editor\'s save from another site', method: 'POST', path: '/p/2567-Q3/otop?/save', headers: () => form('editor', { origin: 'http://evil.example' }), body: () => fields({ yaml: draft.yaml + '# evil\n', version: String(draft.version) }), status: 403 },
  { name: 'an editor\'s save with no Origin', method: 'POST', path: '/p/2567-Q3/otop?/save', headers: () => ({ cookie: cookies.editor, 'content-type': 'application/x-www-form-urlencoded' }), body: () => fields({ yaml: draft.yaml, version: String(draft.version) }), status: 403 },
  { name: 'an editor\'s save with Origin null (a sandboxed frame)', method: 'POST', path: '/p/2567-Q3/otop?/save', headers: () => form('editor', { origin: 'null' }), body: () => fields({ yaml: draft.yaml, version: String(draft.version) }), status: 403 },
  { name: 'a publisher\'s publish from the same host on another port', method: 'POST', path: '/p/2567-Q3/otop?/publish', headers: () => form('publisher', { origin: 'http://127.0.0.1:1' }), body: () => fields({ version: String(draft.version), acknowledge: 'on' }), status: 403 },
  { name: 'a publisher\'s period deletion from https on the same host', method: 'POST', path: '/?/deletePeriod', headers: () => form('publisher', { origin: editor.base.replace('http:', 'https:') }), body: fields({ period: '2567-Q3' }), status: 403 },
  { name: 'an editor\'s quarter start as multipart from another site', method: 'POST', path: '/?/start', headers: () => ({ cookie: cookies.editor, origin: 'http://evil.example', 'content-type': 'multipart/form-data; boundary=b' }), body: '--b\r\nContent-Disposition: form-data; name="from"\r\n\r\n2567-Q3\r\n--b--\r\n', status: 403 },
  { name: 'a sign-out from another site (the session stays)', method: 'POST', path: '/logout', headers: () => form('editor', { origin: 'http://evil.example' }), body: '', status: 403 },
  { name: 'a sign-in from another site', method: 'POST', path: '/login', headers: () => form('nobody', { origin: 'http://evil.example' }), body: fields({ username: 'eddie', password: 'amber-lantern-meadow-44' }), status: 403 },

  // ——— Bodies that are not forms, or too large ———
  { name: 'a save sent as JSON', method: 'POST', path: '/p/2567-Q3/otop?/save', headers: () => form('editor', { 'content-type': 'application/json' }), body: () => JSON.stringify({ yaml: draft.yaml, version: draft.version }), status: 415 },
  { name: 'a save sent as text/plain', method: 'POST', path: '/p/2567-Q3/otop?/save', headers: () => form('editor', { 'content-type': 'text/plain' }), body: () => fields({ yaml: draft.yaml, version: String(draft.version) }), status: 415 },
  { name: 'a save as multipart cut off', method: 'POST', path: '/p/2567-Q3/otop?/save', headers: () => form('editor', { 'content-type': 'multipart/form-data; boundary=zz' }), body: '--zz\r\nContent-Disposition: form-data; name="yaml"\r\n\r\nmission: otop', status: 400 },
  { name: 'a save as multipart without a boundary', method: 'POST', path: '/p/2567-Q3/otop?/save', headers: () => form('editor', { 'content-type': 'multipart/form-data' }), body: 'yaml=x', status: 400 },
  { name: 'a publish sent as XML', method: 'POST', path: '/p/2567-Q3/otop?/publish', headers: () => form('publisher', { 'content-type': 'application/xml' }), body: () => `<version>${draft.version}</version>`, status: 415 },
  { name: 'a quarter start sent as text/plain', method: 'POST', path: '/?/start', headers: () => form('editor', { 'content-type': 'text/plain' }), body: 'from=2567-Q3', status: 415 },
  { name: 'a sign-in sent as JSON', method: 'POST', path: '/login', headers: () => form('nobody', { 'content-type': 'application/json' }), body: JSON.stringify({ username: 'eddie', password: 'amber-lantern-meadow-44' }), status: 415 },
  { name: 'a sign-in sent as text/plain', method: 'POST', path: '/login', headers: () => form('nobody', { 'content-type': 'text/plain' }), body: fields({ username: 'eddie', password: 'amber-lantern-meadow-44' }), status: 415 },
  { name: 'a save of 2 MB', method: 'POST', path: '/p/2567-Q3/otop?/save', headers: () => form('editor'), body: () => fields({ yaml: draft.yaml + '#'.repeat(2 * 1024 * 1024), version: String(draft.version) }), status: 413 },
  { name: 'a sign-in of 2 MB (over the 1 MiB + 64 KiB body limit)', method: 'POST', path: '/login', headers: () => form('nobody'), body: fields({ username: 'a'.repeat(2 * 1024 * 1024), password: 'x' }), status: 413 },

  // ——— Writes the store refuses ———
  { name: 'a save over a version someone else saved (stale)', method: 'POST', path: '/p/2567-Q3/otop?/save', headers: () => form('editor'), body: () => fields({ yaml: draft.yaml + '# late\n', version: String(draft.version - 1) }), status: 409 },
  { name: 'a save whose version is not a number', method: 'POST', path: '/p/2567-Q3/otop?/save', headers: () => form('editor'), body: () => fields({ yaml: draft.yaml + '# nan\n', version: 'abc' }), status: 409 },
  { name: 'a save without a version', method: 'POST', path: '/p/2567-Q3/otop?/save', headers: () => form('editor'), body: () => fields({ yaml: draft.yaml + '# none\n' }), status: 409 },
  { name: 'a save that turns the draft into another mission', method: 'POST', path: '/p/2567-Q3/otop?/save', headers: () => form('editor'), body: () => fields({ yaml: draft.yaml.replace('mission: otop', 'mission: bmn'), version: String(draft.version) }), status: 400 },
  { name: 'a save that moves the draft to another period', method: 'POST', path: '/p/2567-Q3/otop?/save', headers: () => form('editor'), body: () => fields({ yaml: draft.yaml.replace('period: 2567-Q3', 'period: 2567-Q4'), version: String(draft.version) }), status: 400 },
  { name: 'a save to a mission with no draft', method: 'POST', path: '/p/2567-Q3/women-fund?/save', headers: () => form('editor'), body: fields({ yaml: 'mission: women-fund\n', version: '1' }), status: 404 },
  { name: 'a save to a mission that does not exist', method: 'POST', path: '/p/2567-Q3/no-such?/save', headers: () => form('editor'), body: fields({ yaml: 'mission: no-such\n', version: '1' }), status: 404 },
  { name: 'a save to a malformed period', method: 'POST', path: '/p/2567-Q9/otop?/save', headers: () => form('editor'), body: fields({ yaml: 'x', version: '1' }), status: 404 },
  { name: 'a publish of a version that is not the draft\'s', method: 'POST', path: '/p/2567-Q3/otop?/publish', headers: () => form('publisher'), body: () => fields({ version: String(draft.version + 7), acknowledge: 'on' }), status: 409 },
  { name: 'a publish of a draft with errors', method: 'POST', path: '/p/2567-Q3/bmn?/publish', headers: () => form('publisher'), body: fields({ version: '2', acknowledge: 'on' }), status: 400 },
  { name: 'a publish of a mission with no draft', method: 'POST', path: '/p/2567-Q3/women-fund?/publish', headers: () => form('publisher'), body: fields({ version: '1', acknowledge: 'on' }), status: 404 },
  { name: 'a correction of a mission never published', method: 'POST', path: '/p/2567-Q3/no-such?/correct', headers: () => form('editor'), body: '', status: 404 },
  { name: 'a second correction of otop (its draft is already open)', method: 'POST', path: '/p/2567-Q3/otop?/correct', headers: () => form('editor'), body: '', status: 200 },
  { name: 'a quarter started from an old period', method: 'POST', path: '/?/start', headers: () => form('editor'), body: fields({ from: '2567-Q2' }), status: 409 },
  { name: 'a quarter started from a path', method: 'POST', path: '/?/start', headers: () => form('editor'), body: fields({ from: '../2567-Q3' }), status: 400 },
  { name: 'a quarter started from nothing', method: 'POST', path: '/?/start', headers: () => form('editor'), body: '', status: 400 },
  { name: 'deleting a published period', method: 'POST', path: '/?/deletePeriod', headers: () => form('publisher'), body: fields({ period: '2567-Q3' }), status: 409 },
  { name: 'deleting a period that does not exist', method: 'POST', path: '/?/deletePeriod', headers: () => form('publisher'), body: fields({ period: '2599-Q1' }), status: 404 },
  { name: 'deleting a period named by SQL', method: 'POST', path: '/?/deletePeriod', headers: () => form('publisher'), body: fields({ period: "2567-Q3' OR '1'='1" }), status: 400 },
  { name: 'an action the page does not have', method: 'POST', path: '/p/2567-Q3/otop?/delete', headers: () => form('publisher'), body: '', status: 404 },
  { name: 'a form post with no action named', method: 'POST', path: '/p/2567-Q3/otop', headers: () => form('publisher'), body: () => fields({ version: String(draft.version) }), status: 404 },
  { name: 'PUT on a mission\'s page', method: 'PUT', path: '/p/2567-Q3/otop', headers: () => form('publisher'), body: () => draft.yaml, status: 405 },
  { name: 'DELETE on a mission\'s page', method: 'DELETE', path: '/p/2567-Q3/otop', headers: () => ({ cookie: cookies.publisher }), status: 405 },
  { name: 'PATCH on the home page', method: 'PATCH', path: '/', headers: () => ({ cookie: cookies.publisher }), body: 'from=2567-Q3', status: 405 },

  // ——— Sign-in and pages with bad input ———
  { name: 'a sign-in with the wrong password', method: 'POST', path: '/login', headers: () => form('nobody'), body: fields({ username: 'eddie', password: 'not-the-password-at-all' }), status: 400 },
  { name: 'a sign-in as nobody who exists', method: 'POST', path: '/login', headers: () => form('nobody'), body: fields({ username: 'mallory', password: 'amber-lantern-meadow-44' }), status: 400 },
  { name: 'a sign-in with no fields', method: 'POST', path: '/login', headers: () => form('nobody'), body: '', status: 400 },
  { name: 'a sign-in with a name of 100 KB', method: 'POST', path: '/login', headers: () => form('nobody'), body: fields({ username: 'e'.repeat(100 * 1024), password: 'x' }), status: 400 },
  { name: 'a sign-in with a NUL in the name', method: 'POST', path: '/login', headers: () => form('nobody'), body: fields({ username: 'eddie\u0000', password: 'amber-lantern-meadow-44' }), status: 400 },
  { name: 'a sign-out without a session', method: 'POST', path: '/logout', headers: () => form('nobody'), body: '', status: 303, location: toLogin },
  { name: 'the language switch sent back to another site', path: `/lang?to=en&back=${encodeURIComponent('https://evil.example/phish')}`, status: 303, location: '/' },
  { name: 'a mission page with a Cyrillic look-alike', path: `/p/2567-Q3/${encodeURIComponent('оtop')}`, headers: () => ({ cookie: cookies.viewer }), status: 404 },
  { name: 'a mission page of 8,000 characters', path: `/p/2567-Q3/${'o'.repeat(8000)}`, headers: () => ({ cookie: cookies.viewer }), status: 404 },
  { name: 'a preview of a malformed period', path: '/p/2567-Q9/preview', headers: () => ({ cookie: cookies.viewer }), status: 404 },
  { name: 'an audit trail of a mission in capitals', path: '/p/2567-Q3/OTOP/audit', headers: () => ({ cookie: cookies.viewer }), status: 404 },
  { name: 'a page path with a broken %-escape', path: '/p/2567-Q3%E0/otop', headers: () => ({ cookie: cookies.viewer }), status: 400 },
];

describe('bad HTTP requests', () => {
  it('are distinct cases', () => {
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    const shape = (c: Case) => JSON.stringify([c.method, c.path, typeof c.headers === 'function' ? c.headers.toString() : c.headers, typeof c.body === 'function' ? c.body.toString() : String(c.body), c.raw]);
    expect(new Set(cases.map(shape)).size).toBe(cases.length);
  });

  for (const c of cases) {
    it(`${c.name}: ${c.status}${c.code ? ` ${c.code}` : ''}`, async () => {
      const before = state();
      const headers = typeof c.headers === 'function' ? c.headers() : (c.headers ?? {});
      const body = typeof c.body === 'function' ? c.body() : c.body;
      const answer = c.raw !== undefined ? await sendRaw(c.raw) : await send(c.method ?? 'GET', c.path!, headers, body);
      expect(answer.status, answer.body.slice(0, 300)).toBe(c.status);
      if (c.code) {
        expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
        if (c.method !== 'HEAD') {
          const error = (JSON.parse(answer.body) as { error: { status: number; code: string; message: { th: string; en: string } } }).error;
          expect(error).toMatchObject({ status: c.status, code: c.code });
          expect(error.message.th).toMatch(/[\u0E00-\u0E7F]/);
          expect(error.message.en).toMatch(/[a-z]{3}/);
        } else {
          expect(answer.body).toBe('');
        }
      }
      if (c.location) {
        const location = String(answer.headers.location);
        if (typeof c.location === 'string') expect(location).toBe(c.location);
        else expect(location).toMatch(c.location);
      }
      // Nothing written or lost, and the server still answers.
      expect(state()).toEqual(before);
      expect((await send('GET', '/api/v1/periods')).status).toBe(200);
    });
  }

  it('(a control) the state read around each case does see a write', async () => {
    const before = state();
    expect((await send('GET', manifest('2567-Q3'), { authorization: `Bearer ${token}` })).status).toBe(200);
    const pulled = state();
    expect(pulled).not.toEqual(before); // the real token's pull moves its time in the ledger
    expect((await runCli('token', 'issue', 'เชียงใหม่', '--db', editor.db)).code).toBe(0);
    expect(state()).not.toEqual(pulled); // and a new token is a new row
  });
});
