// An .xlsx read into grids: by the strict reader (xlsx-grids.ts) whenever it knows the workbook's
// structure; else, only when no cell would be misread (xlsx-scan.ts), by exceljs; else refused,
// naming the sheet and the cell. Browser-safe: exceljs is loaded only when it is needed.
import { cjsDefault } from '../interop.js';
import type { Text } from '../types.js';
import { refuse, isPercentFormat, type FileGrids, type Grid } from './read-file.js';
import type { Cell, ImportProblem } from './table.js';
import { loadForReading, readXlsxGridsFast } from './xlsx-grids.js';
import { findMisread, type Misread } from './xlsx-scan.js';
import { XlsxParts, type Inflater } from './xlsx-zip.js';

/** A workbook's bytes as grids, or the one clear reason they cannot be read. */
export async function readWorkbook(bytes: Uint8Array, name: string, inflater: Inflater): Promise<FileGrids | { problem: ImportProblem }> {
  const parts = XlsxParts.open(bytes, inflater);
  if (parts) {
    if (!inflater.sync) await loadForReading(parts);
    const fast = readXlsxGridsFast(parts);
    if (fast) return { kind: 'xlsx', grids: fast };
    const misread = await findMisread(parts);
    if (misread) return refuse('MISREAD_CELL', misreadMessage(name, misread));
  }
  return readXlsxGridsExceljs(bytes, name);
}

/** Why a workbook with a cell exceljs would misread is refused. */
function misreadMessage(name: string, m: Misread): Text {
  const stored: Record<Misread['why'], Text> = {
    date: { th: 'วันที่แบบ ISO (t="d")', en: 'an ISO date (t="d")' },
    number: { th: 'ตัวเลขที่ไม่ใช่ตัวเลขที่ถูกต้อง', en: 'a number that is not a valid number' },
    type: { th: `ช่องชนิด t="${m.type}" ที่ไม่รู้จัก`, en: `a cell of unknown type t="${m.type}"` },
    value: { th: `ค่าที่ไม่ใช่ค่าของช่องชนิด t="${m.type}"`, en: `a value that a cell of type t="${m.type}" cannot hold` },
    markup: { th: 'ค่าที่เขียนด้วยแท็กพิเศษ (แอตทริบิวต์ หมายเหตุ CDATA หรือหลายส่วน)', en: 'a value written with markup (attributes, a comment, CDATA or several parts)' },
  };
  return {
    th: `${name}: ช่อง ${m.cell} ของแผ่นงาน "${m.sheet}" เก็บ "${m.text}" เป็น${stored[m.why].th} ซึ่งอ่านให้ถูกต้องไม่ได้ จึงไม่อ่านไฟล์นี้เพื่อไม่ให้ได้ค่าผิด: เปิดใน Excel แล้วบันทึกเป็น "สมุดงาน Excel (.xlsx)" หรือ "CSV UTF-8"`,
    en: `${name}: cell ${m.cell} of sheet "${m.sheet}" holds "${m.text}" stored as ${stored[m.why].en}, which cannot be read correctly, so the file is refused rather than read with a wrong value: open it in Excel and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8"`,
  };
}

/** A workbook read by exceljs alone, as readGrids read every workbook before the strict reader (the tests compare the two). */
export async function readXlsxGridsExceljs(bytes: Uint8Array, name: string): Promise<FileGrids | { problem: ImportProblem }> {
  const ExcelJS = cjsDefault<typeof import('exceljs')>(await import('exceljs'));
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return refuse('NOT_A_WORKBOOK', {
      th: `${name} เป็นไฟล์ zip แต่ไม่ใช่สมุดงาน Excel (.xlsx) ที่อ่านได้`,
      en: `${name} is a zip file but not a readable Excel workbook (.xlsx)`,
    });
  }
  if (workbook.worksheets.length === 0) {
    return refuse('NOT_A_WORKBOOK', {
      th: `${name} เป็นไฟล์ zip แต่ไม่มีแผ่นงาน Excel อยู่ข้างใน`,
      en: `${name} is a zip file with no Excel worksheet in it`,
    });
  }
  const grids: Grid[] = [];
  workbook.eachSheet((sheet) => {
    if (sheet.state === 'hidden' || sheet.state === 'veryHidden') return;
    const cells: Cell[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const line: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        line[column - 1] = cellValue(cell.value, cell.numFmt);
      });
      cells[rowNumber - 1] = line;
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= [];
    grids.push({ name: sheet.name, cells });
  });
  return { kind: 'xlsx', grids };
}

/** A spreadsheet cell as data: a formula's cached result, never the formula; a percent format kept. */
function cellValue(value: unknown, format: string | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return isPercentFormat(format) ? { percentOf: value } : value;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 19).replace('T', ' ');
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: { text: string }[]; text?: string; error?: string; hyperlink?: string };
    // A formula never calculated (saved without its value) holds no result: an empty cell, not "[object Object]".
    if ('result' in v || 'formula' in v || 'sharedFormula' in v) return cellValue(v.result, format);
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (typeof v.text === 'string') return v.text;
    if (v.error) return v.error;
  }
  return String(value);
}

