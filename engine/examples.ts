// Runs a rubric's own examples through its compiled grader and says which give what they expect.
import type { CompiledRubric } from './compile.js';
import { gradeRows, type GradeResult } from './evaluate.js';
import type { Example, Rubric } from './types.js';

/** The outcome of one rubric example. */
export interface ExampleOutcome {
  index: number;
  name: string;
  expected: string;
  actual: string;
  expectedScore?: number;
  actualScore: number | null;
  passed: boolean;
  result: GradeResult;
}

/** What a result is, in the words an example's `expect` uses. */
export function outcomeOf(result: { status: string; grade: string | null }): string {
  return result.status === 'graded' ? result.grade! : result.status;
}

/** Runs a rubric's examples through a grader and compares each with what it expects. */
export function runExamples(rubric: Rubric, compiled: CompiledRubric): ExampleOutcome[] {
  const examples = rubric.examples ?? [];
  const rows = examples.map((example, index) => ({ ...example.facts, id: `example-${index + 1}` }));
  const results = gradeRows(compiled, rows);
  return examples.map((example, index) => compare(example, index, results[index]!));
}

function compare(example: Example, index: number, result: GradeResult): ExampleOutcome {
  const actual = outcomeOf(result);
  const scoreOk = example.score === undefined || (result.score !== null && Math.abs(result.score - example.score) < 1e-9);
  return {
    index,
    name: example.name,
    expected: example.expect,
    actual,
    ...(example.score !== undefined ? { expectedScore: example.score } : {}),
    actualScore: result.score,
    passed: actual === example.expect && scoreOk,
    result,
  };
}
