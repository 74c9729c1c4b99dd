// The generated grading path: a compiled rubric's grader written once as JavaScript source (only
// numbers, slot indices and a closed set of operators and names; every string from the rubric is
// passed in by index) and evaluated with `new Function`, the way Ajv compiles a schema. Where
// evaluation is not allowed, or the rubric holds something the generator refuses, the closures grade.
import { CodegenRefusal, Pool, type Source } from './codegen-source.js';
import { graderSource } from './codegen-grade.js';
import { canEvaluate } from './eval-support.js';
import type { Model } from './model.js';
import { own } from './own.js';
import { roundHalfUp } from './round.js';
import { provinceOf } from './row-reading.js';
import type { Runtime } from './runtime.js';
import { NONE, type Verdict } from './verdict.js';

/** Which grader a compiled rubric uses. */
export type GraderPath = 'generated' | 'closures';
/** Which grader to use: one of them, or `auto` (generated where the environment allows). */
export type GraderChoice = GraderPath | 'auto';

/** The environment variable that forces a path (for tests and the benchmark): generated, closures or auto. */
export const GRADER_ENV = 'RUBRIC_GRADER';

type Grade = (row: Readonly<Record<string, unknown>>) => Verdict;

/** The choice the environment makes, if it names one; anything else named is an error. */
export function graderFromEnv(): GraderChoice | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[GRADER_ENV];
  if (value === undefined || value === '') return undefined;
  if (value === 'generated' || value === 'closures' || value === 'auto') return value;
  throw new Error(`${GRADER_ENV} must be generated, closures or auto, not ${JSON.stringify(value)}`);
}

/** The source of a model's grader and the values passed in with it: what `new Function` gets. */
export function generatedSource(model: Model): { source: string; values: unknown[] } {
  const isNumericSlot = model.slotIds.map((id) => {
    const type = model.catalog.get(id)?.type;
    return type === 'number' || type === 'integer';
  });
  const src: Source = { model, pool: new Pool(), isNumericSlot };
  const source = graderSource(src);
  return { source, values: src.pool.values };
}

/** Text trimmed, or null for anything that is not text with something in it (as factReading reads text). */
function text(raw: unknown): string | null {
  return typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : null;
}

/** A province's canonical Thai name, or null (the closures then report the problem). */
function province(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  const found = provinceOf(raw);
  return 'province' in found ? found.province.th : null;
}

/**
 * The generated grader of a model, which hands every row with a problem to the closures' `grade`,
 * settles holes itself where the grade rule reads the bands (codegen-settle.ts), and hands a row
 * with a hole to the closures' `settle` otherwise. Throws CodegenRefusal for a model it will not
 * write, and the environment's error where evaluation is not allowed.
 */
export function generateGrader(model: Model, closures: Pick<Runtime, 'grade' | 'settle'>): Grade {
  const { source, values } = generatedSource(model);
  const factory = new Function('c', 'h', source) as (c: unknown[], h: unknown) => Grade;
  const helpers = { round: roundHalfUp, slow: closures.grade, settle: closures.settle, none: NONE, own, text, province, graded: 'graded', unmatched: 'unmatched' };
  return factory(values, helpers);
}

/**
 * The grader to use for a model: the generated one unless closures are chosen, evaluation is not
 * allowed (`evaluable`, asked only for `auto`), or the generator refuses the model. Choosing
 * `generated` where it cannot be had is an error.
 */
export function chooseGrader(
  runtime: Pick<Runtime, 'model' | 'grade' | 'settle'>,
  choice: GraderChoice,
  evaluable: () => boolean = canEvaluate,
): { grade: Grade; path: GraderPath } {
  const closures = { grade: runtime.grade, path: 'closures' as const };
  if (choice === 'closures') return closures;
  if (choice === 'auto' && !evaluable()) return closures;
  try {
    return { grade: generateGrader(runtime.model, runtime), path: 'generated' };
  } catch (error) {
    if (choice === 'auto' && error instanceof CodegenRefusal) return closures;
    throw error;
  }
}
