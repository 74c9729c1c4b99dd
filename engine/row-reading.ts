// Reading one row into slots: its declared facts checked, rounded and resolved, then its derived
// values computed, with the row's problems gathered beside them. Part of the compiled grader's hot path.
import { isInheritedName, own } from './own.js';
import type { ValueInfo } from './catalog.js';
import type { FactModel, Model } from './model.js';
import { resolveProvince } from './provinces.js';
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

/** Text, booleans and enum values by slot; null where the row has none. */
export type Vals = (boolean | string | null)[];

/** One row's values while it is graded: numbers unboxed (NaN where there is none), the rest by slot. */
export interface RowState {
  vals: Vals;
  nums: Float64Array;
  errors: RowError[] | null;
}

/** A state with no value in any slot. */
export function newRowState(slotCount: number): RowState {
  return { vals: new Array<boolean | string | null>(slotCount).fill(null), nums: new Float64Array(slotCount).fill(NaN), errors: null };
}

/** Empties every slot, so nothing of one row is visible to the next. */
export function resetRowState(state: RowState): void {
  // A plain loop: for a handful of slots it costs less than two fill() calls.
  const { vals, nums } = state;
  for (let i = 0; i < nums.length; i++) {
    nums[i] = NaN;
    vals[i] = null;
  }
  state.errors = null;
}

export function addError(state: RowState, error: RowError): void {
  (state.errors ??= []).push(error);
}

const NUMBER = 0;
const INTEGER = 1;
const BOOLEAN = 2;
const ENUM = 3;
const TEXT = 4;
const PROVINCE = 5;

/** What factReading looks up for each fact, in flat arrays by the fact's index: read once, not per row. */
function readingTables(facts: readonly FactModel[]) {
  return {
    count: facts.length,
    ids: facts.map((f) => f.id),
    // A fact named like an inherited property (toString) is read only from the row's own keys.
    inherited: facts.map((f) => isInheritedName(f.id)),
    slots: facts.map((f) => f.slot),
    infos: facts.map((f) => f.info),
    kinds: facts.map(({ info }) =>
      info.type === 'number' ? NUMBER : info.type === 'integer' ? INTEGER : info.type === 'boolean' ? BOOLEAN : info.type === 'enum' ? ENUM : info.catalog === 'province' ? PROVINCE : TEXT,
    ),
    precisions: facts.map((f) => f.info.precision),
    mins: facts.map((f) => f.info.min ?? -Infinity),
    maxs: facts.map((f) => f.info.max ?? Infinity),
    allowed: facts.map((f) => new Set(f.info.enumValues ?? [])),
  };
}

/**
 * Reads every declared fact of a row into its slot, or records its problem: numbers rounded half
 * up to the fact's precision and checked against its range, counts whole, enum values from the
 * list, text trimmed, provinces resolved through the catalogue to their canonical Thai name.
 * Missing means absent, null or an empty string. One loop over fixed kinds, so the hot path makes
 * no call it could inline.
 */
export function factReading(facts: readonly FactModel[]): (row: Readonly<Record<string, unknown>>, state: RowState) => void {
  const { count, ids, inherited, slots, infos, kinds, precisions, mins, maxs, allowed } = readingTables(facts);
  return (row, state) => {
    const { nums, vals } = state;
    for (let i = 0; i < count; i++) {
      const raw = inherited[i] ? own(row, ids[i]!) : row[ids[i]!];
      const slot = slots[i]!;
      switch (kinds[i]) {
        case NUMBER:
          if (typeof raw === 'number' && Number.isFinite(raw)) {
            const value = roundHalfUp(raw, precisions[i]!);
            if (value >= mins[i]! && value <= maxs[i]!) {
              nums[slot] = value;
              continue;
            }
          }
          break;
        case INTEGER:
          if (typeof raw === 'number' && Number.isInteger(raw) && raw >= mins[i]! && raw <= maxs[i]!) {
            nums[slot] = raw;
            continue;
          }
          break;
        case BOOLEAN:
          if (typeof raw === 'boolean') {
            vals[slot] = raw;
            continue;
          }
          break;
        case ENUM:
          if (typeof raw === 'string' && allowed[i]!.has(raw)) {
            vals[slot] = raw;
            continue;
          }
          break;
        case TEXT:
          if (typeof raw === 'string' && raw.trim() !== '') {
            vals[slot] = raw.trim();
            continue;
          }
          break;
        case PROVINCE:
          if (typeof raw === 'string' && raw.trim() !== '') {
            const found = provinceOf(raw);
            if ('province' in found) vals[slot] = found.province.th;
            else addError(state, unknownProvince(infos[i]!, raw.trim(), found.suggestion?.th));
            continue;
          }
          break;
      }
      addError(state, readProblem(infos[i]!, raw));
    }
  };
}

/** A province's text resolved through the catalogue (which keeps its answers: see resolveProvince). */
export function provinceOf(text: string): ReturnType<typeof resolveProvince> {
  return resolveProvince(text);
}

/** The problem with a raw value that its fact's reading did not accept. */
function readProblem(info: ValueInfo, raw: unknown): RowError {
  if (raw === undefined || raw === null || raw === '' || (typeof raw === 'string' && raw.trim() === '' && info.type === 'string')) {
    return missingFact(info);
  }
  switch (info.type) {
    case 'number':
    case 'integer': {
      if (typeof raw === 'string') return notANumber(info, raw);
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return wrongType(info, raw);
      if (info.type === 'integer' && !Number.isInteger(raw)) return notAnInteger(info, raw);
      return outOfRange(info, raw);
    }
    case 'enum':
      return unknownValue(info, raw);
    default:
      return wrongType(info, raw);
  }
}

/** Computes the derived values of a row into their slots: none where an operand has none. */
export function derivedStep(model: Model): (state: RowState) => void {
  const ratios = model.derived.flatMap((d) => (d.kind === 'ratio' ? [d] : []));
  const counts = model.derived.flatMap((d) => (d.kind === 'countTrue' ? [d] : []));
  return (state) => {
    const { nums, vals } = state;
    for (const d of ratios) {
      const numerator = nums[d.numerator]!;
      const denominator = nums[d.denominator]!;
      if (Number.isNaN(numerator) || Number.isNaN(denominator)) continue;
      if (denominator === 0) addError(state, zeroDenominator(d.id, d.denominatorId));
      else nums[d.slot] = roundHalfUp((numerator * d.multiplier) / denominator, d.precision);
    }
    for (const d of counts) {
      let count = 0;
      for (const slot of d.operands) {
        const value = vals[slot];
        if (value === null) {
          count = NaN;
          break;
        }
        if (value === true) count++;
      }
      nums[d.slot] = count;
    }
  };
}
