// The analysis of a valid rubric: every hole, overlap, unreachable band or row, order defect,
// unused fact, contradiction and quote of the letter that no longer says what its rule says, each
// a Finding placed in the rubric's file. The work is done by the modules in ./analysis; this one
// runs them and places what they find.
import { analyzeBands, compareTables } from './analysis/bands.js';
import { reachableBands } from './analysis/combinations.js';
import { dueDates } from './analysis/due-dates.js';
import { analyzeExemptions } from './analysis/exemptions.js';
import type { Draft, Finding } from './analysis/finding.js';
import { criterionHoleJudge, gradeGapJudgement } from './analysis/hole-judge.js';
import { analyzeRows } from './analysis/rows.js';
import { staleQuotes } from './analysis/quotes.js';
import { analyzeScore } from './analysis/score.js';
import { unusedFacts } from './analysis/unused-facts.js';
import { valueDomain } from './grid.js';
import { buildModel, type Model } from './model.js';
import type { Place } from './positions.js';
import { runtimeOf } from './runtime.js';
import { SCORE_INPUT } from './types.js';
import type { ValidRubric } from './validate.js';

export { kindOf, type AnalysisCode, type Finding, type FindingDetail, type FindingKind, type FindingSubject } from './analysis/finding.js';

/** What the analysis needs: the valid rubric and a way to place a JSON pointer in its file. */
export interface AnalyzeInput {
  rubric: ValidRubric;
  file: string;
  locate: (path: string) => Place;
}

/**
 * Finds what no reader of a rubric should have to find by hand: values or combinations no level
 * grades (at the facts' precision, within their ranges; for combined scores only the scores that
 * can occur), bands that claim the same value, levels no input reaches, better inputs that get
 * worse grades, facts that are declared but never change a grade, and tables that disagree.
 * Pure; returns findings sorted by line.
 */
export function analyzeRubric(input: AnalyzeInput): Finding[] {
  const { rubric } = input;
  const drafts: Draft[] = [];
  if (rubric.grade) {
    const model = buildModel(rubric, { mission: rubric.mission, period: rubric.period, revision: rubric.revision, digest: '' });
    drafts.push(...analyzeCriteria(model), ...analyzeGrade(model), ...analyzeExemptions(model));
  }
  drafts.push(...unusedFacts(rubric), ...dueDates(rubric), ...staleQuotes(rubric));
  return drafts
    .map((d): Finding => {
      const { line, column } = input.locate(d.path);
      return { ...d.problem, where: { file: input.file, line, column, pointer: d.path }, about: { mission: rubric.mission, ...d.about } };
    })
    .sort((a, b) => a.where.line - b.where.line || a.where.column - b.where.column);
}

/** Each criterion's bands, and the other tables of the document that state it. */
function analyzeCriteria(model: Model): Draft[] {
  const { rubric, catalog } = model;
  const runtime = runtimeOf(model);
  const reachable = reachableBands(model);
  return (rubric.criteria ?? []).flatMap((criterion, i) => {
    const path = `/criteria/${i}`;
    const info = catalog.get(criterion.input)!;
    const domain = valueDomain(rubric, catalog, criterion.input);
    const judge = criterionHoleJudge(model, runtime, reachable, i);
    return [
      ...analyzeBands({ bands: criterion.bands, info, domain, path: `${path}/bands`, criterion: criterion.id, criterionLabel: criterion.label, judge }),
      ...(criterion.otherTables ?? []).flatMap((table, t) =>
        compareTables({ used: criterion.bands, other: table.bands, info, domain, path: `${path}/otherTables/${t}`, criterion: criterion.id, criterionLabel: criterion.label, lines: table.source.lines }),
      ),
    ];
  });
}

/** The grade rule: bands over a combined score, bands over one value, or rows. */
function analyzeGrade(model: Model): Draft[] {
  const { rubric, catalog } = model;
  const grade = rubric.grade!;
  if (grade.type === 'bands' && grade.input === SCORE_INPUT) return analyzeScore(model, reachableBands(model));
  if (grade.type === 'bands') {
    const info = catalog.get(grade.input)!;
    const domain = valueDomain(rubric, catalog, grade.input);
    return analyzeBands({ bands: grade.bands, info, domain, path: '/grade/bands', judge: (gap, value) => gradeGapJudgement(grade.bands, gap, value) });
  }
  if (grade.type === 'ladder' || grade.type === 'truthTable') return analyzeRows(model);
  return [];
}
