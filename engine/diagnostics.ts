// The problems of a rubric file: the one problem shape with a line and column, made from the
// catalogue's rubric codes, in line order, and capped at so many a file. Browser-safe.
import { problem, type ParamsOf, type ProblemExtras } from './problems/catalogue.js';
import type { FilePlace, Problem, Severity } from './problems/problem.js';
import type { RubricCode } from './problems/rubric-codes.js';

export { describeValue } from './describe-value.js';
export { hasErrors } from './problems/problem.js';
export type { Severity } from './problems/problem.js';
export type { RubricCode } from './problems/rubric-codes.js';

/** One problem found in a rubric file: always at a line and column of the file, with the value's JSON pointer. */
export type RubricProblem = Problem<RubricCode> & { where: FilePlace };

/** Makes a rubric file's problem of a code at a place, its words from the catalogue. */
export function rubricProblem<C extends RubricCode>(
  code: C,
  params: ParamsOf<'rubric', C>,
  where: FilePlace,
  extras: Omit<ProblemExtras, 'where'> = {},
): RubricProblem {
  return { ...problem('rubric', code, params, extras), where };
}

/** Sorts a file's problems by file, line and column (stable for equal places). */
export function sortProblems(problems: RubricProblem[]): RubricProblem[] {
  return [...problems].sort(
    (a, b) => a.where.file.localeCompare(b.where.file) || a.where.line - b.where.line || a.where.column - b.where.column,
  );
}

/** How many problems one file reports before the rest are only counted. */
export const MAX_DIAGNOSTICS_PER_FILE = 200;

/** The worst severity among problems ('info' when there are none). */
function worstOf(problems: readonly RubricProblem[]): Severity {
  if (problems.some((d) => d.severity === 'error')) return 'error';
  return problems.some((d) => d.severity === 'warning') ? 'warning' : 'info';
}

/**
 * Keeps the first `max` of a file's problems (sorted by line, as given) and, when there were
 * more, adds one TOO_MANY_PROBLEMS at the file's 1:1 after them that counts the rest and names the
 * total. It is an error when any problem it stands for is one (else the worst of theirs), so a
 * file with only warnings past the cap stays valid.
 */
export function capDiagnostics(sorted: RubricProblem[], file: string, max = MAX_DIAGNOSTICS_PER_FILE): RubricProblem[] {
  if (sorted.length <= max) return sorted;
  const hidden = sorted.slice(max);
  const total = sorted.length;
  const count = rubricProblem(
    'TOO_MANY_PROBLEMS',
    { rest: hidden.length, total, max },
    { file, line: 1, column: 1, pointer: '' },
    { severity: worstOf(hidden), expected: `at most ${max} problems`, received: `${total} problems` },
  );
  return [...sorted.slice(0, max), count];
}
