// Reporting rounds due outside the rubric's own quarter: the mark a date copied from another
// quarter leaves, whatever copied it (a new quarter started, a paste), so it is checked before publishing.
import { periodLabel } from '../period.js';
import { dueOutside, quarterSpan } from '../quarter-dates.js';
import { formatEnglishDate, formatThaiDate } from '../thai-date.js';
import type { Rubric } from '../types.js';
import { draft, type Draft } from './finding.js';

const day = (iso: string) => ({ th: formatThaiDate(iso), en: formatEnglishDate(iso) });

/** A DUE_DATE warning for each round due before the first or after the last day of the rubric's period. */
export function dueDates(rubric: Rubric): Draft[] {
  const span = quarterSpan(rubric.period);
  if (!span) return [];
  return rubric.reporting.rounds.flatMap((round, i): Draft[] => {
    const side = dueOutside(round.due, rubric.period);
    if (!side) return [];
    const params = { round: round.round, due: day(round.due), side, period: periodLabel(rubric.period), first: day(span.first), last: day(span.last) };
    return [draft('DUE_DATE', params, `/reporting/rounds/${i}/due`, { example: null })];
  });
}
