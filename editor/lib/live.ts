// Live analysis of the text being edited, in the browser: validation, findings and examples,
// recomputed on every edit through the engine's compiled path.
import type { Finding } from '../../engine/analyze.js';
import { compileRubric } from '../../engine/compile.js';
import { runExamples, type ExampleOutcome } from '../../engine/examples.js';
import { lintRubric } from '../../engine/lint.js';
import { loadRubric } from '../../engine/load.js';
import type { Rubric } from '../../engine/types.js';
import { validateRubric } from '../../engine/validate.js';

/** Everything the editor shows about the current text. */
export interface LiveState {
  rubric: Rubric | undefined;
  /** The parsed value even when it is not valid, for the table where it still can render. */
  value: unknown;
  findings: Finding[];
  examples: ExampleOutcome[];
  /** Milliseconds the whole analysis took. */
  ms: number;
}

/** Validates, analyses and runs the examples of a rubric text. */
export function analyzeText(text: string, period: string, mission: string): LiveState {
  const start = performance.now();
  const loaded = loadRubric(text, `${period}/${mission}.yaml`);
  const { rubric, diagnostics } = validateRubric(loaded, { expectedMission: mission, expectedPeriod: period });
  const findings = lintRubric(loaded, rubric, diagnostics);
  let examples: ExampleOutcome[] = [];
  if (rubric?.grade) {
    const compiled = compileRubric(rubric, { mission, period, revision: rubric.revision, digest: 'sha256:draft' });
    examples = runExamples(rubric, compiled);
  }
  return { rubric, value: loaded.value, findings, examples, ms: performance.now() - start };
}
