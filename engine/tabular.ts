// Rows from data files' text (CSV, JSON) and from tables (worksheets): pure, for the CLI and the browser.
import type { ValidateFunction } from 'ajv';
import { parse } from 'csv-parse/browser/esm/sync';
import { schemaValidator } from './schema-validators.js';
import { closestName } from './suggest.js';
import type { Fact } from './types.js';

/** A data file that cannot be read at all: what was expected, where, and what was found. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'DataFileError';
  }
}

/** A problem with a whole column, which does not stop the rows from grading. */
export interface ColumnWarning {
  column: string;
  message: string;
}

/** Rows read from a data file, with warnings about its columns. */
export interface DataSet {
  rows: Record<string, unknown>[];
  warnings: ColumnWarning[];
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** The data row set schema's errors for a value, or null when it conforms. */
function validateRowSet(value: unknown): ValidateFunction['errors'] {
  const validate = schemaValidator('rows');
  return validate(value) ? null : validate.errors;
}

/** Rows from the text of a JSON data file: an array of flat rows. */
export function readJsonRows(path: string, text: string, facts: Record<string, Fact>): DataSet {
  if (text.trim() === '') throw new DataFileError(path, 'the file is empty: expected a JSON array of rows');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DataFileError(path, `not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(value)) throw new DataFileError(path, `expected a JSON array of rows, received ${value === null ? 'null' : typeof value}`);
  if (value.length === 0) throw new DataFileError(path, 'the file has no rows');
  const rows = value.map((row, index) => {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      throw new DataFileError(path, `row ${index + 1}: expected an object with id and facts, received ${Array.isArray(row) ? 'a list' : JSON.stringify(row)}`);
    }
    // Copy onto a prototype-free object so that keys such as __proto__ stay plain data.
    return Object.assign(Object.create(null) as Record<string, unknown>, row as Record<string, unknown>);
  });
  const columns = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) columns.add(key);
  // The row set schema names what the grader will refuse row by row (a nested value, a bad key);
  // it warns here so the whole file's problems are seen at once, and the good rows still grade.
  const schemaWarnings = (validateRowSet(value) ?? []).slice(0, 20).map((e) => {
    const [, index, key] = /^\/(\d+)(?:\/(.*))?$/.exec(e.instancePath) ?? [];
    const where = index !== undefined ? `row ${Number(index) + 1}${key ? `, "${key}"` : ''}` : 'the file';
    const name = (e.params as { propertyName?: string }).propertyName;
    return { column: key ?? name ?? '', message: `${where}: ${name ? `the key "${name}" ` : ''}${e.message ?? 'is not valid'}` };
  });
  return { rows, warnings: [...schemaWarnings, ...columnWarnings([...columns], facts)] };
}

/** Rows from the text of a CSV data file: a header of id and fact ids. */
export function readCsvRows(path: string, text: string, facts: Record<string, Fact>): DataSet {
  if (text.trim() === '') throw new DataFileError(path, 'the file is empty: expected a header line of id and fact ids');
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: false, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    throw new DataFileError(path, `not valid CSV: ${(error as Error).message}`);
  }
  return rowsFromTable(path, records[0] ?? [], records.slice(1), facts);
}

/**
 * Rows from a table (a CSV or a worksheet): the first line names the columns, `id` among them.
 * Text cells are typed by the facts' declared types; numbers and booleans a spreadsheet already
 * typed stay as they are; an empty cell is an absent fact.
 */
export function rowsFromTable(source: string, header: string[], records: unknown[][], facts: Record<string, Fact>): DataSet {
  const columns = header.map((h) => String(h ?? '').trim());
  if (!columns.includes('id')) throw new DataFileError(source, `line 1: the header has no "id" column (found: ${columns.join(', ')})`);
  const seen = new Set<string>();
  for (const column of columns) {
    if (column && seen.has(column)) throw new DataFileError(source, `line 1: the column "${column}" appears twice`);
    seen.add(column);
  }
  if (records.length < 1) throw new DataFileError(source, 'the file has a header but no rows');
  const rows = records.map((record) => {
    const row = Object.create(null) as Record<string, unknown>;
    columns.forEach((column, i) => {
      if (!column) return;
      const cell = record[i];
      if (cell === undefined || cell === null || cell === '') return;
      if (column === 'id') row.id = typeof cell === 'number' ? String(cell) : cell;
      else row[column] = typeof cell === 'string' ? typeCell(cell.trim(), facts[column]) : cell;
    });
    return row;
  });
  return { rows, warnings: columnWarnings(columns.filter(Boolean), facts) };
}

/** Converts a CSV cell to the fact's type where it fits; otherwise keeps the text. */
function typeCell(cell: string, fact: Fact | undefined): unknown {
  switch (fact?.type) {
    case 'boolean': {
      const lower = cell.toLowerCase();
      return lower === 'true' ? true : lower === 'false' ? false : cell;
    }
    case 'integer':
    case 'number':
      return NUMBER.test(cell) ? Number(cell) : cell;
    default:
      return cell;
  }
}

/** Columns that name a unit for people, not facts: carried along, never warned about. */
export const DESCRIPTIVE_COLUMNS = new Set(['id', 'province', 'district', 'name']);

function columnWarnings(columns: string[], facts: Record<string, Fact>): ColumnWarning[] {
  const warnings: ColumnWarning[] = [];
  const known = Object.keys(facts);
  for (const column of columns) {
    if (DESCRIPTIVE_COLUMNS.has(column) || Object.hasOwn(facts, column)) continue;
    const hint = closestName(column, known);
    warnings.push({ column, message: `unknown column "${column}" is ignored${hint ? `; did you mean "${hint}"?` : ''}` });
  }
  for (const fact of known) {
    if (!columns.includes(fact)) warnings.push({ column: fact, message: `no column "${fact}": every row will lack it` });
  }
  return warnings;
}

/** Neutralises text a spreadsheet would run as a formula (= + - @ at the start) with a leading apostrophe. */
export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
}

/** Quotes a CSV cell when it holds a comma, a quote or a line break. */
export function csvQuote(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
