// A one-sheet workbook ("otop") written part by part, for tests that need cells as other programs
// store them (LibreOffice's ISO date cells, t="d"), which exceljs cannot write.
import { PassThrough } from 'node:stream';
import { ZipWriter } from '../engine/node/zip-writer.js';

const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const rels = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** One cell's XML: a string is an inline string, a number a number, [t, v] a cell of type t holding v. */
function cellXml(ref: string, value: string | number | [string, string]): string {
  if (Array.isArray(value)) return `<c r="${ref}" t="${value[0]}"><v>${value[1]}</v></c>`;
  if (typeof value === 'string') return `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
  return `<c r="${ref}"><v>${value}</v></c>`;
}

/** An .xlsx of one sheet named `sheet` holding the rows (at most 26 columns). */
export async function rawWorkbook(rows: (string | number | [string, string])[][], sheet = 'otop'): Promise<Uint8Array> {
  const body = rows.map((row, r) => `<row r="${r + 1}">${row.map((v, c) => cellXml(`${String.fromCharCode(65 + c)}${r + 1}`, v)).join('')}</row>`).join('');
  const parts: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rels}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${rels}"><sheets><sheet name="${sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rels}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${main}"><sheetData>${body}</sheetData></worksheet>`,
  };
  return zipOf(parts);
}

/** A zip of the given parts (name → text), as bytes. */
export async function zipOf(parts: Record<string, string>): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const writer = new ZipWriter(out);
  for (const [name, text] of Object.entries(parts)) await writer.add(name, [text]);
  await writer.finish();
  return new Uint8Array(Buffer.concat(chunks));
}

/** The OTOP rows of the report of issue "a date cell graded A": a sales growth stored as an ISO date. */
export const OTOP_DATE_ROWS: (string | number | [string, string])[][] = [
  ['id', 'province', 'district', 'newProducts', 'salesGrowthPct'],
  ['otop-0001', 'กระบี่', 'เกาะลันตา', 5, ['d', '2024-04-19T00:00:00']],
  ['otop-0002', 'กระบี่', 'เขาพนม', 16, -3.54],
];
