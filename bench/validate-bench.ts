// npm run bench:validate [-- --json] [-- --runs N] [-- --keys 1000,2000]: validation time against
// document size. The shipped otop rubric with 1k, 2k, 5k, 10k and 20k unknown root keys appended,
// each read (loadRubric) and validated (validateRubric) five times; the median of each, and the
// validation time per key relative to the first size (about 1 when the work grows linearly with
// the document). With --json the last line is one JSON object.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadRubric } from '../engine/load.js';
import { listRubricFiles } from '../engine/node/rubric-files.js';
import { validateRubric } from '../engine/validate.js';

const asJson = process.argv.includes('--json');
const KEYS = option('--keys')?.split(',').map(Number) ?? [1_000, 2_000, 5_000, 10_000, 20_000];
const RUNS = Number(option('--runs') ?? 5);

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}
const base = readFileSync(listRubricFiles('2567-Q3').get('otop')!, 'utf8');

/** The shipped rubric with `count` unknown root keys after it. */
function documentWith(count: number): string {
  const lines: string[] = [base.endsWith('\n') ? base.slice(0, -1) : base];
  for (let i = 0; i < count; i++) lines.push(`unknownKey${i}: value ${i}`);
  return lines.join('\n') + '\n';
}

/** Median of `RUNS` timings in milliseconds, and the last result. */
function median<T>(fn: () => T): { ms: number; result: T } {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    result = fn();
    times.push(performance.now() - start);
  }
  return { ms: times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!, result };
}

// Unmeasured rounds to compile the schema and warm the code up.
for (let i = 0; i < 3; i++) validateRubric(loadRubric(documentWith(KEYS[0]!), 'warm-up.yaml'));

interface Row {
  keys: number;
  bytes: number;
  loadMs: number;
  validateMs: number;
  diagnostics: number;
  perKeyVs1k: number;
}
const rows: Row[] = [];
const log = (line: string) => {
  if (!asJson) console.log(line);
};
log(`keys     bytes      load ms   validate ms   diagnostics   validate ms per key ÷ at ${KEYS[0]}  (median of ${RUNS})`);
for (const keys of KEYS) {
  const text = documentWith(keys);
  const bytes = Buffer.byteLength(text);
  const load = median(() => loadRubric(text, 'bench.yaml'));
  const loaded = load.result;
  const validate = median(() => validateRubric(loaded));
  const perKey = validate.ms / keys;
  const first = rows[0] ? rows[0].validateMs / rows[0].keys : perKey;
  const row: Row = {
    keys,
    bytes,
    loadMs: round(load.ms),
    validateMs: round(validate.ms),
    diagnostics: validate.result.diagnostics.length,
    perKeyVs1k: round(perKey / first),
  };
  rows.push(row);
  log(
    `${String(keys).padStart(6)}  ${String(bytes).padStart(8)}  ${row.loadMs.toFixed(1).padStart(10)}  ${row.validateMs.toFixed(1).padStart(12)}  ${String(row.diagnostics).padStart(12)}  ${row.perKeyVs1k.toFixed(2).padStart(12)}`,
  );
}
const worst = Math.max(...rows.map((r) => r.perKeyVs1k));
log(`\nvalidation time per key at most ${worst.toFixed(2)}× the time per key at ${KEYS[0]} keys (1 is linear; ${KEYS.at(-1)! / KEYS[0]!}× the keys)`);
if (asJson) console.log(JSON.stringify({ bench: 'validate', runs: RUNS, rows, maxPerKeyVs1k: worst }));

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
