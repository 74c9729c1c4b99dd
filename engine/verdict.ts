// What grading one row comes to, as both grading paths produce it.
import type { RowError } from './row-problems.js';
import type { Level } from './types.js';

/** What became of a row. */
export type Status = 'graded' | 'unmatched' | 'error';

/** Band index of a criterion that no band matched. */
export const NO_BAND = -1;
/** Band index of a criterion made not applicable by an exemption. */
export const NOT_APPLICABLE = -2;
/** In `settled`: the grade rule's own bands, whose gap the value fell in. */
export const GRADE_BANDS = -1;

/**
 * The bare outcome of grading one row, as both evaluation paths produce it; `explain` turns it
 * into the reason and trace people read.
 */
export interface Verdict {
  status: Status;
  grade: Level | null;
  score: number | null;
  /** The row graded; the values used are recomputed from it (`valuesOf`) only to explain. */
  input: Readonly<Record<string, unknown>>;
  /** Per criterion: the band matched, NO_BAND, or NOT_APPLICABLE. */
  bands: number[];
  /** The grade rule's row or band that decided, or -1 (floor, nothing matched, or several could have). */
  row: number;
  /** Indexes of the exemptions that applied. */
  exemptions: number[];
  errors: RowError[] | null;
  /**
   * For a row graded although values fell in holes of the rubric: the criteria (by index, and
   * GRADE_BANDS for the grade's own bands) whose hole could not change the grade. Null otherwise.
   */
  settled: number[] | null;
}

/** The worse of two levels. */
export function worseLevel(a: Level, b: Level): Level {
  return a > b ? a : b;
}

/** A verdict for a row whose facts cannot be graded. */
export function errorVerdict(input: Verdict['input'], bands: number[], exemptions: number[], errors: RowError[]): Verdict {
  return { status: 'error', grade: null, score: null, input, bands, row: -1, exemptions, errors, settled: null };
}

/** An empty list shared by verdicts that had no exemption, so grading allocates none. */
export const NONE: number[] = Object.freeze([]) as unknown as number[];
