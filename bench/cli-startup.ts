// npm run bench:startup: how long `rubric grade` takes on the 878 rows of the national otop file,
// start-up included, against a bare `node -e 0`, for the built CLI (dist/engine/cli/bin.js) and the
// provinces' one file (dist/rubric.mjs); the three run in turn, several times, in this one run, and
// the ratios are of their medians (target: each within 2.5× of Node). `npm run bench` calls
// measureCliStartup for its cliOverNode and cliFileOverNode.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

/** The repository, from dist-bench/bench/. */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The command measured, after `node <cli>` (it prints a table); once more with `--format json` to check the results. */
const GRADE = ['grade', 'otop', '--period', '2567-Q3', '--data', 'test/fixtures/national/national-2567-Q3-otop.csv'];

/** Medians in milliseconds and the ratios to a bare Node, measured in one run. */
export interface CliStartup {
  runs: number;
  nodeMs: number;
  cliMs: number;
  cliFileMs: number;
  cliOverNode: number;
  cliFileOverNode: number;
}

const median = (times: number[]): number => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Runs `node …args` from the repository's root; its wall time in ms and its standard output. Throws when it fails. */
function run(args: string[]): { ms: number; stdout: string } {
  const start = performance.now();
  const done = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (done.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${done.status}: ${done.stderr}`);
  return { ms, stdout: done.stdout };
}

/** The results a CLI gives in JSON, checked to be the 878 rows with no error, so that a fast failure cannot pass for a fast start. */
function gradedRows(cli: string): string {
  const results = (JSON.parse(run([cli, ...GRADE, '--format', 'json']).stdout) as { results: { status: string }[] }).results;
  if (results.length !== 878 || results.some((r) => r.status === 'error')) throw new Error(`${cli} did not grade the 878 rows`);
  return JSON.stringify(results);
}

/** Runs a CLI's measured command; its wall time, after checking it printed the table it printed before. */
function timedGrade(cli: string, table: string): number {
  const { ms, stdout } = run([cli, ...GRADE]);
  if (stdout !== table) throw new Error(`${cli} printed another table`);
  return ms;
}

/**
 * Times `node -e 0`, the built CLI and rubric.mjs grading the national otop file, in turn, `runs`
 * times after an unmeasured round that checks both CLIs grade the 878 rows alike.
 */
export function measureCliStartup(runs = 9): CliStartup {
  const bin = 'dist/engine/cli/bin.js';
  const file = 'dist/rubric.mjs';
  for (const cli of [bin, file]) if (!existsSync(join(root, cli))) throw new Error(`${cli} is missing: npm run build:engine`);
  if (gradedRows(file) !== gradedRows(bin)) throw new Error(`${file} and ${bin} give different results`);
  const table = run([bin, ...GRADE]).stdout;
  if (run([file, ...GRADE]).stdout !== table || !table.includes('otop-0878')) throw new Error(`${file} and ${bin} print different tables`);
  run(['-e', '0']);
  const node: number[] = [];
  const cli: number[] = [];
  const cliFile: number[] = [];
  for (let i = 0; i < runs; i++) {
    node.push(run(['-e', '0']).ms);
    cli.push(timedGrade(bin, table));
    cliFile.push(timedGrade(file, table));
  }
  const [nodeMs, cliMs, cliFileMs] = [median(node), median(cli), median(cliFile)];
  return {
    runs,
    nodeMs: round2(nodeMs),
    cliMs: round2(cliMs),
    cliFileMs: round2(cliFileMs),
    cliOverNode: round2(cliMs / nodeMs),
    cliFileOverNode: round2(cliFileMs / nodeMs),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const runs = Number(process.argv.find((a) => /^--runs=\d+$/.test(a))?.slice(7) ?? 15);
  const m = measureCliStartup(runs);
  if (!process.argv.includes('--json')) {
    console.log(`Node ${process.version}; median wall time of ${m.runs} runs each, taken in turn; rubric grade otop on 878 rows (national-2567-Q3-otop.csv).`);
    console.log(`${'node -e 0'.padEnd(40)} ${m.nodeMs.toFixed(0).padStart(6)} ms`);
    console.log(`${'node dist/engine/cli/bin.js grade otop'.padEnd(40)} ${m.cliMs.toFixed(0).padStart(6)} ms ${m.cliOverNode.toFixed(2).padStart(6)}× Node`);
    console.log(`${'node dist/rubric.mjs grade otop'.padEnd(40)} ${m.cliFileMs.toFixed(0).padStart(6)} ms ${m.cliFileOverNode.toFixed(2).padStart(6)}× Node`);
    console.log('target: each within 2.5× of node -e 0');
  }
  console.log(JSON.stringify(m));
}
