// The oracle's own reading of a row, written apart from the compiled readers: facts as the data
// contract says, derived values from them, and the combined score of the criteria's points.
import type { ValueInfo } from './catalog.js';
import { own } from './own.js';
import { resolveProvince } from './provinces.js';
import type { Known } from './reference-rules.js';
import { roundHalfUp } from './round.js';
import {
  missingFact,
  notANumber,
  notAnInteger,
  outOfRange,
  unknownProvince,
  unknownValue,
  wrongType,
  zeroDenominator,
  type RowError,
} from './row-problems.js';
import type { FactValue, Rubric } from './types.js';

/** The criterion is exempt for this row. */
export const NOT_APPLICABLE = -2;

/** Reads a row's facts and then its derived values; a fresh record for every row, so nothing of one reaches the next. */
export function readKnown(rubric: Rubric, catalog: Map<string, ValueInfo>, row: Record<string, unknown>): { known: Known; errors: RowError[] } {
  const known: Known = {};
  const errors: RowError[] = [];
  for (const id of Object.keys(rubric.facts ?? {})) {
    const read = readValue(catalog.get(id)!, own(row, id));
    if ('error' in read) errors.push(read.error);
    else known[id] = read.value;
  }
  for (const [id, d] of Object.entries(rubric.derived ?? {})) {
    if (d.type !== 'ratio') continue;
    const n = known[d.numerator];
    const q = known[d.denominator];
    if (typeof n !== 'number' || typeof q !== 'number') continue;
    if (q === 0) errors.push(zeroDenominator(id, d.denominator));
    else known[id] = roundHalfUp((n * (d.multiplier ?? 1)) / q, d.precision);
  }
  for (const [id, d] of Object.entries(rubric.derived ?? {})) {
    if (d.type === 'countTrue' && d.facts.every((f) => typeof known[f] === 'boolean')) known[id] = d.facts.filter((f) => known[f] === true).length;
  }
  return { known, errors };
}

/** Reads one raw value for a fact as the data contract says, independently of the compiled readers. */
function readValue(info: ValueInfo, raw: unknown): { value: FactValue } | { error: RowError } {
  const text = typeof raw === 'string' ? raw.trim() : undefined;
  if (raw === undefined || raw === null || raw === '' || (info.type === 'string' && text === '')) return { error: missingFact(info) };
  switch (info.type) {
    case 'boolean':
      return typeof raw === 'boolean' ? { value: raw } : { error: wrongType(info, raw) };
    case 'enum':
      return typeof raw === 'string' && info.enumValues!.includes(raw) ? { value: raw } : { error: unknownValue(info, raw) };
    case 'string': {
      if (text === undefined) return { error: wrongType(info, raw) };
      if (info.catalog !== 'province') return { value: text };
      const found = resolveProvince(text);
      return 'province' in found ? { value: found.province.th } : { error: unknownProvince(info, text, found.suggestion?.th) };
    }
    case 'integer':
    case 'number': {
      if (typeof raw === 'string') return { error: notANumber(info, raw) };
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return { error: wrongType(info, raw) };
      if (info.type === 'integer' && !Number.isInteger(raw)) return { error: notAnInteger(info, raw) };
      const value = info.type === 'number' ? roundHalfUp(raw, info.precision) : raw;
      if ((info.min !== undefined && value < info.min) || (info.max !== undefined && value > info.max)) return { error: outOfRange(info, raw) };
      return { value };
    }
  }
}

/** The combined score of the applicable criteria's points, or null when none applies. */
export function scoreOf(rubric: Rubric, bands: number[]): number | null {
  const spec = rubric.score!;
  const criteria = rubric.criteria ?? [];
  const maxOf = (i: number): number => Math.max(0, ...criteria[i]!.bands.map((b) => b.points ?? 0));
  const applicable = criteria.map((_, i) => i).filter((i) => bands[i] !== NOT_APPLICABLE);
  if (applicable.length === 0) return null;
  const total = applicable.reduce((sum, i) => sum + criteria[i]!.bands[bands[i]!]!.points!, 0);
  let score = spec.method === 'mean' ? total / applicable.length : total;
  const full = criteria.reduce((sum, _, i) => sum + maxOf(i), 0);
  const part = applicable.reduce((sum, i) => sum + maxOf(i), 0);
  if (spec.method === 'sum' && spec.whenNotApplicable === 'rescale' && part > 0 && part !== full) score = (score * full) / part;
  return roundHalfUp(score, spec.precision ?? 2);
}
