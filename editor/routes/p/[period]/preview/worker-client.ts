// The page's side of the grading worker (grade-worker.ts): starts it once, sends it an upload and
// hands each answer of that upload to the page, results made GradeResults again with the page's own
// compiled rubrics and rows made prototype-free again (as the reader makes them). Answers of an
// upload a newer one replaced are dropped. Where workers cannot run, `gradingWorker` gives null
// and the page reads and grades on its own thread.
import { GradeResult } from '$engine/evaluate.js';
import type { Grid, ImportProblem } from '$engine/import/read-file.js';
import type { Grader } from './graders.js';
import GradeWorker from './grade-worker.ts?worker';
import type { LoadedFile, MissionData } from './upload.js';
import type { PreviewMission } from './graders.js';
import type { MissionHead, PrepareRequest, SliceData, UploadRequest, WorkerAnswer } from './worker-protocol.js';

type Row = Record<string, unknown>;
type Plan = Extract<WorkerAnswer, { type: 'plan' }>['plan'];

/** What the page does with each answer of its upload. */
export interface StreamHandlers {
  problem(problem: ImportProblem): void;
  plan(plan: Plan): void;
  slice(mission: string, start: number, part: Pick<MissionData, 'rows' | 'cellErrors' | 'units'> & { results: GradeResult[] }): void;
  file(loaded: LoadedFile): void;
}

let worker: Worker | null | undefined;
let pending: { serial: number; settle: (outcome: 'done' | 'replaced') => void; fail: (error: Error) => void; onAnswer: (answer: WorkerAnswer) => void } | undefined;

/** The grading worker, started on first use; null where workers cannot be started (or one failed). */
export function gradingWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = typeof Worker === 'function' ? new GradeWorker() : null;
  } catch {
    worker = null;
  }
  worker?.addEventListener('message', (event: MessageEvent<WorkerAnswer>) => {
    // The page says when the worker has compiled the missions: what measurements wait on before choosing a file.
    if (event.data.type === 'ready') document.documentElement.dataset.gradingWorker = 'ready';
    else if (pending && event.data.serial === pending.serial) pending.onAnswer(event.data);
  });
  // A worker that fails (its script refused, say) is not used again: the page grades on its own thread.
  const failed = (message: string) => {
    worker?.terminate();
    worker = null;
    pending?.fail(new Error(message));
    pending = undefined;
  };
  worker?.addEventListener('error', (event) => {
    event.preventDefault();
    failed(event.message || 'the grading worker failed');
  });
  // An answer that cannot be read is lost, and the upload could never finish: a failure, the same.
  worker?.addEventListener('messageerror', () => failed('an answer of the grading worker could not be read'));
  return worker;
}

/** Starts the worker as the page opens, compiling the missions there before a file is chosen. */
export function prepareWorker(period: string, missions: PreviewMission[]): void {
  gradingWorker()?.postMessage({ type: 'prepare', period, missions } satisfies PrepareRequest);
}

/** A prototype-free copy of a row, as the reader makes rows (so "constructor" is no key of every row). */
function bare(row: Row): Row {
  return Object.assign(Object.create(null) as Row, row);
}

/** One slice's rows and results as the page keeps them. */
function slicePart(slice: SliceData, grader: Grader) {
  const copies = new Map<Row, Row>();
  const rows = slice.rows.map((row) => {
    const copy = bare(row);
    copies.set(row, copy);
    return copy;
  });
  const results = slice.results.map((r) => {
    const input = copies.get(r.verdict.input as Row) ?? bare(r.verdict.input as Row);
    return new GradeResult(grader.current.model, r.id, { ...r.verdict, input }, r.place);
  });
  return { rows, cellErrors: slice.cellErrors, units: slice.units, results };
}

/**
 * Reads and grades a file in the worker, giving each answer to the page; resolves 'done', or
 * 'replaced' when a newer upload took the worker; rejects when the worker itself fails.
 */
export function streamUpload(request: Omit<UploadRequest, 'type'>, graders: readonly Grader[], handlers: StreamHandlers): Promise<'done' | 'replaced'> {
  const target = gradingWorker();
  if (!target) return Promise.reject(new Error('no grading worker'));
  pending?.settle('replaced');
  const grids: Grid[] = [];
  return new Promise((resolve, reject) => {
    const onAnswer = (answer: WorkerAnswer) => {
      if (answer.type === 'problem') handlers.problem(answer.problem);
      else if (answer.type === 'plan') handlers.plan(answer.plan);
      else if (answer.type === 'slice') {
        const grader = graders.find((g) => g.mission === answer.mission)!;
        handlers.slice(answer.mission, answer.start, slicePart(answer, grader));
        return;
      } else if (answer.type === 'grid') {
        grids.push(answer.grid);
        return;
      } else if (answer.type === 'file') {
        const files = { ...answer.files, grids, ...(answer.files.json ? { json: answer.files.json.map(bare) } : {}) };
        handlers.file({ serial: request.serial, source: answer.source, files });
        return;
      } else if (answer.type === 'failed') return finish(() => reject(new Error(answer.message)));
      if (answer.type === 'done' || answer.type === 'problem') finish(() => resolve('done'));
    };
    const finish = (settle: () => void) => {
      pending = undefined;
      settle();
    };
    pending = { serial: request.serial, settle: (outcome) => finish(() => resolve(outcome)), fail: reject, onAnswer };
    target.postMessage({ type: 'upload', ...request } satisfies UploadRequest);
  });
}

export type { MissionHead };
