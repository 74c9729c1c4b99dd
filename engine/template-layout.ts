// Where things sit in a data template and how its words are written: the sheet names, header and
// data rows, Excel's limits, Thai digits and periods, fact headers, number formats and widths.
import { columnLetter } from './import/table-header.js';
import type { Fact } from './types.js';

/** The first sheet: what the file is for and how to fill it. */
export const INSTRUCTIONS_SHEET = 'คำแนะนำ';
/** The hidden sheet holding the provinces a province column's list refers to. */
export const PROVINCE_LIST_SHEET = 'รายชื่อจังหวัด';
/** The hidden sheet holding lists too long (or with commas) to write inside a validation. */
export const CHOICE_LIST_SHEET = 'รายการเลือก';

/** The row of the header in each mission sheet; data starts on the row below it. */
export const HEADER_ROW = 3;
export const FIRST_DATA_ROW = 4;
/** How many data rows carry the checks (4 … 1003). */
export const DATA_ROWS = 1000;

export const ID_HEADER = 'รหัสหน่วยงาน (id)';
export const PROVINCE_HEADER = 'จังหวัด (province)';
export const DISTRICT_HEADER = 'อำเภอ (district)';
export const YES = 'ใช่';
export const NO = 'ไม่ใช่';

export const PERCENT_WORD = 'ร้อยละ';
/** Excel's limits: sheet names, an inline list, a prompt and its title, an error message. */
export const SHEET_NAME_MAX = 31;
export const INLINE_LIST_MAX = 255;
export const TITLE_MAX = 32;
export const PROMPT_MAX = 255;
export const ERROR_MAX = 225;
/** Bounds for number checks that declare no range (Excel holds 15 significant digits). */
export const NUMBER_LIMIT = 1e15;

/** Arabic digits written as Thai digits: 2567 → ๒๕๖๗. */
export function thaiDigits(text: string | number): string {
  return String(text).replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
}

/** A period as a Thai title: 2567-Q3 → ไตรมาส ๓/๒๕๖๗; any other text is kept, in Thai digits. */
export function thaiPeriod(period: string): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(period.trim());
  return match ? `ไตรมาส ${thaiDigits(match[2]!)}/${thaiDigits(match[1]!)}` : thaiDigits(period.trim());
}

/** The header of a fact's column: its Thai label, ร้อยละ for a percentage (unless the label says so), its id. */
export function factHeader(id: string, fact: Fact): string {
  const label = fact.label.th.trim();
  const percent = (fact.type === 'number' || fact.type === 'integer') && fact.unit === 'percent' && !label.includes(PERCENT_WORD);
  return `${label}${percent ? ` (${PERCENT_WORD})` : ''} (${id})`;
}

/** The number format of a number with `precision` decimals: 0 → "0", 2 → "0.00". */
export function numberFormat(precision: number): string {
  const places = Math.max(0, Math.min(15, Math.trunc(precision)));
  return places === 0 ? '0' : `0.${'0'.repeat(places)}`;
}

/** The characters of a text that take width: Thai vowel and tone marks above or below take none. */
export function visibleLength(text: string): number {
  return text.replace(/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g, '').length;
}

/** How wide a column must be for its header wrapped over at most about three lines. */
export function headerWidth(header: string): number {
  return Math.max(14, Math.min(40, Math.ceil(visibleLength(header) / 3) + 2));
}

/** The lines a header wraps to in a column of `width`. */
export function headerLines(header: string, width: number): number {
  return Math.max(1, Math.ceil(visibleLength(header) / Math.max(1, width - 2)));
}

export const clip = (text: string, max: number) => (text.length <= max ? text : text.slice(0, max - 1) + '…');

/** A value the user types, in a message: a plain number (users type Arabic digits). */
export const shown = (value: number) => String(value);

/** The range of a column's data rows, e.g. D4:D1003. */
export function dataRange(letter: string): string {
  return `${letter}${FIRST_DATA_ROW}:${letter}${FIRST_DATA_ROW + DATA_ROWS - 1}`;
}

/** Excel's name for a 1-based column number: 1 → A, 27 → AA. */
export function letterOf(column: number): string {
  return columnLetter(column - 1);
}
