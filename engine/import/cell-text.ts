// One cell's text (or a spreadsheet cell's number) read as a fact value, with every conversion named.
// A wrong grade is the worst bug: nothing is coerced silently, and text that could mean two things is an error, never a guess.
// Browser-safe: no node: imports.
import type { Text } from '../types.js';

/** A way a cell's content was changed to become a fact value; each is counted and shown to people. */
export type Conversion =
  | 'excel-percent'
  | 'thai-digits'
  | 'thousands'
  | 'percent-sign'
  | 'unit-word'
  | 'number-text'
  | 'boolean-word'
  | 'enum-label'
  | 'province-spelling';

/** Each conversion described for people, in Thai and English. */
export const CONVERSION_TEXT: Record<Conversion, Text> = {
  'excel-percent': {
    th: 'เซลล์รูปแบบเปอร์เซ็นต์ของ Excel (เก็บเป็นเศษส่วน เช่น 0.95) อ่านเป็นค่าร้อยละ (95)',
    en: 'an Excel percent-formatted cell (stored as a fraction, e.g. 0.95) read as a percentage (95)',
  },
  'thai-digits': { th: 'ตัวเลขไทย ๐–๙ อ่านเป็นเลขอารบิก', en: 'Thai digits read as Arabic digits' },
  thousands: {
    th: 'ตัดเครื่องหมายจุลภาคคั่นหลักพันออก เช่น 1,234 อ่านเป็น 1234',
    en: 'thousands separators (commas) removed, e.g. 1,234 read as 1234',
  },
  'percent-sign': {
    th: 'ตัดเครื่องหมาย % หรือคำว่า "ร้อยละ" ออก เหลือค่าร้อยละ เช่น 95% อ่านเป็น 95',
    en: 'a % sign or the word "ร้อยละ" removed, leaving the percentage, e.g. 95% read as 95',
  },
  'unit-word': {
    th: 'ตัดคำบอกหน่วยของข้อมูลออก เช่น 95 หมู่บ้าน อ่านเป็น 95',
    en: "the fact's unit word removed, e.g. 95 หมู่บ้าน read as 95",
  },
  'number-text': {
    th: 'ตัวเลขที่เขียนเป็นข้อความในรูปแบบอื่น อ่านเป็นตัวเลขค่าเดียวกัน เช่น 12.50 อ่านเป็น 12.5 และ +5 อ่านเป็น 5',
    en: 'a number written as text in another form read as the same number, e.g. 12.50 read as 12.5 and +5 as 5',
  },
  'boolean-word': {
    th: 'คำหรือเครื่องหมายที่หมายถึงใช่หรือไม่ใช่ อ่านเป็นค่าจริงหรือเท็จ เช่น "มี" หรือ ✓ อ่านเป็นจริง (true)',
    en: 'a word or mark meaning yes or no read as true or false, e.g. "มี" or ✓ read as true',
  },
  'enum-label': {
    th: 'ชื่อหรือคำเรียกอื่นของตัวเลือก อ่านเป็นรหัสของตัวเลือกนั้น',
    en: "a choice's label or other name read as the choice's id",
  },
  'province-spelling': {
    th: 'ชื่อจังหวัดที่เขียนแบบอื่น (เช่น ภาษาอังกฤษ ชื่อย่อ หรือมีคำว่า จ. นำหน้า) อ่านเป็นชื่อจังหวัดทางการ',
    en: 'a province written another way (in English, abbreviated, or with จ. in front) read as its official Thai name',
  },
};

/** A cell read as a fact value with the conversions that took, or why it could not be read: what was expected and what was there. */
export type CellReading =
  | { ok: true; value: number | boolean | string; conversions: Conversion[] }
  | {
      ok: false;
      code: 'NOT_A_NUMBER' | 'AMBIGUOUS_NUMBER' | 'NOT_AN_INTEGER' | 'UNKNOWN_WORD' | 'UNKNOWN_VALUE' | 'UNKNOWN_PROVINCE';
      expected: Text;
      received: string;
    };

/** How a number fact is to be read: whole numbers only, whether it is a percentage, and the unit words that may stand beside it. */
export interface NumberTextOptions {
  integer: boolean;
  percent: boolean;
  unitWords: readonly string[];
}

export type Failure = Extract<CellReading, { ok: false }>;

/** Characters trimmed from both ends of a cell: white space including NBSP, thin and other Unicode spaces, zero-width spaces and byte order marks. */
function isSpace(character: string): boolean {
  return /[\s\u200B-\u200D\u2060\uFEFF]/.test(character);
}

/** The text without the spaces isSpace names at either end (a loop, not a regex: `\s+$` is quadratic on long runs of spaces). */
export function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text[start]!)) start++;
  while (end > start && isSpace(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/** Whether `text` ends (or starts) with `word`, Latin letters compared without case. */
function hasAffix(text: string, word: string, at: 'start' | 'end'): boolean {
  if (word === '' || word.length > text.length) return false;
  const part = at === 'end' ? text.slice(text.length - word.length) : text.slice(0, word.length);
  return part.toLowerCase() === word.toLowerCase();
}

/** The text with the first of `words` found at its end (then start) taken off and re-trimmed, or undefined when none is there. */
function stripAffix(text: string, words: readonly string[]): string | undefined {
  for (const at of ['end', 'start'] as const) {
    for (const word of words) {
      if (!hasAffix(text, word, at)) continue;
      const rest = at === 'end' ? text.slice(0, text.length - word.length) : text.slice(word.length);
      return trimSpaces(rest);
    }
  }
  return undefined;
}

const PERCENT_WORDS = ['เปอร์เซ็นต์', 'ร้อยละ', '%', '\uFF05'];
const THAI_DIGIT = /[\u0E50-\u0E59]/g;
const MAX_EXACT = Number.MAX_SAFE_INTEGER;

/** The words a number fact expects, in Thai and English, with its unit words. */
function numberExpected(options: NumberTextOptions): Text {
  const base: Text = options.percent
    ? options.integer
      ? { th: 'ค่าร้อยละเป็นจำนวนเต็ม เช่น 95 หรือ 95%', en: 'a whole-number percentage, e.g. 95 or 95%' }
      : { th: 'ค่าร้อยละ เช่น 95 หรือ 95.5%', en: 'a percentage, e.g. 95 or 95.5%' }
    : options.integer
      ? { th: 'จำนวนเต็ม เช่น 12 หรือ ๑๒', en: 'a whole number, e.g. 12 or ๑๒' }
      : { th: 'ตัวเลข เช่น 12 หรือ 12.5', en: 'a number, e.g. 12 or 12.5' };
  const units = options.unitWords.filter((word) => word.trim() !== '');
  if (units.length === 0) return base;
  return {
    th: `${base.th} (มีหน่วย ${units.map((u) => `"${u}"`).join(' หรือ ')} กำกับก็ได้)`,
    en: `${base.en} (the unit ${units.map((u) => `"${u}"`).join(' or ')} may stand beside it)`,
  };
}

/** A failed reading. */
export function failure(code: Failure['code'], expected: Text, received: string): Failure {
  return { ok: false, code, expected, received };
}

/** The expected text with a reason added after it. */
function withReason(expected: Text, th: string, en: string): Text {
  return { th: `${expected.th} ${th}`, en: `${expected.en}${en.startsWith(',') ? '' : ' '}${en}` };
}

/** How many separate runs of digits the text holds (digits joined by dots or commas count as one run). */
function digitRuns(text: string): number {
  let runs = 0;
  let inRun = false;
  for (const character of text) {
    const digit = character >= '0' && character <= '9';
    if (digit && !inRun) runs++;
    inRun = digit || (inRun && (character === '.' || character === ','));
  }
  return runs;
}

/** The shortest way to write a decimal, sign, integer part and fraction as plain digits: no +, no leading or trailing zeros, no -0. */
function canonicalDecimal(negative: boolean, whole: string, fraction: string): string {
  const integerPart = whole.replace(/^0+(?=\d)/, '') || '0';
  const fractionPart = fraction.replace(/0+$/, '');
  const digits = fractionPart === '' ? integerPart : `${integerPart}.${fractionPart}`;
  return negative && digits !== '0' ? `-${digits}` : digits;
}

/** Reads a cell's text as a number for a fact, accepting Thai digits, thousands commas, the fact's unit words and (for percentages) % or ร้อยละ, and refusing anything that could be read two ways. */
export function readNumberText(text: string, options: NumberTextOptions): CellReading {
  const expected = numberExpected(options);
  const conversions: Conversion[] = [];
  let s = trimSpaces(text.normalize('NFC'));
  if (s === '') return failure('NOT_A_NUMBER', expected, text);
  if (/[\u0E50-\u0E59]/.test(s)) {
    s = s.replace(THAI_DIGIT, (digit) => String(digit.charCodeAt(0) - 0x0e50));
    conversions.push('thai-digits');
  }
  const stripped = stripUnitWords(s, options.unitWords);
  s = stripped.rest;
  const { unitFound, percentFound } = stripped;
  if (percentFound && !options.percent) {
    return failure('NOT_A_NUMBER', withReason(expected, 'โดยไม่มีเครื่องหมาย % หรือคำว่า "ร้อยละ" เพราะข้อมูลนี้ไม่ใช่ค่าร้อยละ', ', without % or "ร้อยละ": this fact is not a percentage'), text);
  }
  const negative = s.startsWith('-');
  const body = s.startsWith('-') || s.startsWith('+') ? s.slice(1) : s;
  if (!/^[0-9.,]+$/.test(body)) {
    if (/^\d+(?:\.\d+)?[eE][+-]?\d+$/.test(body)) {
      return failure('AMBIGUOUS_NUMBER', withReason(expected, 'ที่เขียนเต็มทุกหลัก ไม่ใช่รูป 1.2E+5 (Excel อาจปัดเศษไว้ตอนบันทึก)', ', written out in full rather than as 1.2E+5 (Excel may have rounded it when saving)'), text);
    }
    // A date (as the readers write a workbook's date cells) is not a number, and not a range of them.
    if (/^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}:\d{2})?$/.test(s)) {
      return failure('AMBIGUOUS_NUMBER', withReason(expected, 'ไม่ใช่วันที่ (เซลล์นี้เก็บวันที่)', ', not a date (this cell holds a date)'), text);
    }
    if (digitRuns(s) >= 2) {
      return failure('AMBIGUOUS_NUMBER', withReason(expected, 'เพียงค่าเดียว: เซลล์นี้มีตัวเลขมากกว่าหนึ่งค่า (เช่น ช่วง 3-4 หรือ 10/20) จึงเลือกค่าใดแทนไม่ได้', ', one number only: this cell holds more than one (such as a range 3-4 or 10/20), and none can be chosen for you'), text);
    }
    return failure('NOT_A_NUMBER', expected, text);
  }
  if (!/\d/.test(body)) return failure('NOT_A_NUMBER', expected, text);
  const separated = withoutSeparators(body, expected, options, text);
  if ('ok' in separated) return separated;
  const digits = separated.digits;
  if (separated.thousands) conversions.push('thousands');
  const [whole = '', fraction = ''] = digits.split('.');
  const value = Number(`${negative ? '-' : ''}${whole === '' ? '0' : whole}.${fraction === '' ? '0' : fraction}`);
  if (Math.abs(value) > MAX_EXACT) {
    return failure('NOT_A_NUMBER', withReason(expected, 'ที่ไม่เกิน 9,007,199,254,740,991 (ตัวเลขที่ใหญ่กว่านี้เก็บค่าให้ตรงทุกหลักไม่ได้)', ', no larger than 9,007,199,254,740,991 (larger numbers cannot be kept exactly)'), text);
  }
  if (options.integer && !Number.isInteger(value)) {
    return failure('NOT_AN_INTEGER', withReason(expected, '(ไม่มีเศษทศนิยม)', '(no fraction)'), text);
  }
  // A number written as its shortest decimal is read as it stands; +5, 007, 12.50, .5 or -0 are noted as number-text.
  const sign = s.startsWith('+') || s.startsWith('-') ? s[0]! : '';
  if (canonicalDecimal(negative, whole, fraction) !== `${sign}${digits}`) conversions.unshift('number-text');
  if (unitFound) conversions.push('unit-word');
  if (percentFound) conversions.push('percent-sign');
  return { ok: true, value: value === 0 ? 0 : value, conversions };
}

/** The fact's unit words and a percent sign or word stripped from either side, each at most once; longest words first. */
function stripUnitWords(text: string, unitWords: readonly string[]): { rest: string; unitFound: boolean; percentFound: boolean } {
  const units = unitWords.map((word) => trimSpaces(word.normalize('NFC'))).filter((word) => word !== '');
  units.sort((a, b) => b.length - a.length);
  let s = text;
  let unitFound = false;
  let percentFound = false;
  for (let pass = 0; pass < 2; pass++) {
    if (!unitFound) {
      const rest = stripAffix(s, units);
      if (rest !== undefined) {
        s = rest;
        unitFound = true;
      }
    }
    if (!percentFound) {
      const rest = stripAffix(s, PERCENT_WORDS);
      if (rest !== undefined) {
        s = rest;
        percentFound = true;
      }
    }
  }
  return { rest: s, unitFound, percentFound };
}

/**
 * A number's digits and decimal point without its thousands commas, or why its commas and dots
 * could be read two ways: commas group thousands only when every group after the first has
 * exactly three digits and the first does not start with 0.
 */
function withoutSeparators(body: string, expected: Text, options: NumberTextOptions, text: string): { digits: string; thousands: boolean } | Failure {
  const commas = body.includes(',');
  const dots = (body.match(/\./g) ?? []).length;
  const decimalPoint = withReason(expected, 'โดยใช้จุด (.) เป็นจุดทศนิยม และใช้จุลภาค (,) คั่นหลักพันทุกสามหลักเท่านั้น เช่น 4.5 หรือ 1,234', ', with a dot (.) as the decimal point and commas (,) only between groups of three digits, e.g. 4.5 or 1,234');
  if (commas) {
    if (dots > 0 && !/^[1-9]\d{0,2}(?:,\d{3})+\.\d+$/.test(body)) {
      return failure('AMBIGUOUS_NUMBER', withReason(expected, 'โดยใช้จุด (.) เป็นจุดทศนิยมและจุลภาค (,) คั่นหลักพัน เช่น 1,234.5 (ไม่ใช่แบบยุโรป 1.234,5)', ', with a dot (.) as the decimal point and commas (,) between thousands, e.g. 1,234.5 (not the European 1.234,5)'), text);
    }
    if (dots === 0 && !/^[1-9]\d{0,2}(?:,\d{3})+$/.test(body)) return failure('AMBIGUOUS_NUMBER', decimalPoint, text);
    return { digits: body.replace(/,/g, ''), thousands: true };
  }
  if (dots > 1) {
    if (/^[1-9]\d{0,2}(?:\.\d{3})+$/.test(body)) {
      return failure('AMBIGUOUS_NUMBER', withReason(expected, 'ที่ใช้จุลภาค (,) คั่นหลักพัน เช่น 1,234,567 (จุดคั่นหลักพันแบบยุโรปอาจอ่านผิดเป็นทศนิยม)', ', with commas (,) between thousands, e.g. 1,234,567 (dots between thousands, as in Europe, may be misread as a decimal point)'), text);
    }
    return failure('NOT_A_NUMBER', expected, text);
  }
  if (dots === 1 && options.integer && /^[1-9]\d{0,2}\.\d{3}$/.test(body)) {
    return failure('AMBIGUOUS_NUMBER', withReason(expected, 'ที่ไม่มีจุด เช่น 1200 หรือ 1,200: จุดในจำนวนเต็มอาจเป็นตัวคั่นหลักพันหรือจุดทศนิยมก็ได้', ', without a dot, e.g. 1200 or 1,200: in a whole number a dot may be a thousands separator or a decimal point'), text);
  }
  return { digits: body, thousands: false };
}

/** A fraction in a percent-formatted spreadsheet cell as a percentage, scaled by 100 in decimal (0.04005 → 4.005, never 4.004999…). */
export function percentCellValue(n: number): number {
  if (!Number.isFinite(n)) throw new RangeError(`percentCellValue: ${n} is not a finite number`);
  // String(n) is the shortest decimal that reads back as n; moving its point two places is exact decimal arithmetic.
  const [mantissa = '0', exponent = '0'] = String(n).split('e');
  const scaled = Number(`${mantissa}e${Number(exponent) + 2}`);
  return scaled === 0 ? 0 : scaled;
}

/** Reads a percent-formatted spreadsheet cell's fraction as a percentage for a fact, counting excel-percent (0.955 → 95.5). */
export function readPercentCell(fraction: number, options: { integer: boolean }): CellReading {
  const received = String(fraction);
  const expected: Text = options.integer
    ? { th: 'ค่าร้อยละเป็นจำนวนเต็ม เช่น 95%', en: 'a whole-number percentage, e.g. 95%' }
    : { th: 'ค่าร้อยละ เช่น 95.5%', en: 'a percentage, e.g. 95.5%' };
  if (!Number.isFinite(fraction)) return failure('NOT_A_NUMBER', expected, received);
  const value = percentCellValue(fraction);
  if (options.integer && !Number.isInteger(value)) return failure('NOT_AN_INTEGER', withReason(expected, '(ไม่มีเศษทศนิยม)', '(no fraction)'), `${value}%`);
  return { ok: true, value, conversions: ['excel-percent'] };
}
