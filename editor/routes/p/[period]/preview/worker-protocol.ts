// The messages between the preview page and its grading worker (grade-worker.ts): plain data only.
// The page sends the file and the missions' rubric texts; the worker answers with how it read the
// file, then each mission's rows and verdicts a slice at a time, then the file's grids a sheet at a
// time (for the choices the page offers afterwards; one message each keeps the page's tasks short). Every answer carries the upload's serial: the page takes
// only the answers of its latest upload.
import type { FileGrids, Grid, ImportProblem } from '$engine/import/read-file.js';
import type { Verdict } from '$engine/verdict.js';
import type { PreviewMission } from './graders.js';
import type { UploadPlan } from './plan.js';
import type { MissionData } from './upload.js';

/** What the page asks: read and grade this file, the mission `mission` first. */
export interface UploadRequest {
  type: 'upload';
  serial: number;
  file: File;
  period: string;
  missions: PreviewMission[];
  mission: string;
}

/** What the page asks as it opens: compile these missions now, before a file is chosen. */
export interface PrepareRequest {
  type: 'prepare';
  period: string;
  missions: PreviewMission[];
}

/** A mission's table without its rows: the rows come in slices. */
export type MissionHead = Omit<MissionData, 'rows' | 'cellErrors' | 'units'>;

/** One result as plain data, made a GradeResult again on the page with the page's own compiled rubric. */
export interface ResultData {
  id: string;
  verdict: Verdict;
  place: { province?: string; district?: string };
}

/** A slice of one mission's rows with their results, from row `start`. */
export interface SliceData {
  mission: string;
  start: number;
  rows: MissionData['rows'];
  cellErrors: MissionData['cellErrors'];
  units: MissionData['units'];
  results: ResultData[];
}

/** What the worker answers. */
export type WorkerAnswer = { serial: number } & (
  | { type: 'problem'; problem: ImportProblem }
  | { type: 'plan'; plan: Omit<UploadPlan, 'sets'> & { sets: (MissionHead & { total: number })[] } }
  | ({ type: 'slice' } & SliceData)
  | { type: 'grid'; grid: Grid }
  | { type: 'file'; source: string; files: Omit<FileGrids, 'grids'> }
  | { type: 'done' }
  | { type: 'ready' }
  | { type: 'failed'; message: string }
);
