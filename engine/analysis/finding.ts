// What the analysis of a rubric reports (a Finding: a problem with an analysis code, placed in the
// rubric's file, with the input that shows it) and the small helpers its modules share.
import { problem, type ParamsOf } from '../problems/catalogue.js';
import type { ANALYSIS_CODES } from '../problems/analysis-codes.js';
import type { FilePlace, Problem, Severity } from '../problems/problem.js';
import type { Band, Condition, FactValue, Level, Text } from '../types.js';

/** A code of the analysis group. */
export type AnalysisCode = keyof typeof ANALYSIS_CODES & string;

/** What a finding is about, in the lower-case words the editor and the CLI have always shown ('hole', 'unused-fact'). */
export type FindingKind = 'hole' | 'overlap' | 'unreachable' | 'order' | 'unused-fact' | 'undeclared-fact' | 'contradiction' | 'due-date' | 'quote-differs-from-rule' | 'invalid';

/** The kind of a finding, from its code: HOLE is 'hole', UNUSED_FACT is 'unused-fact'. */
export function kindOf(code: AnalysisCode): FindingKind {
  return code.toLowerCase().replaceAll('_', '-') as FindingKind;
}

/** What only the analysis knows about a problem: the input that shows it and what it concerns. */
export interface FindingSubject {
  fact?: string;
  criterion?: string;
  /** A concrete input that shows it: a number for one value, an object for a combination. */
  example: number | Record<string, FactValue> | null;
  /** For a gap between bands: the values it spans at the precision ("2.00", "69.01 – 69.99"). */
  range?: string;
  /** For a validation problem: the rubric file's own code (SCHEMA_TYPE, UNDECLARED_FACT). */
  cause?: string;
}

/** What a finding concerns, with the mission it was found in. */
export interface FindingDetail extends FindingSubject {
  mission: string;
}

/** One defect (or note) the analysis found in a rubric: a problem placed in the file, with what it is about. */
export interface Finding extends Problem<AnalysisCode> {
  where: FilePlace;
  about: FindingDetail;
}

/** A finding before it is placed: its problem, what it is about and the JSON pointer of the value. */
export interface Draft {
  problem: Problem<AnalysisCode>;
  about: FindingSubject;
  path: string;
}

/** Makes a draft of a code, its words from the catalogue. */
export function draft<C extends AnalysisCode>(code: C, params: ParamsOf<'analysis', C>, path: string, about: FindingSubject, severity?: Severity): Draft {
  return { problem: problem('analysis', code, params, severity ? { severity } : {}), about, path };
}

/** At most this many combinations are enumerated for a ladder or a truth table. */
export const MAX_COMBINATIONS = 250_000;
/** At most this many distinct combination holes are listed for one rubric. */
export const MAX_COMBINATION_HOLES = 16;

/** Levels best first. */
export const LEVEL_RANK: Record<Level, number> = { A: 0, B: 1, C: 2, D: 3 };

/** A band's rank among outcomes: a better level or more points ranks lower. */
export function rankOf(band: Band): number {
  return band.level !== undefined ? LEVEL_RANK[band.level] : -(band.points ?? 0);
}

/** What a band gives, as text: its level or its points. */
export function outcomeText(band: Band): string {
  return band.level !== undefined ? band.level : `${band.points}`;
}

/** An example's facts as people read them, `"label" = value, …`, each fact named by its label in `labels` (else its id). */
export function describeExample(example: Record<string, FactValue>, labels?: ReadonlyMap<string, { label: Text }>): Text {
  const say = (l: keyof Text) =>
    Object.entries(example)
      .map(([k, v]) => `"${labels?.get(k)?.label[l] ?? k}" = ${typeof v === 'number' ? String(v) : JSON.stringify(v)}`)
      .join(', ');
  return { th: say('th'), en: say('en') };
}

/** Facts that put a row under an exemption, for an example. */
export function exemptionExample(condition: Condition): Record<string, FactValue> {
  if ('all' in condition) return Object.assign({}, ...condition.all.map(exemptionExample));
  if ('any' in condition) return condition.any[0] ? exemptionExample(condition.any[0]) : {};
  if ('fact' in condition) {
    const v = condition.value;
    if (condition.operator === 'in') return { [condition.fact]: (Array.isArray(v) ? v[0] : v) ?? null };
    if (condition.operator === 'equal') return { [condition.fact]: Array.isArray(v) ? null : v };
  }
  return {};
}

/**
 * Every way to pick one entry of each list, counted in mixed radix: calls `visit` with the indices,
 * stops when it returns true. `combos` (the product of the sizes unless given) is how many to visit;
 * a list of size 0 then gives NaN indices from there on, as the enumeration always has.
 */
export function forEachPick(sizes: number[], visit: (pick: number[]) => boolean | void, combos = sizes.reduce((n, s) => n * s, 1)): void {
  const pick = new Array<number>(sizes.length).fill(0);
  for (let n = 0; n < combos; n++) {
    let rest = n;
    for (let k = 0; k < sizes.length; k++) {
      pick[k] = rest % sizes[k]!;
      rest = Math.floor(rest / sizes[k]!);
    }
    if (visit(pick) === true) return;
  }
}
