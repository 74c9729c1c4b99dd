// `rubric cases`: a mission's boundary cases, as CSV for people or JSON.
import { boundaryCases, casesToCsv } from '../../cases.js';
import type { Command } from '../options.js';
import { formatOption, oneMission, resolveRubric, usableRubric } from '../rubrics.js';

/** Prints the boundary cases of one mission's rubric; exits 1 when it cannot be used or has no criteria. */
export const cases: Command = (args, options, cli) => {
  const mission = oneMission(args, 'cases');
  const format = formatOption(options.format, 'csv', ['csv', 'json']);
  const path = resolveRubric(cli, mission, options.period);
  const stored = path && usableRubric(path, cli.err);
  if (!stored) return 1;
  if (!stored.rubric.grade) {
    cli.err.write(`rubric: mission ${stored.rubric.mission} has no criteria for ${stored.rubric.period}\n`);
    return 1;
  }
  const sheet = boundaryCases(stored.rubric, stored.compiled);
  cli.out.write(format === 'json' ? JSON.stringify(sheet, null, 2) + '\n' : casesToCsv(stored.rubric, sheet));
  return 0;
};
