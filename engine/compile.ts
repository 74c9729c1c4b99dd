// The compiled path: a validated rubric turned, once, into a synchronous grading function.
import { chooseGrader, graderFromEnv, type GraderChoice, type GraderPath } from './codegen.js';
import { buildModel, type Model, type RubricRef } from './model.js';
import { runtimeOf } from './runtime.js';
import type { ValidRubric } from './validate.js';
import type { Verdict } from './verdict.js';

export type { GraderChoice, GraderPath } from './codegen.js';

/** A rubric turned, once, into a synchronous grading function. */
export interface CompiledRubric {
  model: Model;
  /** Grades one row. Never throws for bad data: problems become an `error` verdict. */
  grade(row: Record<string, unknown>): Verdict;
  /** Which grader grades: generated source, or the closures. */
  path: GraderPath;
}

/** How to compile: which grader (default: RUBRIC_GRADER from the environment, else auto). */
export interface CompileOptions {
  grader?: GraderChoice;
}

/**
 * Compiles a validated rubric into a plain synchronous function over value slots: the fast path
 * for bulk grading and live preview. Where the environment allows evaluating source, the grader
 * is generated source holding only numbers, slot indices and fixed operators (codegen.ts);
 * otherwise it is the grading runtime's closures. Nothing from the file is evaluated as code.
 * Only a rubric validateRubric passed (a ValidRubric) can be compiled.
 */
export function compileRubric(rubric: ValidRubric, ref: RubricRef, options: CompileOptions = {}): CompiledRubric {
  const runtime = runtimeOf(buildModel(rubric, ref));
  const { grade, path } = chooseGrader(runtime, options.grader ?? graderFromEnv() ?? 'auto');
  return { model: runtime.model, grade, path };
}
