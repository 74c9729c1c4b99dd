import { isRowError, readFact, rowError, type Model, type RowError } from './model.js';
import { roundHalfUp } from './round.js';
import type { FactValue, Level } from './types.js';

/** What became of a row. */
export type Status = 'graded' | 'unmatched' | 'error';

/** Band index of a criterion that no band matched. */
export const NO_BAND = -1;
/** Band index of a criterion made not applicable by an exemption. */
export const NOT_APPLICABLE = -2;

/**
 * The bare outcome of grading one row, as both evaluation paths produce it; `explain` turns it
 * into the reason and trace people read.
 */
export interface Verdict {
  status: Status;
  grade: Level | null;
  score: number | null;
  /** The row graded; the values used are recomputed from it (`valuesOf`) only to explain. */
  input: Readonly<Record<string, unknown>>;
  /** Per criterion: the band matched, NO_BAND, or NOT_APPLICABLE. */
  bands: number[];
  /** The grade rule's row or band that decided, or -1 (floor, or nothing matched). */
  row: number;
  /** Indexes of the exemptions that applied. */
  exemptions: number[];
  errors: RowError[] | null;
}

/** The facts of a row, read and rounded, with the problems found. */
export interface ReadRow {
  values: FactValue[];
  errors: RowError[] | null;
}

/** Reads every declared fact of a row. */
export function readRow(model: Model, row: Record<string, unknown>): ReadRow {
  const values: FactValue[] = new Array(model.slotIds.length).fill(null);
  let errors: RowError[] | null = null;
  for (const fact of model.facts) {
    const value = readFact(fact, row[fact.id]);
    if (isRowError(value)) (errors ??= []).push(value);
    else values[fact.slot] = value;
  }
  return { values, errors };
}

/** True when a problem with a fact stops the exemptions from being decided. */
export function blocksExemptions(model: Model, errors: RowError[]): boolean {
  return errors.some((e) => model.exemptionFacts.has(model.slotOf.get(e.fact)!));
}

/**
 * Drops the problems of facts that only not-applicable criteria use (the document lets such
 * facts be absent), and returns the rest, or null when none remain.
 */
export function remainingErrors(model: Model, errors: RowError[] | null, bands: number[]): RowError[] | null {
  if (!errors) return null;
  const kept = errors.filter((e) => {
    const owners = model.factOwners[model.slotOf.get(e.fact)!];
    return !owners || !owners.every((c) => bands[c] === NOT_APPLICABLE);
  });
  return kept.length > 0 ? kept : null;
}

/** Computes the derived values into their slots; returns the problem if a denominator is zero. */
export function computeDerived(model: Model, values: FactValue[]): RowError | null {
  for (const d of model.derived) {
    if (d.kind === 'ratio') {
      const numerator = values[d.numerator];
      const denominator = values[d.denominator];
      if (typeof numerator !== 'number' || typeof denominator !== 'number') continue;
      if (denominator === 0) return zeroDenominator(d);
      values[d.slot] = roundHalfUp((numerator * d.multiplier) / denominator, d.precision);
    } else {
      let count = 0;
      for (const slot of d.operands) if (values[slot] === true) count++;
      values[d.slot] = count;
    }
  }
  return null;
}

/** The problem of a ratio whose denominator is zero, naming the denominator. */
export function zeroDenominator(d: { id: string; denominatorId: string }): RowError {
  return rowError('ZERO_DENOMINATOR', d.denominatorId, 'a number other than 0', '0', {
    th: `${d.denominatorId} เป็น 0 จึงคำนวณ ${d.id} ไม่ได้ (หารด้วยศูนย์)`,
    en: `${d.denominatorId} is 0, so ${d.id} cannot be computed (division by zero)`,
  });
}

/**
 * Combines the points of the applicable criteria into the score (sum or mean, rescaled when the
 * rubric says so), rounded to the score's precision.
 */
export function combinePoints(model: Model, bands: number[]): number {
  const spec = model.rubric.score!;
  let total = 0;
  let counted = 0;
  let applicableMax = 0;
  let fullMax = 0;
  const criteria = model.criteria;
  for (let i = 0; i < criteria.length; i++) {
    const c = criteria[i]!;
    fullMax += c.maxPoints;
    const band = bands[i]!;
    if (band === NOT_APPLICABLE) continue;
    total += c.bands[band]!.points!;
    applicableMax += c.maxPoints;
    counted++;
  }
  let score = spec.method === 'mean' ? total / counted : total;
  if (spec.method === 'sum' && spec.whenNotApplicable === 'rescale' && applicableMax > 0 && applicableMax !== fullMax) {
    score = (score * fullMax) / applicableMax;
  }
  return roundHalfUp(score, spec.precision ?? 2);
}

/** The worse of two levels. */
export function worseLevel(a: Level, b: Level): Level {
  return a > b ? a : b;
}

/** A verdict for a row whose facts cannot be graded. */
export function errorVerdict(input: Verdict['input'], bands: number[], exemptions: number[], errors: RowError[]): Verdict {
  return { status: 'error', grade: null, score: null, input, bands, row: -1, exemptions, errors };
}

/** An empty list shared by verdicts that had no exemption, so grading allocates none. */
export const NONE: number[] = Object.freeze([]) as unknown as number[];

/** The values a verdict used, by slot, after rounding: recomputed from its row, for explanations. */
export function valuesOf(model: Model, verdict: Verdict): FactValue[] {
  const { values } = readRow(model, verdict.input);
  computeDerived(model, values);
  return values;
}
