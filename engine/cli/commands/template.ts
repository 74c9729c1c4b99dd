// `rubric template`: a blank data workbook (.xlsx) for one mission or every mission with criteria of a period.
import { writeFileSync } from 'node:fs';
import { listPeriods, listRubricFiles } from '../../node/rubric-files.js';
import { buildTemplate } from '../../template.js';
import { writeWhole } from '../data-file.js';
import { pathFrom, type CliOptions, type Command } from '../options.js';
import { rubricsToGrade } from '../rubrics.js';
import { UsageError } from '../usage.js';

/** Checks the command line: a mission or --all, --period, and --out naming a .xlsx file. */
function checkTemplateArgs(args: string[], options: CliOptions): { mission: string | undefined; period: string; out: string } {
  const [mission, ...extra] = args;
  if (!mission && !options.all) throw new UsageError('template needs a mission (or --all), e.g. rubric template otop --period 2567-Q3 --out otop.xlsx');
  if (mission && options.all) throw new UsageError('template takes a mission or --all, not both');
  if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
  if (!options.period) throw new UsageError('template needs --period, e.g. --period 2567-Q3');
  if (!options.out) throw new UsageError('template needs --out <file.xlsx>');
  if (!/\.xlsx$/i.test(options.out)) throw new UsageError('--out must name a .xlsx file');
  return { mission, period: options.period, out: options.out };
}

/** Writes the template whole (never a half-written file); exits 1 when a rubric cannot be used or the file cannot be written. */
export const template: Command = async (args, options, cli) => {
  const { mission, period, out } = checkTemplateArgs(args, options);
  const { err } = cli;
  const files = listRubricFiles(period, cli.root);
  const missions = mission ? [mission] : [...files.keys()];
  if (missions.length === 0) {
    err.write(`rubric: no rubrics for period ${period} (periods: ${listPeriods(cli.root).join(', ') || 'none'})\n`);
    return 1;
  }
  const stored = rubricsToGrade(cli, files, missions, options);
  if (!stored) return 1;
  const rubrics = stored.map((r) => r.rubric);
  const made = await buildTemplate(rubrics, { period });
  if ('problem' in made) {
    err.write(`rubric: ${made.problem.message.th} / ${made.problem.message.en}\n`);
    return 1;
  }
  const written = await writeWhole(pathFrom(cli, out), async (path) => writeFileSync(path, made.bytes));
  if ('problem' in written) {
    err.write(`rubric: ${out}: ${written.problem.th} / ${written.problem.en}\n`);
    return 1;
  }
  cli.out.write(`แบบกรอกข้อมูล / template: ${out} (${rubrics.map((r) => r.mission).join(', ')})\n`);
  return 0;
};
