// `rubric grade`: grades the rows of a data file (CSV, Excel or JSON) with one mission's rubric or every
// mission's, from the store or a pulled bundle, and prints or writes the results.
import { once } from 'node:events';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gradeRows, gradeRowsReference } from '../../evaluate.js';
import { describeImport } from '../../import/report.js';
import { nodeInflater } from '../../node/xlsx-grids.js';
import { readGrids, readMission, type ImportReport } from '../../import/read-file.js';
import { bundleProblem } from '../../node/bundle.js';
import { bundleRubricPath } from '../../node/pull.js';
import { listRubricFiles, refOf, type ValidStoredRubric } from '../../node/rubric-files.js';
import { messageText } from '../../problems/format.js';
import type { ResultSection } from '../../workbook.js';
import { readDataBytes, writeResultsCsvFile, writeResultsJson, writeResultsWorkbookFile, writeWhole } from '../data-file.js';
import { pathFrom, type CliContext, type CliOptions, type Command } from '../options.js';
import { formatOption, rubricsToGrade } from '../rubrics.js';
import { formatTable } from '../table.js';
import { UsageError } from '../usage.js';

/** One mission's results with the report of how its rows were read. */
type GradedSection = ResultSection & { import: ImportReport };

/** The command line checked: what to grade, from which data, how to print it. */
interface GradeRequest {
  mission: string | undefined;
  period: string;
  data: string;
  format: 'json' | 'table';
  engine: 'compiled' | 'reference';
}

/** A pulled bundle's rubrics, by mission, each checked against the bundle's manifest; null after saying why one cannot be used. */
function bundleFiles(bundle: string, period: string, err: NodeJS.WritableStream): Map<string, string> | null {
  const manifestPath = join(bundle, period, 'manifest.json');
  if (!existsSync(manifestPath)) {
    err.write(`rubric: ${messageText(bundleProblem('NO_BUNDLE', { period, bundle }))}\n`);
    return null;
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { missions: { mission: string }[] };
  const files = new Map<string, string>();
  for (const { mission } of manifest.missions) {
    const found = bundleRubricPath(bundle, period, mission);
    if ('problem' in found) {
      err.write(`rubric: ${messageText(found.problem)}\n`);
      return null;
    }
    files.set(mission, found.path);
  }
  return files;
}

/** Checks the command line of `grade`; every mistake is a usage error. */
function checkGradeArgs(args: string[], options: CliOptions): GradeRequest {
  const [mission, ...extra] = args;
  if (!mission && !options.all) throw new UsageError('grade needs a mission (or --all), e.g. rubric grade otop --period 2567-Q3 --data rows.csv');
  if (mission && options.all) throw new UsageError('grade takes a mission or --all, not both');
  if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
  if (!options.period) throw new UsageError('grade needs --period, e.g. --period 2567-Q3');
  if (!options.data) throw new UsageError('grade needs --data <file.csv|file.xlsx|file.json>');
  const format = formatOption(options.format, 'table', ['json', 'table']);
  const engine = options.engine ?? 'compiled';
  if (engine !== 'compiled' && engine !== 'reference') throw new UsageError(`--engine must be compiled or reference, not "${engine}"`);
  if (options.out && !/\.(xlsx|csv|json)$/i.test(options.out)) throw new UsageError('--out must name a .xlsx, .csv or .json file');
  return { mission, period: options.period, data: options.data, format, engine };
}

/** Reads the data file and grades each rubric's rows; null after saying on stderr why not. */
async function gradeSections(request: GradeRequest, rubrics: ValidStoredRubric[], options: CliOptions, cli: CliContext): Promise<GradedSection[] | null> {
  const { data } = request;
  const { err } = cli;
  // One reader for every kind of file: the bytes, then each mission's sheet or table.
  const file = readDataBytes(pathFrom(cli, data));
  if ('problem' in file) {
    err.write(`rubric: ${data}: ${file.problem.th} / ${file.problem.en}\n`);
    return null;
  }
  const grids = await readGrids(file.bytes, data, { inflate: nodeInflater });
  if ('problem' in grids) {
    err.write(`rubric: ${data}: ${grids.problem.message.th} / ${grids.problem.message.en}\n`);
    return null;
  }
  if (options.all && grids.kind !== 'xlsx') throw new UsageError('grade --all needs a workbook (.xlsx) with a sheet per mission');
  const sections: GradedSection[] = [];
  for (const stored of rubrics) {
    const rubric = stored.rubric;
    const read = readMission(grids, rubric, {
      source: data,
      ...(options.sheet && !options.all ? { sheet: options.sheet } : {}),
      ...(options['id-column'] ? { idColumn: options['id-column'] } : {}),
    });
    if ('problem' in read) {
      err.write(`rubric: ${data}: ${read.problem.message.th} / ${read.problem.message.en}${options.all ? ' (ข้าม / skipped)' : ''}\n`);
      if (options.all && ['NO_SHEET', 'NO_ROWS', 'EMPTY_SHEET'].includes(read.problem.code)) continue;
      return null;
    }
    const { table } = read;
    for (const note of describeImport(table.report)) err.write(`rubric: ${data} [${rubric.mission}]: ${messageText(note)}\n`);
    const context = { cellErrors: table.cellErrors, units: table.units };
    // json-rules-engine is loaded only for --engine reference.
    const results =
      request.engine === 'reference'
        ? await gradeRowsReference((await import('../../reference.js')).createReferenceRubric(rubric, refOf(rubric, stored.digest)), table.rows, context)
        : gradeRows(stored.compiled, table.rows, context);
    sections.push({ ref: refOf(rubric, stored.digest), name: rubric.name, results, import: table.report });
  }
  return sections;
}

/** Writes the results whole to --out (.xlsx, .csv or .json) and prints a count per mission. */
async function writeResults(target: string, sections: GradedSection[], cli: CliContext): Promise<number> {
  const path = pathFrom(cli, target);
  const written = await writeWhole(path, async (partial) => {
    if (/\.xlsx$/i.test(path)) await writeResultsWorkbookFile(partial, sections);
    else if (/\.csv$/i.test(path)) await writeResultsCsvFile(partial, sections.flatMap((s) => s.results));
    else {
      const stream = createWriteStream(partial);
      const closed = once(stream, 'close');
      await writeResultsJson(stream, sections.map((s) => ({ mission: s.ref.mission, ...s.import })), sections.flatMap((s) => s.results));
      stream.end();
      await closed;
    }
  });
  if ('problem' in written) {
    cli.err.write(`rubric: ${target}: ${written.problem.th} / ${written.problem.en}\n`);
    return 1;
  }
  for (const s of sections) {
    const count = (status: string) => s.results.filter((r) => r.status === status).length;
    cli.out.write(`${s.ref.mission}: ${s.results.length} แถว/rows, ${count('graded')} graded, ${count('unmatched')} unmatched, ${count('error')} error\n`);
  }
  cli.out.write(`ผลลัพธ์ / results: ${target}\n`);
  return 0;
}

/** Grades and prints the results (a table or JSON) or writes them to --out; exits 1 when a rubric or the data cannot be used. */
export const grade: Command = async (args, options, cli) => {
  const request = checkGradeArgs(args, options);
  const files = options.bundle ? bundleFiles(pathFrom(cli, options.bundle), request.period, cli.err) : listRubricFiles(request.period, cli.root);
  if (!files) return 1;
  const rubrics = rubricsToGrade(cli, files, request.mission ? [request.mission] : [...files.keys()], options);
  if (!rubrics) return 1;
  const sections = await gradeSections(request, rubrics, options, cli);
  if (!sections) return 1;
  if (options.out) return writeResults(options.out, sections, cli);
  const all = sections.flatMap((s) => s.results);
  if (request.format === 'json') await writeResultsJson(cli.out, sections.map((s) => ({ mission: s.ref.mission, ...s.import })), all);
  else for (const s of sections) cli.out.write(formatTable(s.results) + '\n');
  return 0;
};
