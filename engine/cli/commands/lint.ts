// `rubric lint`: the analyser's findings for one rubric or every rubric of a period.
import { formatFinding, lintRubric } from '../../lint.js';
import { listPeriods, listRubricFiles, readRubricFile } from '../../node/rubric-files.js';
import type { CliContext, CliOptions, Command } from '../options.js';
import { formatOption, resolveRubric } from '../rubrics.js';
import { UsageError } from '../usage.js';

/** The files to lint: one mission or file, or every rubric of --period with --all; undefined after saying why not. */
function lintPaths(args: string[], options: CliOptions, cli: CliContext): string[] | undefined {
  if (!options.all) {
    const [target, ...extra] = args;
    if (!target || extra.length > 0) throw new UsageError('lint needs one mission (or a .yaml file), or --all');
    const path = resolveRubric(cli, target, options.period);
    return path ? [path] : undefined;
  }
  if (args.length > 0) throw new UsageError('lint --all takes no mission');
  if (!options.period) throw new UsageError('lint --all needs --period, e.g. --period 2567-Q3');
  const paths = [...listRubricFiles(options.period, cli.root).values()];
  if (paths.length > 0) return paths;
  cli.err.write(`rubric: no rubrics for period ${options.period} (periods: ${listPeriods(cli.root).join(', ') || 'none'})\n`);
  return undefined;
}

/** Prints the findings as text with a count, or as JSON; exits 0 whatever they are. */
export const lint: Command = (args, options, cli) => {
  const format = formatOption(options.format, 'text', ['json', 'text']);
  const paths = lintPaths(args, options, cli);
  if (!paths) return 1;
  const findings = paths.flatMap((path) => {
    const stored = readRubricFile(path);
    return lintRubric(stored.loaded, stored.rubric, stored.diagnostics);
  });
  if (format === 'json') {
    cli.out.write(JSON.stringify({ findings }, null, 2) + '\n');
    return 0;
  }
  for (const f of findings) cli.out.write(formatFinding(f) + '\n');
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  cli.out.write(`${paths.length} rubrics analysed: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes\n`);
  return 0;
};
