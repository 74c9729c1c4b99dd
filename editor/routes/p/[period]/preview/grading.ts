// Grading uploaded rows in the browser without freezing the page, and what the pictures count.
import type { CompiledRubric } from '$engine/compile.js';
import { GradeResult, gradeRows } from '$engine/evaluate.js';
import { outcomeOf } from '$engine/examples.js';
import { districtOfId } from '$engine/district-of-id.js';
import { OUTCOMES, type Outcome } from '$engine/impact.js';
import type { Text } from '$engine/types.js';
import type { MissionData } from './upload.js';

type Row = Record<string, unknown>;

/** Rows graded per slice before the page gets to paint. */
export const CHUNK_ROWS = 2000;

/**
 * Grades a mission's rows in slices, yielding to the browser between slices, with what the file
 * reader knew of each row: its unreadable cells (which make it an error naming the cell) and its
 * unit's province and district. Ids are checked across the whole file, not only within a slice:
 * every row whose id another row shares is graded with all of them.
 */
export async function gradeInChunks(compiled: CompiledRubric, data: Pick<MissionData, 'rows' | 'cellErrors' | 'units'>, onProgress: (graded: number) => void): Promise<GradeResult[]> {
  const { rows, cellErrors, units } = data;
  const results: GradeResult[] = [];
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const end = start + CHUNK_ROWS;
    const slice = rows.slice(start, end);
    gradeRows(compiled, slice, { cellErrors: cellErrors.slice(start, end), units: units.slice(start, end) }).forEach((result, i) => {
      const row = slice[i]!;
      // A row without an id is named by its place; within a slice that place would be the slice's.
      const hasId = typeof row.id === 'string' || typeof row.id === 'number';
      results.push(hasId ? result : new GradeResult(compiled.model, `#${start + i + 1}`, result.verdict, result.place));
    });
    onProgress(results.length);
    await new Promise((resolve) => setTimeout(resolve));
  }
  if (rows.length > CHUNK_ROWS) {
    const shared = sharedIds(rows);
    const indexes = rows.flatMap((row, i) => (shared.has(idText(row)) ? [i] : []));
    gradeRows(
      compiled,
      indexes.map((i) => rows[i]!),
      { cellErrors: indexes.map((i) => cellErrors[i]), units: indexes.map((i) => units[i]!) },
    ).forEach((result, k) => (results[indexes[k]!] = result));
  }
  return results;
}

/**
 * Grades each mission's rows in slices (gradeInChunks), saying how many are done, and gives the
 * record of graded missions with them all at once, the missions in `drop` left out.
 */
export async function gradeSets(graded: Record<string, Graded>, sets: readonly MissionData[], drop: readonly string[], compiledOf: (mission: string) => CompiledRubric, onProgress: (done: number, total: number) => void): Promise<Record<string, Graded>> {
  const total = sets.reduce((n, s) => n + s.rows.length, 0);
  let before = 0;
  onProgress(0, total);
  const next = { ...graded };
  for (const m of drop) delete next[m];
  for (const set of sets) {
    const results = await gradeInChunks(compiledOf(set.mission), set, (n) => onProgress(before + n, total));
    before += set.rows.length;
    next[set.mission] = { data: set, results, outcomes: results.map(outcome) };
  }
  return next;
}

function idText(row: Row): string {
  return typeof row.id === 'string' || typeof row.id === 'number' ? String(row.id).trim() : '';
}

function sharedIds(rows: readonly Row[]): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const row of rows) {
    const id = idText(row);
    if (id === '') continue;
    if (seen.has(id)) shared.add(id);
    seen.add(id);
  }
  return shared;
}

/** What a result came to: a level, `unmatched` or `error`. */
export function outcome(result: GradeResult): Outcome {
  return outcomeOf(result) as Outcome;
}

/** How many results came to each outcome. */
export function countOutcomes(outcomes: readonly Outcome[]): Record<Outcome, number> {
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const o of outcomes) counts[o]++;
  return counts;
}

/** Each outcome's name for people. */
export const OUTCOME_TEXT: Record<Outcome, Text> = {
  A: { th: 'A', en: 'A' },
  B: { th: 'B', en: 'B' },
  C: { th: 'C', en: 'C' },
  D: { th: 'D', en: 'D' },
  unmatched: { th: 'ไม่ตรงกับระดับใด', en: 'no level matched' },
  error: { th: 'ข้อมูลผิด', en: 'bad data' },
};

/** Each outcome's colour in the pictures: greens for good levels, red for D, grey and purple for no grade. */
export const OUTCOME_COLOUR: Record<Outcome, string> = {
  A: '#1b7f4b',
  B: '#6cbf84',
  C: '#f2c14e',
  D: '#d9534f',
  unmatched: '#9aa5b1',
  error: '#7a3e9d',
};

/** A cell as text for a table: empty for nothing. */
export function cellText(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/**
 * A unit's province and district: from the file's columns (the reader's units), else from the row;
 * a unit with no district whose id is one district's name in the department's list gets that
 * district and its province (`listed` says so, for the page to show), unless the file's province differs.
 */
export function placeOf(graded: Graded, index: number): { province: string; district: string; listed: boolean } {
  const result = graded.results[index];
  const place = result?.place ?? {};
  const row = graded.data.rows[index];
  const province = place.province ?? cellText(row?.province);
  const district = place.district ?? cellText(row?.district);
  const named = !district && result ? districtOfId(result.id) : undefined;
  if (named && (!province || province === named.province)) return { ...named, listed: true };
  return { province, district, listed: false };
}

/** The results as exported: a unit whose district was found from its id carries that district and its province, as the page shows them. */
export function exportedResults(graded: Graded): GradeResult[] {
  return graded.results.map((result, index) => {
    const place = placeOf(graded, index);
    return place.listed ? result.withPlace({ province: place.province, district: place.district }) : result;
  });
}

/** One mission's uploaded rows and their results, in file order. */
export interface Graded {
  data: MissionData;
  results: GradeResult[];
  outcomes: Outcome[];
}
