// Validates a loaded rubric against the schema and then its meaning, placing every problem at its
// line and column; only a rubric with no error comes back, typed as validated (ValidRubric).
import { checkRubric } from './check.js';
import type { Found } from './check/found.js';
import { capDiagnostics, hasErrors, sortProblems, type RubricProblem } from './diagnostics.js';
import type { LoadedRubric } from './load.js';
import { schemaValidator } from './schema-validators.js';
import type { Rubric } from './types.js';
import { pointerLocator, type Locate } from './validate/locate.js';
import { schemaProblems } from './validate/schema-problems.js';

declare const validated: unique symbol;

/**
 * A rubric that has passed validateRubric with no error: only validateRubric makes one, and only
 * a ValidRubric can be compiled (compileRubric, buildModel).
 */
export type ValidRubric = Rubric & { readonly [validated]: true };

/** What `validateRubric` gives: the validated rubric when it has no error, and every problem. */
export interface ValidatedRubric {
  rubric: ValidRubric | undefined;
  diagnostics: RubricProblem[];
}

/** Where a rubric is expected to live, to check its mission and period against its path. */
export interface ValidateOptions {
  expectedMission?: string;
  expectedPeriod?: string;
}

/** A found problem given its place in the file. */
function placed(f: Found, file: string, locate: Locate): RubricProblem {
  const { line, column } = locate(f.pointer, f.atKey);
  return { ...f.problem, where: { file, line, column, pointer: f.pointer } };
}

/**
 * Validates a loaded rubric against the schema and then its meaning (declared facts, operators
 * that fit the fact's type, named conditions, band shapes). Returns all problems at once, sorted
 * by line and capped (capDiagnostics); the rubric is returned only when there is no error.
 */
export function validateRubric(loaded: LoadedRubric, options: ValidateOptions = {}): ValidatedRubric {
  if (loaded.value === undefined || !loaded.doc) {
    return { rubric: undefined, diagnostics: capDiagnostics(sortProblems(loaded.diagnostics), loaded.file) };
  }
  const validate = schemaValidator('rubric');
  const locate = pointerLocator(loaded.doc, loaded.lineCounter);
  const place = (f: Found): RubricProblem => placed(f, loaded.file, locate);
  if (!validate(loaded.value)) {
    const diagnostics = [...loaded.diagnostics, ...schemaProblems(validate.errors ?? []).map(place)];
    return { rubric: undefined, diagnostics: capDiagnostics(sortProblems(diagnostics), loaded.file) };
  }
  const rubric = loaded.value as Rubric;
  const sorted = sortProblems([...loaded.diagnostics, ...checkRubric(rubric, options).map(place)]);
  // Whether the rubric is valid is decided on every problem, not only on those listed.
  const valid = hasErrors(sorted) ? undefined : (rubric as ValidRubric);
  return { rubric: valid, diagnostics: capDiagnostics(sorted, loaded.file) };
}
