// npm run bench [-- --json]: grades generated rows through the compiled path, json-rules-engine
// and (for otop and women-fund) hand-written TypeScript, and prints ratios measured in this run.
import { performance } from 'node:perf_hooks';
import { createReferenceRubric } from '../engine/reference.js';
import { listRubricFiles, readRubricFile, refOf } from '../engine/node/rubric-files.js';
import { measureCliStartup } from './cli-startup.js';
import { gradeOtopByHand, gradeWomenFundByHand, type HandVerdict } from './hand-written.js';
import { generateRows } from './rows.js';

type Row = Record<string, unknown>;
const asJson = process.argv.includes('--json');
const PERIOD = '2567-Q3';
const SIZES = { national: 878, large: 75_000 };
const HAND: Record<string, (row: Row) => HandVerdict> = { otop: gradeOtopByHand, 'women-fund': gradeWomenFundByHand };

/** Median wall time of `runs` runs after `warmups` unmeasured ones, in milliseconds. */
function timeSync(fn: () => void, runs = 7, warmups = 2): number {
  for (let i = 0; i < warmups; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

async function timeAsync(fn: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const log = (line: string): void => {
  if (!asJson) console.log(line);
};
const fmt = (ms: number): string => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0)).padStart(9);
const ratio = (a: number, b: number): string => (a / b).toFixed(2).padStart(9) + '×';

const rubrics = [...listRubricFiles(PERIOD).values()]
  .map((path) => readRubricFile(path))
  .filter((s) => s.rubric?.grade && s.compiled);

log(`Node ${process.version}, one core; rows generated with a fixed seed; compiled = median of 7 runs.`);
const summary = { rows: SIZES.large, compiledMs: 0, referenceMs: 0, handWrittenMs: 0, compiledOverHand: 0, referenceOverCompiled: 0 };
let sink = 0;
for (const [dataset, size] of Object.entries(SIZES)) {
  log(`\n${dataset}: ${size} rows per rubric`);
  log(`${'rubric'.padEnd(20)} ${'compiled'.padStart(9)} ${'jre'.padStart(9)} ${'hand'.padStart(9)} ${'jre/comp'.padStart(10)} ${'comp/hand'.padStart(10)}   (ms)`);
  let allCompiled = 0;
  for (const stored of rubrics) {
    const rubric = stored.rubric!;
    const compiled = stored.compiled!;
    const rows = generateRows(rubric, size, 2567);
    const compiledMs = timeSync(() => {
      for (const row of rows) sink += compiled.grade(row).bands.length;
    });
    allCompiled += compiledMs;
    const reference = createReferenceRubric(rubric, refOf(rubric, stored.digest));
    const referenceMs = await timeAsync(async () => {
      for (const row of rows) sink += (await reference.grade(row)).bands.length;
    });
    const hand = HAND[rubric.mission];
    let handMs = NaN;
    if (hand) {
      // The baseline must agree with the engine, or its time means nothing.
      const disagreements = rows.filter((row) => {
        const a = hand(row);
        const b = compiled.grade(row);
        return a.status !== b.status || a.grade !== b.grade || (a.status === 'graded' && a.score !== b.score);
      }).length;
      if (disagreements > 0) throw new Error(`hand-written ${rubric.mission} disagrees with the engine on ${disagreements} rows`);
      handMs = timeSync(() => {
        for (const row of rows) sink += hand(row).bands.length;
      });
      if (dataset === 'large') {
        summary.compiledMs += compiledMs;
        summary.referenceMs += referenceMs;
        summary.handWrittenMs += handMs;
      }
    }
    log(
      `${rubric.mission.padEnd(20)} ${fmt(compiledMs)} ${fmt(referenceMs)} ${hand ? fmt(handMs) : '        —'} ${ratio(referenceMs, compiledMs)} ${hand ? ratio(compiledMs, handMs) : '         —'}`,
    );
  }
  log(`every rubric, compiled: ${allCompiled.toFixed(1)} ms for ${size} rows × ${rubrics.length} rubrics (target for 75,000 rows: under 200 ms)`);
}
summary.compiledOverHand = summary.compiledMs / summary.handWrittenMs;
summary.referenceOverCompiled = summary.referenceMs / summary.compiledMs;
for (const key of ['compiledMs', 'referenceMs', 'handWrittenMs', 'compiledOverHand', 'referenceOverCompiled'] as const) {
  summary[key] = Math.round(summary[key] * 100) / 100;
}
log(`\notop + women-fund on ${SIZES.large} rows: compiled/hand-written ${summary.compiledOverHand}× (target within 1.5×), json-rules-engine/compiled ${summary.referenceOverCompiled}×`);
// The CLI's whole `rubric grade` on 878 rows against a bare `node -e 0` (bench/cli-startup.ts).
const startup = measureCliStartup();
log(`rubric grade otop, 878 rows: bin.js ${startup.cliOverNode}×, rubric.mjs ${startup.cliFileOverNode}× node -e 0 (target within 2.5×)`);
if (sink === -1) console.log('');
console.log(JSON.stringify({ ...summary, cliOverNode: startup.cliOverNode, cliFileOverNode: startup.cliFileOverNode }));
