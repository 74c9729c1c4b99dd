// The worker thread that reads rubric texts for the editor's server (see
// engine/node/analysis-pool.ts): the request thread hands it a task and goes on answering
// others; a task that runs too long ends with the worker, not with the server.
import { parentPort } from 'node:worker_threads';
import { shiftRounds } from '../shift-rounds.js';
import { analyseLive, analyseRubricText, compareForSave, prepareForPublish, withScalars } from '../text-analysis.js';

/** The tasks a worker runs, by name, with their arguments as the pool sends them. */
const TASKS = {
  analyse: (yaml: string, period: string, mission: string) => analyseRubricText(yaml, period, mission),
  live: (yaml: string, period: string, mission: string) => analyseLive(yaml, period, mission),
  compare: (before: string, after: string, file: string) => compareForSave(before, after, file),
  publish: (yaml: string, period: string, mission: string, revision: number) => prepareForPublish(yaml, period, mission, revision),
  scalars: (yaml: string, edits: Parameters<typeof withScalars>[1]) => withScalars(yaml, edits),
  rounds: (yaml: string, from: string, to: string) => shiftRounds(yaml, from, to),
} as const;

export type AnalysisTasks = typeof TASKS;

// Load and compile the schema before saying ready, so that a task's time limit counts the task alone.
analyseRubricText('{}', '2567-Q3', 'warm-up');
parentPort?.postMessage({ ready: true });

parentPort?.on('message', (message: { id: number; task: keyof AnalysisTasks; args: unknown[] }) => {
  try {
    const run = TASKS[message.task] as (...args: unknown[]) => unknown;
    parentPort!.postMessage({ id: message.id, ok: true, value: run(...message.args) });
  } catch (error) {
    // A programmer's error in the engine: the caller reports it as a failed analysis.
    parentPort!.postMessage({ id: message.id, ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
});
