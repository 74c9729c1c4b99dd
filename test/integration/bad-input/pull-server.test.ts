// The bad-input suite, `rubric pull`: one named case per way a province's pull can go wrong, most
// of them served by a hostile test server in this file (a second one, on another loopback
// address, stands for "another host" that redirects lead to). Each case pulls into its own copy
// of the last good bundle (in this process, through the CLI's main()) and must end with exit 1, a
// refusal in Thai and English naming what was wrong, the last good bundle byte for byte as it
// was, and no staging or stray file beside it. Slow answers are cut by the server on a timer this
// file sets; nothing here measures time. The pulls run all at once: retries wait, cases do not.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { join, relative } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_FORMAT, generateKeys, manifestBytes, sha256, signBytes, type Manifest } from '../../../engine/node/bundle.js';
import { main } from '../../../engine/cli/main.js';
import { freePort } from '../../browser/harness.js';
import { tempDir } from '../../temp.js';

const PERIOD = '2567-Q3';
const work = tempDir('rubric-bad-pull-');
const keys = generateKeys();
const otherKeys = generateKeys();
const publicKeyFile = join(work, 'department.pub');
writeFileSync(publicKeyFile, keys.publicKey);
const rsaPublicKey = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
const TOKEN = 'province-token-that-stays-home';

const text = (s: string) => new TextEncoder().encode(s);
const FILES: Record<string, Uint8Array> = {
  'missions/bmn/r1.yaml': text('mission: bmn\nrevision: 1\n'),
  'missions/otop/r1.yaml': text('mission: otop\nrevision: 1\n'),
  'missions/otop/r2.yaml': text('mission: otop\nrevision: 2\n'),
};
const entry = (mission: string, revision: number, extra: Record<string, unknown> = {}) => {
  const path = `missions/${mission}/r${revision}.yaml`;
  return { mission, revision, digest: sha256(FILES[path]!), path, ...extra };
};
const manifestOf = (sequence: unknown, missions: unknown, more: Record<string, unknown> = {}) => ({
  format: MANIFEST_FORMAT,
  period: PERIOD,
  sequence,
  publishedAt: '2024-07-01T09:00:00+07:00',
  missions,
  ...more,
});
/** The good bundle every case starts from: sequence 5, bmn r1 and otop r1. */
const GOOD = manifestBytes(manifestOf(5, [entry('bmn', 1), entry('otop', 1)]) as Manifest);
/** The next good manifest, sequence 6 with otop r2: what most cases spoil one part of. */
const NEXT = manifestBytes(manifestOf(6, [entry('bmn', 1), entry('otop', 2)]) as Manifest);
/** Exactly these bytes as a manifest: JSON as written, for fields of the wrong shape. */
const raw = (value: unknown) => text(JSON.stringify(value, null, 2) + '\n');

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
/** What a case's server answers: the manifest, its signature and the files (each bytes, text or a handler). */
interface Serve {
  manifest?: Uint8Array | string | Handler;
  signature?: Uint8Array | string | Handler;
  file?: Handler;
}
interface Case {
  name: string;
  /** What the refusal must say (its English part). */
  says: RegExp;
  serve?: Serve;
  /** Arguments instead of the defaults (given a function of the case's server URL and out folder). */
  args?: (server: string, out: string) => string[];
  /** No bundle held before the pull: the folder must still not exist after it. */
  fresh?: boolean;
  /** Changes made to the case's folder before the pull (they are part of what must stay). */
  setup?: (out: string, folder: string) => void;
}

/** A manifest signed with the department's key (so only its content is wrong). */
const signed = (bytes: Uint8Array, file?: Handler): Serve => ({ manifest: bytes, signature: signBytes(bytes, keys.privateKey), ...(file ? { file } : {}) });
const status = (code: number, headers: Record<string, string> = {}): Handler => (_req, res) => res.writeHead(code, headers).end(code >= 400 ? 'error' : undefined);
const body = (bytes: Uint8Array | string, headers: Record<string, string | number> = {}): Handler => (_req, res) => res.writeHead(200, headers).end(bytes);
/** Sends `bytes` as a file of the sequence-6 manifest, for otop r2. */
const fileOnly = (handler: Handler): Serve => signed(NEXT, handler);

/** Drips `chunk` every `every` ms without end; the server cuts the answer off after `cutAfter` ms, if given. */
function drip(chunk: string, every: number, cutAfter?: number, headers: Record<string, string | number> = {}): Handler {
  return (_req, res) => {
    res.writeHead(200, headers);
    const timer = setInterval(() => res.write(chunk), every);
    const stop = () => clearInterval(timer);
    res.on('close', stop);
    if (cutAfter !== undefined) setTimeout(() => (stop(), res.destroy()), cutAfter);
  };
}

let origin = '';
let otherOrigin = '';
let downOrigin = '';
let garbageOrigin = '';
/** What the other host saw, by case: the authorization header of each request. */
const otherSaw = new Map<string, (string | undefined)[]>();
const other = new Map<string, Serve>();

const cases: Case[] = [
  // ——— Answers that are not the manifest ———
  { name: 'the manifest is not found', says: /the server has nothing published for 2567-Q3/, serve: { manifest: status(404) } },
  { name: 'the manifest answers 500 every time', says: /cannot download .*manifest\.json after 4 attempts \(HTTP 500\)/, serve: { manifest: status(500) } },
  { name: 'the manifest answers 503 every time', says: /cannot download .*manifest\.json after 4 attempts \(HTTP 503\)/, serve: { manifest: status(503, { 'retry-after': '3600' }) } },
  { name: 'the manifest is forbidden (403)', says: /the server answered 403 for the manifest/, serve: { manifest: status(403) } },
  { name: 'the manifest wants a sign-in (401)', says: /the server answered 401 for the manifest/, serve: { manifest: status(401, { 'www-authenticate': 'Basic' }) } },
  { name: 'the manifest answers 204 with no content', says: /the server answered 204 for the manifest/, serve: { manifest: status(204) } },
  { name: 'the manifest answers 418', says: /the server answered 418 for the manifest/, serve: { manifest: status(418) } },
  { name: '304 Not Modified when no bundle is held', says: /the server answered 304 for the manifest/, serve: { manifest: status(304) }, fresh: true },
  { name: 'a redirect with no Location', says: /the server answered 302 for the manifest/, serve: { manifest: status(302) } },
  { name: 'the signature is not found', says: /no manifest signature \(HTTP 404\)/, serve: { manifest: NEXT, signature: status(404) } },
  { name: 'the signature answers 500 every time', says: /cannot download .*manifest\.sig after 4 attempts \(HTTP 500\)/, serve: { manifest: NEXT, signature: status(500) } },
  { name: 'a file is not found', says: /missing file missions\/otop\/r2\.yaml \(HTTP 404\)/, serve: fileOnly(status(404)) },
  { name: 'a file is forbidden (403)', says: /missing file missions\/otop\/r2\.yaml \(HTTP 403\)/, serve: fileOnly(status(403)) },
  { name: 'a file answers 502 every time', says: /cannot download .*missions\/otop\/r2\.yaml after 4 attempts \(HTTP 502\)/, serve: fileOnly(status(502)) },

  // ——— Redirects ———
  { name: 'a redirect to another host serving a manifest signed with another key (the token not sent there)', says: /the manifest signature does not verify/, serve: { manifest: (_req, res) => res.writeHead(302, { location: `${otherOrigin}/forged/manifest.json` }).end(), signature: signBytes(NEXT, keys.privateKey) }, args: (server, out) => pullArgs(server, out, '--token', TOKEN) },
  { name: 'a redirect loop', says: /manifest\.json: more than 5 redirects/, serve: { manifest: (req, res) => res.writeHead(307, { location: req.url! }).end() } },
  { name: 'a redirect to file:///etc/passwd', says: /file:\/\/ is not an https:\/\/ address/, serve: { manifest: status(301, { location: 'file:///etc/passwd' }) } },
  { name: 'a redirect to ftp://', says: /ftp:\/\/evil\.example is not an https:\/\/ address/, serve: { manifest: status(308, { location: 'ftp://evil.example/manifest.json' }) } },
  { name: 'a redirect to a data: URL holding a manifest', says: /data:\/\/ is not an https:\/\/ address/, serve: { manifest: status(302, { location: `data:application/json;base64,${Buffer.from(NEXT).toString('base64')}` }) } },
  { name: 'a redirect to https on a server that speaks plain http', says: /cannot download .*manifest\.json after 4 attempts/, serve: { manifest: (_req, res) => res.writeHead(302, { location: origin.replace('http:', 'https:') + '/x/manifest.json' }).end() } },
  { name: 'the signature redirected to another host that serves another key\'s signature', says: /the manifest signature does not verify/, serve: { manifest: NEXT, signature: (_req, res) => res.writeHead(303, { location: `${otherOrigin}/forged/manifest.sig` }).end() } },
  { name: 'a file redirected to another host that serves other bytes', says: /missions\/otop\/r2\.yaml does not match the manifest/, serve: fileOnly((_req, res) => res.writeHead(302, { location: `${otherOrigin}/forged/r2.yaml` }).end()) },

  // ——— Wrong kinds of answer ———
  { name: 'a captive portal\'s HTML sign-in page instead of the manifest', says: /the manifest signature does not verify/, serve: { manifest: body('<html><body><form>Wi-Fi login</form></body></html>', { 'content-type': 'text/html' }), signature: signBytes(NEXT, keys.privateKey) } },
  { name: 'a manifest compressed with brotli', says: /sent manifest\.json with content-encoding br/, serve: { manifest: body(NEXT, { 'content-encoding': 'br' }), signature: signBytes(NEXT, keys.privateKey) } },
  { name: 'a signature compressed with deflate', says: /sent manifest\.sig with content-encoding deflate/, serve: { manifest: NEXT, signature: body(signBytes(NEXT, keys.privateKey), { 'content-encoding': 'deflate' }) } },
  { name: 'a file compressed with gzip', says: /sent missions\/otop\/r2\.yaml with content-encoding gzip/, serve: fileOnly(body(FILES['missions/otop/r2.yaml']!, { 'content-encoding': 'gzip' })) },

  // ——— Truncated and slow answers ———
  { name: 'a manifest cut off before the length it announced', says: /cannot download .*manifest\.json after 4 attempts/, serve: { manifest: (_req, res) => (res.writeHead(200, { 'content-length': NEXT.length }), res.write(NEXT.subarray(0, 40)), setTimeout(() => res.destroy(), 20)) } },
  { name: 'a signature cut in half', says: /the manifest signature does not verify/, serve: { manifest: NEXT, signature: signBytes(NEXT, keys.privateKey).slice(0, 44) } },
  { name: 'a file ended early without a length', says: /missions\/otop\/r2\.yaml does not match the manifest/, serve: fileOnly(body(FILES['missions/otop/r2.yaml']!.subarray(0, 10))) },
  { name: 'a file cut off before the length it announced', says: /cannot download .*missions\/otop\/r2\.yaml after 4 attempts/, serve: fileOnly((_req, res) => (res.writeHead(200, { 'content-length': 1000 }), res.write('mission: '), setTimeout(() => res.destroy(), 20))) },
  { name: 'a manifest dripped a byte at a time, cut off by the server after 300 ms', says: /cannot download .*manifest\.json after 4 attempts/, serve: { manifest: drip(' ', 20, 300) } },
  { name: 'a signature dripped past its 4 KiB limit', says: /manifest\.sig is larger than 4096 bytes/, serve: { manifest: NEXT, signature: drip('A'.repeat(512), 5) } },
  { name: 'a file dripped past the size its manifest states', says: /missions\/otop\/r2\.yaml is larger than the 26 bytes the manifest states/, serve: signed(manifestBytes(manifestOf(6, [entry('bmn', 1), entry('otop', 2, { size: 26 })]) as Manifest), drip('x'.repeat(64), 5)) },
  { name: 'a manifest announcing 2 GiB', says: /manifest\.json is larger than 1048576 bytes/, serve: { manifest: (_req, res) => (res.writeHead(200, { 'content-length': 2 ** 31 }), res.write('{')) } },

  // ——— Signatures ———
  { name: 'a random signature', says: /the manifest signature does not verify/, serve: { manifest: NEXT, signature: Buffer.alloc(64, 7).toString('base64') } },
  { name: 'a signature made with another key', says: /the manifest signature does not verify/, serve: { manifest: NEXT, signature: signBytes(NEXT, otherKeys.privateKey) } },
  { name: 'an empty signature', says: /the manifest signature does not verify/, serve: { manifest: NEXT, signature: '' } },
  { name: 'a signature that is not base64', says: /the manifest signature does not verify/, serve: { manifest: NEXT, signature: '!!!! not a signature !!!!' } },
  { name: 'the signature of the last good manifest on a new one', says: /the manifest signature does not verify/, serve: { manifest: NEXT, signature: signBytes(GOOD, keys.privateKey) } },
  { name: 'a good signature with bytes put before it', says: /the manifest signature does not verify/, serve: { manifest: NEXT, signature: 'AAAA' + signBytes(NEXT, keys.privateKey) } },
  { name: 'a good signature on a manifest with one byte changed', says: /the manifest signature does not verify/, serve: { manifest: text(new TextDecoder().decode(NEXT).replace('"sequence": 6', '"sequence": 7')), signature: signBytes(NEXT, keys.privateKey) } },

  // ——— Validly signed manifests whose content is wrong ———
  { name: 'an older sequence replayed', says: /manifest sequence 4 is older than the one already held \(5\): a replay, refused/, serve: signed(manifestBytes(manifestOf(4, [entry('bmn', 1), entry('otop', 1)]) as Manifest)) },
  { name: 'a manifest for another period', says: /the manifest is for 2567-Q2, not 2567-Q3/, serve: signed(manifestBytes({ ...manifestOf(6, [entry('bmn', 1)]), period: '2567-Q2' } as Manifest)) },
  { name: 'a signed text that is not JSON', says: /the manifest is not JSON/, serve: signed(text('sequence=6\nmissions=otop\n')) },
  { name: 'signed JSON with a NUL byte in it', says: /the manifest is not JSON/, serve: signed(text(new TextDecoder().decode(NEXT).replace('{', '{\u0000'))) },
  { name: 'signed bytes that are not UTF-8', says: /the manifest is not JSON/, serve: signed(Uint8Array.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])) },
  { name: 'signed JSON lists nested 300,000 deep', says: /the manifest is malformed: manifest: must be object/, serve: signed(text('['.repeat(300_000) + ']'.repeat(300_000))) },
  { name: 'a manifest that is a list', says: /the manifest is malformed: manifest: must be object/, serve: signed(raw([manifestOf(6, [])])) },
  { name: 'a manifest that is null', says: /the manifest is malformed: manifest: must be object/, serve: signed(raw(null)) },
  { name: 'format version 2', says: /format: must be equal to constant/, serve: signed(raw({ ...manifestOf(6, [entry('bmn', 1)]), format: 'cdd-rubric-manifest/2' })) },
  { name: 'no format', says: /manifest: must have required property 'format'/, serve: signed(raw((({ format: _f, ...rest }) => rest)(manifestOf(6, [entry('bmn', 1)])))) },
  { name: 'the period as a number', says: /period: must be string/, serve: signed(raw({ ...manifestOf(6, [entry('bmn', 1)]), period: 2567 })) },
  { name: 'sequence 0', says: /sequence: must be >= 1/, serve: signed(raw(manifestOf(0, [entry('bmn', 1)]))) },
  { name: 'sequence 6.5', says: /sequence: must be integer/, serve: signed(raw(manifestOf(6.5, [entry('bmn', 1)]))) },
  { name: 'sequence 1e400', says: /sequence: must be integer/, serve: signed(text(new TextDecoder().decode(NEXT).replace('"sequence": 6', '"sequence": 1e400'))) },
  { name: 'a sequence past 2^53', says: /sequence: must be <= 9007199254740991/, serve: signed(text(new TextDecoder().decode(NEXT).replace('"sequence": 6', '"sequence": 9007199254740993'))) },
  { name: 'an empty publishedAt', says: /publishedAt: must NOT have fewer than 1 characters/, serve: signed(raw(manifestOf(6, [entry('bmn', 1)], { publishedAt: '' }))) },
  { name: 'publishedAt as a number', says: /publishedAt: must be string/, serve: signed(raw(manifestOf(6, [entry('bmn', 1)], { publishedAt: 1719800000 }))) },
  { name: 'missions as a mapping', says: /missions: must be array/, serve: signed(raw(manifestOf(6, { otop: entry('otop', 2) }))) },
  { name: '1,001 missions', says: /missions: must NOT have more than 1000 items/, serve: signed(raw(manifestOf(6, Array.from({ length: 1001 }, (_, i) => ({ ...entry('otop', 2), mission: `m${i}`, path: `missions/m${i}/r2.yaml` }))))) },
  { name: 'an unknown field at the top', says: /manifest: must NOT have additional properties \(signedBy\)/, serve: signed(raw(manifestOf(6, [entry('bmn', 1)], { signedBy: 'someone' }))) },
  { name: 'an unknown field in a mission', says: /missions\[0\]: must NOT have additional properties \(url\)/, serve: signed(raw(manifestOf(6, [entry('bmn', 1, { url: 'https://evil.example/bmn.yaml' })]))) },
  { name: 'a mission in capitals', says: /missions\[0\]\.mission: must match pattern/, serve: signed(raw(manifestOf(6, [{ ...entry('bmn', 1), mission: 'BMN' }]))) },
  { name: 'revision 0', says: /missions\[0\]\.revision: must be >= 1/, serve: signed(raw(manifestOf(6, [{ ...entry('bmn', 1), revision: 0 }]))) },
  { name: 'a revision as text', says: /missions\[0\]\.revision: must be integer/, serve: signed(raw(manifestOf(6, [{ ...entry('bmn', 1), revision: '1' }]))) },
  { name: 'an MD5 digest', says: /missions\[0\]\.digest: must match pattern/, serve: signed(raw(manifestOf(6, [{ ...entry('bmn', 1), digest: 'md5:' + 'a'.repeat(32) }]))) },
  { name: 'a digest in upper-case hex', says: /missions\[0\]\.digest: must match pattern/, serve: signed(raw(manifestOf(6, [{ ...entry('bmn', 1), digest: entry('bmn', 1).digest.toUpperCase().replace('SHA256', 'sha256') }]))) },
  { name: 'a size of -1', says: /missions\[0\]\.size: must be >= 0/, serve: signed(raw(manifestOf(6, [entry('bmn', 1, { size: -1 })]))) },
  { name: 'a size over the rubric limit', says: /missions\[0\]\.size: must be <= 1048576/, serve: signed(raw(manifestOf(6, [entry('bmn', 1, { size: 2 * 1024 * 1024 })]))) },
  { name: 'a size as text', says: /missions\[0\]\.size: must be integer/, serve: signed(raw(manifestOf(6, [entry('bmn', 1, { size: '26' })]))) },
  { name: 'an absolute path', says: /missions\[0\]\.path: must match pattern/, serve: signed(raw(manifestOf(6, [{ ...entry('bmn', 1), path: '/etc/cron.d/pwned' }]))) },
  { name: 'a mission listed twice', says: /missions\[2\]: mission otop appears twice/, serve: signed(manifestBytes(manifestOf(6, [entry('bmn', 1), entry('otop', 1), entry('otop', 2)]) as Manifest)) },

  // ——— Files that do not match their manifest ———
  { name: 'a file whose digest does not match', says: /missions\/otop\/r2\.yaml does not match the manifest \(received sha256:/, serve: fileOnly(body('mission: otop\nrevision: 2\npwned: true\n')) },
  { name: 'an empty file', says: /missions\/otop\/r2\.yaml does not match the manifest/, serve: fileOnly(body('')) },
  { name: 'a file shorter than its stated size', says: /missions\/otop\/r2\.yaml is 26 bytes, the manifest states 27/, serve: signed(manifestBytes(manifestOf(6, [entry('bmn', 1), entry('otop', 2, { size: 27 })]) as Manifest), body(FILES['missions/otop/r2.yaml']!)) },
  { name: 'a file served for the wrong revision', says: /missions\/otop\/r2\.yaml does not match the manifest/, serve: fileOnly(body(FILES['missions/otop/r1.yaml']!)) },

  // ——— What the province itself gives the command ———
  { name: 'a public key that is not PEM', says: /the public key is not an Ed25519 public key in PEM/, args: (server, out) => pullArgs(server, out, '--public-key', join(work, 'garbage.pub')) },
  { name: 'an RSA public key', says: /the public key is not an Ed25519 public key in PEM/, args: (server, out) => pullArgs(server, out, '--public-key', join(work, 'rsa.pub')) },
  { name: 'a public key file that does not exist', says: /cannot read the public key .*missing\.pub \(ENOENT\)/, args: (server, out) => pullArgs(server, out, '--public-key', join(work, 'missing.pub')) },
  { name: 'a public key that is a folder', says: /cannot read the public key .* \(EISDIR\)/, args: (server, out) => pullArgs(server, out, '--public-key', work) },
  { name: 'a server that is not an address', says: /"not a server" is not a server address/, args: (_server, out) => pullArgs('not a server', out) },
  { name: 'an ftp:// server', says: /ftp:\/\/127\.0\.0\.1 is not an https:\/\/ address/, args: (_server, out) => pullArgs('ftp://127.0.0.1/', out) },
  { name: 'plain http without --allow-http', says: /is plain http, not https:\/\//, args: (server, out) => pullArgs(server, out).filter((a) => a !== '--allow-http') },
  { name: 'quarter 5', says: /"2567-Q5" is not a period/, args: (server, out) => pullArgs(server, out).map((a) => (a === PERIOD ? '2567-Q5' : a)) },
  { name: 'a period that is a path', says: /"\.\.\/\.\." is not a period/, args: (server, out) => pullArgs(server, out).map((a) => (a === PERIOD ? '../..' : a)) },
  { name: 'the held bundle\'s saved state damaged', says: /the saved state .*\.pull\.json is damaged/, setup: (out) => writeFileSync(join(out, PERIOD, '.pull.json'), '{"sequence":"five"'), serve: signed(NEXT) },
  { name: '--out naming a file', says: /the pull failed: .*(ENOTDIR|EEXIST)/, fresh: true, setup: (out) => writeFileSync(out, 'not a folder'), serve: signed(NEXT) },
  { name: 'a server that is down', says: /cannot download .*manifest\.json after 4 attempts/, args: (_server, out) => pullArgs(downOrigin, out) },
  { name: 'a server that hangs up without answering', says: /cannot download .*manifest\.json after 4 attempts/, serve: { manifest: (req) => req.socket.destroy() } },
  { name: 'a server that answers something other than HTTP', says: /cannot download .*manifest\.json after 4 attempts/, args: (_server, out) => pullArgs(garbageOrigin, out) },
];

// What "another host" serves: the forged answers redirects lead to.
/** A manifest another host would have provinces take: a sequence far ahead, signed with its own key. */
const FORGED = manifestBytes(manifestOf(99, [entry('bmn', 1), entry('otop', 2)]) as Manifest);
other.set('forged', {
  manifest: FORGED,
  signature: signBytes(FORGED, otherKeys.privateKey),
  file: body('mission: otop\nrevision: 2\nforged: true\n'),
});

function pullArgs(server: string, out: string, ...extra: string[]): string[] {
  const args = ['pull', '--server', server, '--period', PERIOD, '--out', out, '--public-key', publicKeyFile, '--allow-http'];
  for (let i = 0; i < extra.length; i += 2) {
    const at = args.indexOf(extra[i]!);
    if (at >= 0) args[at + 1] = extra[i + 1]!;
    else args.push(extra[i]!, extra[i + 1]!);
  }
  return args;
}

/** Routes /<case>/api/v1/periods/<period>/<file> to the case's answers. */
function router(table: Map<string, Serve>, seen?: Map<string, (string | undefined)[]>): Handler {
  return (req, res) => {
    res.on('error', () => {});
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const name = decodeURIComponent(path.split('/')[1] ?? '');
    seen?.set(name, [...(seen.get(name) ?? []), req.headers.authorization]);
    const serve = table.get(name);
    if (!serve) return void res.writeHead(404).end('no such case');
    const file = path.slice(name.length + 2).replace(`api/v1/periods/${PERIOD}/`, '');
    const answer = (what: Serve[keyof Serve] | undefined, fallback?: Uint8Array) => {
      if (typeof what === 'function') return what(req, res);
      const bytes = what ?? fallback;
      if (bytes === undefined) return void res.writeHead(404).end('not found');
      res.writeHead(200).end(bytes);
    };
    if (file === 'manifest.json') answer(serve.manifest);
    else if (file === 'manifest.sig') answer(serve.signature);
    else if (serve.file) serve.file(req, res);
    else answer(undefined, FILES[file]);
  };
}

const byName = new Map<string, Serve>();
const servers: (Server | NetServer)[] = [];
/** The connections to the server that does not speak HTTP, closed at the end (the client may leave them open). */
const garbageSockets = new Set<Socket>();
const template = join(work, 'template');

async function listen(server: Server | NetServer, host: string): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return `http://${host}:${(server.address() as { port: number }).port}`;
}

/** `rubric …` run in this process. */
async function cli(args: string[]): Promise<{ code: number | 'threw'; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) => new Writable({ write: (chunk, _enc, done) => (append(String(chunk)), done()) }) as never;
  try {
    const code = await main(args, sink((s) => (stdout += s)), sink((s) => (stderr += s)));
    return { code, stdout, stderr };
  } catch (error) {
    return { code: 'threw', stdout, stderr: stderr + String((error as Error).stack) };
  }
}

/** Every file under a folder with its digest (a folder named as such, so an empty one counts). */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) {
        files[relative(folder, path) + '/'] = 'folder';
        walk(path);
      } else files[relative(folder, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  if (existsSync(folder)) walk(folder);
  return files;
}

beforeAll(async () => {
  writeFileSync(join(work, 'garbage.pub'), '-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n');
  writeFileSync(join(work, 'rsa.pub'), rsaPublicKey);
  for (const [i, c] of cases.entries()) byName.set(`case${i}`, c.serve ?? {});
  byName.set('good', { manifest: GOOD, signature: signBytes(GOOD, keys.privateKey) });

  const server = createServer(router(byName));
  server.keepAliveTimeout = 500;
  origin = await listen(server, '127.0.0.1');
  otherOrigin = await listen(createServer(router(other, otherSaw)), '127.0.0.2');
  garbageOrigin = await listen(
    createNetServer((socket) => {
      garbageSockets.add(socket.on('close', () => garbageSockets.delete(socket)));
      socket.end('HELLO, THIS IS NOT HTTP\r\n\r\n');
    }),
    '127.0.0.1',
  );
  downOrigin = `http://127.0.0.1:${await freePort()}`;

  // The last good bundle, pulled for real from the same server.
  const first = await cli(pullArgs(`${origin}/good`, join(template, 'bundles')));
  expect(first.stderr).not.toContain('THREW');
  expect(first.code).toBe(0);
  expect(Object.keys(snapshot(join(template, 'bundles'))).sort()).toEqual(
    [`${PERIOD}/`, ...['.pull.json', 'manifest.json', 'manifest.sig', 'missions/', 'missions/bmn/', 'missions/bmn/r1.yaml', 'missions/otop/', 'missions/otop/r1.yaml'].map((f) => `${PERIOD}/${f}`)].sort(),
  );
}, 60_000);

afterAll(async () => {
  for (const socket of garbageSockets) socket.destroy();
  for (const server of servers) {
    if ('closeAllConnections' in server) server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

describe('rubric pull from a hostile server', () => {
  it('are distinct cases', () => {
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  describe('each refused', () => {
    /** Each case's pull, all run at once (their retries wait side by side), with its folder before and after. */
    const runs: { run: Awaited<ReturnType<typeof cli>>; before: Record<string, string>; after: Record<string, string>; out: string }[] = [];
    beforeAll(async () => {
      await Promise.all(
        cases.map(async (c, index) => {
          const folder = join(work, `case-${index}`);
          const out = join(folder, 'bundles');
          mkdirSync(folder, { recursive: true });
          if (!c.fresh) cpSync(join(template, 'bundles'), out, { recursive: true });
          c.setup?.(out, folder);
          const before = snapshot(folder);
          const server = `${origin}/case${index}`;
          const run = await cli(c.args ? c.args(server, out) : pullArgs(server, out));
          runs[index] = { run, before, after: snapshot(folder), out };
        }),
      );
    }, 60_000);

    cases.forEach((c, index) => {
      it(c.name, () => {
        const { run, before, after, out } = runs[index]!;
        expect(run.stderr).not.toContain('THREW');
        expect(run.stderr).not.toMatch(/\n\s+at /);
        expect(run.code, run.stderr).toBe(1);
        expect(run.stdout).toBe('');
        const refusal = run.stderr.split('\n').find((line) => line.startsWith('rubric: ปฏิเสธ / refused: '));
        expect(refusal, run.stderr).toBeDefined();
        expect(refusal).toMatch(c.says);
        expect(refusal!.slice('rubric: ปฏิเสธ / refused: '.length).split(' / ')[0]).toMatch(/[\u0E00-\u0E7F]/);
        expect(refusal).toContain('; ชุดเดิมยังอยู่ / the last good bundle is kept');
        // The last good bundle as it was, and nothing beside it: no staging, no previous copy, no stray file.
        expect(after).toEqual(before);
        if (!c.fresh) expect(readdirSync(out)).toEqual([PERIOD]);
        else expect(existsSync(out) ? statSync(out).isFile() : false).toBe(c.setup !== undefined);
      });
    });
  });

  it('sent the token to no other host', () => {
    expect([...otherSaw.values()].flat().filter((auth) => auth !== undefined)).toEqual([]);
    expect(otherSaw.size).toBeGreaterThan(0);
  });
});
