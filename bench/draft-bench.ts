// npm run bench:draft [-- --runs N] [-- --json]: saving a draft through the real server while the
// public API is asked every 10 ms. For a 20-key and a 20,000-key draft (the shipped
// food-security draft with that many unknown root keys appended): the median and the worst save
// time over N saves, and the public API's latency while they ran against its latency at rest.
// The draft is read in a worker thread (engine/node/analysis-pool.ts), so the API's latency
// during a save should stay close to its latency at rest. With --json the last line is one JSON object.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { startEditor } from '../test/browser/harness.js';

const asJson = process.argv.includes('--json');
const RUNS = Number(option('--runs') ?? 5);
const MISSION = 'food-security';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function repositoryFile(path: string): string {
  let dir = import.meta.dirname;
  for (let i = 0; i < 5; i++) {
    try {
      return readFileSync(join(dir, path), 'utf8');
    } catch {
      dir = join(dir, '..');
    }
  }
  throw new Error(`${path} not found`);
}

const seed = repositoryFile(`rubrics/2567-Q3/${MISSION}.yaml`);

function withKeys(count: number, run: number): string {
  const lines = [seed.trimEnd(), `# run ${run}`];
  for (let i = 0; i < count; i++) lines.push(`unknownKey${i}: value ${i}`);
  return lines.join('\n') + '\n';
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const round = (x: number) => Math.round(x * 10) / 10;

const editor = await startEditor([{ username: 'bench', role: 'editor', password: 'quiet-orchard-2567' }]);
try {
  const login = await fetch(`${editor.base}/login`, {
    method: 'POST',
    body: new URLSearchParams({ username: 'bench', password: 'quiet-orchard-2567' }),
    headers: { origin: editor.base, accept: 'text/html' },
    redirect: 'manual',
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  if (login.status !== 303 || !cookie) throw new Error(`sign-in failed: ${login.status}`);

  const version = () => {
    const db = new Database(editor.db, { readonly: true });
    try {
      return db.prepare('SELECT version FROM drafts WHERE period = ? AND mission = ?').pluck().get('2567-Q3', MISSION) as number;
    } finally {
      db.close();
    }
  };

  /** Asks the public API every 10 ms until `until` settles; each answer's latency. */
  async function probe(until: Promise<unknown>): Promise<number[]> {
    let done = false;
    void until.finally(() => (done = true));
    const latencies: number[] = [];
    while (!done) {
      const start = performance.now();
      const response = await fetch(`${editor.base}/api/v1/periods`);
      await response.arrayBuffer();
      latencies.push(performance.now() - start);
      await new Promise((r) => setTimeout(r, 10));
    }
    return latencies;
  }

  // The API at rest, after a warm-up.
  await probe(new Promise((r) => setTimeout(r, 500)));
  const rest = await probe(new Promise((r) => setTimeout(r, 2000)));

  const rows = [];
  for (const keys of [20, 20_000]) {
    const saves: number[] = [];
    const during: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const form = new FormData();
      form.set('yaml', withKeys(keys, run));
      form.set('version', String(version()));
      const start = performance.now();
      const saving = fetch(`${editor.base}/p/2567-Q3/${MISSION}?/save`, {
        method: 'POST',
        body: form,
        headers: { origin: editor.base, cookie, 'x-sveltekit-action': 'true', accept: 'application/json' },
      }).then(async (r) => {
        const body = (await r.json()) as { type: string };
        if (body.type !== 'success') throw new Error(`save refused: ${JSON.stringify(body)}`);
        return performance.now() - start;
      });
      during.push(...(await probe(saving)));
      saves.push(await saving);
    }
    rows.push({
      keys,
      bytes: Buffer.byteLength(withKeys(keys, 0)),
      saveMedianMs: round(quantile(saves, 0.5)),
      saveWorstMs: round(Math.max(...saves)),
      apiDuringP95Ms: round(quantile(during, 0.95)),
      apiDuringWorstMs: round(Math.max(...during)),
      apiAnswersDuring: during.length,
    });
  }
  const restP95 = round(quantile(rest, 0.95));
  const restWorst = round(Math.max(...rest));
  if (asJson) {
    console.log(JSON.stringify({ bench: 'draft', runs: RUNS, apiAtRest: { p95Ms: restP95, worstMs: restWorst, answers: rest.length }, rows }));
  } else {
    console.log(`public API at rest: p95 ${restP95} ms, worst ${restWorst} ms (${rest.length} answers)`);
    console.log(`keys    bytes     save median   save worst   API p95 during   API worst during   answers during   worst ÷ worst at rest  (${RUNS} saves each)`);
    for (const r of rows) {
      console.log(
        `${String(r.keys).padStart(6)}  ${String(r.bytes).padStart(7)}  ${r.saveMedianMs.toFixed(1).padStart(10)} ms  ${r.saveWorstMs.toFixed(1).padStart(8)} ms  ${r.apiDuringP95Ms.toFixed(1).padStart(12)} ms  ${r.apiDuringWorstMs.toFixed(1).padStart(14)} ms  ${String(r.apiAnswersDuring).padStart(12)}  ${(r.apiDuringWorstMs / restWorst).toFixed(2).padStart(12)}×`,
      );
    }
  }
} finally {
  editor.stop();
}
