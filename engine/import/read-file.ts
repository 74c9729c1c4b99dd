// One reader for data files, for the CLI and the preview alike: the bytes of a CSV (any Thai
// office encoding), a workbook, an HTML-table ".xls" or JSON become each mission's typed rows and
// an import report. Browser-safe; exceljs is loaded only for workbooks.
import { EXACT_NUMBER_EXPECTED, inexactNumberText, shownLiteral } from '../exact-number.js';
import { rowError, type RowError } from '../row-problems.js';
import type { Rubric, Text } from '../types.js';
import { decodeText, sniffFile } from './decode.js';
import { parseDelimited } from './delimited.js';
import { readHtmlTable } from './html-table.js';
import { inexactJsonNumbers, quoteNumbers } from './json-numbers.js';
import { readWorkbook } from './xlsx-read.js';
import { streamInflater, type Inflater } from './xlsx-zip.js';
import { factLabels, normaliseHeader, readTable, type Cell, type ImportProblem, type ImportProblemCode, type ReadTable } from './table.js';

export { columnLetter, type Cell, type ImportProblem, type ImportReport, type ReadTable, type UnitInfo } from './table.js';

/** The largest data file read: bigger files are refused before anything is parsed. */
export const MAX_DATA_BYTES = 50 * 1024 * 1024;

/** One sheet (or the one table of a CSV) as a grid of cells. */
export interface Grid {
  name: string;
  cells: Cell[][];
}

/** A data file read into grids, with how its text was decoded. */
export interface FileGrids {
  kind: 'csv' | 'xlsx' | 'html' | 'json';
  encoding?: string;
  grids: Grid[];
  /** JSON files hold typed rows already. */
  json?: Record<string, unknown>[];
  /**
   * JSON numbers a double cannot keep exactly (9007199254740993), by row and key: written as
   * strings before parsing so that no other number is used, each to be its row's error.
   */
  jsonInexact?: { row: number; key: string; literal: string; value: number }[];
}

/** Options for reading a data file for one or several missions. */
export interface ReadOptions {
  /** A sheet's name, chosen by hand or with --sheet. */
  sheet?: string;
  /** The unit id column: a header text or a column letter. */
  idColumn?: string;
}

/** Each mission's table read from a file, or why it could not be. */
export type MissionTable = { mission: string; sheet?: string; table: ReadTable } | { mission: string; problem: ImportProblem };

export function refuse(code: ImportProblemCode, message: Text): { problem: ImportProblem } {
  return { problem: { code, message } };
}

/**
 * Reads a data file's bytes into grids: no interpretation of cells yet, only of the file. A
 * workbook is read by the strict reader (xlsx-read.ts), its parts inflated by `options.inflate`
 * (Node's zlib in the CLI) or else by DecompressionStream.
 */
export async function readGrids(bytes: Uint8Array, name: string, options: { inflate?: Inflater } = {}): Promise<FileGrids | { problem: ImportProblem }> {
  if (bytes.byteLength > MAX_DATA_BYTES) {
    return refuse('FILE_TOO_LARGE', {
      th: `${name} ใหญ่เกินไป (${bytes.byteLength.toLocaleString('th-TH')} ไบต์ เกิน ${MAX_DATA_BYTES / 1024 / 1024} MB): แบ่งเป็นหลายไฟล์`,
      en: `${name} is too large (${bytes.byteLength} bytes, over ${MAX_DATA_BYTES / 1024 / 1024} MB): split it into several files`,
    });
  }
  const kind = sniffFile(bytes);
  if (kind === 'empty') return refuse('EMPTY_FILE', { th: `${name} เป็นไฟล์ว่าง`, en: `${name} is empty` });
  if (kind === 'xls-binary') {
    return refuse('XLS_BINARY', {
      th: `${name} เป็นไฟล์ Excel 97–2003 (.xls) ซึ่งอ่านไม่ได้: เปิดใน Excel แล้วบันทึกเป็น "สมุดงาน Excel (.xlsx)" หรือ "CSV UTF-8"`,
      en: `${name} is an Excel 97–2003 workbook (.xls), which cannot be read: open it in Excel and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8"`,
    });
  }
  if (kind === 'xlsx') return readWorkbook(bytes, name, options.inflate ?? streamInflater);
  const decoded = decodeText(bytes);
  if ('problem' in decoded) return { problem: { code: 'UNKNOWN_ENCODING', message: decoded.problem.message } };
  const { text, encoding } = decoded;
  if (kind === 'html') {
    const table = readHtmlTable(text);
    if ('problem' in table) return { problem: { code: table.problem.code === 'TABLE_TOO_LARGE' ? 'TABLE_TOO_LARGE' : 'NO_TABLE', message: table.problem.message } };
    return { kind: 'html', encoding, grids: [{ name, cells: table.rows }] };
  }
  if (/\.json$/i.test(name) || /^\s*[[{]/.test(text)) return readJsonGrid(text, name, encoding);
  const parsed = parseDelimited(text);
  if ('problem' in parsed) return { problem: { code: 'BAD_CSV', message: parsed.problem.message } };
  return { kind: 'csv', encoding, grids: [{ name, cells: parsed.records }] };
}

function readJsonGrid(text: string, name: string, encoding: string): FileGrids | { problem: ImportProblem } {
  // JSON.parse reads 9007199254740993 as 9007199254740992 without a word: such numbers are found
  // first and parsed as the strings of their literals, never as another number.
  const inexact = inexactJsonNumbers(text);
  let value: unknown;
  try {
    value = JSON.parse(quoteNumbers(text, inexact));
  } catch (error) {
    // Quoting a number never makes valid JSON invalid; the message names the file's own positions.
    const message = inexact.length === 0 ? (error as Error).message : (jsonError(text) ?? (error as Error).message);
    return refuse('BAD_JSON', { th: `${name} ไม่ใช่ JSON ที่ถูกต้อง: ${message}`, en: `${name} is not valid JSON: ${message}` });
  }
  if (!Array.isArray(value) || value.some((row) => row === null || typeof row !== 'object' || Array.isArray(row))) {
    return refuse('BAD_JSON', { th: `${name} ต้องเป็นรายการ (array) ของแถว แต่ละแถวเป็น object`, en: `${name} must be a JSON array of row objects` });
  }
  if (value.length === 0) return refuse('NO_ROWS', { th: `${name} ไม่มีแถวข้อมูล`, en: `${name} has no rows` });
  // Copy onto prototype-free objects so that keys such as __proto__ stay plain data.
  const rows = value.map((row) => Object.assign(Object.create(null) as Record<string, unknown>, row as Record<string, unknown>));
  const jsonInexact = inexact.flatMap((n) => (n.row >= 0 && n.key !== undefined ? [{ row: n.row, key: n.key, literal: n.literal, value: n.value }] : []));
  return { kind: 'json', encoding, grids: [], json: rows, ...(jsonInexact.length > 0 ? { jsonInexact } : {}) };
}

/** Why JSON.parse refuses a text, or undefined when it does not. */
function jsonError(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** True for an Excel number format that shows a percentage (a % outside quotes and escapes). */
export function isPercentFormat(format: string | undefined): boolean {
  if (!format) return false;
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '\\') i++;
    else if (ch === '%' && !quoted) return true;
  }
  return false;
}

/**
 * The grid of a workbook that holds a mission's data: the sheet asked for; else the one named by
 * the mission's id or Thai name (whole, or cut to Excel's 31 characters); else the only sheet.
 */
export function pickGrid(files: FileGrids, rubric: Rubric, options: ReadOptions): Grid | { problem: ImportProblem } {
  const grids = files.grids;
  const names = grids.map((g) => g.name);
  if (options.sheet) {
    const chosen = grids.find((g) => g.name === options.sheet) ?? grids.find((g) => normaliseHeader(g.name) === normaliseHeader(options.sheet!));
    if (chosen) return chosen;
    return refuse('NO_SHEET', { th: `ไม่มีแผ่นงาน "${options.sheet}" (มี: ${names.join(', ')})`, en: `there is no sheet "${options.sheet}" (found: ${names.join(', ')})` });
  }
  if (grids.length === 1) return grids[0]!;
  const wanted = [rubric.mission, rubric.name.th, rubric.name.th.slice(0, 31), rubric.name.en].map(normaliseHeader);
  const found = grids.find((g) => wanted.includes(normaliseHeader(g.name)));
  if (found) return found;
  return refuse('NO_SHEET', {
    th: `ไม่พบแผ่นงานของภารกิจ ${rubric.name.th} (ตั้งชื่อแผ่นงานว่า ${rubric.mission} หรือเลือกแผ่นงานเอง) มีแผ่นงาน: ${names.join(', ')}`,
    en: `no sheet for mission ${rubric.mission} (name it ${rubric.mission} or choose the sheet): found ${names.join(', ')}`,
  });
}

/** Reads one mission's table from a file's grids. */
export function readMission(files: FileGrids, rubric: Rubric, options: ReadOptions & { source: string }): MissionTable {
  if (files.json) return { mission: rubric.mission, table: jsonTable(files.json, options.source, rubric, files.jsonInexact ?? []) };
  const grid = pickGrid(files, rubric, options);
  if ('problem' in grid) return { mission: rubric.mission, problem: grid.problem };
  const source = files.kind === 'xlsx' ? `${options.source} [${grid.name}]` : options.source;
  const table = readTable(grid.cells, rubric, {
    source,
    ...(options.idColumn ? { idColumn: options.idColumn } : {}),
    ...(files.encoding ? { encoding: files.encoding } : {}),
    ...(files.kind === 'xlsx' ? { sheet: grid.name } : { textSource: true }),
  });
  if ('problem' in table) return { mission: rubric.mission, problem: table.problem };
  return { mission: rubric.mission, ...(files.kind === 'xlsx' ? { sheet: grid.name } : {}), table };
}

/**
 * JSON rows are typed already: carried as they are, with a report of the keys they use. A number
 * that could not be kept exactly is its row's error when it stands in a fact or the id (the id
 * kept as the text of its literal, so the row is named as written), and is dropped from the row
 * elsewhere: nothing reads it as a number, nor as the text it was quoted into.
 */
function jsonTable(given: Record<string, unknown>[], source: string, rubric: Rubric, inexact: NonNullable<FileGrids['jsonInexact']>): ReadTable {
  const facts = rubric.facts ?? {};
  const keys = new Set(given.flatMap((r) => Object.keys(r)));
  const carried = new Set(['id', 'province', 'district']);
  const cellErrors: (RowError[] | undefined)[] = given.map(() => undefined);
  const rows = given.slice();
  for (const { row, key, literal, value } of inexact) {
    if (row >= given.length) continue;
    const copy = rows[row] === given[row] ? (rows[row] = Object.assign(Object.create(null) as Record<string, unknown>, given[row])) : rows[row]!;
    if (key !== 'id') delete copy[key];
    if (key !== 'id' && !Object.hasOwn(facts, key)) continue;
    if (cellErrors[row]?.some((e) => e.fact === key)) continue;
    const text = inexactNumberText(literal, value);
    const error = rowError('INEXACT_NUMBER', key, { key, row: row + 1, text }, { expected: EXACT_NUMBER_EXPECTED, received: shownLiteral(literal), where: { row: row + 1, column: key } });
    (cellErrors[row] ??= []).push(error);
  }
  const numbered = !rows.some((r) => r.id !== undefined);
  return {
    rows: rows.map((r, i) => (numbered ? Object.assign(Object.create(null) as Record<string, unknown>, r, { id: `#${i + 1}` }) : r)),
    units: rows.map((r, i) => ({
      id: typeof r.id === 'string' || typeof r.id === 'number' ? String(r.id).trim() : `#${i + 1}`,
      line: i + 1,
      ...(typeof r.province === 'string' ? { province: r.province } : {}),
      ...(typeof r.district === 'string' ? { district: r.district } : {}),
    })),
    cellErrors,
    report: {
      source,
      headerRow: 0,
      columns: [],
      conversions: [],
      numbered,
      missingFacts: Object.keys(facts).filter((f) => !keys.has(f)),
      ignoredColumns: [...keys].filter((k) => !carried.has(k) && !Object.hasOwn(facts, k)),
      rows: rows.length,
      cellErrors: cellErrors.reduce((count, errors) => count + (errors?.length ?? 0), 0),
      labels: factLabels(rubric),
      fractionColumns: [],
    },
  };
}
