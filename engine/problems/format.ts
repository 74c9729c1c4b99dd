// The one way problems are put into words for people: the CLI's lines, the editor's lists and
// the exported reports all call these. Browser-safe.
import { isFilePlace, type Problem, type Where } from './problem.js';

/** Which language to write in; 'both' writes Thai, then English. */
export type Language = 'th' | 'en' | 'both';

/** A place as people read it: `file:line:column` for a text file; row, column and cell for a data file. */
export function placeText(where: Where | undefined, language: Language = 'both'): string {
  if (!where) return '';
  if (isFilePlace(where)) return `${where.file}:${where.line}:${where.column}`;
  const th: string[] = [];
  const en: string[] = [];
  if (where.file) {
    th.push(where.file);
    en.push(where.file);
  }
  if (where.row !== undefined) {
    th.push(`แถว ${where.row}`);
    en.push(`row ${where.row}`);
  }
  if (where.column !== undefined) {
    th.push(`คอลัมน์ "${where.column}"`);
    en.push(`column "${where.column}"`);
  }
  if (where.cell !== undefined) {
    th.push(`ช่อง ${where.cell}`);
    en.push(`cell ${where.cell}`);
  }
  if (language === 'th') return th.join(' ');
  if (language === 'en') return en.join(', ');
  return `${th.join(' ')} / ${en.join(', ')}`;
}

/** A problem's words in one language, or both as `Thai / English`. */
export function messageText(problem: Pick<Problem, 'message'>, language: Language = 'both'): string {
  return language === 'both' ? `${problem.message.th} / ${problem.message.en}` : problem.message[language];
}

/**
 * One problem on one line: `place severity CODE pointer: words` for a text file (the form the CLI
 * has always printed), `place: severity CODE words` for a data file, `severity CODE words` without a place.
 */
export function formatProblem(problem: Problem, language: Language = 'both'): string {
  const words = messageText(problem, language);
  const where = problem.where;
  if (isFilePlace(where)) {
    const pointer = where.pointer ? ` ${where.pointer}:` : '';
    return `${placeText(where)} ${problem.severity} ${problem.code}${pointer} ${words}`;
  }
  const place = placeText(where, language === 'both' ? 'en' : language);
  return `${place ? `${place}: ` : ''}${problem.severity} ${problem.code} ${words}`;
}
