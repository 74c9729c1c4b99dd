// Live analysis of the text being edited, in the browser: validation, findings and examples,
// recomputed on every edit through the engine's compiled path. The server computes the same for a
// page's first view in a worker thread (engine/node/analysis-pool.ts), never on its request thread.
// Each reading is timed as the User Timing measure ANALYSIS_MEASURE (only the latest kept), which
// `npm run bench:editor` reads from outside the page; nothing of it is shown.
import { analyseLive, type LiveState } from '$engine/text-analysis.js';

export type { LiveState };

/** The name of the performance measure of the latest reading of the text. */
export const ANALYSIS_MEASURE = 'rubric-analysis';

/** Validates, analyses and runs the examples of the text being edited (see analyseLive). */
export function analyzeText(text: string, period: string, mission: string): LiveState {
  const start = performance.now();
  const state = analyseLive(text, period, mission);
  performance.clearMeasures(ANALYSIS_MEASURE);
  performance.measure(ANALYSIS_MEASURE, { start });
  return state;
}
