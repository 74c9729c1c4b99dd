// From the bytes of an uploaded data file to text: its kind and its text encoding (delimited text
// is split in delimited.ts, HTML tables read in html-table.ts).
// Browser-safe: no node: imports, so the editor's preview page reads files the same way as the CLI.
// Nothing here guesses: an encoding, quote or table that cannot be read for certain is a problem, worded for people.
import type { Text } from '../types.js';

/** What an uploaded file is, judged from its first bytes (and, for text, whether it is an HTML page with a table). */
export type FileKind = 'xlsx' | 'xls-binary' | 'html' | 'text' | 'empty';

/** A text encoding this module reads. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-874';

/** Why a file cannot be read: a code for programs and a message in Thai and English for people. */
export interface DecodeProblem {
  code: 'UNKNOWN_ENCODING' | 'UNCLOSED_QUOTE' | 'BAD_QUOTE' | 'BAD_CSV' | 'NO_TABLE' | 'TABLE_TOO_LARGE';
  message: Text;
  /** The 1-based line of the text where the problem is, when there is one. */
  line?: number;
}

/** A delimiter parseDelimited recognises. */
export type Delimiter = ',' | ';' | '\t';

/** Records read from delimited text: the cells as written, the delimiter used, and the line each record starts on. */
export interface DelimitedRecords {
  records: string[][];
  delimiter: Delimiter;
  /** For each record, the 1-based line of the text it starts on (blank lines are skipped, quoted cells may span lines). */
  lines: number[];
}

/** The widest table readHtmlTable accepts: Excel's 16,384 columns. */
export const MAX_TABLE_COLUMNS = 16_384;

/** The most empty cells that colspan and rowspan may add to one page, so that a small hostile file cannot fill memory. */
export const MAX_SPAN_CELLS = 1_000_000;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether the bytes begin with the given magic number. */
function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, index) => bytes[index] === byte);
}

/** Tells an Excel workbook (.xlsx zip or Excel 97–2003 binary), an HTML page with a table, plain text and an empty file apart. */
export function sniffFile(bytes: Uint8Array): FileKind {
  // Any zip is reported as xlsx and any OLE2 compound file as xls-binary: the workbook reader says if it is not one.
  if (startsWith(bytes, ZIP_MAGIC)) return 'xlsx';
  if (startsWith(bytes, OLE2_MAGIC)) return 'xls-binary';
  const decoded = decodeText(bytes);
  // Text that cannot be decoded is still text: decodeText reports why when the file is read.
  if (!('text' in decoded)) return bytes.length === 0 ? 'empty' : 'text';
  const start = firstNonSpace(decoded.text);
  if (start === decoded.text.length) return 'empty';
  if (decoded.text[start] === '<' && /<(?:table|html)\b/i.test(decoded.text)) return 'html';
  return 'text';
}

/** The index of the first character that is not white space or a byte order mark (the text's length if there is none). */
function firstNonSpace(text: string): number {
  let index = 0;
  while (index < text.length && /[\s\uFEFF]/.test(text[index]!)) index++;
  return index;
}

/** The first byte that breaks UTF-8, as its offset, or -1 when the bytes are valid UTF-8 (no overlongs, surrogates or values past U+10FFFF). */
function firstInvalidUtf8(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) need = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined) return i;
      if (k === 1 ? next < low || next > high : next < 0x80 || next > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Bytes of a byte order mark or of Windows-874 that are not Thai but are legitimate text: €, …, curly quotes, bullet, dashes, NBSP. */
const WINDOWS_874_PUNCTUATION = new Set([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0xa0]);

/** Whether a byte is one of the Thai characters of TIS-620 / Windows-874 (0xA1–0xDA and 0xDF–0xFB, i.e. U+0E01–U+0E5B). */
function isThaiByte(byte: number): boolean {
  return (byte >= 0xa1 && byte <= 0xda) || (byte >= 0xdf && byte <= 0xfb);
}

/** Thai vowel and tone marks that sit above or below a consonant and cannot begin a syllable. */
const THAI_COMBINING = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/;
const THAI_CHARACTER = /[\u0E01-\u0E5B]/;
const THAI_CONSONANT = /[\u0E01-\u0E2E]/;
const ASCII_LETTER = /[A-Za-z]/;

/**
 * Decodes bytes as Windows-874 if they read as Thai: every non-ASCII byte is defined in Windows-874, nine in ten of them are
 * Thai, the text has a Thai consonant, and the Thai reads like Thai (marks follow consonants, letters are not wedged inside
 * Latin words as accented Latin-1 letters would be). Undefined otherwise.
 */
function decodeThaiWindows874(bytes: Uint8Array): string | undefined {
  let nonAscii = 0;
  let thai = 0;
  for (const byte of bytes) {
    if (byte < 0x80) continue;
    nonAscii++;
    if (isThaiByte(byte)) thai++;
    else if (!WINDOWS_874_PUNCTUATION.has(byte)) return undefined;
  }
  if (nonAscii === 0 || thai < nonAscii * 0.9) return undefined;
  const text = new TextDecoder('windows-874').decode(bytes);
  if (!THAI_CONSONANT.test(text)) return undefined;
  let thaiCharacters = 0;
  let implausible = 0;
  for (let i = 0; i < text.length; i++) {
    const character = text[i]!;
    if (!THAI_CHARACTER.test(character)) continue;
    thaiCharacters++;
    const before = text[i - 1] ?? '';
    const after = text[i + 1] ?? '';
    if (THAI_COMBINING.test(character) && !THAI_CHARACTER.test(before)) implausible++;
    else if (ASCII_LETTER.test(before) && ASCII_LETTER.test(after)) implausible++;
  }
  return implausible * 10 > thaiCharacters ? undefined : text;
}

/** A refusal to decode: what the file looks like and how to save it as UTF-8, in Thai and English. */
function unknownEncoding(looksTh: string, looksEn: string): { problem: DecodeProblem } {
  return {
    problem: {
      code: 'UNKNOWN_ENCODING',
      message: {
        th:
          `อ่านไฟล์ไม่ได้ เพราะไม่รู้จักการเข้ารหัสอักขระของไฟล์: ${looksTh} ` +
          'วิธีแก้: เปิดไฟล์ด้วย Excel แล้วเลือก ไฟล์ › บันทึกเป็น › CSV UTF-8 (Comma delimited) (*.csv) แล้วนำเข้าไฟล์ที่บันทึกใหม่',
        en:
          `The file cannot be read: its character encoding is not recognised: ${looksEn} ` +
          'To fix it, open the file in Excel, choose File › Save As › CSV UTF-8 (Comma delimited) (*.csv), and upload the new file.',
      },
    },
  };
}

/** A byte as people read it in a message, e.g. 0xE9. */
function hex(byte: number | undefined): string {
  return `0x${(byte ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
}

/** Decodes text bytes that are UTF-8 (with or without a byte order mark), UTF-16 with a byte order mark, or Thai Windows-874 (TIS-620); anything else is refused with a message saying how to save the file as UTF-8. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } | { problem: DecodeProblem } {
  const decoded = decodeBytes(bytes);
  if (!('text' in decoded)) return decoded;
  const nul = decoded.text.indexOf('\u0000');
  if (nul >= 0) {
    return unknownEncoding(
      `ไฟล์มีอักขระศูนย์ (NUL) ซึ่งไม่ควรมีในไฟล์ข้อความ อาจเป็น UTF-16 ที่ไม่มีเครื่องหมายลำดับไบต์ (BOM) หรือเป็นไฟล์ไบนารี (เช่น รูปภาพหรือ PDF)`,
      'it contains NUL characters, which text files do not: perhaps UTF-16 without a byte order mark, or a binary file (such as a picture or a PDF).',
    );
  }
  return decoded;
}

/** decodeText without the final check for NUL characters. */
function decodeBytes(bytes: Uint8Array): { text: string; encoding: TextEncoding } | { problem: DecodeProblem } {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return unknownEncoding('ไฟล์เข้ารหัสแบบ UTF-32 ซึ่งระบบไม่รองรับ', 'it is UTF-32, which is not supported.');
  }
  for (const [bom, encoding, label] of [
    [[0xff, 0xfe], 'utf-16le', 'UTF-16 (little-endian)'],
    [[0xfe, 0xff], 'utf-16be', 'UTF-16 (big-endian)'],
  ] as const) {
    if (!startsWith(bytes, bom)) continue;
    try {
      return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2)), encoding };
    } catch {
      return unknownEncoding(
        `ไฟล์ขึ้นต้นด้วยเครื่องหมายลำดับไบต์ (BOM) ของ ${label} แต่เนื้อไฟล์ไม่ใช่ ${label} ที่ถูกต้อง (จำนวนไบต์เป็นเลขคี่หรืออักขระขาดครึ่ง)`,
        `it starts with the byte order mark of ${label}, but the rest is not valid ${label} (an odd number of bytes or a broken character).`,
      );
    }
  }
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const start = bom ? 3 : 0;
  const bad = firstInvalidUtf8(bytes, start);
  if (bad < 0) {
    // firstInvalidUtf8 and the fatal decoder agree; the decoder is the authority.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
    return { text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
  }
  const where = { th: `(ไบต์ที่ ${bad + 1} ของไฟล์คือ ${hex(bytes[bad])})`, en: `(byte ${bad + 1} of the file is ${hex(bytes[bad])})` };
  if (bom) {
    return unknownEncoding(
      `ไฟล์ขึ้นต้นด้วยเครื่องหมายลำดับไบต์ (BOM) ของ UTF-8 แต่มีไบต์ที่ไม่ใช่ UTF-8 ${where.th}`,
      `it starts with the UTF-8 byte order mark, but has bytes that are not UTF-8 ${where.en}.`,
    );
  }
  const thai = decodeThaiWindows874(bytes);
  if (thai !== undefined) return { text: thai, encoding: 'windows-874' };
  return unknownEncoding(
    `ไฟล์ไม่ใช่ UTF-8 ${where.th} และไม่ใช่ภาษาไทยแบบ Windows-874 (TIS-620) อาจเป็น Latin-1 หรือเป็นไฟล์ไบนารี`,
    `it is not UTF-8 ${where.en} and not Thai Windows-874 (TIS-620): perhaps Latin-1 or a binary file.`,
  );
}
