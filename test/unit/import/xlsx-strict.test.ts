// The strict workbook reader never reads a cell as another value: an ISO date cell (t="d") is its
// date's text, a number cell whose text is not a number keeps its text; and a workbook it leaves to
// exceljs is refused, naming the sheet and the cell, when exceljs would misread a cell of it.
// Both inflaters (Node's zlib, DecompressionStream as in the browser) read alike.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readGrids, readMission } from '../../../engine/import/read-file.js';
import { nodeInflater } from '../../../engine/node/xlsx-grids.js';
import { ZipWriter } from '../../../engine/node/zip-writer.js';
import { shippedRubric } from '../../helpers.js';

const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const rels = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A one-sheet workbook ("otop") of the given rows' XML, with one shared string "ก". */
async function book(rows: string): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const writer = new ZipWriter(out);
  const parts: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rels}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0"?><workbook xmlns="${main}" xmlns:r="${rels}"><sheets><sheet name="otop" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rels}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId3" Type="${rels}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/sharedStrings.xml': `<?xml version="1.0"?><sst xmlns="${main}" count="1" uniqueCount="1"><si><t>ก</t></si></sst>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><worksheet xmlns="${main}"><sheetData>${rows}</sheetData></worksheet>`,
  };
  for (const [name, text] of Object.entries(parts)) await writer.add(name, [text]);
  await writer.finish();
  return new Uint8Array(Buffer.concat(chunks));
}

const HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>newProducts</t></is></c><c r="C1" t="inlineStr"><is><t>salesGrowthPct</t></is></c></row>';
/** A data row whose sales growth cell (C2) is the given XML's attributes and value. */
const row = (c2: string, a2 = '<c r="A2" t="inlineStr"><is><t>u1</t></is></c>') => `${HEADER}<row r="2">${a2}<c r="B2"><v>5</v></c>${c2}</row>`;
/** A first cell the strict reader leaves to exceljs (an inline string with an extension list): the workbook's structure is not one it reads. */
const UNREAD_A2 = '<c r="A2" t="inlineStr"><is><t>u1</t></is><extLst/></c>';

/** The grids read with both inflaters, which must agree. */
async function read(bytes: Uint8Array) {
  const browser = await readGrids(bytes, 'book.xlsx');
  const node = await readGrids(bytes, 'book.xlsx', { inflate: nodeInflater });
  expect(browser).toEqual(node);
  return node;
}

describe('the strict workbook reader', () => {
  it('reads an ISO date cell as its date, and a non-number in a number cell as its text, never as a number', async () => {
    for (const [c2, cell] of [
      ['<c r="C2" t="d"><v>2024-04-19T00:00:00</v></c>', '2024-04-19 00:00:00'],
      ['<c r="C2" t="d"><v>2024-04-19T08:30:15.250Z</v></c>', '2024-04-19 08:30:15'],
      ['<c r="C2" t="d"><v>2024-04-19</v></c>', '2024-04-19 00:00:00'],
      ['<c r="C2" t="d"><v>2024-04-19T00:00:00+07:00</v></c>', '2024-04-19T00:00:00+07:00'],
      ['<c r="C2"><v>12abc</v></c>', '12abc'],
      ['<c r="C2"><v>1,5</v></c>', '1,5'],
      ['<c r="C2"><v>0x10</v></c>', '0x10'],
      ['<c r="C2"><f>A1</f><v>12abc</v></c>', '12abc'],
    ] as const) {
      const grids = await read(await book(row(c2)));
      expect('grids' in grids && grids.grids[0]!.cells[1], c2).toEqual(['u1', 5, cell]);
    }
  });

  it('makes an ISO date in a number column its cell error, naming the column, the cell and what was expected', async () => {
    const grids = await read(await book(row('<c r="C2" t="d"><v>2024-04-19T00:00:00</v></c>')));
    if ('problem' in grids) throw new Error(grids.problem.message.en);
    const { rubric } = shippedRubric('otop');
    const mission = readMission(grids, rubric, { source: 'book.xlsx' });
    if ('problem' in mission) throw new Error(mission.problem.message.en);
    const error = mission.table.cellErrors[0]![0]!;
    expect(error.fact).toBe('salesGrowthPct');
    expect(error.message.en).toContain('cell C2 (column "salesGrowthPct")');
    expect(error.message.en).toContain('expected a percentage');
    expect(error.message.en).toContain('not a date (this cell holds a date), found "2024-04-19 00:00:00"');
    expect(mission.table.rows[0]!.salesGrowthPct).toBeUndefined();
  });

  it('refuses a workbook left to exceljs when exceljs would misread a cell of it, naming the sheet and the cell', async () => {
    for (const [c2, type] of [
      ['<c r="C2" t="d"><v>2024-04-19T00:00:00</v></c>', 'an ISO date (t="d")'],
      ['<c r="C2"><v>12abc</v></c>', 'a number that is not a valid number'],
      ['<c r="C2" t="n"><f>A1</f><v>12abc</v></c>', 'a number that is not a valid number'],
      ['<c r="C2" t="x"><v>7</v></c>', 'a cell of unknown type t="x"'],
      // exceljs reads a <v> with attributes, a comment or CDATA in it, or several <v>, as something else (12, 2024, empty, 12).
      ['<c r="C2"><v xml:space="preserve">12abc</v></c>', 'a value written with markup'],
      ['<c r="C2"><v >2024-04-19</v></c>', 'a value written with markup'],
      ['<c r="C2" t="d"><v xml:space="preserve">2024-04-19T00:00:00</v></c>', 'a value written with markup'],
      ['<c r="C2"><v>12<!-- x -->abc</v></c>', 'a value written with markup'],
      ['<c r="C2"><v><![CDATA[12abc]]></v></c>', 'a value written with markup'],
      ['<c r="C2"><v>1</v><v>2</v></c>', 'a value written with markup'],
      // A shared-string index or a boolean exceljs would parseInt into another one.
      ['<c r="C2" t="s"><v>0abc</v></c>', 'a value that a cell of type t="s" cannot hold'],
      ['<c r="C2" t="b"><v>2</v></c>', 'a value that a cell of type t="b" cannot hold'],
    ] as const) {
      const grids = await read(await book(row(c2, UNREAD_A2)));
      expect('problem' in grids && grids.problem.code, c2).toBe('MISREAD_CELL');
      if (!('problem' in grids)) continue;
      expect(grids.problem.message.en).toContain(`cell C2 of sheet "otop"`);
      expect(grids.problem.message.en).toContain(type);
      expect(grids.problem.message.th).toContain('ช่อง C2 ของแผ่นงาน "otop"');
    }
  });

  it('still leaves to exceljs a workbook it does not read when no cell would be misread', async () => {
    const grids = await read(await book(row('<c r="C2"><v>4.5</v></c>', UNREAD_A2)));
    expect('grids' in grids ? grids.grids[0]!.cells[1]!.slice(1) : grids.problem).toEqual([5, 4.5]);
  });
});
