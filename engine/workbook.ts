// Excel workbooks (.xlsx) through exceljs, for the CLI and the browser: read every sheet as a
// table of rows, and write graded results with Thai headers and the rubric's version and digest.
import type { GradeResult } from './evaluate.js';
import { cjsDefault } from './interop.js';
import type { RubricRef } from './model.js';
import { csvQuote, refused, safeText, type DataProblem } from './tabular.js';

export { safeText } from './tabular.js';

type ExcelModule = typeof import('exceljs');

async function excel(): Promise<ExcelModule> {
  return cjsDefault<ExcelModule>(await import('exceljs'));
}

/** One worksheet as a header and records of plain cell values. */
export interface Sheet {
  name: string;
  header: string[];
  records: unknown[][];
}

/** A cell's value as data: text, number or boolean; a formula's cached result, never the formula. */
function plain(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: { text: string }[]; text?: string; error?: string };
    if ('result' in v) return plain(v.result);
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (typeof v.text === 'string') return v.text;
    if (v.error) return v.error;
    return String(value);
  }
  return value;
}

/** Every worksheet of a workbook, or why it cannot be read (returned, never thrown). */
export type WorkbookRead = { ok: true; sheets: Sheet[] } | { ok: false; problems: DataProblem[] };

/** Reads every worksheet of a workbook; the first non-empty row of each is its header. */
export async function readWorkbook(bytes: Uint8Array, source: string): Promise<WorkbookRead> {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    return refused('NOT_A_WORKBOOK', { file: source, reason: (error as Error).message });
  }
  const sheets: Sheet[] = [];
  workbook.eachSheet((worksheet) => {
    const lines: unknown[][] = [];
    worksheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: unknown[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = plain(cell.value);
      });
      lines.push(cells);
    });
    if (lines.length === 0) return;
    sheets.push({ name: worksheet.name, header: (lines[0] ?? []).map((h) => String(h ?? '').trim()), records: lines.slice(1) });
  });
  if (sheets.length === 0) return refused('NO_SHEET', { file: source });
  return { ok: true, sheets };
}

/** The results of one mission to write. */
export interface ResultSection {
  ref: RubricRef;
  name: { th: string; en: string };
  results: readonly GradeResult[];
}

/** Result columns: Thai first, English beside. */
export const RESULT_HEADERS = [
  'รหัสหน่วยงาน (id)',
  'จังหวัด (province)',
  'อำเภอ (district)',
  'สถานะ',
  'status',
  'ระดับ (grade)',
  'คะแนน (score)',
  'เหตุผล (reason)',
  'reason (English)',
  'ภารกิจ (mission)',
  'ไตรมาส (period)',
  'ฉบับที่ (revision)',
  'digest',
];

/** A status in the words a Thai office uses. */
export const STATUS_TH: Record<GradeResult['status'], string> = { graded: 'ได้ระดับ', unmatched: 'ไม่ตรงระดับใด', error: 'ข้อมูลผิดพลาด' };

/** One result as a row of cells, in RESULT_HEADERS order. */
export function resultCells(result: GradeResult): (string | number)[] {
  const ref = result.rubric;
  return [
    safeText(result.id),
    safeText(result.place.province ?? ''),
    safeText(result.place.district ?? ''),
    STATUS_TH[result.status],
    result.status,
    result.grade ?? '',
    result.score ?? '',
    safeText(result.reason.th),
    safeText(result.reason.en),
    ref.mission,
    ref.period,
    ref.revision,
    ref.digest,
  ];
}

/** The author a results workbook names. */
export const CREATOR = 'CDD rubric engine';

/** The first sheet's columns: each rubric's version and digest, and how many rows it graded. */
const ABOUT_HEADERS = ['ภารกิจ (mission)', 'ชื่อ (name)', 'ไตรมาส (period)', 'ฉบับที่ (revision)', 'digest', 'แถว (rows)'];

/** Width of each result column, in RESULT_HEADERS order. */
const RESULT_WIDTHS = [16, 16, 16, 14, 10, 8, 10, 60, 60, 18, 10, 10, 20];

/** One sheet of the results workbook as both writers lay it out: a bold header, then its rows. */
export interface ResultSheet {
  name: string;
  header: readonly string[];
  /** Column widths; none for Excel's defaults. */
  widths?: readonly number[];
  /** The rows under the header, made one at a time as the writer asks for them. */
  rows(): Iterable<(string | number)[]>;
  /** How many rows `rows` makes. */
  rowCount: number;
}

/**
 * The sheets of the results workbook: a first sheet naming each rubric's version and digest, then
 * a sheet per mission (named after it, cut to Excel's 31 characters).
 */
export function resultSheets(sections: readonly ResultSection[]): ResultSheet[] {
  return [
    {
      name: 'เกณฑ์ (rubrics)',
      header: ABOUT_HEADERS,
      rows: () => sections.map((s) => [s.ref.mission, s.name.th, s.ref.period, s.ref.revision, s.ref.digest, s.results.length]),
      rowCount: sections.length,
    },
    ...sections.map(
      (s): ResultSheet => ({
        name: s.ref.mission.slice(0, 31),
        header: RESULT_HEADERS,
        widths: RESULT_WIDTHS,
        *rows() {
          for (const r of s.results) yield resultCells(r);
        },
        rowCount: s.results.length,
      }),
    ),
  ];
}

/** Lays one sheet out in a worksheet: the widths, the bold header, then the rows. */
function fillSheet(worksheet: import('exceljs').Worksheet, sheet: ResultSheet): void {
  if (sheet.widths) worksheet.columns = sheet.widths.map((width) => ({ width }));
  worksheet.addRow([...sheet.header]).font = { bold: true };
  for (const cells of sheet.rows()) worksheet.addRow(cells);
}

/**
 * Writes results as a workbook in memory, for the browser: the sheets of `resultSheets`. Every
 * text cell is written as text, never as a formula. The CLI writes the same workbook streamed
 * (engine/node/results-xlsx.ts).
 */
export async function writeResultsWorkbook(sections: readonly ResultSection[]): Promise<Uint8Array> {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = CREATOR;
  for (const sheet of resultSheets(sections)) fillSheet(workbook.addWorksheet(sheet.name), sheet);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/**
 * Results as CSV with the same columns, formula-like text neutralised, starting with a byte-order
 * mark so that Thai Excel opens it as UTF-8 rather than as mojibake.
 */
export function resultsToCsv(results: readonly GradeResult[]): string {
  const quote = (v: string | number) => csvQuote(String(v));
  return '\uFEFF' + [RESULT_HEADERS.map(quote).join(','), ...results.map((r) => resultCells(r).map(quote).join(','))].join('\r\n') + '\r\n';
}
