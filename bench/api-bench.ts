// npm run bench:api: the public API of the built server against nginx serving the same files as a
// static export (`rubric export`), under the same load: a versioned rubric GET, a 304 revalidation
// of manifest.json, and the whole-period bundle.json. Prints requests/s, p99 latency and the
// app/nginx ratio measured in this run; the goal (at least half of nginx's rate for 304s, rubric
// GETs and the bundle, each served from memory) is reported, never asserted.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli, startEditor, type Editor } from '../test/browser/harness.js';
import { startNginx, type Nginx } from '../test/nginx.js';

// autocannon 9 ships no type declarations: the part of its API used here.
interface CannonResult {
  requests: { average: number; total: number };
  latency: { p99: number; average: number };
  errors: number;
  timeouts: number;
  resets: number;
  '1xx': number;
  '2xx': number;
  '3xx': number;
  '4xx': number;
  '5xx': number;
  statusCodeStats: Record<string, { count: number }>;
}
interface CannonInstance extends PromiseLike<CannonResult> {
  stop(): void;
}
type Cannon = (options: {
  url: string;
  connections: number;
  pipelining: number;
  duration: number;
  timeout: number;
  headers?: Record<string, string>;
}) => CannonInstance;
const autocannon = createRequire(import.meta.url)('autocannon') as Cannon;

const PERIOD = '2567-Q3';
const API = `/api/v1/periods/${PERIOD}`;
const DURATION = 5; // seconds per measured run
const WARMUP = 1; // seconds per warm-up run
const CONNECTIONS = 50;
const PIPELINING = 1;


/** The CLI, asynchronously, so that nothing in this process stops answering while it runs. */
const rubric = runCli;

/** How the benchmark's nginx differs from the tests' (test/nginx.ts): the API's media types, sendfile, ETags and long keep-alive. */
const NGINX_TUNING = {
  types: 'types { application/json json; application/yaml yaml; text/plain sig; }',
  http: ['sendfile on;', 'tcp_nopush on;', 'etag on;', 'keepalive_timeout 65;', 'keepalive_requests 1000000;'],
  connections: 1024,
};

/** Stops a child and waits (at most 5 s) for it to exit. */
async function stopChild(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5000).unref());
  if ((await Promise.race([exited, timer])) === 'timeout') child.kill('SIGKILL');
}

/** One load run, bounded: autocannon stops itself after `duration`; a guard stops it 5 s later. */
async function load(url: string, duration: number, headers: Record<string, string> = {}, connections = CONNECTIONS): Promise<CannonResult> {
  const instance = autocannon({ url, connections, pipelining: PIPELINING, duration, timeout: 10, headers });
  const guard = setTimeout(() => instance.stop(), (duration + 5) * 1000);
  try {
    return await instance;
  } finally {
    clearTimeout(guard);
  }
}

/** What went wrong in a run: anything but 2xx/3xx, connection errors, timeouts, unexpected statuses. */
function problems(result: CannonResult, expected: number): string[] {
  const found: string[] = [];
  const bad = result['1xx'] + result['4xx'] + result['5xx'];
  if (bad > 0) found.push(`${bad} responses not 2xx/3xx`);
  if (result.errors > 0) found.push(`${result.errors} errors`);
  if (result.timeouts > 0) found.push(`${result.timeouts} timeouts`);
  const other = Object.entries(result.statusCodeStats).filter(([code]) => Number(code) !== expected);
  if (other.length > 0) found.push(`statuses other than ${expected}: ${other.map(([c, s]) => `${c}×${s.count}`).join(', ')}`);
  if (result.requests.total === 0) found.push('no request completed');
  return found;
}

interface Case {
  name: string;
  path: string;
  expected: number;
  headers: { app: Record<string, string>; nginx: Record<string, string> };
}

const work = mkdtempSync(join(tmpdir(), 'rubric-api-bench-'));
let editor: Editor | undefined;
let nginx: Nginx | undefined;
// Whatever happens, no server outlives this process.
process.on('exit', () => {
  // SIGTERM, not SIGKILL: nginx's master then stops its worker too.
  nginx?.stop();
  editor?.stop();
  rmSync(work, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping nginx and the app`);
    process.exit(130);
  });
}

let failed = false;
try {
  // 1. The app, its signing key (made by the first manifest request), the export, nginx over it.
  editor = await startEditor([]);
  const app = editor.base;
  const first = await fetch(`${app}${API}/manifest.json`);
  if (first.status !== 200) throw new Error(`manifest.json: ${first.status} from the app`);
  await first.arrayBuffer();
  const exported = join(work, 'export');
  const run = await rubric('export', '--out', exported, '--db', editor.db, '--signing-key', join(dirname(editor.db), 'signing', 'department.key'), '--url', 'http://127.0.0.1');
  if (run.code !== 0) throw new Error(`rubric export failed (${run.code}):\n${run.stdout}${run.stderr}`);
  const periodDir = join(exported, 'api/v1/periods', PERIOD);
  nginx = await startNginx(exported, NGINX_TUNING);
  const web = nginx.base;

  // The same bytes from both, and the headers each answers with.
  for (const path of ['missions/otop/r1.yaml', 'manifest.json', 'bundle.json']) {
    const [a, n] = await Promise.all([fetch(`${app}${API}/${path}`), fetch(`${web}${API}/${path}`)]);
    const [ab, nb] = [Buffer.from(await a.arrayBuffer()), Buffer.from(await n.arrayBuffer())];
    if (a.status !== 200 || n.status !== 200) throw new Error(`${path}: app ${a.status}, nginx ${n.status}`);
    if (!ab.equals(nb)) throw new Error(`${path}: the app and nginx serve different bytes (${ab.length} vs ${nb.length})`);
    if (path.endsWith('.yaml') && !/immutable/.test(a.headers.get('cache-control') ?? '')) {
      throw new Error(`${path}: the app's Cache-Control is ${a.headers.get('cache-control')}, not immutable`);
    }
  }

  // 304s: each server's own ETag (nginx computes "mtime-size"), checked to give a 304 once.
  const etagOf = async (base: string): Promise<string> => {
    const response = await fetch(`${base}${API}/manifest.json`);
    await response.arrayBuffer();
    const etag = response.headers.get('etag');
    if (!etag) throw new Error(`${base}: manifest.json has no ETag`);
    return etag;
  };
  const appEtag = await etagOf(app);
  const webEtag = await etagOf(web);
  for (const [who, base, etag] of [['app', app, appEtag], ['nginx', web, webEtag]] as const) {
    const response = await fetch(`${base}${API}/manifest.json`, { headers: { 'if-none-match': etag } });
    await response.arrayBuffer();
    if (response.status !== 304) throw new Error(`${who}: manifest.json with If-None-Match ${etag} answered ${response.status}, not 304`);
  }

  const cases: Case[] = [
    { name: 'rubric GET (r1.yaml, 200)', path: `${API}/missions/otop/r1.yaml`, expected: 200, headers: { app: {}, nginx: {} } },
    {
      name: '304 revalidation (manifest.json)',
      path: `${API}/manifest.json`,
      expected: 304,
      headers: { app: { 'if-none-match': appEtag }, nginx: { 'if-none-match': webEtag } }
    },
    { name: 'bundle download (bundle.json, 200)', path: `${API}/bundle.json`, expected: 200, headers: { app: {}, nginx: {} } },
  ];

  const sizes = {
    rubric: readFileSync(join(periodDir, 'missions/otop/r1.yaml')).length,
    bundle: readFileSync(join(periodDir, 'bundle.json')).length,
  };
  console.log(`API benchmark: built app (node editor/serve.js, one process) vs nginx (Debian's, worker_processes 1, access_log off, etag on, sendfile on)`);
  console.log(`machine: ${availableParallelism()} cores, shared by autocannon (in this process) and the server under test; load average before: ${loadavg()[0]!.toFixed(2)}`);
  console.log(`load: autocannon ${CONNECTIONS} connections, pipelining ${PIPELINING}, ${DURATION} s per run, loopback only; app at ${app}, nginx at ${web}`);
  console.log(`files: r1.yaml ${sizes.rubric} bytes, bundle.json ${sizes.bundle} bytes; ETags: app ${appEtag}, nginx ${webEtag}`);

  // 2. Warm-up (the app's JIT, SQLite's page cache, nginx's file cache), then the measured runs.
  for (const c of cases) {
    await load(`${app}${c.path}`, WARMUP, c.headers.app, 10);
    await load(`${web}${c.path}`, WARMUP, c.headers.nginx, 10);
  }
  const rows: { c: Case; app: CannonResult; nginx: CannonResult }[] = [];
  for (const c of cases) {
    const a = await load(`${app}${c.path}`, DURATION, c.headers.app);
    const n = await load(`${web}${c.path}`, DURATION, c.headers.nginx);
    rows.push({ c, app: a, nginx: n });
  }

  // 3. The table and the verdicts.
  const num = (x: number, digits = 0): string => x.toFixed(digits).padStart(10);
  console.log('');
  console.log(`${'case'.padEnd(36)}${'app req/s'.padStart(10)}${'nginx req/s'.padStart(12)}${'app/nginx'.padStart(10)}${'app p99 ms'.padStart(12)}${'nginx p99'.padStart(10)}`);
  for (const { c, app: a, nginx: n } of rows) {
    const ratio = a.requests.average / n.requests.average;
    console.log(
      `${c.name.padEnd(36)}${num(a.requests.average)}${num(n.requests.average).padStart(12)}${num(ratio, 2)}${num(a.latency.p99, 1).padStart(12)}${num(n.latency.p99, 1)}`,
    );
  }
  console.log('');
  for (const { c, app: a, nginx: n } of rows) {
    for (const [who, r] of [['app', a], ['nginx', n]] as const) {
      const found = problems(r, c.expected);
      if (found.length > 0) {
        failed = true;
        console.log(`PROBLEM ${c.name}, ${who}: ${found.join('; ')} (of ${r.requests.total} requests)`);
      }
    }
  }
  console.log(
    `responses: ${rows.map(({ c, app: a, nginx: n }) => `${c.name.split(' (')[0]}: app ${a.requests.total} × ${c.expected}, nginx ${n.requests.total} × ${c.expected}`).join('; ')}; non-2xx/3xx, errors and timeouts: ${rows.every(({ c, app: a, nginx: n }) => problems(a, c.expected).length + problems(n, c.expected).length === 0) ? 'none' : 'see PROBLEM lines'}`,
  );
  console.log(`load average after: ${loadavg()[0]!.toFixed(2)} (well above 2 means something else competed for the 2 cores)`);
  console.log('goal: at least half of nginx\'s rate for 304s, rubric GETs and the bundle (app/nginx ≥ 0.50)');
  for (const { c, app: a, nginx: n } of rows) {
    const ratio = a.requests.average / n.requests.average;
    console.log(`${c.name}: app/nginx = ${ratio.toFixed(2)} → ${ratio >= 0.5 ? 'meets the goal' : 'below the goal'}`);
  }
} catch (error) {
  failed = true;
  console.error(`api-bench failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
} finally {
  // 4. Everything stops, failure or not.
  await stopChild(nginx?.child);
  nginx?.stop();
  nginx = undefined;
  if (editor) {
    editor.stop();
    // startEditor's temporary folder: the database and the signing key made for this run.
    rmSync(dirname(editor.db), { recursive: true, force: true });
    editor = undefined;
  }
  rmSync(work, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
