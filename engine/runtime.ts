// The grading runtime: reading a fact, computing derived values, applying exemptions, combining
// points, finding the level and settling holes that cannot change the grade, each written once.
// The compiled path (compile.ts) is these pieces put together; explanations, steps up and the
// analysis reuse them. The json-rules-engine oracle (reference.ts) shares none of it.
import { isInheritedName, own } from './own.js';
import type { ValueInfo } from './catalog.js';
import { compileSlotCondition, type SlotCondition } from './conditions.js';
import { bandInterval, intersect, subtract, stepsPerUnit, valueDomain, type Interval } from './grid.js';
import { bandModel, inBand, type BandModel, type FactModel, type Model } from './model.js';
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
import { SCORE_INPUT, type Band, type Condition, type FactValue, type Level } from './types.js';
import { GRADE_BANDS, NO_BAND, NONE, NOT_APPLICABLE, errorVerdict, worseLevel, type Verdict } from './verdict.js';

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
function resetRowState(state: RowState): void {
  // A plain loop: for a handful of slots it costs less than two fill() calls.
  const { vals, nums } = state;
  for (let i = 0; i < nums.length; i++) {
    nums[i] = NaN;
    vals[i] = null;
  }
  state.errors = null;
}

function addError(state: RowState, error: RowError): void {
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

const provinceMemo = new Map<string, ReturnType<typeof resolveProvince>>();

/**
 * A province's text resolved through the catalogue, remembered: a file names the same few
 * provinces on every row, and resolving is a pure function of the text.
 */
function provinceOf(text: string): ReturnType<typeof resolveProvince> {
  let found = provinceMemo.get(text);
  if (!found) {
    found = resolveProvince(text);
    if (provinceMemo.size >= 4096) provinceMemo.clear();
    provinceMemo.set(text, found);
  }
  return found;
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

/** The index of the first band that holds the value, or NO_BAND. */
export function matchBand(bands: readonly BandModel[], value: number): number {
  for (let i = 0; i < bands.length; i++) if (inBand(bands[i]!, value)) return i;
  return NO_BAND;
}

/**
 * A run of values no band claims, in steps at the value's precision, with the bands that claim
 * the value just below and just above it (null at the edge of what the value can be).
 */
export interface Gap extends Interval {
  below: number | null;
  above: number | null;
}

/** The gaps between a list of bands over a value of that precision and domain. */
export function bandGaps(bands: readonly Band[], precision: number, domain: Interval): Gap[] {
  const ready = bands.map(bandModel);
  const scale = stepsPerUnit(precision);
  const claimed = bands.map((b) => intersect(bandInterval(b, precision), domain));
  const at = (step: number): number | null =>
    step >= domain.lo && step <= domain.hi ? nullIfNone(matchBand(ready, step / scale)) : null;
  return subtract([domain], claimed).map((gap) => ({
    ...gap,
    below: Number.isFinite(gap.lo) ? at(gap.lo - 1) : null,
    above: Number.isFinite(gap.hi) ? at(gap.hi + 1) : null,
  }));
}

function nullIfNone(band: number): number | null {
  return band === NO_BAND ? null : band;
}

/**
 * The bands a value in a gap could have been given had the gap been closed: the band on each
 * side. Null when the value lies at an edge with a band on one side only, where nothing says
 * what it would get.
 */
export function closingsOf(gaps: readonly Gap[], value: number, precision: number): number[] | null {
  const step = Math.round(value * stepsPerUnit(precision));
  const gap = gaps.find((g) => step >= g.lo && step <= g.hi);
  if (!gap || gap.below === null || gap.above === null) return null;
  return gap.below === gap.above ? [gap.below] : [gap.below, gap.above];
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
type Decider = (state: RowState, bands: readonly number[], out: Outcomes) => void;

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
function gradeDecider(model: Model, condition: (c: Condition) => SlotCondition): Decider {
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

/** At most this many ways of closing the holes of one row are tried; past it the row is unmatched. */
const MAX_CLOSINGS = 1024;

/** A rubric's grading runtime: every piece ready, and the grading of one row put together from them. */
export interface Runtime {
  model: Model;
  /** Grades one row. Never throws for bad data: problems become an `error` verdict. */
  grade(row: Readonly<Record<string, unknown>>): Verdict;
  /** The values a row gives each slot after reading, rounding and deriving: what explanations show. */
  values(row: Readonly<Record<string, unknown>>): FactValue[];
  /** The gaps between each criterion's bands, with the bands either side. */
  gaps: readonly (readonly Gap[])[];
  /**
   * The one level the grade rule gives for these criterion bands (null: none, or it depends on a
   * gap of the grade bands), for a rule that reads only the bands: what analysis asks of a hole.
   */
  levelFor(bands: readonly number[]): Level | null;
}

/**
 * Puts the pieces together for one rubric. Everything that depends only on the rubric is settled
 * here, once; grading a row reads its facts into a state emptied for that row, derives, applies
 * exemptions, matches each criterion's band, and decides, settling holes that cannot matter.
 */
export function createRuntime(model: Model): Runtime {
  const rubric = model.rubric;
  const isNumericSlot = model.slotIds.map((id) => {
    const type = model.catalog.get(id)?.type;
    return type === 'number' || type === 'integer';
  });
  const cache = new Map<string, SlotCondition>();
  const condition = (c: Condition): SlotCondition => compileSlotCondition(c, { slotOf: model.slotOf, named: rubric.conditions ?? {}, isNumericSlot, cache });

  const readFacts = factReading(model.facts);
  const derive = derivedStep(model);
  const exemptionTests = (rubric.exemptions ?? []).map((e) => condition(e.when));
  const criteria = model.criteria;
  const criterionGaps = (rubric.criteria ?? []).map((c, i) =>
    bandGaps(c.bands, criteria[i]!.precision, valueDomain(rubric, model.catalog, c.input)),
  );
  const noBands: number[] = criteria.map(() => NO_BAND);
  const decide = gradeDecider(model, condition);
  // Grading is synchronous and never re-entered, so one state serves every row; it is emptied
  // before each row is read (test/engine/runtime.test.ts checks nothing survives into the next).
  const state = newRowState(model.slotIds.length);
  const out = new Outcomes();

  const read = (row: Readonly<Record<string, unknown>>, into: RowState): void => {
    readFacts(row, into);
    derive(into);
  };

  const blocksExemptions = (errors: RowError[]): boolean => errors.some((e) => model.exemptionFacts.has(model.slotOf.get(e.fact)!));

  /** Drops the problems of facts that only not-applicable criteria use (such facts may be absent). */
  const remainingErrors = (errors: RowError[], bands: number[]): RowError[] | null => {
    const kept = errors.filter((e) => {
      const owners = model.factOwners[model.slotOf.get(e.fact)!];
      return !owners || !owners.every((c) => bands[c] === NOT_APPLICABLE);
    });
    return kept.length > 0 ? kept : null;
  };

  /** Tries every way of closing the holes of the criteria listed and gathers the outcomes. */
  const closeHoles = (holes: number[], bands: number[]): boolean => {
    const choices: number[][] = [];
    let combos = 1;
    for (const i of holes) {
      const closings = closingsOf(criterionGaps[i]!, state.nums[criteria[i]!.inputSlot]!, criteria[i]!.precision);
      if (!closings) return false;
      choices.push(closings);
      combos *= closings.length;
    }
    if (combos > MAX_CLOSINGS) return false;
    const trial = bands.slice();
    for (let n = 0; n < combos; n++) {
      let rest = n;
      holes.forEach((i, k) => {
        trial[i] = choices[k]![rest % choices[k]!.length]!;
        rest = Math.floor(rest / choices[k]!.length);
      });
      decide(state, trial, out);
    }
    return true;
  };

  return {
    model,
    gaps: criterionGaps,
    levelFor(bands) {
      const own = new Outcomes();
      decide(newRowState(model.slotIds.length), bands, own);
      return own.settledLevel;
    },
    values(row) {
      const own = newRowState(model.slotIds.length);
      read(row, own);
      return model.slotIds.map((_, slot) => (isNumericSlot[slot] ? (Number.isNaN(own.nums[slot]!) ? null : own.nums[slot]!) : own.vals[slot]!));
    },
    grade(row) {
      resetRowState(state);
      out.reset();
      read(row, state);
      const bands = noBands.slice();
      let applied = NONE;
      if (state.errors !== null && blocksExemptions(state.errors)) return errorVerdict(row, bands, applied, state.errors);
      for (let e = 0; e < exemptionTests.length; e++) {
        if (!exemptionTests[e]!(state.vals, state.nums)) continue;
        if (applied === NONE) applied = [];
        applied.push(e);
        for (const c of model.exemptionTargets[e]!) bands[c] = NOT_APPLICABLE;
      }
      if (state.errors !== null) {
        const left = remainingErrors(state.errors, bands);
        if (left) return errorVerdict(row, bands, applied, left);
      }
      let holes: number[] | null = null;
      for (let i = 0; i < criteria.length; i++) {
        if (bands[i] === NOT_APPLICABLE) continue;
        const band = matchBand(criteria[i]!.bands, state.nums[criteria[i]!.inputSlot]!);
        bands[i] = band;
        if (band === NO_BAND) (holes ??= []).push(i);
      }
      if (holes === null || !model.readsBands) decide(state, bands, out);
      else if (!closeHoles(holes, bands)) return unmatched(row, bands, applied, null);
      return settle(row, bands, applied, holes, out);
    },
  };
}

function unmatched(input: Verdict['input'], bands: number[], exemptions: number[], score: number | null): Verdict {
  return { status: 'unmatched', grade: null, score, input, bands, row: -1, exemptions, errors: null, settled: null };
}

/**
 * The verdict from every outcome the row's holes allow: graded when they all give one level (the
 * score and deciding row kept only where they agree too), else unmatched.
 */
function settle(input: Verdict['input'], bands: number[], exemptions: number[], holes: number[] | null, out: Outcomes): Verdict {
  const level = out.settledLevel;
  // A hole in the criteria hides the score; a hole in the grade bands alone leaves it known.
  if (level === null) return unmatched(input, bands, exemptions, holes === null && out.scoreAgrees ? out.score : null);
  const settled = holes || out.gap ? [...(holes ?? []), ...(out.gap ? [GRADE_BANDS] : [])] : null;
  return {
    status: 'graded',
    grade: level,
    score: out.scoreAgrees ? out.score : null,
    input,
    bands,
    row: out.rowAgrees ? out.row : -1,
    exemptions,
    errors: null,
    settled,
  };
}

const runtimes = new WeakMap<Model, Runtime>();

/** The runtime of a model, made once and kept with it. */
export function runtimeOf(model: Model): Runtime {
  let runtime = runtimes.get(model);
  if (!runtime) {
    runtime = createRuntime(model);
    runtimes.set(model, runtime);
  }
  return runtime;
}

/** The values a verdict used, by slot, after rounding and deriving: recomputed from its row, for explanations. */
export function valuesOf(model: Model, verdict: Verdict): FactValue[] {
  return runtimeOf(model).values(verdict.input);
}
