// Live analysis of the text being edited, in the browser: validation, findings and examples,
// recomputed on every edit through the engine's compiled path, in a Web Worker (editor/lib/live.worker.ts)
// so the page stays responsive, with only the latest edit's result used (editor/lib/latest-only.ts);
// on the page's own thread only when the worker cannot run. The draft's effect on units is read the
// same way in its own worker (editor/lib/impact.worker.ts). The server computes the analysis for a
// page's first view in a worker thread (engine/node/analysis-pool.ts), never on its request thread.
// Each reading's duration is recorded as the User Timing measure ANALYSIS_MEASURE (only the latest
// kept), which `npm run bench:editor` reads from outside the page; nothing of it is shown.
import type { Impact } from '$engine/impact.js';
import { analyseLive, type LiveState } from '$engine/text-analysis.js';
import { readImpact, type ImpactRequest } from './impact-reading.js';
import { LatestOnly, type Answer, type WorkerLike, type WorkerMode } from './latest-only.js';

export type { LiveState, WorkerMode, Answer, ImpactRequest };

/** What the analysis worker reads: a text as the rubric of `mission` in `period`. */
export interface LiveRequest {
  text: string;
  period: string;
  mission: string;
}

/** The name of the performance measure of the latest reading of the text. */
export const ANALYSIS_MEASURE = 'rubric-analysis';

/** The workers' names, as the browser's tools (and the browser tests) see them. */
export const WORKER_NAMES = { analysis: 'rubric-analysis', impact: 'rubric-impact' } as const;

/** Validates, analyses and runs the examples of the text being edited, on this thread (see analyseLive). */
export function analyzeText(text: string, period: string, mission: string): LiveState {
  return analyseLive(text, period, mission);
}

/** Records a reading's duration as ANALYSIS_MEASURE, ending now. */
function recordReading(ms: number): void {
  performance.clearMeasures(ANALYSIS_MEASURE);
  const end = performance.now();
  performance.measure(ANALYSIS_MEASURE, { start: Math.max(0, end - ms), end });
}

/** Starts the analysis worker (in the browser only); answers and mode changes come through the callbacks. */
export function startLiveAnalysis(
  onresult: (answer: Answer<LiveRequest, LiveState>) => void,
  onmode: (mode: WorkerMode, reason?: string) => void,
): LatestOnly<LiveRequest, LiveState> {
  return new LatestOnly<LiveRequest, LiveState>({
    start: async () => {
      const { default: LiveWorker } = await import('./live.worker?worker');
      return new LiveWorker({ name: WORKER_NAMES.analysis }) as unknown as WorkerLike<LiveRequest, LiveState>;
    },
    readOnPage: ({ text, period, mission }) => analyzeText(text, period, mission),
    onresult: (answer) => {
      recordReading(answer.ms);
      onresult(answer);
    },
    onmode,
  });
}

/** Starts the impact worker (in the browser only). */
export function startImpactReading(
  onresult: (answer: Answer<ImpactRequest, Impact | null>) => void,
  onmode: (mode: WorkerMode, reason?: string) => void,
): LatestOnly<ImpactRequest, Impact | null> {
  return new LatestOnly<ImpactRequest, Impact | null>({
    start: async () => {
      const { default: ImpactWorker } = await import('./impact.worker?worker');
      return new ImpactWorker({ name: WORKER_NAMES.impact }) as unknown as WorkerLike<ImpactRequest, Impact | null>;
    },
    readOnPage: readImpact,
    onresult,
    onmode,
  });
}
