// Values at a precision as whole numbers of steps (2.01 at precision 2 is 201), so that analysis
// reasons exactly about what rounding lets a value be: there is nothing between 12.00 and 12.01.
import { own } from './own.js';
import type { ValueInfo } from './catalog.js';
import type { Band, Rubric } from './types.js';

/** A closed range of steps; either end may be infinite. Empty when lo > hi. */
export interface Interval {
  lo: number;
  hi: number;
}

/** Steps per unit at a precision. */
export function stepsPerUnit(precision: number): number {
  return 10 ** precision;
}

/** The step count of a threshold: exact when it lies on the grid, else the steps either side. */
function toSteps(value: number, scale: number): { exact: boolean; floor: number; ceil: number } {
  const x = value * scale;
  const r = Math.round(x);
  if (Math.abs(x - r) < 1e-7 * Math.max(1, Math.abs(x))) return { exact: true, floor: r, ceil: r };
  return { exact: false, floor: Math.floor(x), ceil: Math.ceil(x) };
}

/** The steps a band claims at a precision. */
export function bandInterval(band: Pick<Band, 'op' | 'value'>, precision: number): Interval {
  const scale = stepsPerUnit(precision);
  if (band.op === 'between') {
    const [a, b] = band.value as [number, number];
    return { lo: toSteps(a, scale).ceil, hi: toSteps(b, scale).floor };
  }
  const t = toSteps(band.value as number, scale);
  switch (band.op) {
    case '>':
      return { lo: t.exact ? t.floor + 1 : t.ceil, hi: Infinity };
    case '>=':
      return { lo: t.ceil, hi: Infinity };
    case '<':
      return { lo: -Infinity, hi: t.exact ? t.ceil - 1 : t.floor };
    case '<=':
      return { lo: -Infinity, hi: t.floor };
    case '=':
      return t.exact ? { lo: t.floor, hi: t.floor } : { lo: 1, hi: 0 };
  }
}

/** True when an interval holds no step. */
export function isEmpty(i: Interval): boolean {
  return i.lo > i.hi;
}

/** The steps two intervals share. */
export function intersect(a: Interval, b: Interval): Interval {
  return { lo: Math.max(a.lo, b.lo), hi: Math.min(a.hi, b.hi) };
}

/** The parts of `from` that none of `cut` covers, in order. */
export function subtract(from: Interval[], cut: Interval[]): Interval[] {
  let parts = from.filter((i) => !isEmpty(i));
  for (const c of cut) {
    if (isEmpty(c)) continue;
    const next: Interval[] = [];
    for (const p of parts) {
      const overlap = intersect(p, c);
      if (isEmpty(overlap)) {
        next.push(p);
        continue;
      }
      if (p.lo < overlap.lo) next.push({ lo: p.lo, hi: overlap.lo - 1 });
      if (overlap.hi < p.hi) next.push({ lo: overlap.hi + 1, hi: p.hi });
    }
    parts = next;
  }
  return parts.sort((a, b) => a.lo - b.lo);
}

/** A step count as the number it stands for. */
export function fromSteps(steps: number, precision: number): number {
  return steps / stepsPerUnit(precision);
}

/** A step count written at its precision: 201 at precision 2 is "2.01". */
export function formatSteps(steps: number, precision: number): string {
  if (steps === Infinity) return '∞';
  if (steps === -Infinity) return '-∞';
  return fromSteps(steps, precision).toFixed(precision);
}

/** An interval written for people: "69.01 – 69.99", or one value. */
export function formatInterval(i: Interval, precision: number): string {
  return i.lo === i.hi ? formatSteps(i.lo, precision) : `${formatSteps(i.lo, precision)} – ${formatSteps(i.hi, precision)}`;
}

/** A step inside the interval to show as an example: its low end, or its high end when the low is infinite. */
export function exampleStep(i: Interval): number {
  if (Number.isFinite(i.lo)) return i.lo;
  if (Number.isFinite(i.hi)) return i.hi;
  return 0;
}

/** True for a one-sided band (`>`, `>=`, `<`, `<=`) and which way it opens. */
export function openSide(band: Pick<Band, 'op'>): 'up' | 'down' | null {
  if (band.op === '>' || band.op === '>=') return 'up';
  if (band.op === '<' || band.op === '<=') return 'down';
  return null;
}

/**
 * The steps a value can take: a fact's declared range, a count's 0 to n, a ratio of non-negative
 * facts from 0 up; the combined score and anything undeclared are unbounded.
 */
export function valueDomain(rubric: Rubric, catalog: ReadonlyMap<string, ValueInfo>, id: string): Interval {
  const info = catalog.get(id);
  if (!info || info.origin === 'score') return { lo: -Infinity, hi: Infinity };
  const scale = stepsPerUnit(info.precision);
  const derived = own(rubric.derived, id);
  if (derived?.type === 'countTrue') return { lo: 0, hi: derived.facts.length };
  if (derived?.type === 'ratio') {
    const nonNegative = [derived.numerator, derived.denominator].every((f) => (catalog.get(f)?.min ?? -Infinity) >= 0);
    return { lo: nonNegative ? 0 : -Infinity, hi: Infinity };
  }
  return {
    // `+ 0` turns the -0 that Math.ceil gives just below zero into 0.
    lo: info.min === undefined ? -Infinity : Math.ceil(info.min * scale - 1e-9) + 0,
    hi: info.max === undefined ? Infinity : Math.floor(info.max * scale + 1e-9) + 0,
  };
}
