// npm run bench [-- --json] [-- --skip-reference]: grades generated rows through the compiled path
// (generated source and the closures, each forced), json-rules-engine and (for otop and women-fund)
// hand-written TypeScript, and prints ratios measured in this run.
import { performance } from 'node:perf_hooks';
import { compileRubric, type CompiledRubric } from '../engine/compile.js';
import { createReferenceRubric } from '../engine/reference.js';
import { listRubricFiles, readRubricFile, refOf } from '../engine/node/rubric-files.js';
import { measureCliStartup } from './cli-startup.js';
import { gradeOtopByHand, gradeWomenFundByHand, type HandVerdict } from './hand-written.js';
import { generateRows } from './rows.js';

type Row = Record<string, unknown>;
const asJson = process.argv.includes('--json');
const skipReference = process.argv.includes('--skip-reference');
const PERIOD = '2567-Q3';
const SIZES = { national: 878, large: 75_000 };
const HAND: Record<string, (row: Row) => HandVerdict> = { otop: gradeOtopByHand, 'women-fund': gradeWomenFundByHand };
const RUNS = 7;

/**
 * Median wall time of each function over `runs` rounds after `warmups` unmeasured ones, in
 * milliseconds. Each round runs every function once, in turn, so a busy moment of a shared
 * machine falls on all of them rather than on one.
 */
function timeSide(fns: readonly (() => void)[], runs = RUNS, warmups = 2): number[] {
  for (let i = 0; i < warmups; i++) for (const fn of fns) fn();
  const times = fns.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, k) => {
      const start = performance.now();
      fn();
      times[k]!.push(performance.now() - start);
    });
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]!);
}

async function timeAsync(fn: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const log = (line: string): void => {
  if (!asJson) console.log(line);
};
const fmt = (ms: number): string => (Number.isNaN(ms) ? '—' : ms < 10 ? ms.toFixed(2) : ms.toFixed(0)).padStart(9);
const ratio = (a: number, b: number): string => (Number.isNaN(a / b) ? '—' : (a / b).toFixed(2) + '×').padStart(10);

const rubrics = [...listRubricFiles(PERIOD).values()]
  .map((path) => readRubricFile(path))
  .filter((s) => s.rubric?.grade && s.compiled);

/** A hand-written baseline must agree with the engine, or its time means nothing. */
function checkHand(mission: string, hand: (row: Row) => HandVerdict, compiled: CompiledRubric, rows: readonly Row[]): void {
  const disagreements = rows.filter((row) => {
    const a = hand(row);
    const b = compiled.grade(row);
    return a.status !== b.status || a.grade !== b.grade || (a.status === 'graded' && a.score !== b.score);
  }).length;
  if (disagreements > 0) throw new Error(`hand-written ${mission} disagrees with the engine on ${disagreements} rows`);
}

const runsOf = (grade: (row: Row) => { bands: readonly number[] }, rows: readonly Row[]) => (): void => {
  for (const row of rows) sink += grade(row).bands.length;
};

log(`Node ${process.version}, one core; rows generated with a fixed seed; generated, closures and hand-written = median of ${RUNS} interleaved runs.`);
const summary = {
  rows: SIZES.large,
  compiledMs: 0,
  referenceMs: 0,
  handWrittenMs: 0,
  compiledOverHand: 0,
  referenceOverCompiled: 0,
  compiledPath: '',
  generatedMs: 0,
  closuresMs: 0,
  generatedOverHand: 0,
  closuresOverHand: 0,
  closuresOverGenerated: 0,
  allGeneratedMs: 0,
  allClosuresMs: 0,
};
let sink = 0;
for (const [dataset, size] of Object.entries(SIZES)) {
  log(`\n${dataset}: ${size} rows per rubric`);
  log(
    `${'rubric'.padEnd(20)} ${'generated'.padStart(9)} ${'closures'.padStart(9)} ${'jre'.padStart(9)} ${'hand'.padStart(9)} ${'clos/gen'.padStart(10)} ${'gen/hand'.padStart(10)} ${'clos/hand'.padStart(10)} ${'jre/gen'.padStart(10)}   (ms)`,
  );
  let allGenerated = 0;
  let allClosures = 0;
  for (const stored of rubrics) {
    const rubric = stored.rubric!;
    const ref = refOf(rubric, stored.digest);
    const generated = compileRubric(rubric, ref, { grader: 'generated' });
    const closures = compileRubric(rubric, ref, { grader: 'closures' });
    const rows = generateRows(rubric, size, 2567);
    const hand = HAND[rubric.mission];
    if (hand) checkHand(rubric.mission, hand, generated, rows);
    const [generatedMs, closuresMs, handMs = NaN] = timeSide([runsOf(generated.grade, rows), runsOf(closures.grade, rows), ...(hand ? [runsOf(hand, rows)] : [])]);
    allGenerated += generatedMs!;
    allClosures += closuresMs!;
    let referenceMs = NaN;
    if (!skipReference) {
      const reference = createReferenceRubric(rubric, ref);
      referenceMs = await timeAsync(async () => {
        for (const row of rows) sink += (await reference.grade(row)).bands.length;
      });
    }
    if (hand && dataset === 'large') {
      summary.generatedMs += generatedMs!;
      summary.closuresMs += closuresMs!;
      summary.referenceMs += referenceMs;
      summary.handWrittenMs += handMs;
    }
    log(
      `${rubric.mission.padEnd(20)} ${fmt(generatedMs!)} ${fmt(closuresMs!)} ${fmt(referenceMs)} ${fmt(handMs)} ${ratio(closuresMs!, generatedMs!)} ${ratio(generatedMs!, handMs)} ${ratio(closuresMs!, handMs)} ${ratio(referenceMs, generatedMs!)}`,
    );
  }
  log(`every rubric: generated ${allGenerated.toFixed(1)} ms, closures ${allClosures.toFixed(1)} ms for ${size} rows × ${rubrics.length} rubrics (target for 75,000 rows: under 200 ms)`);
  if (dataset === 'large') {
    summary.allGeneratedMs = allGenerated;
    summary.allClosuresMs = allClosures;
  }
}
// compiledMs is the path compileRubric takes by default here (RUBRIC_GRADER, else generated where allowed).
summary.compiledPath = rubrics[0]?.compiled?.path ?? 'closures';
summary.compiledMs = summary.compiledPath === 'generated' ? summary.generatedMs : summary.closuresMs;
summary.compiledOverHand = summary.compiledMs / summary.handWrittenMs;
summary.referenceOverCompiled = summary.referenceMs / summary.compiledMs;
summary.generatedOverHand = summary.generatedMs / summary.handWrittenMs;
summary.closuresOverHand = summary.closuresMs / summary.handWrittenMs;
summary.closuresOverGenerated = summary.closuresMs / summary.generatedMs;
const numeric = ['compiledMs', 'referenceMs', 'handWrittenMs', 'compiledOverHand', 'referenceOverCompiled', 'generatedMs', 'closuresMs', 'generatedOverHand', 'closuresOverHand', 'closuresOverGenerated', 'allGeneratedMs', 'allClosuresMs'] as const;
for (const key of numeric) summary[key] = Math.round(summary[key] * 100) / 100;
log(
  `\notop + women-fund on ${SIZES.large} rows: generated/hand-written ${summary.generatedOverHand}× (target within 1.2×), closures/hand-written ${summary.closuresOverHand}×, closures/generated ${summary.closuresOverGenerated}×, json-rules-engine/compiled ${summary.referenceOverCompiled}× (compiled = ${summary.compiledPath})`,
);
// The CLI's whole `rubric grade` on 878 rows against a bare `node -e 0` (bench/cli-startup.ts).
const startup = measureCliStartup();
log(`rubric grade otop, 878 rows: bin.js ${startup.cliOverNode}×, rubric.mjs ${startup.cliFileOverNode}× node -e 0 (target within 2.5×)`);
if (sink === -1) console.log('');
// JSON has no NaN: a skipped reference is null.
const last = { ...summary, cliOverNode: startup.cliOverNode, cliFileOverNode: startup.cliFileOverNode };
console.log(JSON.stringify(last, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value)));
