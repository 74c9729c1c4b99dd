// The compiled path: a validated rubric turned, once, into a synchronous grading function.
import { buildModel, type Model, type RubricRef } from './model.js';
import { runtimeOf } from './runtime.js';
import type { ValidRubric } from './validate.js';
import type { Verdict } from './verdict.js';

/** A rubric turned, once, into a synchronous grading function. */
export interface CompiledRubric {
  model: Model;
  /** Grades one row. Never throws for bad data: problems become an `error` verdict. */
  grade(row: Record<string, unknown>): Verdict;
}

/**
 * Compiles a validated rubric into a plain synchronous function over value slots: the fast path
 * for bulk grading and live preview, built from the grading runtime's pieces. Nothing from the
 * file is evaluated as code. Only a rubric validateRubric passed (a ValidRubric) can be compiled.
 */
export function compileRubric(rubric: ValidRubric, ref: RubricRef): CompiledRubric {
  const runtime = runtimeOf(buildModel(rubric, ref));
  return { model: runtime.model, grade: runtime.grade };
}
