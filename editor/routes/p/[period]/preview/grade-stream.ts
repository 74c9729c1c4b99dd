// A mission's rows graded a slice at a time for the grading worker, each slice's results given as
// soon as they are made, the first slice small so that the table fills early. The results are
// those of gradeInChunks (grading.ts) row for row: rows whose id another row shares are graded
// first, all together (as gradeInChunks regrades them), and a row without an id is named by its
// place in the whole file.
import type { CompiledRubric } from '$engine/compile.js';
import { GradeResult, gradeRows } from '$engine/evaluate.js';
import type { MissionData } from './upload.js';

type Row = Record<string, unknown>;

/** Rows in the first slice: the top of the results table, little to draw so that it shows at once. */
export const FIRST_ROWS = 50;

/**
 * Rows in each later slice. The page reads each slice in one task (the structured clone of its
 * rows and verdicts, then its copies): slices of 2,000 rows took 70–120 ms there, over the 50 ms
 * a page may freeze; 250 keep each under about 15 ms.
 */
export const SLICE_ROWS = 250;

function idText(row: Row): string {
  return typeof row.id === 'string' || typeof row.id === 'number' ? String(row.id).trim() : '';
}

/** The indexes of the rows whose id another row shares. */
function sharedRows(rows: readonly Row[]): number[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const id = idText(row);
    if (id !== '') counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return rows.flatMap((row, i) => ((counts.get(idText(row)) ?? 0) > 1 ? [i] : []));
}

/** Grades a mission's rows slice by slice: yields each slice's start and results, in file order. */
export function* gradeSlices(compiled: CompiledRubric, data: Pick<MissionData, 'rows' | 'cellErrors' | 'units'>, first = FIRST_ROWS, rest = SLICE_ROWS): Generator<{ start: number; results: GradeResult[] }> {
  const { rows, cellErrors, units } = data;
  const shared = new Map<number, GradeResult>();
  const indexes = sharedRows(rows);
  if (indexes.length > 0) {
    const group = gradeRows(
      compiled,
      indexes.map((i) => rows[i]!),
      { cellErrors: indexes.map((i) => cellErrors[i]), units: indexes.map((i) => units[i]!) },
    );
    group.forEach((result, k) => shared.set(indexes[k]!, result));
  }
  for (let start = 0; start < rows.length; ) {
    const end = Math.min(rows.length, start + (start === 0 ? first : rest));
    const slice = rows.slice(start, end);
    const graded = gradeRows(compiled, slice, { cellErrors: cellErrors.slice(start, end), units: units.slice(start, end) });
    const results = graded.map((result, i) => {
      const at = start + i;
      const fromGroup = shared.get(at);
      if (fromGroup) return fromGroup;
      const row = slice[i]!;
      // A row without an id is named by its place in the file, not in the slice.
      const hasId = typeof row.id === 'string' || typeof row.id === 'number';
      return hasId ? result : new GradeResult(compiled.model, `#${at + 1}`, result.verdict, result.place);
    });
    yield { start, results };
    start = end;
  }
}
