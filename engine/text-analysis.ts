// What the editor's server asks of a rubric text, as plain data that can cross to a worker
// thread: its validation and analysis, what a save changes, and the text a publication, a
// correction or a new quarter writes. Each reads the text once; none throws for bad input.
import type { Finding } from './analyze.js';
import { compileRubric } from './compile.js';
import { diffRubrics, type Change } from './diff.js';
import { runExamples, type ExampleOutcome } from './examples.js';
import { lintRubric } from './lint.js';
import { failingOf, type FailingExample } from './publish-readiness.js';
import { loadRubric } from './load.js';
import type { Rubric } from './types.js';
import { validateRubric, type ValidRubric } from './validate.js';
import { setScalar, type ScalarValue } from './yaml-edit.js';

/** A text's validation and analysis. */
export interface TextAnalysis {
  /** The rubric when the text is valid. */
  rubric: Rubric | undefined;
  findings: Finding[];
}

/** Validates and analyses a text as the rubric of `mission` in `period`. */
export function analyseRubricText(yaml: string, period: string, mission: string): TextAnalysis {
  const loaded = loadRubric(yaml, `${period}/${mission}.yaml`);
  const { rubric, diagnostics } = validateRubric(loaded, { expectedMission: mission, expectedPeriod: period });
  return { rubric, findings: lintRubric(loaded, rubric, diagnostics) };
}

/** Everything the rubric page shows about a text: its analysis, its value even when invalid, and its examples graded. */
export interface LiveState extends TextAnalysis {
  /** The parsed value even when it is not valid, for the table where it still can render. */
  value: unknown;
  examples: ExampleOutcome[];
}

/** Validates, analyses and runs the examples of a rubric text (through the compiled path). */
export function analyseLive(text: string, period: string, mission: string): LiveState {
  const loaded = loadRubric(text, `${period}/${mission}.yaml`);
  const { rubric, diagnostics } = validateRubric(loaded, { expectedMission: mission, expectedPeriod: period });
  const findings = lintRubric(loaded, rubric, diagnostics);
  let examples: ExampleOutcome[] = [];
  if (rubric?.grade) {
    const compiled = compileRubric(rubric, { mission, period, revision: rubric.revision, digest: 'sha256:draft' });
    examples = runExamples(rubric, compiled);
  }
  return { rubric, value: loaded.value, findings, examples };
}

/** What saving `after` over `before` would do. */
export interface SaveComparison {
  /**
   * The mission and period the new text names, read from its YAML even when the text is not a
   * valid rubric (a text with a schema error still must not move the draft); null where the text
   * names none as a string.
   */
  names: { mission: string | null; period: string | null };
  /** Whether the new text is a valid rubric. */
  valid: boolean;
  /** The changes, value by value, when both texts are valid; null otherwise. */
  changes: Change[] | null;
}

/** Compares a draft's saved text with the text about to replace it. */
export function compareForSave(before: string, after: string, file: string): SaveComparison {
  const loadedAfter = loadRubric(after, file);
  const value = loadedAfter.value;
  const named = (key: 'mission' | 'period'): string | null => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
    const v = Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
    return typeof v === 'string' ? v : null;
  };
  const next = validateRubric(loadedAfter).rubric;
  const previous = next ? validateRubric(loadRubric(before, file)).rubric : undefined;
  return {
    names: { mission: named('mission'), period: named('period') },
    valid: next !== undefined,
    changes: previous && next ? diffRubrics(previous, next) : null,
  };
}

/** One scalar to set; an optional one is skipped when its path leads to no scalar. */
export interface ScalarChange {
  path: readonly (string | number)[];
  value: ScalarValue;
  optional?: boolean;
}

/** Sets scalars in a text one after another (see setScalar); null when a required path leads to no scalar. */
export function withScalars(yaml: string, edits: readonly ScalarChange[]): string | null {
  let text = yaml;
  for (const { path, value, optional } of edits) {
    const next = setScalar(text, path, value);
    if (next === undefined && !optional) return null;
    text = next ?? text;
  }
  return text;
}

/** A rubric's examples that do not give what they expect, run through its compiled grader. */
export function failingExamples(rubric: ValidRubric | undefined, period: string, mission: string): FailingExample[] {
  if (!rubric?.grade) return [];
  const compiled = compileRubric(rubric, { mission, period, revision: rubric.revision, digest: 'sha256:draft' });
  return failingOf(runExamples(rubric, compiled));
}

/** A text for publishing: status and revision set, the result's analysis and its failing examples. */
export function prepareForPublish(
  yaml: string,
  period: string,
  mission: string,
  revision: number,
): { yaml: string; analysis: TextAnalysis; failing: FailingExample[] } | null {
  const text = withScalars(yaml, [
    { path: ['status'], value: 'published' },
    { path: ['revision'], value: revision },
  ]);
  if (text === null) return null;
  const loaded = loadRubric(text, `${period}/${mission}.yaml`);
  const { rubric, diagnostics } = validateRubric(loaded, { expectedMission: mission, expectedPeriod: period });
  return { yaml: text, analysis: { rubric, findings: lintRubric(loaded, rubric, diagnostics) }, failing: failingExamples(rubric, period, mission) };
}
