// npm run bench:analysis: time to lint every shipped rubric, and to run an impact on 878 rows.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { impactOf } from '../engine/impact.js';
import { lintRubric } from '../engine/lint.js';
import { listRubricFiles, readRubricFile } from '../engine/node/rubric-files.js';
import { generateRows } from './rows.js';

/** Median of `runs` timings in milliseconds, after one warm-up. */
function median(fn: () => void, runs = 15): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const stored = [...listRubricFiles('2567-Q3').values()].map((path) => readRubricFile(path));
let findings = 0;
const lintMs = median(() => {
  findings = stored.reduce((n, s) => n + lintRubric(s.loaded, s.rubric, s.diagnostics).length, 0);
});
const readAndLintMs = median(() => {
  for (const path of listRubricFiles('2567-Q3').values()) {
    const s = readRubricFile(path);
    lintRubric(s.loaded, s.rubric, s.diagnostics);
  }
}, 5);
console.log(`lint, ${stored.length} rubrics of 2567-Q3 (${findings} findings): ${lintMs.toFixed(1)} ms analysis; ${readAndLintMs.toFixed(1)} ms with reading and validating the files`);

const fixtures = join(import.meta.dirname, '../../../test/fixtures/2567-Q4');
for (const mission of ['otop', 'community-fund']) {
  const before = stored.find((s) => s.rubric?.mission === mission)!;
  const after = readRubricFile(join(fixtures, `${mission}.yaml`));
  const rows = generateRows(before.rubric!, 878, 2567);
  let moves = 0;
  const ms = median(() => {
    moves = impactOf(before.compiled!, after.compiled!, rows).moves.length;
  });
  const withReasons = median(() => {
    for (const m of impactOf(before.compiled!, after.compiled!, rows).moves) void m.reasonTo.en;
  });
  console.log(`impact ${mission} 2567-Q3 → 2567-Q4 on 878 rows (${moves} move): ${ms.toFixed(2)} ms; ${withReasons.toFixed(2)} ms reading every mover's reason`);
}
