// The rubric's grade rule made ready to decide (worst of, bands, ladder or truth table), the score
// combined from criterion points, and the outcomes a row's rule gives gathered without allocating.
import type { SlotCondition } from './conditions.js';
import { valueDomain } from './grid.js';
import { bandModel, type BandModel, type Model } from './model.js';
import { roundHalfUp } from './round.js';
import type { RowState } from './row-reading.js';
import { bandGaps, closingsOf, matchBand, type Gap } from './band-gaps.js';
import { SCORE_INPUT, type Condition, type Level } from './types.js';
import { NO_BAND, NOT_APPLICABLE, worseLevel } from './verdict.js';

/**
 * Combines the points of the applicable criteria into the score (sum or mean, rescaled to the full
 * maximum when the rubric says so), rounded to the score's precision; null when none applies.
 */
export function pointsCombiner(model: Model): (bands: readonly number[]) => number | null {
  const spec = model.rubric.score;
  if (!spec) return () => null;
  const points = model.criteria.map((c) => c.bands.map((b) => b.points ?? 0));
  const maxima = model.criteria.map((c) => c.maxPoints);
  const fullMax = maxima.reduce((a, b) => a + b, 0);
  const isMean = spec.method === 'mean';
  const rescales = spec.method === 'sum' && spec.whenNotApplicable === 'rescale';
  const precision = spec.precision ?? 2;
  return (bands) => {
    let total = 0;
    let counted = 0;
    let applicableMax = 0;
    for (let i = 0; i < points.length; i++) {
      const band = bands[i]!;
      if (band === NOT_APPLICABLE) continue;
      total += points[i]![band]!;
      applicableMax += maxima[i]!;
      counted++;
    }
    if (counted === 0) return null;
    let score = isMean ? total / counted : total;
    if (rescales && applicableMax > 0 && applicableMax !== fullMax) score = (score * fullMax) / applicableMax;
    return roundHalfUp(score, precision);
  };
}

/**
 * The ways a row's grade rule came out, gathered without allocating: normally one, several when
 * holes had to be closed. Emptied for every row.
 */
export class Outcomes {
  count = 0;
  level: Level | null = null;
  /** True while every outcome gave the same level, and a level at all. */
  agree = true;
  score: number | null = null;
  scoreAgrees = true;
  row = -1;
  rowAgrees = true;
  /** True when the grade rule's own bands had to be closed. */
  gap = false;

  reset(): void {
    this.count = 0;
    this.level = null;
    this.agree = true;
    this.score = null;
    this.scoreAgrees = true;
    this.row = -1;
    this.rowAgrees = true;
    this.gap = false;
  }

  add(level: Level | null, score: number | null, row: number, gap: boolean): void {
    if (this.count === 0) {
      this.level = level;
      this.score = score;
      this.row = row;
    } else {
      if (level !== this.level) this.agree = false;
      if (score !== this.score) this.scoreAgrees = false;
      if (row !== this.row) this.rowAgrees = false;
    }
    if (level === null) this.agree = false;
    if (gap) this.gap = true;
    this.count++;
  }

  /** The one level every outcome gives, or null when they differ or give none. */
  get settledLevel(): Level | null {
    return this.agree ? this.level : null;
  }
}

/** Adds the outcomes of the grade rule for a row whose criteria have these bands. */
export type Decider = (state: RowState, bands: readonly number[], out: Outcomes) => void;

/** Settles a value over grade bands: the band it falls in, or each band that could close its gap. */
function bandOutcomes(ready: readonly BandModel[], gaps: readonly Gap[], precision: number, value: number | null, out: Outcomes): void {
  if (value === null || Number.isNaN(value)) {
    out.add(null, null, -1, false);
    return;
  }
  const index = matchBand(ready, value);
  if (index !== NO_BAND) {
    out.add(ready[index]!.level, value, index, false);
    return;
  }
  const closings = closingsOf(gaps, value, precision);
  if (!closings) out.add(null, value, -1, true);
  else for (const c of closings) out.add(ready[c]!.level, value, c, true);
}

/** The grade rule, ready to decide: worst of, bands, ladder or truth table. */
export function gradeDecider(model: Model, condition: (c: Condition) => SlotCondition): Decider {
  const grade = model.rubric.grade;
  switch (grade?.type) {
    case undefined:
      return (_state, _bands, out) => void out.add(null, null, -1, false);
    case 'worst': {
      const levels = model.criteria.map((c) => c.bands.map((b) => b.level!));
      return (_state, bands, out) => {
        let level: Level | null = null;
        for (let i = 0; i < levels.length; i++) {
          const band = bands[i]!;
          if (band === NOT_APPLICABLE) continue;
          const l = levels[i]![band]!;
          level = level === null ? l : worseLevel(level, l);
        }
        out.add(level, null, -1, false);
      };
    }
    case 'bands': {
      const ready = grade.bands.map(bandModel);
      const info = model.catalog.get(grade.input)!;
      const gaps = bandGaps(grade.bands, info.precision, valueDomain(model.rubric, model.catalog, grade.input));
      if (grade.input === SCORE_INPUT) {
        const combine = pointsCombiner(model);
        return (_state, bands, out) => bandOutcomes(ready, gaps, info.precision, combine(bands), out);
      }
      const slot = model.slotOf.get(grade.input)!;
      return (state, _bands, out) => bandOutcomes(ready, gaps, info.precision, state.nums[slot]!, out);
    }
    case 'ladder': {
      const rows = grade.rows.map((r) => ({ level: r.level, score: r.score ?? null, holds: condition(r.when) }));
      const floor = grade.floor ?? null;
      return (state, _bands, out) => {
        for (let i = 0; i < rows.length; i++) {
          const r = rows[i]!;
          if (r.holds(state.vals, state.nums)) return void out.add(r.level, r.score, i, false);
        }
        out.add(floor, null, -1, false);
      };
    }
    case 'truthTable': {
      const slots = grade.columns.map((id) => model.slotOf.get(id)!);
      const rows = grade.rows;
      return (state, _bands, out) => {
        outer: for (let i = 0; i < rows.length; i++) {
          const expected = rows[i]!.values;
          for (let k = 0; k < slots.length; k++) if (state.vals[slots[k]!] !== expected[k]) continue outer;
          return void out.add(rows[i]!.level, null, i, false);
        }
        out.add(null, null, -1, false);
      };
    }
  }
}
