// The strict workbook reader (engine/import/xlsx-grids.ts, with Node's zlib) against exceljs, the
// reader it stands in for: every workbook it takes gives exactly exceljs's grids but for the cells
// exceljs misreads (ISO dates, number cells that are not numbers), and what it does not know it
// leaves to exceljs (undefined).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Grid } from '../../../engine/import/read-file.js';
import { readXlsxGridsExceljs } from '../../../engine/import/xlsx-read.js';
import { readXlsxGridsFast } from '../../../engine/node/xlsx-grids.js';
import { zipOf } from '../../xlsx-raw.js';

const fixtures = join(import.meta.dirname, '../../fixtures');

/** A workbook's grids as readGrids reads them with exceljs. */
async function exceljsGrids(bytes: Uint8Array): Promise<Grid[]> {
  const read = await readXlsxGridsExceljs(bytes, 'book.xlsx');
  if ('problem' in read) throw new Error(read.problem.message.en);
  return read.grids;
}

/** Every .xlsx under a folder. */
function workbooks(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.xlsx'))
    .map((e) => join(e.parentPath, e.name));
}

/** A one-sheet workbook whose sheetData (and what follows it) is given as XML, with one shared string "ก" and a percent style (s="1"). */
function rawBook(sheetData: string, after = ''): Promise<Uint8Array> {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rels = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zipOf({
    '[Content_Types].xml': `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rels}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0"?><workbook xmlns="${main}" xmlns:r="${rels}"><sheets><sheet name="otop" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rels}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rels}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${rels}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/styles.xml': `<?xml version="1.0"?><styleSheet xmlns="${main}"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="9"/></cellXfs></styleSheet>`,
    'xl/sharedStrings.xml': `<?xml version="1.0"?><sst xmlns="${main}" count="1" uniqueCount="1"><si><t>ก</t></si></sst>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><worksheet xmlns="${main}"><sheetData>${sheetData}</sheetData>${after}</worksheet>`,
  });
}

describe('readXlsxGridsFast', () => {
  it('reads every workbook of the test fixtures as exceljs does (or leaves it to exceljs)', async () => {
    const files = workbooks(fixtures);
    expect(files.length).toBeGreaterThan(20);
    let taken = 0;
    for (const file of files) {
      const bytes = readFileSync(file);
      const fast = readXlsxGridsFast(bytes);
      if (!fast) {
        // Only the zip that is not a workbook is left to exceljs, which refuses it.
        expect(file).toMatch(/zipped-not-workbook/);
        continue;
      }
      taken++;
      expect(fast, file).toEqual(await exceljsGrids(bytes));
    }
    expect(taken).toBe(files.length - 1);
  });

  it('reads formats, formulas, merged cells, rich text, dates and hidden sheets as exceljs does', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('otop');
    sheet.addRow(['ตารางสรุป OTOP', null, null, null]);
    sheet.addRow(['id', 'newProducts', 'salesGrowthPct', 'note']);
    sheet.addRow(['หน่วย ก', 5, 0.955, { richText: [{ text: 'ตัว', font: { bold: true } }, { text: 'หนา' }] }]);
    sheet.addRow(['0012', '1,234', { formula: 'B3*2', result: 0.05 }, { formula: 'A3', result: 'ข้อความ' }]);
    sheet.addRow(['b', { formula: 'B9', result: { error: '#N/A' } }, { formula: 'C9' }, { formula: 'TRUE()', result: true }]);
    sheet.addRow(['d', new Date(Date.UTC(2024, 3, 19)), true, 'a & <b> "c"']);
    sheet.addRow(['m', 0.5, null, null]);
    sheet.getCell('C3').numFmt = '0.0%';
    sheet.getCell('C4').numFmt = '0%';
    sheet.getCell('B3').numFmt = '"%"0';
    sheet.getCell('B7').numFmt = '0%';
    sheet.mergeCells('A1:D1');
    // A number merged over cells of other formats: each reads it in its own (as exceljs loads it).
    sheet.mergeCells('B7:D7');
    sheet.getCell('D7').numFmt = '0.00%';
    book.addWorksheet('hidden', { state: 'hidden' }).addRow(['x']);
    book.addWorksheet('ว่าง');
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const fast = readXlsxGridsFast(bytes);
    expect(fast).toBeDefined();
    expect(fast).toEqual(await exceljsGrids(bytes));
    expect(fast![0]!.cells[0]).toEqual(['ตารางสรุป OTOP', 'ตารางสรุป OTOP', 'ตารางสรุป OTOP', 'ตารางสรุป OTOP']);
    expect(fast![0]!.cells[2]).toEqual(['หน่วย ก', 5, { percentOf: 0.955 }, 'ตัวหนา']);
    expect(fast![0]!.cells[6]).toEqual(['m', { percentOf: 0.5 }, { percentOf: 0.5 }, { percentOf: 0.5 }]);
    expect(fast!.map((g) => g.name)).toEqual(['otop', 'ว่าง']);
  });

  it('reads dates of a 1904 workbook as exceljs does', async () => {
    const book = new ExcelJS.Workbook();
    book.properties.date1904 = true;
    const sheet = book.addWorksheet('otop');
    sheet.addRow(['id', 'when']);
    sheet.addRow(['a', new Date(Date.UTC(2024, 3, 19))]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const fast = readXlsxGridsFast(bytes);
    expect(fast).toEqual(await exceljsGrids(bytes));
    expect(fast![0]!.cells[1]![1]).toBe('2024-04-19 00:00:00');
  });

  it('reads inline strings and escapes as Excel writes them', async () => {
    const bytes = await rawBook('<row r="1"><c r="A1" t="inlineStr"><is><r><t>หน่วย</t></r><r><t xml:space="preserve"> ก</t></r></is></c><c r="B1" s="1"><v>0.25</v></c><c r="C1" t="s"><v>0</v></c><c r="D1" t="str"><f>A1</f><v>x&amp;y</v></c></row>');
    expect(readXlsxGridsFast(bytes)).toEqual([{ name: 'otop', cells: [['หน่วย ก', { percentOf: 0.25 }, 'ก', 'x&y']] }]);
  });

  it('reads a merged number in the format of each cell it covers, as exceljs loads it', async () => {
    const bytes = await rawBook('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>0.25</v></c><c r="C1"/></row>', '<mergeCells count="1"><mergeCell ref="B1:C1"/></mergeCells>');
    const fast = readXlsxGridsFast(bytes);
    expect(fast).toEqual([{ name: 'otop', cells: [['ก', { percentOf: 0.25 }, 0.25]] }]);
    expect(fast).toEqual(await exceljsGrids(bytes));
  });

  it('reads an ISO date cell as its date and a number cell that is not a number as its text, where exceljs reads numbers', async () => {
    const bytes = await rawBook('<row r="1"><c r="A1" t="d"><v>2024-04-19T00:00:00Z</v></c><c r="B1"><v>1,5</v></c><c r="C1"><v>12abc</v></c></row>');
    expect(readXlsxGridsFast(bytes)).toEqual([{ name: 'otop', cells: [['2024-04-19 00:00:00', '1,5', '12abc']] }]);
    expect(await exceljsGrids(bytes)).toEqual([{ name: 'otop', cells: [[2024, 1, 12]] }]);
  });

  it('leaves to exceljs what it does not read: phonetic runs, cells without an address, a missing string, unknown cell types', async () => {
    for (const row of [
      '<row r="1"><c r="A1" t="inlineStr"><is><t>ก</t><rPh sb="0" eb="1"><t>ข</t></rPh></is></c></row>',
      '<row r="1"><c t="s"><v>0</v></c></row>',
      '<row r="1"><c r="A1" t="s"><v>7</v></c></row>',
      '<row r="1"><c r="A1" t="x"><v>7</v></c></row>',
    ]) {
      expect(readXlsxGridsFast(await rawBook(row)), row).toBeUndefined();
    }
  });
});
