// `rubric impact`: how the grades of a data file would move from one version of a rubric to another.
import { describeImport } from '../../import/report.js';
import { messageText } from '../../problems/format.js';
import { nodeInflater } from '../../node/xlsx-grids.js';
import { readGrids, readMission } from '../../import/read-file.js';
import { formatImpact, impactOf } from '../../impact.js';
import { readDataBytes } from '../data-file.js';
import { pathFrom, type Command } from '../options.js';
import { formatOption, oneMission, twoVersions } from '../rubrics.js';
import { UsageError } from '../usage.js';

/** Prints the rows whose grade moves between --from and --to, as text or JSON. */
export const impact: Command = async (args, options, cli) => {
  const mission = oneMission(args, 'impact');
  const format = formatOption(options.format, 'text', ['json', 'text']);
  if (!options.data) throw new UsageError('impact needs --data <file.json|file.csv>');
  const versions = twoVersions(cli, mission, options);
  if (!versions) return 1;
  const [from, to] = versions;
  const { err } = cli;
  if (!from.rubric.grade || !to.rubric.grade) {
    err.write(`rubric: both versions of ${mission} need criteria to compare grades\n`);
    return 1;
  }
  // The data is read as the new version names its facts (a fact only the old version has is
  // then missing, and its rows are errors on the old side: said, never guessed).
  const file = readDataBytes(pathFrom(cli, options.data));
  if ('problem' in file) {
    err.write(`rubric: ${options.data}: ${file.problem.th} / ${file.problem.en}\n`);
    return 1;
  }
  const grids = await readGrids(file.bytes, options.data, { inflate: nodeInflater });
  const read = 'problem' in grids ? grids : readMission(grids, to.rubric, { source: options.data });
  if ('problem' in read) {
    err.write(`rubric: ${options.data}: ${read.problem.message.th} / ${read.problem.message.en}\n`);
    return 1;
  }
  for (const note of describeImport(read.table.report)) err.write(`rubric: ${options.data}: ${messageText(note)}\n`);
  const result = impactOf(from.compiled, to.compiled, read.table.rows);
  cli.out.write(format === 'json' ? JSON.stringify(result, null, 2) + '\n' : formatImpact(result) + '\n');
  return 0;
};
