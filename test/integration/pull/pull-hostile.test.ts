import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, relative } from 'node:path';
import { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_FORMAT, generateKeys, manifestBytes, sha256, signBytes, type Manifest } from '../../../engine/node/bundle.js';
import { main } from '../../../engine/cli/main.js';
import { tempDir } from '../../temp.js';

// `rubric pull` against a hostile server: endless and compressed answers, a huge signature, a
// validly signed manifest that points outside the bundle or is malformed, a file larger than the
// manifest states, and plain http. Each is refused with exit 1 and a bilingual message naming the
// problem, nothing is written outside --out, the last good bundle stays as it was, and memory
// stays bounded. The pulls run in this process (the CLI's main()), so its RSS is what is measured.

const PERIOD = '2567-Q3';
const MiB = 1024 * 1024;
/** The most any one hostile answer sends, so that a pull that does not stop still ends. */
const SERVE_CAP = 256 * MiB;
/** The most requests the hostile server answers in all. */
const REQUEST_CAP = 400;
/** How much the process may grow during one refused pull. */
const MEMORY_BOUND = 100 * MiB;

const work = tempDir('rubric-hostile-');
const out = join(work, 'province', 'bundles');
const publicKeyFile = join(work, 'department.pub');
/** The last good bundle, kept aside so that every case starts from it (a case's damage cannot leak into the next). */
const saved = `${work}-good`;
const keys = generateKeys();

const text = (s: string) => new TextEncoder().encode(s);
const goodFiles: Record<string, Uint8Array> = {
  'missions/bmn/r1.yaml': text('mission: bmn\nrevision: 1\n'),
  'missions/otop/r1.yaml': text('mission: otop\nrevision: 1\n'),
};
const entry = (mission: string, revision: number, bytes: Uint8Array, extra: Record<string, unknown> = {}) => ({
  mission,
  revision,
  digest: sha256(bytes),
  path: `missions/${mission}/r${revision}.yaml`,
  ...extra,
});
const base = (sequence: unknown, missions: unknown) => ({ format: MANIFEST_FORMAT, period: PERIOD, sequence, publishedAt: '2024-07-01T09:00:00+07:00', missions });
const goodManifest = manifestBytes(base(5, [entry('bmn', 1, goodFiles['missions/bmn/r1.yaml']!), entry('otop', 1, goodFiles['missions/otop/r1.yaml']!)]) as Manifest);
/** Exactly these bytes, signed with the test's key: the signature is good, the content is not. */
const signedJson = (value: unknown) => text(JSON.stringify(value, null, 2) + '\n');

const escapeBytes = text('pwned: true\n');
const smallFile = text('mission: otop\nrevision: 2\n');

/** What each hostile case serves: its manifest, signature and files (a path's handler or bytes). */
interface Case {
  manifest?: Uint8Array | ((res: ServerResponse) => void);
  signature?: string | ((res: ServerResponse) => void);
  file?: (path: string, res: ServerResponse) => void;
}
const cases = new Map<string, Case>();
const requests = new Map<string, number>();
const acceptEncoding = new Map<string, string | undefined>();
let served = 0;
let gzipBomb: Buffer;

/** Sends `total` bytes of `fill` in 64 KiB chunks, minding backpressure, until done or the client leaves. */
function stream(res: ServerResponse, total: number, fill: string, headers: Record<string, string | number> = {}): void {
  res.writeHead(200, { 'content-type': 'application/octet-stream', ...headers });
  const chunk = Buffer.alloc(64 * 1024, fill);
  let sent = 0;
  let gone = false;
  res.on('close', () => (gone = true));
  const pump = () => {
    while (!gone && sent < total) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!gone) res.end();
  };
  pump();
}

function answer(req: IncomingMessage, res: ServerResponse): void {
  res.on('error', () => {});
  if (++served > REQUEST_CAP) return void res.writeHead(429).end('enough');
  const [, name = '', ...restParts] = new URL(req.url ?? '/', 'http://x').pathname.split('/');
  const rest = restParts.join('/');
  requests.set(name, (requests.get(name) ?? 0) + 1);
  acceptEncoding.set(name, req.headers['accept-encoding']);
  const hostile = cases.get(name);
  const prefix = `api/v1/periods/${PERIOD}/`;
  if (!hostile) return void res.writeHead(404).end('not found');
  // A case with its own file handler answers any path (`../../escape.yaml` leaves the period's folder).
  if (!rest.startsWith(prefix)) return void (hostile.file ? hostile.file(rest, res) : res.writeHead(404).end('not found'));
  const file = rest.slice(prefix.length);
  const send = (what: Uint8Array | string | ((res: ServerResponse) => void) | undefined) => {
    if (what === undefined) res.writeHead(404).end('not found');
    else if (typeof what === 'function') what(res);
    else res.writeHead(200).end(what);
  };
  if (file === 'manifest.json') send(hostile.manifest);
  else if (file === 'manifest.sig') send(hostile.signature);
  else if (hostile.file) hostile.file(file, res);
  else send(goodFiles[file]);
}

/** A case serving a manifest signed with the department's (the test's) key. */
function signedCase(manifest: Uint8Array, file?: Case['file']): Case {
  return { manifest, signature: signBytes(manifest, keys.privateKey), ...(file ? { file } : {}) };
}

let server: Server;
let origin = '';

beforeAll(async () => {
  writeFileSync(publicKeyFile, keys.publicKey);
  // A gzip bomb made on the fly: about 256 KiB that inflate to 256 MiB.
  gzipBomb = await new Promise<Buffer>((resolve, reject) => {
    const gzip = createGzip({ level: 9 });
    const parts: Buffer[] = [];
    gzip.on('data', (d: Buffer) => parts.push(d)).on('end', () => resolve(Buffer.concat(parts))).on('error', reject);
    const zeros = Buffer.alloc(MiB, ' ');
    let left = SERVE_CAP / MiB;
    const feed = () => {
      while (left > 0) {
        left--;
        if (!gzip.write(zeros)) return void gzip.once('drain', feed);
      }
      gzip.end();
    };
    feed();
  });

  cases.set('good', signedCase(goodManifest));
  cases.set('plain', signedCase(goodManifest));
  cases.set('endless', { manifest: (res) => stream(res, SERVE_CAP, ' '), signature: signBytes(goodManifest, keys.privateKey) });
  cases.set('gzip', {
    manifest: (res) => res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': gzipBomb.length }).end(gzipBomb),
    signature: signBytes(goodManifest, keys.privateKey),
  });
  cases.set('bigsig', { manifest: goodManifest, signature: (res) => stream(res, SERVE_CAP, 'A') });
  cases.set('escape', signedCase(signedJson(base(6, [{ mission: 'otop', revision: 1, digest: sha256(escapeBytes), path: '../../escape.yaml' }])), (_path, res) => res.writeHead(200).end(escapeBytes)));
  cases.set('path-mismatch', signedCase(signedJson(base(6, [{ ...entry('otop', 1, goodFiles['missions/otop/r1.yaml']!), path: 'missions/bmn/r1.yaml' }]))));
  cases.set('missions-string', signedCase(signedJson(base(6, 'x'))));
  cases.set('missions-null', signedCase(signedJson(base(6, [null]))));
  cases.set('path-number', signedCase(signedJson(base(6, [{ ...entry('otop', 1, goodFiles['missions/otop/r1.yaml']!), path: 42 }]))));
  cases.set(
    'sequence-string',
    signedCase(signedJson(base('1000', [entry('bmn', 1, goodFiles['missions/bmn/r1.yaml']!), entry('otop', 1, goodFiles['missions/otop/r1.yaml']!)]))),
  );
  // The manifest states the file's size; the server sends 256 MiB instead (chunked, no length).
  cases.set(
    'bigfile',
    signedCase(signedJson(base(6, [entry('bmn', 1, goodFiles['missions/bmn/r1.yaml']!), entry('otop', 2, smallFile, { size: smallFile.length })])), (path, res) =>
      path === 'missions/otop/r2.yaml' ? stream(res, SERVE_CAP, 'x') : res.writeHead(200).end(goodFiles[path]),
    ),
  );
  // No size stated: the rubric limit (1 MiB) applies; this one announces its 256 MiB up front.
  cases.set(
    'bigfile-nosize',
    signedCase(signedJson(base(6, [entry('bmn', 1, goodFiles['missions/bmn/r1.yaml']!), entry('otop', 3, smallFile)])), (path, res) =>
      path === 'missions/otop/r3.yaml' ? stream(res, SERVE_CAP, 'x', { 'content-length': SERVE_CAP }) : res.writeHead(200).end(goodFiles[path]),
    ),
  );

  server = createServer(answer);
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}, 60_000);

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  rmSync(work, { recursive: true, force: true });
  rmSync(saved, { recursive: true, force: true });
});

/** Runs `rubric pull …` in this process; reports the exit code (or that it threw) and the peak memory growth. */
async function pull(...args: string[]): Promise<{ code: number | 'threw'; stdout: string; stderr: string; rssGrowth: number; bufferGrowth: number }> {
  restoreGood();
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) => new Writable({ write: (chunk, _enc, done) => (append(String(chunk)), done()) });
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakBuffers = before.arrayBuffers;
  const sample = () => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakBuffers = Math.max(peakBuffers, now.arrayBuffers);
  };
  const timer = setInterval(sample, 5);
  let code: number | 'threw';
  try {
    code = await main(args, sink((s) => (stdout += s)) as unknown as typeof process.stdout, sink((s) => (stderr += s)) as unknown as typeof process.stderr);
  } catch (error) {
    code = 'threw';
    stderr += `THREW: ${(error as Error).stack ?? String(error)}`;
  } finally {
    clearInterval(timer);
    sample();
  }
  return { code, stdout, stderr, rssGrowth: peakRss - before.rss, bufferGrowth: peakBuffers - before.arrayBuffers };
}

function restoreGood(): void {
  if (!existsSync(saved)) return;
  rmSync(out, { recursive: true, force: true });
  cpSync(saved, out, { recursive: true });
}

const pullFrom = (name: string, ...extra: string[]) =>
  pull('pull', '--server', `${origin}/${name}`, '--period', PERIOD, '--out', out, '--public-key', publicKeyFile, '--allow-http', ...extra);

/** Every file under the work folder (the bundle and everything around --out), with its digest. */
function snapshot(dir = work): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(work, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return files;
}

let good: Record<string, string>;

describe('rubric pull from a hostile server', () => {
  it('first pulls a good bundle from the same server', async () => {
    const run = await pullFrom('good');
    expect(run.stderr).not.toContain('THREW');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${PERIOD} sequence 5`);
    expect(readFileSync(join(out, PERIOD, 'missions/otop/r1.yaml'))).toEqual(Buffer.from(goodFiles['missions/otop/r1.yaml']!));
    good = snapshot();
    expect(Object.keys(good).sort()).toEqual(
      ['department.pub', ...['manifest.json', 'manifest.sig', '.pull.json', 'missions/bmn/r1.yaml', 'missions/otop/r1.yaml'].map((f) => join('province', 'bundles', PERIOD, f))].sort(),
    );
    cpSync(out, saved, { recursive: true });
  });

  /** The common checks: exit 1, a bilingual refusal naming the problem, nothing else touched, memory bounded. */
  async function refused(run: Awaited<ReturnType<typeof pull>>, ...problem: (string | RegExp)[]): Promise<void> {
    expect(run.stderr).not.toContain('THREW');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(run.code).toBe(1);
    for (const p of problem) expect(run.stderr).toMatch(typeof p === 'string' ? new RegExp(p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : p);
    expect(run.stderr).toMatch(/[\u0E00-\u0E7F]/); // Thai
    expect(run.stderr).toContain('the last good bundle is kept');
    // Nothing written outside --out, no stray staging folder, the last good bundle byte for byte.
    expect(snapshot()).toEqual(good);
    expect(readdirSync(out)).toEqual([PERIOD]);
    expect(existsSync(join(work, 'province', 'escape.yaml'))).toBe(false);
    expect(run.rssGrowth).toBeLessThan(MEMORY_BOUND);
    expect(run.bufferGrowth).toBeLessThan(MEMORY_BOUND);
  }

  it('refuses an endless manifest once it passes the manifest limit', async () => {
    await refused(await pullFrom('endless'), 'manifest.json is larger than');
  });

  it('refuses a compressed (gzip bomb) manifest without inflating it, and asks for identity', async () => {
    await refused(await pullFrom('gzip'), 'content-encoding gzip');
    expect(acceptEncoding.get('gzip')).toBe('identity');
  });

  it('refuses a huge signature once it passes the signature limit', async () => {
    await refused(await pullFrom('bigsig'), 'manifest.sig is larger than');
  });

  it('refuses a validly signed manifest whose path leads outside the bundle', async () => {
    await refused(await pullFrom('escape'), 'missions[0].path', '../../escape.yaml');
    expect(existsSync(join(work, 'escape.yaml'))).toBe(false);
  });

  it("refuses a validly signed manifest whose path is not its mission's and revision's", async () => {
    await refused(await pullFrom('path-mismatch'), 'missions[0].path is "missions/bmn/r1.yaml", expected "missions/otop/r1.yaml"');
  });

  it('refuses a validly signed manifest whose missions are not a list', async () => {
    await refused(await pullFrom('missions-string'), 'malformed', 'missions: must be array');
  });

  it('refuses a validly signed manifest whose missions hold null', async () => {
    await refused(await pullFrom('missions-null'), 'malformed', 'missions[0]: must be object');
  });

  it('refuses a validly signed manifest whose path is a number', async () => {
    await refused(await pullFrom('path-number'), 'malformed', 'missions[0].path: must be string');
  });

  it('refuses a validly signed manifest whose sequence is a string', async () => {
    await refused(await pullFrom('sequence-string'), 'malformed', 'sequence: must be integer');
  });

  it('refuses a file larger than the size the manifest states', async () => {
    await refused(await pullFrom('bigfile'), `missions/otop/r2.yaml is larger than the ${smallFile.length} bytes the manifest states`);
  });

  it('refuses a file larger than the 1 MiB rubric limit when the manifest states no size', async () => {
    await refused(await pullFrom('bigfile-nosize'), 'missions/otop/r3.yaml is larger than 1048576 bytes');
  });

  it('refuses a plain http server without --allow-http, before asking it anything', async () => {
    const run = await pull('pull', '--server', `${origin}/plain`, '--period', PERIOD, '--out', out, '--public-key', publicKeyFile);
    await refused(run, 'https://', '--allow-http');
    expect(requests.get('plain') ?? 0).toBe(0);
  });

  it('still pulls from the good endpoint afterwards (the refusals left nothing in the way)', async () => {
    const run = await pullFrom('good');
    expect(run.code).toBe(0);
    expect(snapshot()).toEqual(good);
  });
});
