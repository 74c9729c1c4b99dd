// `rubric test`: runs every rubric's worked examples against its compiled grader.
import { formatProblem } from '../../problems/format.js';
import { runExamples } from '../../examples.js';
import { listAllRubricFiles, readRubricFile } from '../../node/rubric-files.js';
import { pathFrom, type Command } from '../options.js';

/** Prints each file's examples passed and each failure; exits 1 when a file is invalid or an example fails. */
export const test: Command = (files, _options, cli) => {
  const { out } = cli;
  const paths = files.length > 0 ? files.map((f) => pathFrom(cli, f)) : listAllRubricFiles(cli.root);
  let passed = 0;
  let failed = 0;
  for (const path of paths) {
    const stored = readRubricFile(path);
    if (!stored.valid) {
      out.write(`✗ ${stored.file}: not valid\n`);
      for (const d of stored.diagnostics) out.write('    ' + formatProblem(d) + '\n');
      failed++;
      continue;
    }
    const outcomes = runExamples(stored.rubric, stored.compiled);
    const bad = outcomes.filter((o) => !o.passed);
    passed += outcomes.length - bad.length;
    failed += bad.length;
    out.write(`${bad.length === 0 ? '✓' : '✗'} ${stored.file}: ${outcomes.length - bad.length}/${outcomes.length} examples\n`);
    for (const o of bad) {
      const score = o.expectedScore !== undefined ? ` (score ${o.expectedScore}, got ${o.actualScore})` : '';
      out.write(`    ✗ ${o.name}: expected ${o.expected}, got ${o.actual}${score} — ${o.result.reason.en}\n`);
    }
  }
  out.write(`examples: ${passed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
};
