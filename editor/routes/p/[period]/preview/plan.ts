// What an uploaded file becomes, decided the same way on the page and in the grading worker: a
// file of one table goes to the mission its header names best (else the one shown); a workbook's
// sheets go to the missions they are named after, or whose facts their header names best. Each
// mission's table is read (or why it cannot be), and the sheets no mission took are listed.
import type { ImportProblem } from '$engine/import/read-file.js';
import type { Grader } from './graders.js';
import { bestMission, guessSheets, isSingleTable, readFor, sheetsByName, type LoadedFile, type MissionData } from './upload.js';

/** How a loaded file is read for the missions. */
export interface UploadPlan {
  /** For a file of one table: the mission it goes to. */
  single: string | null;
  /** A workbook's sheets found by mission name, and those guessed from their header (mission → sheet). */
  named: [string, string][];
  guessed: Record<string, string>;
  sets: MissionData[];
  failed: Record<string, ImportProblem>;
  skipped: string[];
  /** The mission to show: the one-table file's, or the first mission read when the one shown was not. */
  show: string;
}

/** Reads a loaded file for the missions, as `rubric grade` would, with `mission` the one shown now. */
export function planUpload(read: LoadedFile, graders: readonly Grader[], mission: string): UploadPlan {
  const sets: MissionData[] = [];
  const failed: Record<string, ImportProblem> = {};
  const graderOf = (m: string) => graders.find((g) => g.mission === m)!;
  if (isSingleTable(read)) {
    const target = bestMission(read, graders)?.mission ?? mission;
    const result = readFor(read, graderOf(target), {});
    if ('problem' in result) failed[target] = result.problem;
    else sets.push(result.data);
    return { single: target, named: [], guessed: {}, sets, failed, skipped: [], show: target };
  }
  const named = sheetsByName(read, graders);
  const guessed = guessSheets(read, graders, named);
  for (const g of graders) {
    if (!named.has(g.mission) && !guessed[g.mission]) continue;
    const result = readFor(read, g, { sheet: guessed[g.mission] });
    if ('problem' in result) failed[g.mission] = result.problem;
    else sets.push(result.data);
  }
  const used = new Set([...named.values(), ...Object.values(guessed)]);
  const skipped = read.files.grids.map((g) => g.name).filter((n) => !used.has(n));
  const shown = [...sets.map((s) => s.mission), ...Object.keys(failed)];
  const show = shown.length > 0 && !shown.includes(mission) ? graders.find((g) => shown.includes(g.mission))!.mission : mission;
  return { single: null, named: [...named], guessed, sets, failed, skipped, show };
}

/** A record of choices or problems by mission with `mission`'s set to `value`, or taken out when `value` is undefined. */
export function withEntry<T>(record: Record<string, T>, mission: string, value: T | undefined): Record<string, T> {
  const next = { ...record };
  if (value === undefined) delete next[mission];
  else next[mission] = value;
  return next;
}
