// Finding the rubrics a command names: a mission of a period in the store or a .yaml file, read and
// checked usable, with the reason said on stderr when one cannot be used.
import { existsSync } from 'node:fs';
import { formatProblem } from '../problems/format.js';
import { listPeriods, listRubricFiles, readRubricFile, type ValidStoredRubric } from '../node/rubric-files.js';
import { pathFrom, type CliContext, type CliOptions } from './options.js';
import { UsageError } from './usage.js';

/** `no rubric "x" for period p`, with the missions of the period or, when it has none, the periods there are. */
export function noRubric(root: string, mission: string, period: string | undefined, known: string[]): string {
  return `rubric: no rubric "${mission}" for period ${period}` + (known.length > 0 ? ` (missions: ${known.join(', ')})` : ` (periods: ${listPeriods(root).join(', ') || 'none'})`) + '\n';
}

/** The one mission a command takes as its argument. */
export function oneMission(args: string[], command: string): string {
  const [mission, ...extra] = args;
  if (!mission) throw new UsageError(`${command} needs a mission`);
  if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
  return mission;
}

/** A rubric named on the command line: a .yaml path, or a mission of --period in the store. */
export function resolveRubric(cli: CliContext, target: string, period: string | undefined): string | undefined {
  if (/\.ya?ml$/.test(target)) {
    if (existsSync(pathFrom(cli, target))) return pathFrom(cli, target);
    cli.err.write(`rubric: no such file ${target}\n`);
    return undefined;
  }
  if (!period) throw new UsageError(`"${target}" needs --period, e.g. --period 2567-Q3`);
  const files = listRubricFiles(period, cli.root);
  const path = files.get(target);
  if (!path) cli.err.write(noRubric(cli.root, target, period, [...files.keys()]));
  return path;
}

/** Reads a rubric that must be valid for the command to go on; says why on stderr when it is not. */
export function usableRubric(path: string, err: NodeJS.WritableStream): ValidStoredRubric | undefined {
  const stored = readRubricFile(path);
  if (stored.valid) return stored;
  err.write(`rubric: the rubric ${stored.file} is not valid:\n`);
  for (const d of stored.diagnostics) err.write('  ' + formatProblem(d) + '\n');
  return undefined;
}

/**
 * The usable rubrics with criteria among the missions asked for, or null after saying why not:
 * an unknown mission, an unusable file, or (for one mission, not --all) no criteria this period.
 */
export function rubricsToGrade(cli: CliContext, files: Map<string, string>, missions: string[], options: Pick<CliOptions, 'period' | 'all'>): ValidStoredRubric[] | null {
  const rubrics: ValidStoredRubric[] = [];
  for (const m of missions) {
    const file = files.get(m);
    if (!file) {
      cli.err.write(noRubric(cli.root, m, options.period, [...files.keys()]));
      return null;
    }
    const stored = usableRubric(file, cli.err);
    if (!stored) return null;
    if (!stored.rubric.grade) {
      if (options.all) continue;
      cli.err.write(`rubric: ภารกิจ ${m} ยังไม่มีเกณฑ์ในไตรมาส ${options.period} / mission ${m} has no criteria for ${options.period}\n`);
      return null;
    }
    rubrics.push(stored);
  }
  return rubrics;
}

/** The two versions named by --from and --to, each a period of the store or a file. */
export function twoVersions(cli: CliContext, mission: string, options: Pick<CliOptions, 'from' | 'to'>): [ValidStoredRubric, ValidStoredRubric] | undefined {
  if (!options.from || !options.to) throw new UsageError('needs --from and --to, each a period (2567-Q3) or a .yaml file');
  const pathOf = (version: string) => (/\.ya?ml$/.test(version) ? resolveRubric(cli, version, undefined) : resolveRubric(cli, mission, version));
  const fromPath = pathOf(options.from);
  const toPath = pathOf(options.to);
  if (!fromPath || !toPath) return undefined;
  const from = usableRubric(fromPath, cli.err);
  const to = usableRubric(toPath, cli.err);
  if (!from || !to) return undefined;
  for (const [name, stored] of [['--from', from], ['--to', to]] as const) {
    if (stored.rubric.mission !== mission) {
      cli.err.write(`rubric: ${name} ${stored.file} is mission ${stored.rubric.mission}, not ${mission}\n`);
      return undefined;
    }
  }
  return [from, to];
}

/** Checks --format against the formats a command writes (named in the order the error lists them). */
export function formatOption<F extends string>(given: string | undefined, fallback: F, formats: readonly F[]): F {
  const format = given ?? fallback;
  if (!(formats as readonly string[]).includes(format)) throw new UsageError(`--format must be ${formats.join(' or ')}, not "${format}"`);
  return format as F;
}
