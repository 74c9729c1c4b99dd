// The oracle's json-rules-engine plumbing: rubric bands and conditions as engine rules, running an
// engine for the indexes that fired, and the values either side of a gap no band claims.
import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import type { ValueInfo } from './catalog.js';
import { own } from './own.js';
import type { Band, Condition, FactValue, Rubric } from './types.js';

/** The values of one row known so far, by fact or derived id. */
export type Known = Record<string, FactValue>;
type JreCondition = TopLevelCondition | { fact: string; operator: string; value: unknown };

/** No band or row matched. */
export const NO_BAND = -1;

/** Steps a value can take, [lo, hi], by what the rubric declares of it. */
export function domainOf(rubric: Rubric, catalog: Map<string, ValueInfo>, id: string): [number, number] {
  const info = catalog.get(id)!;
  const scale = 10 ** info.precision;
  const d = own(rubric.derived, id);
  if (info.origin === 'score') return [-Infinity, Infinity];
  if (d?.type === 'countTrue') return [0, d.facts.length];
  if (d?.type === 'ratio') return [[d.numerator, d.denominator].every((f) => (catalog.get(f)?.min ?? -1) >= 0) ? 0 : -Infinity, Infinity];
  return [info.min === undefined ? -Infinity : Math.ceil(info.min * scale - 1e-9), info.max === undefined ? Infinity : Math.floor(info.max * scale + 1e-9)];
}

/**
 * The nearest values below and above `value` (at the precision, inside the domain) that some band
 * claims; null when one side has none.
 */
export function neighbours(bands: Band[], value: number, precision: number, [lo, hi]: [number, number]): { below: number; above: number } | null {
  const scale = 10 ** precision;
  const s = Math.round(value * scale);
  if (s < lo || s > hi) return null;
  const grid = (x: number): number => {
    const scaled = x * scale;
    return Math.abs(scaled - Math.round(scaled)) < 1e-7 * Math.max(1, Math.abs(scaled)) ? Math.round(scaled) : scaled;
  };
  let below = -Infinity;
  let above = Infinity;
  for (const band of bands) {
    const [from, to] = claims(band, grid);
    if (from > to) continue;
    if (to < s) below = Math.max(below, to);
    if (from > s) above = Math.min(above, from);
  }
  if (below < lo || above > hi || !Number.isFinite(below) || !Number.isFinite(above)) return null;
  return { below: below / scale, above: above / scale };
}

/** The steps a band claims, [from, to]. */
function claims(band: Band, grid: (x: number) => number): [number, number] {
  if (band.op === 'between') {
    const [a, b] = band.value as [number, number];
    return [Math.ceil(grid(a)), Math.floor(grid(b))];
  }
  const t = grid(band.value as number);
  const exact = Number.isInteger(t);
  switch (band.op) {
    case '>':
      return [exact ? t + 1 : Math.ceil(t), Infinity];
    case '>=':
      return [Math.ceil(t), Infinity];
    case '<':
      return [-Infinity, exact ? t - 1 : Math.floor(t)];
    case '<=':
      return [-Infinity, Math.floor(t)];
    case '=':
      return exact ? [t, t] : [1, 0];
  }
}

/** Adds a rule per band to an engine; each event carries the band's index. */
export function bandEngine(engine: Engine, fact: string, bands: Band[]): Engine {
  bands.forEach((band, index) => engine.addRule(bandRule(`band:${index}`, fact, band, { index })));
  return engine;
}

export async function fired(engine: Engine, known: Known): Promise<number[]> {
  const { events } = await engine.run(known);
  return events.map((e) => (e.params as { index: number }).index);
}

export function first(indexes: number[]): number {
  return indexes.length === 0 ? NO_BAND : Math.min(...indexes);
}

function bandRule(name: string, fact: string, band: Band, params: Record<string, number>): RuleProperties {
  return { name, conditions: { all: bandConditions(fact, band) }, event: { type: 'band', params } };
}

/** A band as json-rules-engine conditions: the document's comparator becomes an operator. */
function bandConditions(fact: string, band: Band): { fact: string; operator: string; value: number }[] {
  if (band.op === 'between') {
    const [low, high] = band.value as [number, number];
    return [
      { fact, operator: 'greaterThanInclusive', value: low },
      { fact, operator: 'lessThanInclusive', value: high },
    ];
  }
  const value = band.value as number;
  const operator = { '>': 'greaterThan', '>=': 'greaterThanInclusive', '<': 'lessThan', '<=': 'lessThanInclusive', '=': 'equal' }[band.op];
  return [{ fact, operator, value }];
}

/** The facts a condition compares, following named conditions (each once). */
export function leafFacts(condition: Condition, named: Record<string, Condition>, seen = new Set<string>()): string[] {
  if ('all' in condition) return condition.all.flatMap((c) => leafFacts(c, named, seen));
  if ('any' in condition) return condition.any.flatMap((c) => leafFacts(c, named, seen));
  if ('not' in condition) return leafFacts(condition.not, named, seen);
  if ('condition' in condition) {
    if (seen.has(condition.condition)) return [];
    seen.add(condition.condition);
    const target = own(named, condition.condition);
    return target ? leafFacts(target, named, seen) : [];
  }
  return [condition.fact];
}

/** json-rules-engine wants all/any/not/condition at the top of a rule: wrap a bare comparison. */
export function topLevel(condition: Condition): TopLevelCondition {
  if ('fact' in condition) return { all: [condition as JreCondition] } as TopLevelCondition;
  return condition as TopLevelCondition;
}
