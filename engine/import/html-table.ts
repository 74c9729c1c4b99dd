// Reads the data table of an HTML page (what government systems export under the name ".xls"):
// a linear tokenizer, cells' text as a browser shows it, merged cells kept as empty ones, and
// limits so that a small hostile page cannot fill memory. Browser-safe.
import { MAX_SPAN_CELLS, MAX_TABLE_COLUMNS, type DecodeProblem } from './decode.js';

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

function tooWide(): never {
  throw new TableTooLarge({
    code: 'TABLE_TOO_LARGE',
    message: {
      th: `ตารางกว้างเกิน ${MAX_TABLE_COLUMNS.toLocaleString('en-US')} คอลัมน์ ซึ่งเป็นจำนวนคอลัมน์สูงสุดของ Excel`,
      en: `The table is wider than ${MAX_TABLE_COLUMNS.toLocaleString('en-US')} columns, Excel's largest worksheet.`,
    },
  });
}

/** The tables of a page as they are read: the stack of open ones (nested tables are tables of their own) and the best closed so far. */
class Tables {
  readonly open: OpenTable[] = [];
  best: OpenTable | undefined;
  private count = 0;
  private filler = 0;

  /** Pads a row with empty cells for merged ones, refusing a page whose spans would fill memory. */
  private addFiller(row: string[], count: number): void {
    this.filler += count;
    if (this.filler > MAX_SPAN_CELLS) {
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
  }

  closeCell(table: OpenTable): void {
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
    this.addFiller(row, skipped);
    row.push(value);
    if (row.length > MAX_TABLE_COLUMNS) tooWide();
    const { colspan, rowspan } = table.cellSpan;
    this.addFiller(row, colspan - 1);
    if (rowspan > 1) for (let c = column; c < column + colspan; c++) table.coveredUntil[c] = table.rowIndex + rowspan;
  }

  closeRow(table: OpenTable): void {
    this.closeCell(table);
    if (!table.row) return;
    if (table.row.length > 0) table.rows.push(table.row);
    table.row = undefined;
    table.rowIndex++;
  }

  openTable(): void {
    this.open.push({ order: this.count++, rows: [], row: undefined, rowIndex: 0, cell: undefined, cellSpan: { colspan: 1, rowspan: 1 }, coveredUntil: [] });
  }

  closeTable(): void {
    const table = this.open.pop()!;
    this.closeRow(table);
    // The most rows wins; on a tie, the table that opens first in the page (inner tables close before outer ones).
    if (table.rows.length === 0) return;
    const best = this.best;
    if (!best || table.rows.length > best.rows.length || (table.rows.length === best.rows.length && table.order < best.order)) this.best = table;
  }

  /** What a tag does to the tables: opens or closes a table, a row or a cell; <br> is a space. */
  onTag(tag: Tag): void {
    const table = this.open.at(-1);
    switch (tag.name) {
      case 'table':
        if (!tag.closing) this.openTable();
        else if (table) this.closeTable();
        break;
      case 'tr':
        if (!table) break;
        this.closeRow(table);
        if (!tag.closing) table.row = [];
        break;
      case 'td':
      case 'th':
        if (!table) break;
        this.closeCell(table);
        if (!tag.closing) {
          table.row ??= [];
          table.cell = [];
          table.cellSpan = { colspan: span(tag.attributes.get('colspan'), 1000), rowspan: span(tag.attributes.get('rowspan'), 65534) };
        }
        break;
      case 'thead':
      case 'tbody':
      case 'tfoot':
        if (table) this.closeRow(table);
        break;
      case 'br':
        if (table?.cell) table.cell.push(' ');
        break;
      default:
        break;
    }
  }
}

/**
 * Where reading goes on after what starts at text[i] (a '<') when it is no tag: a comment, a
 * doctype or processing instruction, or a '<' that is text ('text'); -1 when the page ends first;
 * undefined when a tag starts here.
 */
function skipMarkup(text: string, i: number): number | 'text' | undefined {
  const next = text[i + 1] ?? '';
  if (text.startsWith('<!--', i)) {
    const close = text.indexOf('-->', i + 4);
    return close < 0 ? -1 : close + 3;
  }
  if (next === '!' || next === '?' || (next === '/' && !/[A-Za-z]/.test(text[i + 2] ?? ''))) {
    // A doctype, processing instruction or bogus comment: up to the next '>'.
    const close = text.indexOf('>', i + 1);
    return close < 0 ? -1 : close + 1;
  }
  return /[A-Za-z/]/.test(next) ? undefined : 'text';
}

/** Past the end tag of a raw-text element (script, style and the like hold no cells), or -1 when there is none. */
function skipRawText(text: string, name: string, from: number): number {
  const closer = new RegExp(`</${name}[\\s/>]`, 'gi');
  closer.lastIndex = from;
  const found = closer.exec(text);
  if (!found) return -1;
  const close = text.indexOf('>', found.index);
  return close < 0 ? text.length : close + 1;
}

/** readHtmlTable's work: a linear tokenizer over the page feeding the tables' tags and text. */
function readTables(text: string): { rows: string[][] } | { problem: DecodeProblem } {
  const tables = new Tables();
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const textEnd = lt < 0 ? text.length : lt;
    const top = tables.open.at(-1);
    if (textEnd > i && top?.cell) top.cell.push(text.slice(i, textEnd));
    if (lt < 0) break;
    const skipped = skipMarkup(text, lt);
    if (skipped === 'text') {
      // A '<' that starts no tag is text.
      if (top?.cell) top.cell.push('<');
      i = lt + 1;
      continue;
    }
    if (skipped !== undefined) {
      if (skipped < 0) break;
      i = skipped;
      continue;
    }
    const tag = readTag(text, lt);
    if (!tag) break; // The page ends inside a tag: a browser drops the tag too.
    i = tag.end;
    if (!tag.closing && RAW_TEXT_ELEMENTS.has(tag.name)) {
      i = skipRawText(text, tag.name, i);
      if (i < 0) break;
      continue;
    }
    tables.onTag(tag);
  }
  while (tables.open.length > 0) tables.closeTable();
  if (!tables.best) {
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
  return { rows: tables.best.rows };
}
