import { compileCondition, type CompiledCondition } from './conditions.js';
import { bandModel, buildModel, inBand, type BandModel, type Model, type RubricRef } from './model.js';
import { SCORE_INPUT, type FactValue, type Level, type Rubric } from './types.js';
import {
  NO_BAND,
  NOT_APPLICABLE,
  blocksExemptions,
  combinePoints,
  computeDerived,
  errorVerdict,
  readRow,
  remainingErrors,
  worseLevel,
  type Verdict,
} from './verdict.js';

/** A rubric turned, once, into a synchronous grading function. */
export interface CompiledRubric {
  model: Model;
  /** Grades one row. Never throws for bad data: problems become an `error` verdict. */
  grade(row: Record<string, unknown>): Verdict;
}

type GradeStep = (values: FactValue[], bands: number[], exemptions: number[]) => Verdict;

/**
 * Compiles a validated rubric into plain closures over value slots: the fast path for bulk
 * grading and live preview. Work that depends only on the rubric happens here, once.
 */
export function compileRubric(rubric: Rubric, ref: RubricRef): CompiledRubric {
  const model = buildModel(rubric, ref);
  const named = rubric.conditions ?? {};
  const cache = new Map<string, CompiledCondition>();
  const exemptionTests = (rubric.exemptions ?? []).map((e) => compileCondition(e.when, model.slotOf, named, cache));
  const criteria = model.criteria;
  const criteriaCount = criteria.length;
  const decide = compileGradeStep(model, cache);

  return {
    model,
    grade(row) {
      const { values, errors } = readRow(model, row);
      const bands: number[] = new Array(criteriaCount).fill(NO_BAND);
      const applied: number[] = [];
      if (errors && blocksExemptions(model, errors)) return errorVerdict(values, bands, applied, errors);
      for (let e = 0; e < exemptionTests.length; e++) {
        if (!exemptionTests[e]!(values)) continue;
        applied.push(e);
        for (const c of model.exemptionTargets[e]!) bands[c] = NOT_APPLICABLE;
      }
      const left = remainingErrors(model, errors, bands);
      if (left) return errorVerdict(values, bands, applied, left);
      const zero = computeDerived(model, values);
      if (zero) return errorVerdict(values, bands, applied, [zero]);
      let unmatched = false;
      for (let i = 0; i < criteriaCount; i++) {
        if (bands[i] === NOT_APPLICABLE) continue;
        const c = criteria[i]!;
        const band = matchBand(c.bands, values[c.inputSlot] as number);
        bands[i] = band;
        if (band === NO_BAND) unmatched = true;
      }
      if (unmatched) {
        return { status: 'unmatched', grade: null, score: null, values, bands, row: -1, exemptions: applied, errors: null };
      }
      return decide(values, bands, applied);
    },
  };
}

/** The index of the first band that holds the value, or NO_BAND. */
function matchBand(bands: readonly BandModel[], value: number): number {
  for (let i = 0; i < bands.length; i++) if (inBand(bands[i]!, value)) return i;
  return NO_BAND;
}

function compileGradeStep(model: Model, cache: Map<string, CompiledCondition>): GradeStep {
  const grade = model.rubric.grade;
  const verdict = (
    status: Verdict['status'],
    level: Level | null,
    score: number | null,
    values: FactValue[],
    bands: number[],
    row: number,
    exemptions: number[],
  ): Verdict => ({ status, grade: level, score, values, bands, row, exemptions, errors: null });

  switch (grade?.type) {
    case undefined:
      return (values, bands, exemptions) => verdict('unmatched', null, null, values, bands, -1, exemptions);
    case 'worst': {
      const criteria = model.criteria;
      return (values, bands, exemptions) => {
        let level: Level | null = null;
        for (let i = 0; i < criteria.length; i++) {
          const band = bands[i]!;
          if (band === NOT_APPLICABLE) continue;
          const l = criteria[i]!.bands[band]!.level!;
          level = level === null ? l : worseLevel(level, l);
        }
        return verdict(level ? 'graded' : 'unmatched', level, null, values, bands, -1, exemptions);
      };
    }
    case 'bands': {
      const ready = grade.bands.map(bandModel);
      const fromScore = grade.input === SCORE_INPUT;
      const slot = fromScore ? -1 : model.slotOf.get(grade.input)!;
      return (values, bands, exemptions) => {
        const value = fromScore ? combinePoints(model, bands) : (values[slot] as number);
        const index = matchBand(ready, value);
        if (index === NO_BAND) return verdict('unmatched', null, value, values, bands, -1, exemptions);
        return verdict('graded', ready[index]!.level, value, values, bands, index, exemptions);
      };
    }
    case 'ladder': {
      const rows = grade.rows.map((r) => ({
        level: r.level,
        score: r.score ?? null,
        holds: compileCondition(r.when, model.slotOf, model.rubric.conditions ?? {}, cache),
      }));
      const floor = grade.floor ?? null;
      return (values, bands, exemptions) => {
        for (let i = 0; i < rows.length; i++) {
          const r = rows[i]!;
          if (r.holds(values)) return verdict('graded', r.level, r.score, values, bands, i, exemptions);
        }
        return floor
          ? verdict('graded', floor, null, values, bands, -1, exemptions)
          : verdict('unmatched', null, null, values, bands, -1, exemptions);
      };
    }
    case 'truthTable': {
      const slots = grade.columns.map((id) => model.slotOf.get(id)!);
      const rows = grade.rows;
      return (values, bands, exemptions) => {
        outer: for (let i = 0; i < rows.length; i++) {
          const expected = rows[i]!.values;
          for (let k = 0; k < slots.length; k++) if (values[slots[k]!] !== expected[k]) continue outer;
          return verdict('graded', rows[i]!.level, null, values, bands, i, exemptions);
        }
        return verdict('unmatched', null, null, values, bands, -1, exemptions);
      };
    }
  }
}
