// Rows from data files' text (CSV, JSON) and from tables (worksheets): pure, for the CLI and the browser.
import type { ValidateFunction } from 'ajv';
import { parse } from 'csv-parse/browser/esm/sync';
import { problem, type CodeOf, type ParamsOf } from './problems/catalogue.js';
import type { CellPlace, Problem } from './problems/problem.js';
import { schemaValidator } from './schema-validators.js';
import { closestName } from './suggest.js';
import type { Fact } from './types.js';

/** A problem with a data file read whole: the file cannot be read, or a column or row is amiss. */
export type DataProblem = Problem<CodeOf<'data'>> & { where: CellPlace };

/** Rows read from a data file, with warnings about its columns and rows (the rows still grade). */
export interface DataSet {
  ok: true;
  rows: Record<string, unknown>[];
  problems: DataProblem[];
}

/** A data file read, or why it cannot be (a user's mistake, returned, never thrown). */
export type DataRead = DataSet | { ok: false; problems: DataProblem[] };

/** A data file refused as a whole. */
export function refused<C extends CodeOf<'data'>>(code: C, params: ParamsOf<'data', C> & { file: string }): { ok: false; problems: DataProblem[] } {
  return { ok: false, problems: [{ ...problem('data', code, params), where: { file: params.file } }] };
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** The data row set schema's errors for a value, or null when it conforms. */
function validateRowSet(value: unknown): ValidateFunction['errors'] {
  const validate = schemaValidator('rows');
  return validate(value) ? null : validate.errors;
}

/** Rows from the text of a JSON data file: an array of flat rows. */
export function readJsonRows(path: string, text: string, facts: Record<string, Fact>): DataRead {
  if (text.trim() === '') return refused('FILE_EMPTY', { file: path, expected: 'json' });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return refused('FILE_NOT_JSON', { file: path, reason: (error as Error).message });
  }
  if (!Array.isArray(value)) return refused('FILE_NOT_ROWS', { file: path, received: value === null ? 'null' : typeof value });
  if (value.length === 0) return refused('FILE_NO_ROWS', { file: path, header: false });
  const bad = value.findIndex((row) => row === null || typeof row !== 'object' || Array.isArray(row));
  if (bad >= 0) {
    const row: unknown = value[bad];
    return refused('ROW_NOT_OBJECT', { file: path, row: bad + 1, received: Array.isArray(row) ? 'a list' : JSON.stringify(row) });
  }
  // Copy onto a prototype-free object so that keys such as __proto__ stay plain data.
  const rows = value.map((row) => Object.assign(Object.create(null) as Record<string, unknown>, row as Record<string, unknown>));
  const columns = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) columns.add(key);
  return { ok: true, rows, problems: [...rowSetProblems(path, value), ...columnProblems(path, [...columns], facts)] };
}

/**
 * The row set schema's complaints, at their row and key: what the grader will refuse row by row
 * (a nested value, a bad key), said here so the whole file's problems are seen at once, while the
 * good rows still grade.
 */
function rowSetProblems(path: string, value: unknown): DataProblem[] {
  return (validateRowSet(value) ?? []).slice(0, 20).map((e) => {
    const [, index, key] = /^\/(\d+)(?:\/(.*))?$/.exec(e.instancePath) ?? [];
    const name = (e.params as { propertyName?: string }).propertyName;
    const row = index !== undefined ? Number(index) + 1 : undefined;
    const params = { ...(row !== undefined ? { row } : {}), ...(key ? { key } : {}), ...(name ? { name } : {}), ...(e.message ? { reason: e.message } : {}) };
    const where: CellPlace = { file: path, ...(row !== undefined ? { row } : {}), column: key ?? name ?? '' };
    return { ...problem('data', 'ROW_NOT_VALID', params), where };
  });
}

/** Rows from the text of a CSV data file: a header of id and fact ids. */
export function readCsvRows(path: string, text: string, facts: Record<string, Fact>): DataRead {
  if (text.trim() === '') return refused('FILE_EMPTY', { file: path, expected: 'csv' });
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: false, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    return refused('FILE_NOT_CSV', { file: path, reason: (error as Error).message });
  }
  return rowsFromTable(path, records[0] ?? [], records.slice(1), facts);
}

/**
 * Rows from a table (a CSV or a worksheet): the first line names the columns, `id` among them.
 * Text cells are typed by the facts' declared types; numbers and booleans a spreadsheet already
 * typed stay as they are; an empty cell is an absent fact.
 */
export function rowsFromTable(source: string, header: string[], records: unknown[][], facts: Record<string, Fact>): DataRead {
  const columns = header.map((h) => String(h ?? '').trim());
  if (!columns.includes('id')) return refused('NO_ID_COLUMN', { file: source, found: columns.join(', ') });
  const seen = new Set<string>();
  for (const column of columns) {
    if (column && seen.has(column)) return refused('DUPLICATE_COLUMN', { file: source, column });
    seen.add(column);
  }
  if (records.length < 1) return refused('FILE_NO_ROWS', { file: source, header: true });
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
  return { ok: true, rows, problems: columnProblems(source, columns.filter(Boolean), facts) };
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

/** Warnings about the columns: one the rubric does not know (with the closest fact's id), a fact with no column. */
function columnProblems(file: string, columns: string[], facts: Record<string, Fact>): DataProblem[] {
  const problems: DataProblem[] = [];
  const known = Object.keys(facts);
  for (const column of columns) {
    if (DESCRIPTIVE_COLUMNS.has(column) || Object.hasOwn(facts, column)) continue;
    const hint = closestName(column, known);
    problems.push({ ...problem('data', 'UNKNOWN_COLUMN', { column, ...(hint ? { hint } : {}) }), where: { file, column } });
  }
  for (const fact of known) {
    if (!columns.includes(fact)) problems.push({ ...problem('data', 'MISSING_COLUMN', { column: fact }), where: { file, column: fact } });
  }
  return problems;
}

/** Neutralises text a spreadsheet would run as a formula (= + - @ at the start) with a leading apostrophe. */
export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
}

/** Quotes a CSV cell when it holds a comma, a quote or a line break. */
export function csvQuote(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
