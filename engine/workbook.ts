// Excel workbooks (.xlsx) through exceljs, for the CLI and the browser: read every sheet as a
// table of rows, and write graded results with Thai headers and the rubric's version and digest.
import type { GradeResult } from './evaluate.js';
import { cjsDefault } from './interop.js';
import type { RubricRef } from './model.js';
import { DataFileError, csvQuote, safeText } from './tabular.js';

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

/** Reads every worksheet of a workbook; the first non-empty row of each is its header. */
export async function readWorkbook(bytes: Uint8Array, source: string): Promise<Sheet[]> {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new DataFileError(source, `not a readable .xlsx workbook: ${(error as Error).message}`);
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
  if (sheets.length === 0) throw new DataFileError(source, 'the workbook has no sheet with data');
  return sheets;
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

/**
 * Writes results as a workbook: a sheet per mission (named after it) and a first sheet naming
 * each rubric's version and digest. Every text cell is written as text, never as a formula.
 */
export async function writeResultsWorkbook(sections: readonly ResultSection[]): Promise<Uint8Array> {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CDD rubric engine';
  const about = workbook.addWorksheet('เกณฑ์ (rubrics)');
  about.addRow(['ภารกิจ (mission)', 'ชื่อ (name)', 'ไตรมาส (period)', 'ฉบับที่ (revision)', 'digest', 'แถว (rows)']);
  for (const s of sections) about.addRow([s.ref.mission, s.name.th, s.ref.period, s.ref.revision, s.ref.digest, s.results.length]);
  about.getRow(1).font = { bold: true };
  for (const s of sections) {
    const sheet = workbook.addWorksheet(s.ref.mission.slice(0, 31));
    sheet.addRow(RESULT_HEADERS);
    sheet.getRow(1).font = { bold: true };
    for (const r of s.results) sheet.addRow(resultCells(r));
    sheet.columns.forEach((column, i) => {
      column.width = [16, 16, 16, 14, 10, 8, 10, 60, 60, 18, 10, 10, 20][i] ?? 12;
    });
  }
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
