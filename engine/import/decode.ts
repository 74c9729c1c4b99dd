// From the bytes of an uploaded data file to text and records: file kind, text encoding, delimited text, HTML tables.
// Browser-safe: no node: imports, so the editor's preview page reads files the same way as the CLI.
// Nothing here guesses: an encoding, quote or table that cannot be read for certain is a problem, worded for people.
import { parse } from 'csv-parse/browser/esm/sync';
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

const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

/** Counts commas, semicolons and tabs outside quotes on the first line that is not blank, and picks the most common: on a tie the comma, then the semicolon; the comma when there is none. */
function detectDelimiter(text: string): Delimiter {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    const character = text[i]!;
    if (character === '"') {
      quoted = !quoted;
      blank = false;
    } else if (!quoted && (character === '\n' || character === '\r')) {
      if (!blank) break;
    } else if (!quoted && counts.has(character)) {
      counts.set(character, counts.get(character)! + 1);
      blank = false;
    } else if (!/[\s\uFEFF]/.test(character)) blank = false;
  }
  let best: Delimiter = ',';
  for (const delimiter of DELIMITERS) if (counts.get(delimiter)! > counts.get(best)!) best = delimiter;
  return best;
}

/** The length of the line break at `i` (2 for CRLF, 1 for LF or CR), or 0 when there is none. */
function lineBreakAt(text: string, i: number): number {
  const character = text[i];
  if (character === '\n') return 1;
  if (character === '\r') return text[i + 1] === '\n' ? 2 : 1;
  return 0;
}

/** A quote problem found by scanRecords, with the 1-based line it is on. */
type QuoteError = { error: 'UNCLOSED_QUOTE' | 'QUOTE_IN_CELL' | 'TEXT_AFTER_QUOTE'; line: number };

/**
 * Scans delimited text as csv-parse reads it (strict quotes, blank lines skipped) for the 1-based line each record starts on,
 * or the first quote problem and its line. csv-parse's own line count is not used: it counts a CRLF inside quotes as two lines.
 */
function scanRecords(text: string, delimiter: Delimiter): { lines: number[] } | QuoteError {
  const lines: number[] = [];
  let line = 1;
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  while (i < text.length) {
    const blank = lineBreakAt(text, i);
    if (blank > 0) {
      i += blank;
      line++;
      continue;
    }
    lines.push(line);
    for (;;) {
      if (text[i] === '"') {
        // A quoted cell: to its closing quote, doubled quotes and line breaks inside it included.
        const openedOn = line;
        for (i++; ; ) {
          if (i >= text.length) return { error: 'UNCLOSED_QUOTE', line: openedOn };
          if (text[i] === '"') {
            if (text[i + 1] !== '"') break;
            i += 2;
            continue;
          }
          const inside = lineBreakAt(text, i);
          if (inside > 0) line++;
          i += inside || 1;
        }
        i++;
        if (i < text.length && text[i] !== delimiter && lineBreakAt(text, i) === 0) return { error: 'TEXT_AFTER_QUOTE', line };
      }
      while (i < text.length && text[i] !== delimiter && lineBreakAt(text, i) === 0) {
        if (text[i] === '"') return { error: 'QUOTE_IN_CELL', line };
        i++;
      }
      if (i >= text.length) break;
      if (text[i] === delimiter) {
        i++;
        continue;
      }
      i += lineBreakAt(text, i);
      line++;
      break;
    }
  }
  return { lines };
}

/** Splits delimited text (comma, semicolon or tab, found from the first line) into records of cells exactly as written: nothing is trimmed or interpreted, rows may differ in length, CRLF, LF and CR line ends are all accepted. */
export function parseDelimited(text: string): DelimitedRecords | { problem: DecodeProblem } {
  const delimiter = detectDelimiter(text);
  const scan = scanRecords(text, delimiter);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    }) as string[][];
  } catch (error) {
    return { problem: csvProblem(error, scan) };
  }
  // The scan and csv-parse read quotes alike; if they ever part, the file is refused rather than given wrong lines.
  if ('error' in scan || scan.lines.length !== records.length) return { problem: csvProblem(new Error('the scan and the parser disagree'), scan) };
  return { records, delimiter, lines: scan.lines };
}

/** A csv-parse error as a problem with its line, worded for people; the scan's reading of quotes and lines comes first. */
function csvProblem(error: unknown, scan: { lines: number[] } | QuoteError): DecodeProblem {
  const { lines, message } = error as { lines?: number; message?: string };
  if ('error' in scan) {
    const { line } = scan;
    switch (scan.error) {
      case 'UNCLOSED_QUOTE':
        return {
          code: 'UNCLOSED_QUOTE',
          line,
          message: {
            th: `เครื่องหมายอัญประกาศ (") ที่เปิดในบรรทัดที่ ${line} ไม่มีตัวปิดจนจบไฟล์: ตรวจดูว่าเซลล์นั้นมีเครื่องหมาย " ครบคู่`,
            en: `The quote (") opened on line ${line} is never closed before the end of the file: check that the cell's quotes come in pairs.`,
          },
        };
      case 'QUOTE_IN_CELL':
        return {
          code: 'BAD_QUOTE',
          line,
          message: {
            th: `บรรทัดที่ ${line}: มีเครื่องหมาย " อยู่กลางเซลล์ที่ไม่ได้ขึ้นต้นด้วย " หากต้องการให้ " เป็นส่วนหนึ่งของข้อความ ให้ครอบทั้งเซลล์ด้วย " และเขียน " ในข้อความเป็นสองตัว ("")`,
            en: `Line ${line}: a quote (") inside a cell that does not start with a quote. To keep a quote in the text, put the whole cell in quotes and write the quote twice ("").`,
          },
        };
      case 'TEXT_AFTER_QUOTE':
        return {
          code: 'BAD_QUOTE',
          line,
          message: {
            th: `บรรทัดที่ ${line}: มีข้อความต่อท้ายเครื่องหมาย " ที่ปิดเซลล์ ก่อนถึงตัวคั่นเซลล์ถัดไป จึงไม่แน่ชัดว่าเซลล์จบที่ใด`,
            en: `Line ${line}: text follows the quote (") that closes a cell, before the next delimiter, so it is not clear where the cell ends.`,
          },
        };
    }
  }
  const line = typeof lines === 'number' && lines > 0 ? lines : 1;
  return {
    code: 'BAD_CSV',
    line,
    message: {
      th: `บรรทัดที่ ${line}: อ่านเป็นไฟล์ CSV ไม่ได้ (${message ?? 'ไม่ทราบสาเหตุ'})`,
      en: `Line ${line}: the text cannot be read as CSV (${message ?? 'unknown reason'}).`,
    },
  };
}

// ——— HTML tables ———

/** A table being read: finished rows, the open row and cell, and up to which row each column is covered by a rowspan from above. */
interface OpenTable {
  order: number;
  rows: string[][];
  row: string[] | undefined;
  /** The 0-based index of the open row among all rows of the table, empty ones included. */
  rowIndex: number;
  cell: string[] | undefined;
  cellSpan: { colspan: number; rowspan: number };
  /** For each column, the first row index no longer covered by a cell above (no per-row bookkeeping, so a long rowspan costs nothing per row). */
  coveredUntil: number[];
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };
// Bounded repetitions on one alternation: linear time on any input.
const ENTITY = /&(?:#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,8})|([A-Za-z]{2,8}));/g;
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript']);

/** Decodes the character references a cell's text may hold: &amp; &lt; &gt; &quot; &apos; &nbsp; and numeric ones; other names stay as written. */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, decimal: string | undefined, hexadecimal: string | undefined, name: string | undefined) => {
    if (name !== undefined) return Object.hasOwn(NAMED_ENTITIES, name.toLowerCase()) ? NAMED_ENTITIES[name.toLowerCase()]! : whole;
    const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hexadecimal!, 16);
    const invalid = code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff);
    return invalid ? '\uFFFD' : String.fromCodePoint(code);
  });
}

/** A cell's text as a browser shows it: runs of HTML white space (not NBSP) as one space, none at either end. */
function collapseSpace(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ').replace(/^ | $/g, '');
}

/** A tag read from the page: its lower-case name, whether it closes, and its colspan and rowspan. */
interface Tag {
  name: string;
  closing: boolean;
  attributes: Map<string, string>;
  end: number;
}

/** Reads the tag starting at `start` (text[start] is '<'): one pass to the closing '>' outside quoted values; undefined when the page ends first. */
function readTag(text: string, start: number): Tag | undefined {
  let i = start + 1;
  const closing = text[i] === '/';
  if (closing) i++;
  let name = '';
  while (i < text.length && !/[\s/>]/.test(text[i]!)) name += text[i++]!;
  const attributes = new Map<string, string>();
  for (;;) {
    while (i < text.length && /[\s/]/.test(text[i]!)) i++;
    if (i >= text.length) return undefined;
    if (text[i] === '>') return { name: name.toLowerCase(), closing, attributes, end: i + 1 };
    let key = '';
    while (i < text.length && !/[\s/>=]/.test(text[i]!)) key += text[i++]!;
    while (i < text.length && /\s/.test(text[i]!)) i++;
    let value = '';
    if (text[i] === '=') {
      i++;
      while (i < text.length && /\s/.test(text[i]!)) i++;
      const quote = text[i];
      if (quote === '"' || quote === "'") {
        const close = text.indexOf(quote, i + 1);
        if (close < 0) return undefined;
        value = text.slice(i + 1, close);
        i = close + 1;
      } else {
        while (i < text.length && !/[\s>]/.test(text[i]!)) value += text[i++]!;
      }
    }
    if (key !== '' && !attributes.has(key.toLowerCase())) attributes.set(key.toLowerCase(), value);
  }
}

/** A span attribute as HTML reads it: the leading digits, at least 1, at most `max`; 1 when absent or not a number. */
function span(value: string | undefined, max: number): number {
  const digits = /^\s*(\d{1,9})/.exec(value ?? '');
  const n = digits ? Number(digits[1]) : 1;
  return n < 1 ? 1 : Math.min(n, max);
}

/** Raised inside readHtmlTable when a table is too wide or its spans too many. */
class TableTooLarge extends Error {
  constructor(readonly problem: DecodeProblem) {
    super(problem.message.en);
  }
}

/** Reads the table with the most rows from an HTML page (as government systems export under the name ".xls"): the text of each <td> and <th>, tags stripped, <br> as a space, entities decoded, colspan and rowspan kept by empty cells. */
export function readHtmlTable(text: string): { rows: string[][] } | { problem: DecodeProblem } {
  try {
    return readTables(text);
  } catch (error) {
    if (error instanceof TableTooLarge) return { problem: error.problem };
    throw error;
  }
}

/** readHtmlTable's work: a linear tokenizer over the page with a stack of open tables (nested tables are tables of their own). */
function readTables(text: string): { rows: string[][] } | { problem: DecodeProblem } {
  const open: OpenTable[] = [];
  let best: OpenTable | undefined;
  let tables = 0;
  let filler = 0;

  const addFiller = (row: string[], count: number): void => {
    filler += count;
    if (filler > MAX_SPAN_CELLS) {
      throw new TableTooLarge({
        code: 'TABLE_TOO_LARGE',
        message: {
          th: `การผสานเซลล์ (colspan/rowspan) ในตารางทำให้เกิดเซลล์ว่างเกิน ${MAX_SPAN_CELLS.toLocaleString('en-US')} เซลล์ ซึ่งไม่ใช่ตารางข้อมูลจริง`,
          en: `The tables' merged cells (colspan/rowspan) would add more than ${MAX_SPAN_CELLS.toLocaleString('en-US')} empty cells, which no real data table does.`,
        },
      });
    }
    for (let k = 0; k < count; k++) row.push('');
    if (row.length > MAX_TABLE_COLUMNS) tooWide();
  };
  const tooWide = (): never => {
    throw new TableTooLarge({
      code: 'TABLE_TOO_LARGE',
      message: {
        th: `ตารางกว้างเกิน ${MAX_TABLE_COLUMNS.toLocaleString('en-US')} คอลัมน์ ซึ่งเป็นจำนวนคอลัมน์สูงสุดของ Excel`,
        en: `The table is wider than ${MAX_TABLE_COLUMNS.toLocaleString('en-US')} columns, Excel's largest worksheet.`,
      },
    });
  };
  const closeCell = (table: OpenTable): void => {
    if (!table.cell || !table.row) return;
    const row = table.row;
    const value = collapseSpace(decodeEntities(table.cell.join('')));
    table.cell = undefined;
    // Skip the columns a rowspan from an earlier row still covers.
    let column = row.length;
    let skipped = 0;
    while ((table.coveredUntil[column] ?? 0) > table.rowIndex) {
      column++;
      skipped++;
    }
    addFiller(row, skipped);
    row.push(value);
    if (row.length > MAX_TABLE_COLUMNS) tooWide();
    const { colspan, rowspan } = table.cellSpan;
    addFiller(row, colspan - 1);
    if (rowspan > 1) for (let c = column; c < column + colspan; c++) table.coveredUntil[c] = table.rowIndex + rowspan;
  };
  const closeRow = (table: OpenTable): void => {
    closeCell(table);
    if (!table.row) return;
    if (table.row.length > 0) table.rows.push(table.row);
    table.row = undefined;
    table.rowIndex++;
  };
  const closeTable = (): void => {
    const table = open.pop()!;
    closeRow(table);
    // The most rows wins; on a tie, the table that opens first in the page (inner tables close before outer ones).
    if (table.rows.length === 0) return;
    if (!best || table.rows.length > best.rows.length || (table.rows.length === best.rows.length && table.order < best.order)) best = table;
  };

  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const textEnd = lt < 0 ? text.length : lt;
    const top = open.at(-1);
    if (textEnd > i && top?.cell) top.cell.push(text.slice(i, textEnd));
    if (lt < 0) break;
    i = lt;
    const next = text[i + 1] ?? '';
    if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close < 0) break;
      i = close + 3;
      continue;
    }
    if (next === '!' || next === '?' || (next === '/' && !/[A-Za-z]/.test(text[i + 2] ?? ''))) {
      // A doctype, processing instruction or bogus comment: up to the next '>'.
      const close = text.indexOf('>', i + 1);
      if (close < 0) break;
      i = close + 1;
      continue;
    }
    if (!/[A-Za-z/]/.test(next)) {
      // A '<' that starts no tag is text.
      if (top?.cell) top.cell.push('<');
      i++;
      continue;
    }
    const tag = readTag(text, i);
    if (!tag) break; // The page ends inside a tag: a browser drops the tag too.
    i = tag.end;
    if (!tag.closing && RAW_TEXT_ELEMENTS.has(tag.name)) {
      // Script, style and the like hold no cells: skip to their end tag.
      const closer = new RegExp(`</${tag.name}[\\s/>]`, 'gi');
      closer.lastIndex = i;
      const found = closer.exec(text);
      if (!found) break;
      const close = text.indexOf('>', found.index);
      i = close < 0 ? text.length : close + 1;
      continue;
    }
    const table = open.at(-1);
    switch (tag.name) {
      case 'table':
        if (tag.closing) {
          if (table) closeTable();
        } else {
          open.push({ order: tables++, rows: [], row: undefined, rowIndex: 0, cell: undefined, cellSpan: { colspan: 1, rowspan: 1 }, coveredUntil: [] });
        }
        break;
      case 'tr':
        if (!table) break;
        closeRow(table);
        if (!tag.closing) table.row = [];
        break;
      case 'td':
      case 'th':
        if (!table) break;
        closeCell(table);
        if (!tag.closing) {
          table.row ??= [];
          table.cell = [];
          table.cellSpan = { colspan: span(tag.attributes.get('colspan'), 1000), rowspan: span(tag.attributes.get('rowspan'), 65534) };
        }
        break;
      case 'thead':
      case 'tbody':
      case 'tfoot':
        if (table) closeRow(table);
        break;
      case 'br':
        if (table?.cell) table.cell.push(' ');
        break;
      default:
        break;
    }
  }
  while (open.length > 0) closeTable();
  if (!best) {
    return {
      problem: {
        code: 'NO_TABLE',
        message: {
          th: 'หน้าเว็บนี้ไม่มีตาราง: ไม่พบตาราง (<table>) ที่มีแถวข้อมูล จึงไม่มีข้อมูลให้อ่าน',
          en: 'The page has no table: no <table> with rows was found, so there is no data to read.',
        },
      },
    };
  }
  return { rows: (best as OpenTable).rows };
}
