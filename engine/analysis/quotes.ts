// The letter's quotes that no longer say what their rule says: a band or ladder row whose value
// changed while its quote kept the old words, reported with the words the rule now gives.
import { valueCatalog, type ValueInfo } from '../catalog.js';
import { bandQuoteDiffers, rowQuoteDiffers } from '../quote-check.js';
import { SCORE_INPUT, type Band, type Rubric, type Text } from '../types.js';
import { bandWording, conditionWording } from '../wording.js';
import { draft, outcomeText, type Draft } from './finding.js';

/** A list of bands, where it is and whose it is. */
interface BandList {
  bands: Band[];
  path: string;
  input: string;
  /** The criterion's id (for `about`) and its label (for the words). */
  criterion?: { id: string; label: Text };
}

/** Every list of bands with quotes: each criterion's, the other tables of the document, and the grade's. */
function bandLists(rubric: Rubric): BandList[] {
  const lists: BandList[] = [];
  (rubric.criteria ?? []).forEach((c, i) => {
    lists.push({ bands: c.bands, path: `/criteria/${i}/bands`, input: c.input, criterion: { id: c.id, label: c.label } });
    (c.otherTables ?? []).forEach((t, k) => lists.push({ bands: t.bands, path: `/criteria/${i}/otherTables/${k}/bands`, input: c.input, criterion: { id: c.id, label: c.label } }));
  });
  if (rubric.grade?.type === 'bands') lists.push({ bands: rubric.grade.bands, path: '/grade/bands', input: rubric.grade.input });
  return lists;
}

function bandDrafts(list: BandList, info: ValueInfo | undefined): Draft[] {
  return list.bands.flatMap((band, b) => {
    if (!bandQuoteDiffers(band)) return [];
    const params = { case: 'band' as const, outcome: outcomeText(band), quote: band.quote!, rule: bandWording(band, info), ...(list.criterion ? { criterion: list.criterion.label } : {}) };
    const about = { ...(list.criterion ? { criterion: list.criterion.id } : {}), ...(list.input !== SCORE_INPUT ? { fact: list.input } : {}), example: null };
    return [draft('QUOTE_DIFFERS_FROM_RULE', params, `${list.path}/${b}/quote`, about)];
  });
}

/**
 * The quotes of bands and ladder rows that differ from their rule (see quote-check.ts): a warning
 * each, placed at the quote, so the editor and `rubric lint` both say which quote to edit or remove.
 */
export function staleQuotes(rubric: Rubric): Draft[] {
  const catalog = valueCatalog(rubric);
  const drafts = bandLists(rubric).flatMap((list) => bandDrafts(list, catalog.get(list.input)));
  const grade = rubric.grade;
  if (grade?.type === 'ladder') {
    grade.rows.forEach((row, r) => {
      if (!rowQuoteDiffers(row, rubric)) return;
      const rule: Text = conditionWording(row.when, rubric, catalog);
      drafts.push(draft('QUOTE_DIFFERS_FROM_RULE', { case: 'row', outcome: row.level, quote: row.quote!, rule }, `/grade/rows/${r}/quote`, { example: null }));
    });
  }
  return drafts;
}
