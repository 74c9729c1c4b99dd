// The fast, strict reader of .xlsx workbooks: the sheets' XML scanned as text into the same grids
// exceljs gives readGrids (cached formula results, shared and inline strings, percent and date
// formats, merged cells copying their first cell, hidden sheets left out), without exceljs's
// object per cell. A value is never read as another: an ISO date cell (t="d") is its date's text,
// and a number cell whose text is not a number keeps its text (the table reader then names it).
// Workbook structure it does not know gives undefined, and readGrids falls back to exceljs.
// Browser-safe: the parts come through xlsx-zip.ts with the inflater the caller gives.
import type { Grid } from './read-file.js';
import { isPercentFormat } from './read-file.js';
import type { Cell } from './table.js';
import { columnLetter } from './table-header.js';
import { attributes, cellAttributes, isoDateText, itemText, strictNumber, Unread, xmlDecode } from './xlsx-text.js';
import type { XlsxParts } from './xlsx-zip.js';

/** Excel's built-in number formats that exceljs names (the others it leaves as no format). */
const BUILT_IN_FORMATS: Record<number, string> = {
  9: '0%',
  10: '0.00%',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
};

/** exceljs's test for a date format: a date or time letter outside quotes and brackets. */
function isDateFormat(format: string | undefined): boolean {
  return format !== undefined && /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** A serial date as exceljs makes it, then as readGrids writes a date: "2024-04-19 00:00:00". */
function serialDate(serial: number, date1904: boolean): string {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
  if (Number.isNaN(date.getTime())) throw new Unread(`date ${serial} out of range`);
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** Each cell format's number format (custom first, then Excel's built-in ones exceljs knows), by style index. */
function numberFormats(stylesXml: string | undefined): (string | undefined)[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<numFmt\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]!);
    if (a.numFmtId !== undefined && a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode);
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  return [...cellXfs.matchAll(/<xf\b([^>]*?)\/?>/g)].map((m) => {
    const id = Number(attributes(m[1]!).numFmtId ?? 0);
    return id ? (custom.get(id) ?? BUILT_IN_FORMATS[id]) : undefined;
  });
}

/** What a sheet's cells are read with. */
interface Book {
  strings: string[];
  formats: (string | undefined)[];
  date1904: boolean;
}

/** A cell's content before its number format is applied: a number still waits for it. */
type Raw = { number: number } | { cell: Cell };

/** One <c> element's value: a formula's cached result, never the formula. */
function rawValue(attrs: Record<string, string>, inner: string, book: Book): Raw {
  const rest = inner.replace(/<f\b[^>]*\/>|<f\b[^>]*>[^<]*<\/f>/, '');
  const formula = rest !== inner;
  const v = /^<v>([^<]*)<\/v>$|^<v\/>$|^$/.exec(rest);
  const type = attrs.t ?? 'n';
  if (type === 'inlineStr' && !formula) {
    const is = /^<is>([\s\S]*)<\/is>$/.exec(rest);
    if (!is) throw new Unread('inline string without <is>');
    const text = itemText(is[1]!);
    return { cell: text === '' ? null : text };
  }
  if (!v) throw new Unread(`unexpected cell content ${inner.slice(0, 40)}`);
  const text = v[1];
  if (text === undefined || text === '') return { cell: null };
  switch (type) {
    case 's': {
      const s = book.strings[Number(text)];
      if (formula || s === undefined) throw new Unread(`shared string ${text}`);
      return { cell: s };
    }
    case 'str':
      return { cell: xmlDecode(text) };
    case 'b':
      if (text !== '0' && text !== '1') throw new Unread(`boolean ${text}`);
      return { cell: text === '1' };
    case 'e':
      return { cell: xmlDecode(text) };
    case 'd':
      // An ISO date, as LibreOffice writes it: its date's text, as a date-formatted serial is read.
      return { cell: isoDateText(xmlDecode(text)) };
    case 'n': {
      // Text that is not strictly a number stays text, never the number a parseFloat would make of it.
      const n = strictNumber(text);
      return n === undefined ? { cell: xmlDecode(text) } : { number: n };
    }
    default:
      throw new Unread(`cell type ${type}`);
  }
}

/** A raw value in a cell of this format: a date format makes it a date, a percent format a percentage. */
function finish(raw: Raw, format: string | undefined, book: Book): Cell {
  if ('cell' in raw) return raw.cell;
  if (isDateFormat(format)) return serialDate(raw.number, book.date1904);
  return isPercentFormat(format) ? { percentOf: raw.number } : raw.number;
}

/** A cell address (C14) as 0-based row and column. */
function address(ref: string): { row: number; column: number } {
  let column = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
  }
  const row = Number(ref.slice(i));
  if (i === 0 || i > 3 || !Number.isInteger(row) || row < 1 || row > 1_048_576 || !/^[1-9]\d*$/.test(ref.slice(i))) throw new Unread(`cell address ${ref}`);
  return { row: row - 1, column: column - 1 };
}

/** One worksheet's grid. */
function sheetGrid(xml: string, book: Book): Cell[][] {
  const data = /<sheetData\s*\/>|<sheetData>([\s\S]*)<\/sheetData>/.exec(xml);
  if (!data) throw new Unread('no sheetData');
  const body = data[1] ?? '';
  const cells: Cell[][] = [];
  // Raw values and formats kept for the cells a merge starts from.
  const kept = new Map<string, { raw: Raw; format: string | undefined }>();
  const merges = [...xml.slice((data.index ?? 0) + data[0].length).matchAll(/<mergeCell\b([^>]*?)\/?>/g)].map((m) => attributes(m[1]!).ref ?? '');
  const masters = new Set(merges.map((ref) => ref.split(':')[0]!));
  const formats = new Map<string, string | undefined>();
  let rows = 0;
  for (const m of body.matchAll(/<row\b([^>]*?)(\/?)>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)|<\/row>/g)) {
    if (m[1] !== undefined) {
      const r = Number(attributes(m[1]).r);
      if (!Number.isInteger(r) || r < 1) throw new Unread('row without its number');
      rows = Math.max(rows, r);
      continue;
    }
    if (m[3] === undefined) continue;
    const attrs = cellAttributes(m[3]);
    if (!attrs.r) throw new Unread('cell without its address');
    const { row, column } = address(attrs.r);
    const style = Number(attrs.s ?? 0);
    const format = style ? book.formats[style] : undefined;
    const raw = m[4] === undefined ? ({ cell: null } as Raw) : rawValue(attrs, m[4], book);
    if (masters.has(attrs.r)) kept.set(attrs.r, { raw, format });
    if (merges.length > 0) formats.set(attrs.r, format);
    const value = finish(raw, format, book);
    // exceljs lists a formula without a result as an empty cell, other empty cells not at all.
    if (value !== null || m[4]?.includes('<f')) (cells[row] ??= [])[column] = value;
  }
  mergeCells(cells, merges, kept, formats, book);
  const length = Math.max(rows, cells.length);
  for (let i = 0; i < length; i++) cells[i] ??= [];
  return cells;
}

/** Every cell of a merged range but the first holds the first's value, read in its own format (as exceljs loads it). */
function mergeCells(cells: Cell[][], merges: string[], kept: Map<string, { raw: Raw; format: string | undefined }>, formats: Map<string, string | undefined>, book: Book): void {
  const covered = new Set<string>();
  for (const ref of merges) {
    const [from, to] = ref.split(':');
    if (!from || !to) throw new Unread(`merge ${ref}`);
    const a = address(from);
    const b = address(to);
    if ((b.row - a.row + 1) * (b.column - a.column + 1) > 100_000 || b.row < a.row || b.column < a.column) throw new Unread(`merge ${ref}`);
    const master = kept.get(from) ?? { raw: { cell: null }, format: undefined };
    // A date is made in the first cell's format; a percentage is read in each cell's own.
    const raw: Raw = 'number' in master.raw && isDateFormat(master.format) ? { cell: serialDate(master.raw.number, book.date1904) } : master.raw;
    for (let r = a.row; r <= b.row; r++) {
      for (let c = a.column; c <= b.column; c++) {
        const key = `${r},${c}`;
        if (covered.has(key)) throw new Unread('overlapping merges');
        covered.add(key);
        if (r === a.row && c === a.column) continue;
        const at = `${columnLetter(c)}${r + 1}`;
        // A cell the sheet does not list would take its row's or column's style in exceljs: not read here.
        if ('number' in raw && !formats.has(at)) throw new Unread(`merged number over ${at}, a cell the sheet does not list`);
        const value = finish(raw, formats.get(at), book);
        // exceljs lists every cell of a merge, an empty one as empty.
        (cells[r] ??= [])[c] = value;
      }
    }
  }
}

/** The workbook's visible sheets in its order, each with the part that holds it. */
export function sheetParts(workbookXml: string, relsXml: string): { name: string; path: string }[] {
  const targets = new Map<string, { target: string; type: string }>();
  for (const m of relsXml.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]!);
    if (a.Id && a.Target) targets.set(a.Id, { target: a.Target, type: a.Type ?? '' });
  }
  const sheets = /<sheets\b[^>]*>([\s\S]*?)<\/sheets>/.exec(workbookXml)?.[1] ?? '';
  const found: { name: string; path: string }[] = [];
  for (const m of sheets.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]!);
    const rel = targets.get(a['r:id'] ?? '');
    if (!a.name || !rel || !rel.type.endsWith('/worksheet')) throw new Unread('a sheet that is not a plain worksheet');
    if (a.state === 'hidden' || a.state === 'veryHidden') continue;
    found.push({ name: a.name, path: rel.target.startsWith('/') ? rel.target.slice(1) : `xl/${rel.target}` });
  }
  return found;
}

/** The parts a reading needs before its sheets: the package and workbook relations, workbook, strings, styles. */
const BOOK_PARTS = ['_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'];

/** Loads every part readXlsxGridsFast reads (for an asynchronous inflater): the workbook's, then its visible sheets'. */
export async function loadForReading(parts: XlsxParts): Promise<void> {
  await parts.load(BOOK_PARTS);
  const workbookXml = parts.text('xl/workbook.xml');
  const relsXml = parts.text('xl/_rels/workbook.xml.rels');
  if (!workbookXml || !relsXml) return;
  try {
    await parts.load(sheetParts(workbookXml, relsXml).map((s) => s.path));
  } catch (error) {
    if (!(error instanceof Unread)) throw error;
  }
}

/**
 * A workbook's visible sheets as grids, read as readGrids reads them with exceljs; undefined for a
 * workbook this reader does not take (then read it with exceljs, which also says why a broken one fails).
 */
export function readXlsxGridsFast(parts: XlsxParts): Grid[] | undefined {
  try {
    const part = (name: string) => parts.text(name);
    const workbookXml = part('xl/workbook.xml');
    const relsXml = part('xl/_rels/workbook.xml.rels');
    if (!workbookXml || !relsXml || !/Target="\/?xl\/workbook\.xml"/.test(part('_rels/.rels') ?? '')) return undefined;
    const stringsXml = part('xl/sharedStrings.xml') ?? '';
    const strings = [...stringsXml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => (m[1] === undefined ? '' : itemText(m[1])));
    const date1904 = /<workbookPr\b[^>]*\bdate1904="1"/.test(workbookXml);
    const book: Book = { strings, formats: numberFormats(part('xl/styles.xml')), date1904 };
    const grids: Grid[] = [];
    for (const sheet of sheetParts(workbookXml, relsXml)) {
      const xml = part(sheet.path);
      if (xml === undefined) return undefined;
      grids.push({ name: sheet.name, cells: sheetGrid(xml, book) });
    }
    return grids.length > 0 ? grids : undefined;
  } catch (error) {
    if (error instanceof Unread || error instanceof RangeError) return undefined;
    throw error;
  }
}
