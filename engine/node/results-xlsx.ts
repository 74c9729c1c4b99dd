// The results workbook written as SpreadsheetML text straight into a deflating zip, row by row, for
// the CLI's --out results.xlsx: the sheets of resultSheets (engine/workbook.ts) as the browser's
// exceljs writer lays them out, without a cell or style object per value; a big sheet's XML is made
// and deflated by a worker thread (sheet-worker.ts) beside this one. Node-only: node:zlib.
import { columnLetter } from '../import/table-header.js';
import { CREATOR, resultSheets, type ResultSection, type ResultSheet } from '../workbook.js';
import { NUMBER_CELL, ROWS_PER_BATCH, SHARED_TEXT, SheetJob } from './sheet-worker.js';
import { NATIVE_CRC32, ZipWriter } from './zip-writer.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Rows of a sheet put into one piece of text handed to the zip: large enough to deflate well. */
const ROWS_PER_PIECE = 500;

/** Characters XML 1.0 cannot hold, an escape-like `_x0041_` that Excel would decode, and markup. */
const NEEDS_ESCAPE = /[&<>\x00-\x08\x0B\x0C\x0E-\x1F\x7F]|_x[0-9A-Fa-f]{4}_/;

/**
 * A text as XML character data that Excel and exceljs read back as the same text: markup as
 * entities; a control character as Excel's `_x0001_` escape (rather than dropped); and the `_` of
 * a literal `_x0041_` as `_x005F_`, so that it is not read back as "A".
 */
export function xmlText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[&<>\x00-\x08\x0B\x0C\x0E-\x1F\x7F]|_(?=x[0-9A-Fa-f]{4}_)/g, (ch) => {
    if (ch === '&') return '&amp;';
    if (ch === '<') return '&lt;';
    if (ch === '>') return '&gt;';
    return `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
  });
}

/** An attribute value in double quotes. */
function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;');
}

/** The workbook's texts, each kept once and written after the sheets that point at them. */
class SharedStrings {
  readonly #index = new Map<string, number>();
  /** Per column, the text of the row before and its index: a column often repeats it (mission, period, status). */
  readonly #lastText: (string | undefined)[] = [];
  readonly #lastIndex: number[] = [];
  readonly texts: string[] = [];
  count = 0;

  /** The index of a text written in a column, found without the table when the row before had the same. */
  inColumn(column: number, text: string): number {
    if (this.#lastText[column] === text) {
      this.count++;
      return this.#lastIndex[column]!;
    }
    const index = this.indexOf(text);
    this.#lastText[column] = text;
    this.#lastIndex[column] = index;
    return index;
  }

  indexOf(text: string): number {
    this.count++;
    let index = this.#index.get(text);
    if (index === undefined) {
      index = this.texts.length;
      this.#index.set(text, index);
      this.texts.push(text);
    }
    return index;
  }

  *xml(): Generator<string> {
    yield `${HEAD}<sst xmlns="${MAIN}" count="${this.count}" uniqueCount="${this.texts.length}">`;
    for (let i = 0; i < this.texts.length; i += 5000) {
      let piece = '';
      for (const text of this.texts.slice(i, i + 5000)) {
        // Leading or trailing spaces and line breaks are kept only when the text says so.
        piece += /^\s|\s$|\n/.test(text) ? `<si><t xml:space="preserve">${xmlText(text)}</t></si>` : `<si><t>${xmlText(text)}</t></si>`;
      }
      yield piece;
    }
    yield '</sst>';
  }
}

/** One row's cells: text through the shared strings, numbers as they are; `style` 1 is the bold header. */
function rowXml(cells: readonly (string | number)[], row: number, letters: readonly string[], strings: SharedStrings, style = ''): string {
  let xml = `<row r="${row}">`;
  for (let c = 0; c < cells.length; c++) {
    const value = cells[c]!;
    const at = `${letters[c] ?? columnLetter(c)}${row}`;
    if (typeof value === 'number') {
      // A result never holds NaN or Infinity; writing one would make a file Excel refuses.
      if (!Number.isFinite(value)) throw new Error(`cell ${at} holds ${value}, which a workbook cannot hold`);
      xml += `<c r="${at}"${style}><v>${value}</v></c>`;
    } else {
      xml += `<c r="${at}"${style} t="s"><v>${strings.inColumn(c, value)}</v></c>`;
    }
  }
  return xml + '</row>';
}

/** A worksheet's XML up to and with its bold header row. */
function sheetHead(sheet: ResultSheet, letters: readonly string[], strings: SharedStrings): string {
  let head = `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${RELS}">`;
  if (sheet.widths) head += `<cols>${sheet.widths.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`).join('')}</cols>`;
  return head + '<sheetData>' + rowXml(sheet.header, 1, letters, strings, ' s="1"');
}

/** What closes a worksheet's XML. */
const SHEET_TAIL = '</sheetData></worksheet>';

/** One worksheet's XML, made a few hundred rows at a time as the zip asks for it. */
function* sheetXml(sheet: ResultSheet, strings: SharedStrings): Generator<string> {
  const letters = sheet.header.map((_, i) => columnLetter(i));
  yield sheetHead(sheet, letters, strings);
  let row = 1;
  // Rows joined once per piece: one flat string to encode, not a long chain of concatenations.
  let piece: string[] = [];
  for (const cells of sheet.rows()) {
    piece.push(rowXml(cells, ++row, letters, strings));
    if (row % ROWS_PER_PIECE === 0) {
      yield piece.join('');
      piece = [];
    }
  }
  yield piece.join('') + SHEET_TAIL;
}

/**
 * One worksheet made by a worker (sheet-worker.ts): this thread reads each row's cells and puts
 * its texts in the shared strings, in the same order as sheetXml, and the worker writes the XML
 * and deflates it, so that the two run side by side. The bytes are those sheetXml makes.
 */
function sheetInWorker(sheet: ResultSheet, strings: SharedStrings, level: number): SheetJob {
  const letters = sheet.header.map((_, i) => columnLetter(i));
  const columns = sheet.header.length;
  const job = new SheetJob(sheetHead(sheet, letters, strings), letters, level);
  try {
    let kinds = new Uint8Array(ROWS_PER_BATCH * columns);
    let values = new Float64Array(ROWS_PER_BATCH * columns);
    let row = 1;
    let count = 0;
    for (const cells of sheet.rows()) {
      row++;
      if (cells.length > columns) throw new Error(`row ${row} has ${cells.length} cells, more than the ${columns} columns of its header`);
      for (let c = 0; c < cells.length; c++) {
        const value = cells[c]!;
        const at = count * columns + c;
        if (typeof value === 'number') {
          if (!Number.isFinite(value)) throw new Error(`cell ${letters[c]}${row} holds ${value}, which a workbook cannot hold`);
          kinds[at] = NUMBER_CELL;
          values[at] = value;
        } else {
          kinds[at] = SHARED_TEXT;
          values[at] = strings.inColumn(c, value);
        }
      }
      if (++count === ROWS_PER_BATCH) {
        job.rows(row - count + 1, count, kinds, values);
        kinds = new Uint8Array(ROWS_PER_BATCH * columns);
        values = new Float64Array(ROWS_PER_BATCH * columns);
        count = 0;
      }
    }
    if (count > 0) job.rows(row - count + 1, count, kinds, values);
  } catch (error) {
    job.stop();
    throw error;
  }
  return job;
}

/** A sheet with at least this many rows is made by a worker; a smaller one is not worth the worker's start. */
const ROWS_FOR_A_WORKER = 5000;

/** The parts that describe the package: content types, relationships, the workbook, its styles and properties. */
function packageParts(names: readonly string[], created: string): [string, string][] {
  const sheets = names.map((_, i) => i + 1);
  const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  return [
    [
      '[Content_Types].xml',
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="${type}.sheet.main+xml"/>` +
        sheets.map((n) => `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="${type}.worksheet+xml"/>`).join('') +
        `<Override PartName="/xl/styles.xml" ContentType="${type}.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${type}.sharedStrings+xml"/>` +
        `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
    ],
    [
      '_rels/.rels',
      `${HEAD}<Relationships xmlns="${PACKAGE_RELS}"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/>` +
        `<Relationship Id="rId2" Type="${PACKAGE_RELS}/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    ],
    [
      'docProps/core.xml',
      `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:creator>${xmlText(CREATOR)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`,
    ],
    [
      'xl/workbook.xml',
      `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${RELS}"><bookViews><workbookView/></bookViews><sheets>` +
        names.map((name, i) => `<sheet name="${xmlAttribute(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${HEAD}<Relationships xmlns="${PACKAGE_RELS}">` +
        sheets.map((n) => `<Relationship Id="rId${n}" Type="${RELS}/worksheet" Target="worksheets/sheet${n}.xml"/>`).join('') +
        `<Relationship Id="rId${names.length + 1}" Type="${RELS}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId${names.length + 2}" Type="${RELS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ],
    [
      'xl/styles.xml',
      // Two cell formats: 0 plain, 1 bold (the headers).
      `${HEAD}<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
    ],
  ];
}

/**
 * Writes the results workbook to a stream: the same sheets, headers, cells and column widths as
 * `writeResultsWorkbook`, made and deflated row by row. Every text is a shared string (an empty
 * text stays an empty text), never a formula. Resolves once the last byte is handed to the stream, which it leaves open.
 * `level`: deflate level; 1 by default, which makes a file the size exceljs made (5.6 MB for 75,000
 * rows) in about half the time of level 6 (4.3 MB). `workers: false` makes every sheet in this thread.
 */
export async function writeResultsXlsx(stream: NodeJS.WritableStream, sections: readonly ResultSection[], options: { level?: number; workers?: boolean } = {}): Promise<void> {
  const sheets = resultSheets(sections);
  const level = options.level ?? 1;
  const zip = new ZipWriter(stream, level);
  const created = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  for (const [name, text] of packageParts(sheets.map((s) => s.name), created)) await zip.add(name, [text]);
  const strings = new SharedStrings();
  // A big sheet's entry is written once its worker is done, after the sheets made here (a zip's entries may come in any order); the shared strings come last.
  const made: { name: string; job: SheetJob; tail?: string }[] = [];
  try {
    for (const [i, sheet] of sheets.entries()) {
      const name = `xl/worksheets/sheet${i + 1}.xml`;
      // The worker sums with zlib.crc32, which a Node before 20.15 lacks: there the sheet is made here.
      if (options.workers !== false && NATIVE_CRC32 && sheet.rowCount >= ROWS_FOR_A_WORKER) made.push({ name, job: sheetInWorker(sheet, strings, level) });
      else await zip.add(name, sheetXml(sheet, strings));
    }
    if (made.length === 0) {
      await zip.add('xl/sharedStrings.xml', strings.xml());
    } else {
      // With a sheet as big as that, the table is big too: its encoding and deflating go to a worker as well.
      const pieces = strings.xml();
      const table = new SheetJob(pieces.next().value as string, [], level);
      made.push({ name: 'xl/sharedStrings.xml', job: table });
      let tail = '';
      for (const piece of pieces) {
        if (tail) table.text(tail);
        tail = piece;
      }
      made.at(-1)!.tail = tail;
    }
    for (const { name, job, tail } of made) await zip.addDeflated(name, await job.finish(tail ?? SHEET_TAIL));
  } finally {
    // On success each worker has stopped already; on a failure (the disk full, a bad row) none may outlive the call.
    for (const { job } of made) job.stop();
  }
  await zip.finish();
}
