// A rubric's grading runtime: the pieces (row reading, band gaps, the grade rule) put together once
// per rubric, and the grading of one row that settles holes which cannot change the grade. The
// compiled path (compile.ts), explanations, steps up and the analysis use it; the
// json-rules-engine oracle (reference.ts) shares none of it.
import { compileSlotCondition, type SlotCondition } from './conditions.js';
import { valueDomain } from './grid.js';
import type { CriterionModel, Model } from './model.js';
import type { RowError } from './row-problems.js';
import { derivedStep, factReading, newRowState, resetRowState, type RowState } from './row-reading.js';
import { bandGaps, closingsOf, matchBand, type Gap } from './band-gaps.js';
import { gradeDecider, Outcomes, type Decider } from './grade-rule.js';
import type { Condition, FactValue, Level } from './types.js';
import { GRADE_BANDS, NO_BAND, NONE, NOT_APPLICABLE, errorVerdict, type Verdict } from './verdict.js';

export { derivedStep, factReading, newRowState, type RowState, type Vals } from './row-reading.js';
export { bandGaps, closingsOf, matchBand, type Gap } from './band-gaps.js';
export { Outcomes, pointsCombiner } from './grade-rule.js';

/** At most this many ways of closing the holes of one row are tried; past it the row is unmatched. */
export const MAX_CLOSINGS = 1024;

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
  /**
   * Finishes grading a row whose values are read (nums and vals by slot, without problems) and
   * whose exemptions are applied and bands matched, some left in a hole (NO_BAND): the grade rule
   * decides, settling holes that cannot change the grade. The generated grader hands such rows here.
   */
  settle(row: Readonly<Record<string, unknown>>, bands: number[], applied: number[], nums: readonly number[], vals: (boolean | string | null)[]): Verdict;
}

/** Everything grading a row needs that depends only on the rubric, settled once. */
interface Parts {
  model: Model;
  isNumericSlot: boolean[];
  readFacts: (row: Readonly<Record<string, unknown>>, state: RowState) => void;
  derive: (state: RowState) => void;
  exemptionTests: SlotCondition[];
  criteria: readonly CriterionModel[];
  criterionGaps: Gap[][];
  noBands: number[];
  decide: Decider;
  /**
   * Grading is synchronous and never re-entered, so one state serves every row; it is emptied
   * before each row is read (test/engine/runtime.test.ts checks nothing survives into the next).
   */
  state: RowState;
  out: Outcomes;
}

function partsOf(model: Model): Parts {
  const rubric = model.rubric;
  const isNumericSlot = model.slotIds.map((id) => {
    const type = model.catalog.get(id)?.type;
    return type === 'number' || type === 'integer';
  });
  const cache = new Map<string, SlotCondition>();
  const condition = (c: Condition): SlotCondition => compileSlotCondition(c, { slotOf: model.slotOf, named: rubric.conditions ?? {}, isNumericSlot, cache });
  const criteria = model.criteria;
  return {
    model,
    isNumericSlot,
    readFacts: factReading(model.facts),
    derive: derivedStep(model),
    exemptionTests: (rubric.exemptions ?? []).map((e) => condition(e.when)),
    criteria,
    criterionGaps: (rubric.criteria ?? []).map((c, i) => bandGaps(c.bands, criteria[i]!.precision, valueDomain(rubric, model.catalog, c.input))),
    noBands: criteria.map(() => NO_BAND),
    decide: gradeDecider(model, condition),
    state: newRowState(model.slotIds.length),
    out: new Outcomes(),
  };
}

/**
 * Puts the pieces together for one rubric. Everything that depends only on the rubric is settled
 * here, once; grading a row reads its facts into a state emptied for that row, derives, applies
 * exemptions, matches each criterion's band, and decides, settling holes that cannot matter.
 */
export function createRuntime(model: Model): Runtime {
  const parts = partsOf(model);
  const { isNumericSlot, readFacts, derive, decide } = parts;
  return {
    model,
    gaps: parts.criterionGaps,
    levelFor(bands) {
      const own = new Outcomes();
      decide(newRowState(model.slotIds.length), bands, own);
      return own.settledLevel;
    },
    values(row) {
      const own = newRowState(model.slotIds.length);
      readFacts(row, own);
      derive(own);
      return model.slotIds.map((_, slot) => (isNumericSlot[slot] ? (Number.isNaN(own.nums[slot]!) ? null : own.nums[slot]!) : own.vals[slot]!));
    },
    grade: (row) => gradeRow(parts, row),
    settle(row, bands, applied, nums, vals) {
      // new Float64Array(list) and a plain loop: Float64Array.from and flatMap cost microseconds here.
      const state: RowState = { nums: new Float64Array(nums), vals, errors: null };
      parts.out.reset();
      let holes: number[] | null = null;
      for (let i = 0; i < bands.length; i++) if (bands[i] === NO_BAND) (holes ??= []).push(i);
      return decideAndSettle(parts, state, row, bands, applied, holes);
    },
  };
}

/** Grades one row with the rubric's parts: read, derive, exempt, match bands, decide, settle. */
function gradeRow(parts: Parts, row: Readonly<Record<string, unknown>>): Verdict {
  const { model, state, out, criteria, exemptionTests } = parts;
  resetRowState(state);
  out.reset();
  parts.readFacts(row, state);
  parts.derive(state);
  const bands = parts.noBands.slice();
  let applied = NONE;
  if (state.errors !== null && blocksExemptions(model, state.errors)) return errorVerdict(row, bands, applied, state.errors);
  for (let e = 0; e < exemptionTests.length; e++) {
    if (!exemptionTests[e]!(state.vals, state.nums)) continue;
    if (applied === NONE) applied = [];
    applied.push(e);
    for (const c of model.exemptionTargets[e]!) bands[c] = NOT_APPLICABLE;
  }
  if (state.errors !== null) {
    const left = remainingErrors(model, state.errors, bands);
    if (left) return errorVerdict(row, bands, applied, left);
  }
  let holes: number[] | null = null;
  for (let i = 0; i < criteria.length; i++) {
    if (bands[i] === NOT_APPLICABLE) continue;
    const band = matchBand(criteria[i]!.bands, state.nums[criteria[i]!.inputSlot]!);
    bands[i] = band;
    if (band === NO_BAND) (holes ??= []).push(i);
  }
  return decideAndSettle(parts, state, row, bands, applied, holes);
}

/** The grade rule decides on the row's bands (every way of closing their holes) and the outcomes settle. */
function decideAndSettle(parts: Parts, state: RowState, row: Verdict['input'], bands: number[], applied: number[], holes: number[] | null): Verdict {
  if (holes === null || !parts.model.readsBands) parts.decide(state, bands, parts.out);
  else if (!closeHoles(parts, state, holes, bands)) return unmatched(row, bands, applied, null);
  return settle(row, bands, applied, holes, parts.out);
}

function blocksExemptions(model: Model, errors: RowError[]): boolean {
  return errors.some((e) => model.exemptionFacts.has(model.slotOf.get(e.fact)!));
}

/** Drops the problems of facts that only not-applicable criteria use (such facts may be absent). */
function remainingErrors(model: Model, errors: RowError[], bands: number[]): RowError[] | null {
  const kept = errors.filter((e) => {
    const owners = model.factOwners[model.slotOf.get(e.fact)!];
    return !owners || !owners.every((c) => bands[c] === NOT_APPLICABLE);
  });
  return kept.length > 0 ? kept : null;
}

/** Tries every way of closing the holes of the criteria listed and gathers the outcomes. */
function closeHoles(parts: Parts, state: RowState, holes: number[], bands: number[]): boolean {
  const { criteria, criterionGaps, out, decide } = parts;
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
