// The codes of problems found in a data file and its rows, with their Thai and English templates.
import type { Text } from '../types.js';
import { codes, type CodeEntry } from './entry.js';

/** A fact named by its id and its label. */
interface FactParams {
  id: string;
  label: Text;
}

/** A fact's value as found, described in both languages. */
interface ValueParams {
  id: string;
  value: Text;
}

/** A sheet's cell that could not be read: the cell, its column's header, what was expected and found. */
export interface CellParams {
  at: 'cell';
  cell: string;
  header: string;
  expected: Text;
  received: string;
}

/** A row's reading problem, from a fact's value (`at: 'fact'`) or from a sheet's cell (`at: 'cell'`). */
type OrCell<P> = ({ at: 'fact' } & P) | CellParams;

const cellTh = (p: CellParams): string => `เซลล์ ${p.cell} (คอลัมน์ "${p.header}") อ่านไม่ได้: ต้องเป็น${p.expected.th} แต่พบ ${p.received}`;
const cellEn = (p: CellParams): string => `cell ${p.cell} (column "${p.header}") cannot be read: expected ${p.expected.en}, found ${p.received}`;

/** An error code that a fact's value or a sheet's cell may have: the cell's words are shared by every such code. */
function readingError<P>(th: (p: P) => string, en: (p: P) => string): CodeEntry<OrCell<P>> {
  return {
    severity: 'error',
    th: (p) => (p.at === 'cell' ? cellTh(p) : th(p)),
    en: (p) => (p.at === 'cell' ? cellEn(p) : en(p)),
  };
}

/** A file that cannot be read at all: `file: words`, as the CLI has always printed it. */
function fileError<P extends { file: string }>(th: (p: P) => string, en: (p: P) => string): CodeEntry<P> {
  return { severity: 'error', th: (p) => `${p.file}: ${th(p)}`, en: (p) => `${p.file}: ${en(p)}` };
}

/** Problems found in a data file and its rows. */
export const DATA_CODES = codes({
  // A row's problems: the row is an error, the others still grade.
  MISSING_ID: {
    severity: 'error',
    th: (_: Record<string, never>) => 'แถวนี้ไม่มีรหัสหน่วยงาน (id)',
    en: (_: Record<string, never>) => 'the row has no unit id',
  },
  DUPLICATE_ID: {
    severity: 'error',
    th: (p: { id: string; count: number }) => `รหัสหน่วยงาน ${p.id} ซ้ำกัน ${p.count} แถว`,
    en: (p: { id: string; count: number }) => `the unit id ${p.id} is used by ${p.count} rows`,
  },
  NO_CRITERIA: {
    severity: 'error',
    th: (p: { mission: string; period: string }) => `ภารกิจ ${p.mission} ยังไม่มีเกณฑ์ในไตรมาส ${p.period}`,
    en: (p: { mission: string; period: string }) => `mission ${p.mission} has no criteria for ${p.period}`,
  },
  MISSING_FACT: {
    severity: 'error',
    th: (p: FactParams) => `ไม่มีข้อมูล ${p.id} (${p.label.th})`,
    en: (p: FactParams) => `${p.id} (${p.label.en}) is missing`,
  },
  WRONG_TYPE: {
    severity: 'error',
    th: (p: { of: 'id'; value: Text } | { of: 'fact'; id: string; expected: string; value: Text }) =>
      p.of === 'id' ? `รหัสหน่วยงาน (id) ต้องเป็นข้อความหรือตัวเลข แต่ได้ ${p.value.th}` : `${p.id} ต้องเป็น ${p.expected} แต่ได้ ${p.value.th}`,
    en: (p: { of: 'id'; value: Text } | { of: 'fact'; id: string; expected: string; value: Text }) =>
      p.of === 'id' ? `the unit id (id) must be text or a number, received ${p.value.en}` : `${p.id} must be ${p.expected}, received ${p.value.en}`,
  },
  NOT_A_NUMBER: readingError(
    (p: ValueParams) => `${p.id} ต้องเป็นตัวเลข แต่ได้ข้อความ ${p.value.th}`,
    (p: ValueParams) => `${p.id} must be a number, received the text ${p.value.en}`,
  ),
  NOT_AN_INTEGER: readingError(
    (p: { id: string; value: number }) => `${p.id} ต้องเป็นจำนวนเต็ม แต่ได้ ${p.value}`,
    (p: { id: string; value: number }) => `${p.id} must be a whole number, received ${p.value}`,
  ),
  OUT_OF_RANGE: {
    severity: 'error',
    th: (p: { id: string; value: number; range: string }) => `${p.id} = ${p.value} อยู่นอกช่วงที่ยอมรับ ${p.range}`,
    en: (p: { id: string; value: number; range: string }) => `${p.id} = ${p.value} is outside the allowed range ${p.range}`,
  },
  UNKNOWN_VALUE: readingError(
    (p: ValueParams & { allowed: string }) => `${p.id} ต้องเป็นค่าใดค่าหนึ่งของ ${p.allowed} แต่ได้ ${p.value.th}`,
    (p: ValueParams & { allowed: string }) => `${p.id} must be one of ${p.allowed}, received ${p.value.en}`,
  ),
  UNKNOWN_PROVINCE: readingError(
    (p: ValueParams & { suggestion?: string }) =>
      `${p.id} ${p.value.th} ไม่ใช่ชื่อจังหวัดในทะเบียนจังหวัด${p.suggestion ? ` หมายถึง "${p.suggestion}" หรือไม่` : ''}`,
    (p: ValueParams & { suggestion?: string }) => `${p.id} ${p.value.en} is not a province of the catalogue${p.suggestion ? `; did you mean "${p.suggestion}"?` : ''}`,
  ),
  AMBIGUOUS_NUMBER: { severity: 'error', th: cellTh, en: cellEn },
  UNKNOWN_WORD: { severity: 'error', th: cellTh, en: cellEn },
  INEXACT_NUMBER: {
    severity: 'error',
    th: (p: { key: string; row: number; text: Text }) => `"${p.key}" ของแถวที่ ${p.row} อ่านไม่ได้: ${p.text.th}`,
    en: (p: { key: string; row: number; text: Text }) => `"${p.key}" of row ${p.row} cannot be read: ${p.text.en}`,
  },
  ZERO_DENOMINATOR: {
    severity: 'error',
    th: (p: { derived: string; denominator: string }) => `${p.denominator} เป็น 0 จึงคำนวณ ${p.derived} ไม่ได้ (หารด้วยศูนย์)`,
    en: (p: { derived: string; denominator: string }) => `${p.denominator} is 0, so ${p.derived} cannot be computed (division by zero)`,
  },

  // A column's problems: the rows still grade.
  UNKNOWN_COLUMN: {
    severity: 'warning',
    th: (p: { column: string; hint?: string }) => `คอลัมน์ "${p.column}" ไม่รู้จักจึงไม่ได้ใช้${p.hint ? ` หมายถึง "${p.hint}" หรือไม่` : ''}`,
    en: (p: { column: string; hint?: string }) => `unknown column "${p.column}" is ignored${p.hint ? `; did you mean "${p.hint}"?` : ''}`,
  },
  MISSING_COLUMN: {
    severity: 'warning',
    th: (p: { column: string }) => `ไม่มีคอลัมน์ "${p.column}": ทุกแถวจะขาดข้อมูลนี้`,
    en: (p: { column: string }) => `no column "${p.column}": every row will lack it`,
  },
  ROW_NOT_VALID: {
    severity: 'warning',
    th: (p: { row?: number; key?: string; name?: string; reason?: string }) =>
      `${p.row !== undefined ? `แถว ${p.row}${p.key ? ` "${p.key}"` : ''}` : 'ไฟล์'}: ${p.name ? `คีย์ "${p.name}" ` : ''}ไม่ถูกต้อง${p.reason ? ` (${p.reason})` : ''}`,
    en: (p: { row?: number; key?: string; name?: string; reason?: string }) =>
      `${p.row !== undefined ? `row ${p.row}${p.key ? `, "${p.key}"` : ''}` : 'the file'}: ${p.name ? `the key "${p.name}" ` : ''}${p.reason ?? 'is not valid'}`,
  },

  // A file that cannot be read at all (the older readers: readDataFile and readWorkbook).
  FILE_UNREADABLE: fileError(
    (p: { file: string; reason: string }) => `อ่านไฟล์ไม่ได้ (${p.reason})`,
    (p: { file: string; reason: string }) => `cannot read the file (${p.reason})`,
  ),
  FILE_TYPE_UNSUPPORTED: fileError(
    (p: { file: string; kind: string }) => `ไม่รองรับไฟล์ชนิด "${p.kind}": ต้องเป็น .json หรือ .csv`,
    (p: { file: string; kind: string }) => `unsupported file type "${p.kind}": expected .json or .csv`,
  ),
  FILE_EMPTY: fileError(
    (p: { file: string; expected: 'json' | 'csv' }) =>
      `ไฟล์ว่าง: ต้องเป็น${p.expected === 'json' ? 'รายการ (array) ของแถวแบบ JSON' : 'บรรทัดหัวตารางที่มี id และรหัสข้อมูล'}`,
    (p: { file: string; expected: 'json' | 'csv' }) =>
      `the file is empty: expected ${p.expected === 'json' ? 'a JSON array of rows' : 'a header line of id and fact ids'}`,
  ),
  FILE_NOT_JSON: fileError(
    (p: { file: string; reason: string }) => `ไม่ใช่ JSON ที่ถูกต้อง: ${p.reason}`,
    (p: { file: string; reason: string }) => `not valid JSON: ${p.reason}`,
  ),
  FILE_NOT_CSV: fileError(
    (p: { file: string; reason: string }) => `ไม่ใช่ CSV ที่ถูกต้อง: ${p.reason}`,
    (p: { file: string; reason: string }) => `not valid CSV: ${p.reason}`,
  ),
  FILE_NOT_ROWS: fileError(
    (p: { file: string; received: string }) => `ต้องเป็นรายการ (array) ของแถวแบบ JSON แต่ได้ ${p.received}`,
    (p: { file: string; received: string }) => `expected a JSON array of rows, received ${p.received}`,
  ),
  ROW_NOT_OBJECT: fileError(
    (p: { file: string; row: number; received: string }) => `แถว ${p.row}: ต้องเป็น object ที่มี id และข้อมูล แต่ได้ ${p.received}`,
    (p: { file: string; row: number; received: string }) => `row ${p.row}: expected an object with id and facts, received ${p.received}`,
  ),
  FILE_NO_ROWS: fileError(
    (p: { file: string; header: boolean }) => (p.header ? 'ไฟล์มีหัวตารางแต่ไม่มีแถวข้อมูล' : 'ไฟล์ไม่มีแถวข้อมูล'),
    (p: { file: string; header: boolean }) => (p.header ? 'the file has a header but no rows' : 'the file has no rows'),
  ),
  NO_ID_COLUMN: fileError(
    (p: { file: string; found: string }) => `บรรทัด 1: หัวตารางไม่มีคอลัมน์ "id" (พบ: ${p.found})`,
    (p: { file: string; found: string }) => `line 1: the header has no "id" column (found: ${p.found})`,
  ),
  DUPLICATE_COLUMN: fileError(
    (p: { file: string; column: string }) => `บรรทัด 1: คอลัมน์ "${p.column}" ซ้ำกัน`,
    (p: { file: string; column: string }) => `line 1: the column "${p.column}" appears twice`,
  ),
  NOT_A_WORKBOOK: fileError(
    (p: { file: string; reason: string }) => `ไม่ใช่สมุดงาน .xlsx ที่อ่านได้: ${p.reason}`,
    (p: { file: string; reason: string }) => `not a readable .xlsx workbook: ${p.reason}`,
  ),
  NO_SHEET: fileError(
    (_: { file: string }) => 'สมุดงานไม่มีแผ่นงานที่มีข้อมูล',
    (_: { file: string }) => 'the workbook has no sheet with data',
  ),

  // The import report: what the reader found and every conversion it made.
  IMPORT_READ: {
    severity: 'info',
    th: (p: { sheet?: string; headerRow: number; rows: number; encoding?: Text }) =>
      p.headerRow > 0
        ? `${p.sheet ? `แผ่นงาน "${p.sheet}" ` : ''}หัวตารางแถวที่ ${p.headerRow}, ข้อมูล ${p.rows} แถว${p.encoding ? `, รหัสอักขระ ${p.encoding.th}` : ''}`
        : `ข้อมูล ${p.rows} แถว`,
    en: (p: { sheet?: string; headerRow: number; rows: number; encoding?: Text }) =>
      p.headerRow > 0
        ? `${p.sheet ? `sheet "${p.sheet}", ` : ''}header on row ${p.headerRow}, ${p.rows} ${p.rows === 1 ? 'row' : 'rows'}${p.encoding ? `, encoding ${p.encoding.en}` : ''}`
        : `${p.rows} ${p.rows === 1 ? 'row' : 'rows'}`,
  },
  IMPORT_CONVERTED: {
    severity: 'info',
    th: (p: { fact: Text; letter: string; count: number; how: Text; from: string; to: string }) =>
      `${p.fact.th} (คอลัมน์ ${p.letter}) ${p.count} เซลล์: ${p.how.th} (ในไฟล์นี้ เช่น ${p.from} → ${p.to})`,
    en: (p: { fact: Text; letter: string; count: number; how: Text; from: string; to: string }) =>
      `${p.fact.en} (column ${p.letter}), ${p.count} ${p.count === 1 ? 'cell' : 'cells'}: ${p.how.en} (in this file, e.g. ${p.from} → ${p.to})`,
  },
  IMPORT_FRACTIONS: {
    severity: 'warning',
    th: (p: { fact: Text; letter: string; count: number }) =>
      `โปรดตรวจ ${p.fact.th} (คอลัมน์ ${p.letter}): ทุกค่า (${p.count} เซลล์) อยู่ระหว่าง 0 ถึง 1 จึงอ่านเป็นร้อยละ 0–1 ตามที่เขียน หากตั้งใจเขียนเป็นสัดส่วน (0.045 แทนร้อยละ 4.5) ให้จัดรูปแบบคอลัมน์เป็นเปอร์เซ็นต์หรือเขียนเป็น 4.5`,
    en: (p: { fact: Text; letter: string; count: number }) =>
      `check ${p.fact.en} (column ${p.letter}): every value (${p.count} cells) lies between 0 and 1, so it is read as 0–1 percent, as written; if these are fractions (0.045 for 4.5 %), format the column as percent or write 4.5`,
  },
  IMPORT_NUMBERED: {
    severity: 'info',
    th: (_: Record<string, never>) => 'ไม่มีคอลัมน์รหัสหน่วยงาน (id): ใช้ลำดับแถว #1, #2, … เป็นรหัส (เลือกคอลัมน์อื่นเป็นรหัสหน่วยงานได้)',
    en: (_: Record<string, never>) => 'no unit id column: rows are numbered #1, #2, … (another column can be chosen as the unit id)',
  },
  IMPORT_NO_COLUMN: {
    severity: 'warning',
    th: (p: { fact: Text }) => `ไม่มีคอลัมน์ ${p.fact.th}: ทุกแถวจะขาดข้อมูลนี้`,
    en: (p: { fact: Text }) => `no column for ${p.fact.en}: every row will lack it`,
  },
  IMPORT_IGNORED: {
    severity: 'info',
    th: (p: { columns: string[] }) => `คอลัมน์ที่ไม่ได้ใช้: ${p.columns.join(', ')}`,
    en: (p: { columns: string[] }) => `columns not used: ${p.columns.join(', ')}`,
  },
  IMPORT_UNREADABLE_CELLS: {
    severity: 'warning',
    th: (p: { count: number }) => `เซลล์ที่อ่านไม่ได้ ${p.count} เซลล์: แถวนั้นเป็น "ข้อมูลผิดพลาด" ส่วนแถวอื่นยังให้ระดับได้`,
    en: (p: { count: number }) => `${p.count} ${p.count === 1 ? 'cell' : 'cells'} could not be read: those rows are errors, the others still grade`,
  },
});
