// `rubric document`: the criteria of one mission, or of every published mission of a period, as a Word
// file (.docx) to attach to a letter: the same words as the public criteria pages (engine/criteria-docx.ts).
import { writeFileSync } from 'node:fs';
import { byMissionNumber, criteriaDocx, docxMission, type DocxMission } from '../../criteria-docx.js';
import { digitsOf } from '../../digits.js';
import { listRubricFiles } from '../../node/rubric-files.js';
import { isPeriod, periodLabel } from '../../period.js';
import { pathFrom, type CliContext, type CliOptions, type Command } from '../options.js';
import { noRubric, usableRubric } from '../rubrics.js';
import { UsageError } from '../usage.js';

/** The options checked: period, out, and the language and digits (Thai unless asked otherwise). */
function checked(args: string[], options: CliOptions): { period: string; out: string; lang: 'th' | 'en'; digits: 'thai' | 'arabic' } {
  if (args.length > 0) throw new UsageError(`unexpected arguments: ${args.join(' ')}`);
  if (!options.period) throw new UsageError('document needs --period, e.g. --period 2567-Q3');
  if (!isPeriod(options.period)) throw new UsageError(`--period must be like 2567-Q3, not "${options.period}"`);
  if (!options.out || !/\.docx$/i.test(options.out)) throw new UsageError('document needs --out <file.docx>');
  if (options.lang !== undefined && options.lang !== 'th' && options.lang !== 'en') throw new UsageError(`--lang must be th or en, not "${options.lang}"`);
  if (options.digits !== undefined && options.digits !== 'thai' && options.digits !== 'arabic') throw new UsageError(`--digits must be thai or arabic, not "${options.digits}"`);
  return { period: options.period, out: options.out, lang: options.lang === 'en' ? 'en' : 'th', digits: digitsOf(options.digits) };
}

/** The missions to write, or null after saying why not: --mission alone, else every published one of the period. */
function missionsOf(cli: CliContext, period: string, mission: string | undefined): DocxMission[] | null {
  const files = listRubricFiles(period, cli.root);
  if (mission !== undefined) {
    const file = files.get(mission);
    if (!file) {
      cli.err.write(`rubric: ไม่มีภารกิจ "${mission}" ใน${periodLabel(period).th}\n` + noRubric(cli.root, mission, period, [...files.keys()]));
      return null;
    }
    const stored = usableRubric(file, cli.err);
    if (!stored) return null;
    if (stored.rubric.status !== 'published') cli.err.write(`rubric: คำเตือน: ภารกิจ ${mission} ยังไม่เผยแพร่ (ฉบับร่าง) / warning: mission ${mission} is not published (a draft)\n`);
    return [docxMission(stored.rubric)];
  }
  const missions: DocxMission[] = [];
  for (const file of files.values()) {
    const stored = usableRubric(file, cli.err);
    if (!stored) return null;
    if (stored.rubric.status === 'published') missions.push(docxMission(stored.rubric));
  }
  if (missions.length === 0) {
    cli.err.write(`rubric: ${periodLabel(period).th} ยังไม่มีภารกิจที่เผยแพร่ / no mission of ${period} is published\n`);
    return null;
  }
  return missions.sort(byMissionNumber);
}

/** Writes the .docx of --mission (or the whole --period) to --out. */
export const document: Command = async (args, options, cli) => {
  const { period, out, lang, digits } = checked(args, options);
  const missions = missionsOf(cli, period, options.mission);
  if (!missions) return 1;
  const bytes = await criteriaDocx({ period: periodLabel(period), missions, lang, digits });
  writeFileSync(pathFrom(cli, out), bytes);
  cli.out.write(`เขียน ${out} แล้ว (${missions.length} ภารกิจ) / wrote ${out} (${missions.length} mission${missions.length === 1 ? '' : 's'})\n`);
  return 0;
};
