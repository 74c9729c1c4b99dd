// The one shape every problem takes, wherever it is found: a rubric file's line, a data file's
// cell, a request the store refuses. Browser-safe; the words come from the catalogue (catalogue.ts).
import type { Text } from '../types.js';

/** How serious a problem is: an error stops what was asked; a warning or a note does not. */
export type Severity = 'error' | 'warning' | 'info';

/** A place in a text file (a rubric): line and column from 1, and the JSON pointer of the value ('' for the whole document). */
export interface FilePlace {
  file: string;
  line: number;
  column: number;
  pointer: string;
}

/**
 * A place in a data file: the row as the user counts it (the header is row 1 of a sheet), the
 * column's header (or the fact's id for JSON), and the cell as Excel names it (C14).
 */
export interface CellPlace {
  file?: string;
  row?: number;
  column?: string;
  cell?: string;
}

/** Where a problem is. */
export type Where = FilePlace | CellPlace;

/**
 * One problem: a code from the closed catalogue, how serious it is, its words in Thai and English,
 * where it is, and (when there is one) what was expected and what was found.
 */
export interface Problem<Code extends string = string> {
  code: Code;
  severity: Severity;
  message: Text;
  where?: Where;
  expected?: string;
  received?: string;
}

/** True when the place is a line and column of a text file. */
export function isFilePlace(where: Where | undefined): where is FilePlace {
  return where !== undefined && 'line' in where;
}

/** True when any problem is an error. */
export function hasErrors(problems: readonly Pick<Problem, 'severity'>[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
