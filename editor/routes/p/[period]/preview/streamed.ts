// The results of an upload graded in the worker, gathered as its slices arrive and shown when the
// page asks: its record of graded missions with each mission's rows so far (new arrays each time, so
// everything derived from them is worked out again). What an upload replaced before it finished
// can be put back, so that no part of a file the page moved on from stays on the screen.
import type { GradeResult } from '$engine/evaluate.js';
import type { ImportProblem } from '$engine/import/read-file.js';
import type { Outcome } from '$engine/impact.js';
import { outcome, type Graded } from './grading.js';
import type { MissionData } from './upload.js';
import type { MissionHead } from './worker-protocol.js';

/** How often, in milliseconds, slices that arrived are shown while a file is graded. */
export const SHOW_EVERY = 400;

type Part = Pick<MissionData, 'rows' | 'cellErrors' | 'units'> & { results: GradeResult[] };

/** What the page says about a file's missions: why some could not be read, and the sheets of no mission. */
export interface Notices {
  problems: Record<string, ImportProblem>;
  skipped: string[];
}

export class StreamedGrades {
  private readonly heads = new Map<string, MissionHead & { total: number }>();
  private readonly parts = new Map<string, Part & { outcomes: Outcome[] }>();
  /** Each mission this upload changed, as it was before. */
  private readonly previous = new Map<string, Graded | undefined>();
  /** Rows graded so far, and in all. */
  done = 0;
  total = 0;

  /** The page's notices as they were before this upload's plan replaced them (undefined before its plan). */
  notices: Notices | undefined;

  /**
   * Starts an upload's missions: every mission it grades or could not read leaves the record at
   * once, so that nothing of an earlier file shows beside this one's first slices (the worker sends
   * the mission on screen first, the others later). `notices` are the page's, kept for `undo`.
   */
  begin(heads: (MissionHead & { total: number })[], drop: readonly string[], graded: Record<string, Graded>, notices: Notices): Record<string, Graded> {
    const next = { ...graded };
    for (const head of heads) this.heads.set(head.mission, head);
    this.total = heads.reduce((n, h) => n + h.total, 0);
    this.notices ??= notices;
    for (const m of [...heads.map((h) => h.mission), ...drop]) {
      this.remember(m, graded);
      delete next[m];
    }
    return next;
  }

  /** Missions with slices not yet in the page's record. */
  private readonly fresh = new Set<string>();

  /** Adds one slice of a mission's rows and results (shown at the next `record`). */
  add(mission: string, part: Part): void {
    // Appended in place: copying every earlier row at each slice made the work grow with the square
    // of the slices. `record` hands the page copies, so nothing it holds changes afterwards.
    let had = this.parts.get(mission);
    if (!had) this.parts.set(mission, (had = { rows: [], cellErrors: [], units: [], results: [], outcomes: [] }));
    for (const row of part.rows) had.rows.push(row);
    for (const errors of part.cellErrors) had.cellErrors.push(errors);
    for (const unit of part.units) had.units.push(unit);
    for (const result of part.results) {
      had.results.push(result);
      had.outcomes.push(outcome(result));
    }
    this.done += part.results.length;
    this.fresh.add(mission);
  }

  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Adds a slice and has it shown: the first at once, later ones together every SHOW_EVERY ms (each showing redraws the page). */
  take(mission: string, part: Part, show: () => void): void {
    this.add(mission, part);
    if (this.done === part.results.length) return show();
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      if (this.waiting) show();
    }, SHOW_EVERY);
  }

  /** Stops showing slices by the clock. */
  stop(): this {
    clearTimeout(this.timer);
    this.timer = undefined;
    return this;
  }

  /** True when slices wait to be shown. */
  get waiting(): boolean {
    return this.fresh.size > 0;
  }

  /** The page's record with the rows so far of every mission that has new slices. */
  record(graded: Record<string, Graded>): Record<string, Graded> {
    const next = { ...graded };
    for (const mission of this.fresh) {
      const { total: _total, ...meta } = this.heads.get(mission)!;
      const all = this.parts.get(mission)!;
      this.remember(mission, graded);
      const data: MissionData = { ...meta, rows: all.rows.slice(), cellErrors: all.cellErrors.slice(), units: all.units.slice() };
      next[mission] = { data, results: all.results.slice(), outcomes: all.outcomes.slice() };
    }
    this.fresh.clear();
    return next;
  }

  /** The record with every mission this upload changed as it was before the upload. */
  undo(graded: Record<string, Graded>): Record<string, Graded> {
    const next = { ...graded };
    for (const [m, before] of this.previous) {
      if (before) next[m] = before;
      else delete next[m];
    }
    return next;
  }

  private remember(mission: string, graded: Record<string, Graded>): void {
    if (!this.previous.has(mission)) this.previous.set(mission, graded[mission]);
  }
}
