// The problems a data row can have, each with its Thai and English words in one place: both
// grading paths and the row checks build their problems here, so a code always reads the same.
import type { ValueInfo } from './catalog.js';
import { describeValue } from './diagnostics.js';
import type { Text } from './types.js';

/** Codes of the problems a data row can have. */
export type RowErrorCode =
  | 'MISSING_ID'
  | 'DUPLICATE_ID'
  | 'MISSING_FACT'
  | 'WRONG_TYPE'
  | 'NOT_A_NUMBER'
  | 'NOT_AN_INTEGER'
  | 'OUT_OF_RANGE'
  | 'UNKNOWN_VALUE'
  | 'UNKNOWN_PROVINCE'
  | 'AMBIGUOUS_NUMBER'
  | 'INEXACT_NUMBER'
  | 'UNKNOWN_WORD'
  | 'ZERO_DENOMINATOR'
  | 'NO_CRITERIA';

/** One problem with one fact of one row. */
export interface RowError {
  code: RowErrorCode;
  fact: string;
  message: Text;
  expected: string;
  received: string;
  /** For a cell of a file that could not be read: the cell as Excel names it (C14) and its column's header. */
  cell?: string;
  column?: string;
}

/** Builds a row error. */
export function rowError(code: RowErrorCode, fact: string, expected: string, received: string, message: Text): RowError {
  return { code, fact, message, expected, received };
}

/** What a fact expects, in words, for `expected`. */
export function expectedOf(info: ValueInfo): string {
  switch (info.type) {
    case 'boolean':
      return 'true or false';
    case 'integer':
      return 'a whole number';
    case 'number':
      return `a number (${info.precision} decimals)`;
    case 'enum':
      return `one of ${info.enumValues!.join(', ')}`;
    case 'string':
      return info.catalog === 'province' ? 'a province of Thailand' : 'text';
  }
}

/** The fact is absent, null or empty. */
export function missingFact(info: ValueInfo): RowError {
  return rowError('MISSING_FACT', info.id, expectedOf(info), 'nothing', {
    th: `ไม่มีข้อมูล ${info.id} (${info.label.th})`,
    en: `${info.id} (${info.label.en}) is missing`,
  });
}

/** Text where a number belongs. */
export function notANumber(info: ValueInfo, raw: string): RowError {
  return rowError('NOT_A_NUMBER', info.id, expectedOf(info), describeValue(raw), {
    th: `${info.id} ต้องเป็นตัวเลข แต่ได้ข้อความ ${describeValue(raw, 'th')}`,
    en: `${info.id} must be a number, received the text ${describeValue(raw)}`,
  });
}

/** A fraction where a count belongs. */
export function notAnInteger(info: ValueInfo, raw: number): RowError {
  return rowError('NOT_AN_INTEGER', info.id, 'an integer', String(raw), {
    th: `${info.id} ต้องเป็นจำนวนเต็ม แต่ได้ ${raw}`,
    en: `${info.id} must be a whole number, received ${raw}`,
  });
}

/** A number outside the fact's declared range. */
export function outOfRange(info: ValueInfo, raw: number): RowError {
  const range = `${info.min ?? '-∞'} – ${info.max ?? '∞'}`;
  return rowError('OUT_OF_RANGE', info.id, range, String(raw), {
    th: `${info.id} = ${raw} อยู่นอกช่วงที่ยอมรับ ${range}`,
    en: `${info.id} = ${raw} is outside the allowed range ${range}`,
  });
}

/** A value that is not one of an enum's values. */
export function unknownValue(info: ValueInfo, raw: unknown): RowError {
  const allowed = info.enumValues!.join(', ');
  return rowError('UNKNOWN_VALUE', info.id, allowed, describeValue(raw), {
    th: `${info.id} ต้องเป็นค่าใดค่าหนึ่งของ ${allowed} แต่ได้ ${describeValue(raw, 'th')}`,
    en: `${info.id} must be one of ${allowed}, received ${describeValue(raw)}`,
  });
}

/** Text that names no province of the catalogue, with the closest name when one is close. */
export function unknownProvince(info: ValueInfo, raw: string, suggestion: string | undefined): RowError {
  return rowError('UNKNOWN_PROVINCE', info.id, expectedOf(info), describeValue(raw), {
    th: `${info.id} ${describeValue(raw, 'th')} ไม่ใช่ชื่อจังหวัดในทะเบียนจังหวัด${suggestion ? ` หมายถึง "${suggestion}" หรือไม่` : ''}`,
    en: `${info.id} ${describeValue(raw)} is not a province of the catalogue${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
  });
}

/** A value of the wrong kind altogether (a boolean for a number, a number for an enum). */
export function wrongType(info: ValueInfo, raw: unknown): RowError {
  return rowError('WRONG_TYPE', info.id, expectedOf(info), describeValue(raw), {
    th: `${info.id} ต้องเป็น ${expectedOf(info)} แต่ได้ ${describeValue(raw, 'th')}`,
    en: `${info.id} must be ${expectedOf(info)}, received ${describeValue(raw)}`,
  });
}

/** A ratio whose denominator is zero, naming the denominator. */
export function zeroDenominator(derivedId: string, denominatorId: string): RowError {
  return rowError('ZERO_DENOMINATOR', denominatorId, 'a number other than 0', '0', {
    th: `${denominatorId} เป็น 0 จึงคำนวณ ${derivedId} ไม่ได้ (หารด้วยศูนย์)`,
    en: `${denominatorId} is 0, so ${derivedId} cannot be computed (division by zero)`,
  });
}
