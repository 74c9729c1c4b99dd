// The shapes of a table read from an office's file: its cells, how each column was used, the import
// report, each unit's place and line, and why a file or sheet could not be read. Types only.
import type { Text } from '../types.js';
import type { RowError } from '../row-problems.js';
import type { Conversion } from './cell-text.js';

/** A fraction from a percent-formatted spreadsheet cell: 0.045 shown as 4.50 %. */
export interface PercentCell {
  percentOf: number;
}

/** One cell as a file gives it: text (CSV, HTML), or a spreadsheet's typed value. */
export type Cell = string | number | boolean | null | undefined | PercentCell;

/** A file that cannot be read as a table at all: one clear message. */
export interface ImportProblem {
  code: ImportProblemCode;
  message: Text;
}

/** Why a whole file or sheet cannot be read. */
export type ImportProblemCode =
  | 'EMPTY_FILE'
  | 'FILE_TOO_LARGE'
  | 'UNKNOWN_ENCODING'
  | 'BAD_CSV'
  | 'XLS_BINARY'
  | 'NOT_A_WORKBOOK'
  | 'MISREAD_CELL'
  | 'NO_TABLE'
  | 'TABLE_TOO_LARGE'
  | 'NO_SHEET'
  | 'EMPTY_SHEET'
  | 'NO_HEADER'
  | 'NO_ROWS'
  | 'DUPLICATE_COLUMN'
  | 'TOO_MANY_ROWS'
  | 'BAD_JSON'
  | 'UNSUPPORTED_FILE';

/** What a column of the file was taken to be. */
export interface ColumnUse {
  /** As Excel names it: A, B, … AA. */
  letter: string;
  header: string;
  /** The fact it feeds, if any. */
  fact?: string;
  role?: 'id' | 'province' | 'district';
}

/** Every conversion of one kind in one column, with one example. */
export interface ConversionCount {
  fact: string;
  letter: string;
  kind: Conversion;
  count: number;
  example: { from: string; to: string };
  text: Text;
}

/** What reading a table did: where the header was, what each column became, every conversion. */
export interface ImportReport {
  source: string;
  encoding?: string;
  sheet?: string;
  /** The header's row as the file numbers it (1-based). */
  headerRow: number;
  columns: ColumnUse[];
  conversions: ConversionCount[];
  /** True when the file has no unit id column: rows are numbered #1, #2, … */
  numbered: boolean;
  /** Facts no column feeds: every row lacks them. */
  missingFacts: string[];
  /** Headers that name nothing of the mission, carried nowhere. */
  ignoredColumns: string[];
  rows: number;
  cellErrors: number;
  /** Each fact's words, so the report can name a fact as people know it, not only by its id. */
  labels: Record<string, Text>;
  /** Percent facts whose every value lies between 0 and 1: perhaps fractions (0.045 for 4.5 %). */
  fractionColumns: { fact: string; letter: string; count: number }[];
}

/** A unit's name parts carried to the results. */
export interface UnitInfo {
  id: string;
  province?: string;
  district?: string;
  /** The row as the file numbers it. */
  line: number;
}

/** Rows typed for grading, the units they stand for, and the cells that could not be read. */
export interface ReadTable {
  rows: Record<string, unknown>[];
  units: UnitInfo[];
  /** Per row: the cells that could not be read, each naming its column and cell. */
  cellErrors: (RowError[] | undefined)[];
  report: ImportReport;
}

/** How to read a table: which column is the unit id, when the file's own header does not say. */
export interface TableOptions {
  source: string;
  /** A header text or a column letter. */
  idColumn?: string;
  encoding?: string;
  sheet?: string;
  /** True for CSV and HTML, where every cell is text: a plain number there is no conversion. */
  textSource?: boolean;
}
