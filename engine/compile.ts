import { compileSlotCondition, type SlotCondition } from './conditions.js';
import { bandModel, buildModel, inBand, isRowError, readFact, type BandModel, type Model, type RowError, type RubricRef } from './model.js';
import { roundHalfUp } from './round.js';
import { SCORE_INPUT, type Level, type Rubric } from './types.js';
import {
  NO_BAND,
  NONE,
  NOT_APPLICABLE,
  blocksExemptions,
  errorVerdict,
  remainingErrors,
  worseLevel,
  zeroDenominator,
  type Verdict,
} from './verdict.js';

/** A rubric turned, once, into a synchronous grading function. */
export interface CompiledRubric {
  model: Model;
  /** Grades one row. Never throws for bad data: problems become an `error` verdict. */
  grade(row: Record<string, unknown>): Verdict;
}

/** Numbers live unboxed in `nums`; booleans, enum values and text in `vals`; both by slot. */
type Vals = (boolean | string | null)[];
type GradeStep = (input: Verdict['input'], vals: Vals, nums: Float64Array, bands: number[], exemptions: number[]) => Verdict;

const BOOLEAN = 0;
const INTEGER = 1;
const NUMBER = 2;
const ENUM = 3;
const TEXT = 4;
const KIND = { boolean: BOOLEAN, integer: INTEGER, number: NUMBER, enum: ENUM, string: TEXT } as const;

/**
 * Compiles a validated rubric into a plain synchronous function over value slots: the fast path
 * for bulk grading and live preview. Everything that depends only on the rubric (slots, kinds,
 * bounds, bands, conditions) is settled here, once; grading a row reads its facts, compares
 * numbers held unboxed in a typed array, and allocates only the verdict. Nothing from the file is
 * evaluated as code.
 */
export function compileRubric(rubric: Rubric, ref: RubricRef): CompiledRubric {
  const model = buildModel(rubric, ref);
  const slotCount = model.slotIds.length;
  const isNumericSlot = model.slotIds.map((id) => {
    const type = model.catalog.get(id)?.type;
    return type === 'number' || type === 'integer';
  });
  const conditionCache = new Map<string, SlotCondition>();
  const condition = (c: Parameters<typeof compileSlotCondition>[0]): SlotCondition =>
    compileSlotCondition(c, { slotOf: model.slotOf, named: rubric.conditions ?? {}, isNumericSlot, cache: conditionCache });

  const facts = model.facts;
  const factCount = facts.length;
  const factIds = facts.map((f) => f.id);
  const kinds = facts.map((f) => KIND[f.info.type]);
  const precisions = facts.map((f) => f.info.precision);
  const mins = facts.map((f) => f.info.min ?? -Infinity);
  const maxs = facts.map((f) => f.info.max ?? Infinity);
  const allowed = facts.map((f) => f.info.enumValues ?? []);

  const ratios = model.derived.flatMap((d) => (d.kind === 'ratio' ? [d] : []));
  const counts = model.derived.flatMap((d) => (d.kind === 'countTrue' ? [d] : []));
  const exemptionTests = (rubric.exemptions ?? []).map((e) => condition(e.when));
  const exemptionTargets = model.exemptionTargets;
  const exemptionCount = exemptionTests.length;
  const hasDerived = model.derived.length > 0;
  const criteriaCount = model.criteria.length;
  const inputSlots = model.criteria.map((c) => c.inputSlot);
  const criterionBands = model.criteria.map((c) => c.bands);
  const noBands: number[] = model.criteria.map(() => NO_BAND);
  const decide = compileGradeStep(model, condition);

  // Grading is synchronous and never re-entered, so one pair of scratch arrays serves every row.
  const vals: Vals = new Array<boolean | string | null>(slotCount).fill(null);
  const nums = new Float64Array(slotCount);

  /** Computes the derived values into their slots; returns the problem of a zero denominator. */
  const deriveValues = (): RowError | null => {
    for (const d of ratios) {
      const numerator = nums[d.numerator]!;
      const denominator = nums[d.denominator]!;
      if (Number.isNaN(numerator) || Number.isNaN(denominator)) {
        nums[d.slot] = NaN;
        continue;
      }
      if (denominator === 0) return zeroDenominator(d);
      nums[d.slot] = roundHalfUp((numerator * d.multiplier) / denominator, d.precision);
    }
    for (const d of counts) {
      let count = 0;
      for (const slot of d.operands) if (vals[slot] === true) count++;
      nums[d.slot] = count;
    }
    return null;
  };

  return {
    model,
    grade(row) {
      let errors: RowError[] | null = null;
      for (let i = 0; i < factCount; i++) {
        const raw = row[factIds[i]!];
        switch (kinds[i]) {
          case NUMBER:
            if (typeof raw === 'number' && Number.isFinite(raw)) {
              const value = roundHalfUp(raw, precisions[i]!);
              if (value >= mins[i]! && value <= maxs[i]!) {
                nums[i] = value;
                continue;
              }
            }
            break;
          case INTEGER:
            if (typeof raw === 'number' && Number.isInteger(raw) && raw >= mins[i]! && raw <= maxs[i]!) {
              nums[i] = raw;
              continue;
            }
            break;
          case BOOLEAN:
            if (typeof raw === 'boolean') {
              vals[i] = raw;
              continue;
            }
            break;
          case ENUM:
            if (typeof raw === 'string' && allowed[i]!.includes(raw)) {
              vals[i] = raw;
              continue;
            }
            break;
        }
        // Text, and every value that did not fit: the general reader gives the value or the error.
        const read = readFact(facts[i]!, raw);
        if (isRowError(read)) {
          (errors ??= []).push(read);
          vals[i] = null;
          nums[i] = NaN;
        } else if (typeof read === 'number') {
          nums[i] = read;
        } else {
          vals[i] = read;
        }
      }
      const bands = noBands.slice();
      let applied = NONE;
      if (errors !== null && blocksExemptions(model, errors)) return errorVerdict(row, bands, applied, errors);
      for (let e = 0; e < exemptionCount; e++) {
        if (!exemptionTests[e]!(vals, nums)) continue;
        if (applied === NONE) applied = [];
        applied.push(e);
        for (const c of exemptionTargets[e]!) bands[c] = NOT_APPLICABLE;
      }
      if (errors !== null) {
        const left = remainingErrors(model, errors, bands);
        if (left) return errorVerdict(row, bands, applied, left);
      }
      if (hasDerived) {
        const zero = deriveValues();
        if (zero) return errorVerdict(row, bands, applied, [zero]);
      }
      let unmatched = false;
      for (let i = 0; i < criteriaCount; i++) {
        if (bands[i] === NOT_APPLICABLE) continue;
        const band = matchBand(criterionBands[i]!, nums[inputSlots[i]!]!);
        bands[i] = band;
        if (band === NO_BAND) unmatched = true;
      }
      if (unmatched) {
        return { status: 'unmatched', grade: null, score: null, input: row, bands, row: -1, exemptions: applied, errors: null };
      }
      return decide(row, vals, nums, bands, applied);
    },
  };
}

/** The index of the first band that holds the value, or NO_BAND. */
function matchBand(bands: readonly BandModel[], value: number): number {
  for (let i = 0; i < bands.length; i++) if (inBand(bands[i]!, value)) return i;
  return NO_BAND;
}

/**
 * The score combiner with each band's points and each criterion's maximum looked up once: the
 * sum or mean of the applicable criteria's points, rescaled when the rubric says so.
 */
function compileCombine(model: Model): (bands: number[]) => number {
  const spec = model.rubric.score!;
  const points = model.criteria.map((c) => c.bands.map((b) => b.points ?? 0));
  const maxima = model.criteria.map((c) => c.maxPoints);
  const fullMax = maxima.reduce((a, b) => a + b, 0);
  const isMean = spec.method === 'mean';
  const rescales = spec.method === 'sum' && spec.whenNotApplicable === 'rescale';
  const precision = spec.precision ?? 2;
  const count = points.length;
  return (bands) => {
    let total = 0;
    let counted = 0;
    let applicableMax = 0;
    for (let i = 0; i < count; i++) {
      const band = bands[i]!;
      if (band === NOT_APPLICABLE) continue;
      total += points[i]![band]!;
      applicableMax += maxima[i]!;
      counted++;
    }
    let score = isMean ? total / counted : total;
    if (rescales && applicableMax > 0 && applicableMax !== fullMax) score = (score * fullMax) / applicableMax;
    return roundHalfUp(score, precision);
  };
}

function compileGradeStep(model: Model, condition: (c: Parameters<typeof compileSlotCondition>[0]) => SlotCondition): GradeStep {
  const grade = model.rubric.grade;
  const verdict = (
    status: Verdict['status'],
    level: Level | null,
    score: number | null,
    input: Verdict['input'],
    bands: number[],
    row: number,
    exemptions: number[],
  ): Verdict => ({ status, grade: level, score, input, bands, row, exemptions, errors: null });

  switch (grade?.type) {
    case undefined:
      return (input, _vals, _nums, bands, exemptions) => verdict('unmatched', null, null, input, bands, -1, exemptions);
    case 'worst': {
      const levels = model.criteria.map((c) => c.bands.map((b) => b.level!));
      return (input, _vals, _nums, bands, exemptions) => {
        let level: Level | null = null;
        for (let i = 0; i < levels.length; i++) {
          const band = bands[i]!;
          if (band === NOT_APPLICABLE) continue;
          const l = levels[i]![band]!;
          level = level === null ? l : worseLevel(level, l);
        }
        return verdict(level ? 'graded' : 'unmatched', level, null, input, bands, -1, exemptions);
      };
    }
    case 'bands': {
      const ready = grade.bands.map(bandModel);
      const fromScore = grade.input === SCORE_INPUT;
      const combine = fromScore ? compileCombine(model) : () => 0;
      const slot = fromScore ? -1 : model.slotOf.get(grade.input)!;
      return (input, _vals, nums, bands, exemptions) => {
        const value = fromScore ? combine(bands) : nums[slot]!;
        const index = matchBand(ready, value);
        if (index === NO_BAND) return verdict('unmatched', null, value, input, bands, -1, exemptions);
        return verdict('graded', ready[index]!.level, value, input, bands, index, exemptions);
      };
    }
    case 'ladder': {
      const rows = grade.rows.map((r) => ({ level: r.level, score: r.score ?? null, holds: condition(r.when) }));
      const floor = grade.floor ?? null;
      return (input, vals, nums, bands, exemptions) => {
        for (let i = 0; i < rows.length; i++) {
          const r = rows[i]!;
          if (r.holds(vals, nums)) return verdict('graded', r.level, r.score, input, bands, i, exemptions);
        }
        return floor
          ? verdict('graded', floor, null, input, bands, -1, exemptions)
          : verdict('unmatched', null, null, input, bands, -1, exemptions);
      };
    }
    case 'truthTable': {
      const slots = grade.columns.map((id) => model.slotOf.get(id)!);
      const rows = grade.rows;
      return (input, vals, _nums, bands, exemptions) => {
        outer: for (let i = 0; i < rows.length; i++) {
          const expected = rows[i]!.values;
          for (let k = 0; k < slots.length; k++) if (vals[slots[k]!] !== expected[k]) continue outer;
          return verdict('graded', rows[i]!.level, null, input, bands, i, exemptions);
        }
        return verdict('unmatched', null, null, input, bands, -1, exemptions);
      };
    }
  }
}
