// Declared facts that never change a grade: used nowhere, or only by ladder rows at the bottom that give the floor level anyway.
import { conditionFacts } from '../model.js';
import { own } from '../own.js';
import { toPointer } from '../positions.js';
import { SCORE_INPUT, type Rubric } from '../types.js';
import { draft, type Draft } from './finding.js';

type Ladder = Extract<NonNullable<Rubric['grade']>, { type: 'ladder' }>;

/** The facts a value id reads: a derived value's inputs, else the id itself. */
function expander(rubric: Rubric): (id: string) => string[] {
  return (id) => {
    const d = own(rubric.derived, id);
    if (!d) return [id];
    return d.type === 'ratio' ? [d.numerator, d.denominator] : d.facts;
  };
}

/** The rows at the bottom of a ladder that give the floor level: they decide nothing the floor would not. */
function floorRows(ladder: Ladder): number[] {
  let end = ladder.rows.length;
  while (ladder.floor && end > 0 && ladder.rows[end - 1]!.level === ladder.floor) end--;
  return ladder.rows.slice(end).map((_, i) => end + i);
}

/** The facts that can change a grade, and the rows at the bottom of a ladder that cannot. */
function usedFacts(rubric: Rubric): { used: Set<string>; redundant: number[] } {
  const named = rubric.conditions ?? {};
  const grade = rubric.grade!;
  const expand = expander(rubric);
  const used = new Set<string>();
  const use = (ids: string[]): void => ids.flatMap(expand).forEach((f) => used.add(f));
  rubric.criteria?.forEach((c) => use([c.input]));
  rubric.exemptions?.forEach((e) => use(conditionFacts(e.when, named)));
  if (grade.type === 'bands' && grade.input !== SCORE_INPUT) use([grade.input]);
  if (grade.type === 'truthTable') use(grade.columns);
  if (grade.type !== 'ladder') return { used, redundant: [] };
  const redundant = floorRows(grade);
  grade.rows.slice(0, grade.rows.length - redundant.length).forEach((r) => use(conditionFacts(r.when, named)));
  return { used, redundant };
}

/** Declared facts that never change a grade. */
export function unusedFacts(rubric: Rubric): Draft[] {
  const named = rubric.conditions ?? {};
  const grade = rubric.grade;
  const facts = Object.keys(rubric.facts ?? {});
  if (!grade || facts.length === 0) return [];
  const { used, redundant } = usedFacts(rubric);
  const expand = expander(rubric);
  const ladder = grade.type === 'ladder' ? grade : null;
  const onlyRedundant = new Set<string>();
  if (ladder) {
    for (const i of redundant) for (const f of conditionFacts(ladder.rows[i]!.when, named).flatMap(expand)) if (!used.has(f)) onlyRedundant.add(f);
  }
  const labelOf = (f: string) => rubric.facts?.[f]?.label ?? { th: f, en: f };
  return facts
    .filter((f) => !used.has(f))
    .map((f): Draft => {
      if (!ladder || !onlyRedundant.has(f)) return draft('UNUSED_FACT', { case: 'unused', fact: labelOf(f) }, toPointer(['facts', f]), { fact: f, example: null });
      const row = redundant.find((i) => conditionFacts(ladder.rows[i]!.when, named).includes(f));
      const path = row !== undefined ? `/grade/rows/${row}` : toPointer(['facts', f]);
      // Required by the letter but never able to change a grade: worth knowing, not a defect to fix.
      return draft('UNUSED_FACT', { case: 'floor-only', fact: labelOf(f), floor: String(ladder.floor) }, path, { fact: f, example: null }, 'info');
    });
}
