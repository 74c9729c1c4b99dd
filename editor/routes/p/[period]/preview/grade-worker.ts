// The preview's grading worker: reads an uploaded file with the engine's one reader (the strict
// workbook reader, DecompressionStream inflating), reads each mission's table as the page would
// (plan.ts), grades the rows (grade-stream.ts) and sends them a slice at a time, the mission shown
// first, so the table fills while the rest is graded and the page never waits on a long task. A
// newer upload stops an older one between slices. Loaded by the page as a Vite `?worker` module.
/// <reference lib="webworker" />
import { buildGraders, type Grader, type PreviewMission } from './graders.js';
import { gradeSlices } from './grade-stream.js';
import { planUpload } from './plan.js';
import { readUpload } from './upload.js';
import type { PrepareRequest, UploadRequest, WorkerAnswer } from './worker-protocol.js';

declare const self: DedicatedWorkerGlobalScope;

let latest = 0;
let compiled: { period: string; missions: PreviewMission[]; graders: Grader[] } | undefined;

/** The graders of these missions, compiled once for as long as the texts stay the same. */
function gradersOf(period: string, missions: PreviewMission[]): Grader[] {
  const same =
    compiled &&
    compiled.period === period &&
    compiled.missions.length === missions.length &&
    compiled.missions.every((m, i) => m.mission === missions[i]!.mission && m.draft?.yaml === missions[i]!.draft?.yaml && m.published?.yaml === missions[i]!.published?.yaml && m.published?.digest === missions[i]!.published?.digest);
  if (!same) compiled = { period, missions, graders: buildGraders(period, missions) };
  return compiled!.graders;
}

const post = (answer: WorkerAnswer) => self.postMessage(answer);
/**
 * A turn of the event loop, by a message to itself: chained setTimeouts are held to 4 ms each once
 * they nest, which the 45 slices of the national workbook would add up to ~180 ms.
 */
const loop = new MessageChannel();
const turns: (() => void)[] = [];
loop.port1.onmessage = () => turns.shift()?.();
const turn = () =>
  new Promise<void>((resolve) => {
    turns.push(resolve);
    loop.port2.postMessage(null);
  });
/** Lets a newer request in: true when this upload has been replaced. */
const replaced = async (serial: number) => {
  await turn();
  return serial !== latest;
};

async function upload(request: UploadRequest): Promise<void> {
  const { serial } = request;
  const graders = gradersOf(request.period, request.missions);
  const read = await readUpload(request.file, serial);
  if (serial !== latest) return;
  if ('problem' in read) return post({ serial, type: 'problem', problem: read.problem });
  const plan = planUpload(read, graders, request.mission);
  const heads = plan.sets.map(({ rows, cellErrors: _c, units: _u, ...head }) => ({ ...head, total: rows.length }));
  post({ serial, type: 'plan', plan: { ...plan, sets: heads } });
  const order = [...plan.sets].sort((a, b) => Number(b.mission === plan.show) - Number(a.mission === plan.show));
  for (const set of order) {
    const grader = graders.find((g) => g.mission === set.mission)!;
    for (const { start, results } of gradeSlices(grader.current, set)) {
      const end = start + results.length;
      post({
        serial,
        type: 'slice',
        mission: set.mission,
        start,
        rows: set.rows.slice(start, end),
        cellErrors: set.cellErrors.slice(start, end),
        units: set.units.slice(start, end),
        results: results.map((r) => ({ id: r.id, verdict: r.verdict, place: r.place })),
      });
      if (await replaced(serial)) return;
    }
  }
  const { grids, ...files } = read.files;
  for (const grid of grids) {
    post({ serial, type: 'grid', grid });
    if (await replaced(serial)) return;
  }
  post({ serial, type: 'file', source: read.source, files });
  post({ serial, type: 'done' });
}

self.onmessage = (event: MessageEvent<UploadRequest | PrepareRequest>) => {
  const request = event.data;
  if (request.type === 'prepare') {
    gradersOf(request.period, request.missions);
    return post({ serial: 0, type: 'ready' });
  }
  latest = request.serial;
  upload(request).catch((error: unknown) => {
    if (request.serial === latest) post({ serial: request.serial, type: 'failed', message: (error as Error)?.message ?? String(error) });
  });
};
