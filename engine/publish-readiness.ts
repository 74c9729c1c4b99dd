// Why a draft may not be published yet, as the page lists it beside the Publish button: unsaved
// edits, no grade rule, errors its baseline did not have, examples that fail, the four-eyes rule.
// The same reasons the store refuses with (engine/store/publish.ts), found before asking. Browser-safe.
import type { Finding } from './analyze.js';
import type { ExampleOutcome } from './examples.js';
import { problem } from './problems/catalogue.js';
import type { Problem } from './problems/problem.js';
import type { Rubric } from './types.js';

/** An example that does not give what it expects, as a refusal lists it. */
export interface FailingExample {
  name: string;
  expected: string;
  actual: string;
}

/** The examples that fail, with their score beside the level where the example states one. */
export function failingOf(outcomes: readonly Pick<ExampleOutcome, 'name' | 'expected' | 'actual' | 'expectedScore' | 'actualScore' | 'passed'>[]): FailingExample[] {
  return outcomes
    .filter((e) => !e.passed)
    .map(({ name, expected, actual, expectedScore, actualScore }) => ({
      name,
      expected: expectedScore === undefined ? expected : `${expected} (${expectedScore})`,
      actual: expectedScore === undefined ? actual : `${actual} (${actualScore ?? '–'})`,
    }));
}

/** What the page knows of a draft when it asks whether it may be published. */
export interface ReadinessInput {
  /** Whether the text on the page differs from the saved draft. */
  dirty: boolean;
  /** The rubric when the text is valid. */
  rubric: Rubric | undefined;
  /** Errors the baseline revision did not have (splitErrors(...).fresh). */
  freshErrors: readonly Finding[];
  examples: readonly Pick<ExampleOutcome, 'name' | 'expected' | 'actual' | 'expectedScore' | 'actualScore' | 'passed'>[];
  /** Under the four-eyes rule: who changed the draft, and who asks; null when the rule is off. */
  fourEyes: { authors: readonly string[]; username: string } | null;
  /** The text on the page is still being read: what is known is of an earlier text. */
  pending?: boolean;
}

/** Each reason the draft may not be published now, in the order to fix them; empty when it may be. */
export function publishBlockers(input: ReadinessInput): Problem[] {
  const blockers: Problem[] = [];
  if (input.dirty) blockers.push(problem('service', 'UNSAVED_CHANGES', {}));
  if (input.rubric && !input.rubric.grade) blockers.push(problem('service', 'NO_GRADE_RULE', {}));
  for (const f of input.freshErrors) blockers.push({ code: f.code, severity: f.severity, message: f.message });
  const failing = failingOf(input.examples);
  if (failing.length > 0) blockers.push(problem('service', 'EXAMPLES_FAIL', { failing }));
  const eyes = input.fourEyes;
  if (eyes && eyes.authors.includes(eyes.username)) blockers.push(problem('service', 'SAME_PUBLISHER', { username: eyes.username, authors: [...eyes.authors] }));
  if (input.pending) blockers.push(problem('service', 'ANALYSIS_PENDING', {}));
  return blockers;
}
