// Live analysis of the text being edited, in the browser: validation, findings and examples,
// recomputed on every edit through the engine's compiled path. The server computes the same for a
// page's first view in a worker thread (engine/node/analysis-pool.ts), never on its request thread.
export { analyseLive as analyzeText, type LiveState } from '$engine/text-analysis.js';
