import { describe, expect, it } from 'vitest';
import { readGrids, readMission } from '../../../engine/import/read-file.js';
import { columnLetter, readTable, type Cell, type ReadTable } from '../../../engine/import/table.js';
import { cjsDefault } from '../../../engine/interop.js';
import type { Rubric } from '../../../engine/types.js';
import { TEST_RUBRIC_HEADER, rubricFromText, shippedRubric } from '../../helpers.js';

const otop = shippedRubric('otop').rubric;
const community = shippedRubric('community-fund').rubric;

function read(grid: Cell[][], rubric: Rubric = otop, options: { idColumn?: string; textSource?: boolean } = {}): ReadTable {
  const result = readTable(grid, rubric, { source: 'test.xlsx', ...options });
  if ('problem' in result) throw new Error(`${result.problem.code}: ${result.problem.message.en}`);
  return result;
}

const ALIASED = rubricFromText(`${TEST_RUBRIC_HEADER}facts:
  done:
    type: boolean
    label: { th: ดำเนินการแล้ว, en: Done }
    aliases: { column: ["1. ท่านดำเนินการตามแผนแล้วหรือไม่"], yes: [เสร็จแล้ว], no: [ยังไม่เสร็จ] }
  state:
    type: enum
    label: { th: สถานะ, en: State }
    values:
      - { value: full, label: { th: ครบ, en: Full }, aliases: [ครบถ้วน] }
      - { value: none, label: { th: ไม่มี, en: None } }
grade:
  type: truthTable
  columns: [done, state]
  rows:
    - { level: A, values: [true, full] }
    - { level: D, values: [false, none] }
`).rubric;

describe('columnLetter', () => {
  it('names columns as Excel does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('readTable', () => {
  describe('when the header sits below title rows and names facts by Thai label and by "(id)"', () => {
    it('finds it, and numbers cells from the file\'s own rows', () => {
      const table = read([
        ['รายงานผลการดำเนินงาน OTOP ไตรมาส ๓/๒๕๖๗'],
        [],
        ['รหัส', 'จังหวัด', ' จำนวนผลิตภัณฑ์ OTOP\nที่ลงทะเบียนเพิ่มขึ้นในไตรมาส ', 'ยอดจำหน่ายเพิ่มขึ้น (ร้อยละ) (salesGrowthPct)'],
        ['u1', 'จ.ลำปาง', 5, { percentOf: 0.04005 }],
        ['u2', 'Lampang', '3.5', 2],
      ]);
      expect(table.report.headerRow).toBe(3);
      expect(table.report.columns.map((c) => [c.letter, c.fact ?? c.role])).toEqual([
        ['A', 'id'],
        ['B', 'province'],
        ['C', 'newProducts'],
        ['D', 'salesGrowthPct'],
      ]);
      // 0.04005 under a percent format is 4.005 before rounding, never 4.0049999.
      expect(table.rows[0]).toEqual({ id: 'u1', newProducts: 5, salesGrowthPct: 4.005 });
      expect(table.units.map((u) => [u.id, u.province, u.line])).toEqual([
        ['u1', 'ลำปาง', 4],
        ['u2', 'ลำปาง', 5],
      ]);
      expect(table.cellErrors[1]).toEqual([expect.objectContaining({ code: 'NOT_AN_INTEGER', where: expect.objectContaining({ cell: 'C5' }), fact: 'newProducts' })]);
      expect(table.report.conversions.map((c) => [c.fact, c.kind, c.count])).toEqual([['salesGrowthPct', 'excel-percent', 1]]);
    });
  });

  describe('when a fact declares aliases', () => {
    it('matches a Google Form\'s question text as its column, and its own yes/no and value words', () => {
      const table = read(
        [
          ['ประทับเวลา', '1. ท่านดำเนินการตามแผนแล้วหรือไม่?', 'สถานะ'],
          ['2024/06/17 8:44:30', 'เสร็จแล้ว', 'ครบถ้วน'],
          ['2024/06/17 9:00:00', 'ยังไม่เสร็จ', 'Full'],
          ['2024/06/17 9:10:00', 'อาจจะ', 'ไม่มี'],
        ],
        ALIASED,
        { textSource: true },
      );
      expect(table.report.numbered).toBe(true);
      expect(table.report.ignoredColumns).toEqual(['ประทับเวลา']);
      expect(table.rows.slice(0, 2)).toEqual([
        { id: '#1', done: true, state: 'full' },
        { id: '#2', done: false, state: 'full' },
      ]);
      expect(table.cellErrors[2]).toEqual([expect.objectContaining({ code: 'UNKNOWN_WORD', where: { cell: 'B4', column: '1. ท่านดำเนินการตามแผนแล้วหรือไม่?' } })]);
      expect(table.report.conversions.map((c) => [c.fact, c.kind, c.count])).toEqual([
        ['done', 'boolean-word', 2],
        ['state', 'enum-label', 3],
      ]);
    });
  });

  describe('when the unit id column is chosen', () => {
    it('takes it by letter, and plain numbers in a CSV are no conversion', () => {
      const table = read(
        [
          ['ลำดับ', 'รหัสอำเภอ', 'newProducts', 'salesGrowthPct'],
          ['1', '5201', '5', '4.50'],
        ],
        otop,
        { idColumn: 'B', textSource: true },
      );
      expect(table.rows).toEqual([{ id: '5201', newProducts: 5, salesGrowthPct: 4.5 }]);
      expect(table.report.conversions).toEqual([]);
      expect(table.report.ignoredColumns).toEqual(['ลำดับ']);
    });
  });

  describe('when the file is not a table the mission can use', () => {
    it('says so in one problem, naming what was expected', () => {
      const noHeader = readTable([['สรุปผล'], ['a', 'b']], otop, { source: 'x.csv' });
      expect(noHeader).toEqual({ problem: { code: 'NO_HEADER', message: { th: expect.stringContaining('จำนวนผลิตภัณฑ์'), en: expect.stringContaining('newProducts') } } });
      const twice = readTable([['newProducts', 'จำนวนผลิตภัณฑ์ OTOP ที่ลงทะเบียนเพิ่มขึ้นในไตรมาส'], [1, 2]], otop, { source: 'x.csv' });
      expect(twice).toMatchObject({ problem: { code: 'DUPLICATE_COLUMN' } });
      expect(readTable([['newProducts', 'salesGrowthPct']], otop, { source: 'x.csv' })).toMatchObject({ problem: { code: 'NO_ROWS' } });
      expect(readTable([[], []], otop, { source: 'x.csv' })).toMatchObject({ problem: { code: 'EMPTY_SHEET' } });
    });

    it('refuses a percent-formatted cell for a fact that is no percentage', () => {
      const table = read([['newProducts', 'salesGrowthPct'], [{ percentOf: 0.05 }, 3]]);
      expect(table.cellErrors[0]).toEqual([expect.objectContaining({ code: 'NOT_A_NUMBER', where: expect.objectContaining({ cell: 'A2' }) })]);
    });
  });

  describe('with a province fact', () => {
    it('reads its column as the fact and as the unit\'s province', () => {
      const table = read([
        ['id', 'จังหวัด', 'memberGrowthPct', 'debtReliefPct'],
        ['p1', 'Phuket', 1, 68],
      ], community);
      expect(table.rows[0]).toEqual({ id: 'p1', province: 'ภูเก็ต', memberGrowthPct: 1, debtReliefPct: 68 });
      expect(table.units[0]!.province).toBe('ภูเก็ต');
      expect(table.report.missingFacts).toEqual(['savingsGroupsPct']);
    });
  });
});

describe('a percent column whose every value lies between 0 and 1', () => {
  it('is read as written, and the report asks whether they were fractions', () => {
    const table = read([['newProducts', 'salesGrowthPct'], [5, 0.045], [4, 0.031], [3, 0.02]]);
    expect(table.rows.map((r) => r.salesGrowthPct)).toEqual([0.045, 0.031, 0.02]);
    expect(table.report.fractionColumns).toEqual([{ fact: 'salesGrowthPct', letter: 'B', count: 3 }]);
    expect(read([['newProducts', 'salesGrowthPct'], [5, 4.5], [4, 0.5], [3, 0]]).report.fractionColumns).toEqual([]);
  });
});

describe('readMission on JSON', () => {
  it('reports the keys that name no fact and the facts no row has', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify([{ id: 'a', newProducts: 5, sales: 4 }]));
    const grids = await readGrids(bytes, 'rows.json');
    if ('problem' in grids) throw new Error(grids.problem.message.en);
    const read = readMission(grids, otop, { source: 'rows.json' });
    if ('problem' in read) throw new Error(read.problem.message.en);
    expect(read.table.report).toMatchObject({ ignoredColumns: ['sales'], missingFacts: ['salesGrowthPct'], numbered: false });
  });
});

describe('readGrids on an HTML ".xls" whose table is too large', () => {
  it('says TABLE_TOO_LARGE, not NO_TABLE: the page has a table, only too wide or too merged to read', async () => {
    const encode = (html: string) => new TextEncoder().encode(html);
    const wide = await readGrids(encode(`<table><tr>${'<td>1</td>'.repeat(17_000)}</tr></table>`), 'wide.xls');
    expect(wide).toMatchObject({ problem: { code: 'TABLE_TOO_LARGE', message: { en: expect.stringContaining('wider than 16,384 columns') } } });
    const merged = await readGrids(encode(`<table>${'<tr><td colspan="1000">x</td></tr>'.repeat(1_100)}</table>`), 'merged.xls');
    expect(merged).toMatchObject({ problem: { code: 'TABLE_TOO_LARGE' } });
    expect(await readGrids(encode('<html><body><p>ไม่มีตาราง</p></body></html>'), 'none.xls')).toMatchObject({ problem: { code: 'NO_TABLE' } });
  });
});

describe('readGrids on a workbook with a formula saved without its value', () => {
  it('reads the cell as empty (the row lacks the fact), never as the text "[object Object]"', async () => {
    const ExcelJS = cjsDefault<typeof import('exceljs')>(await import('exceljs'));
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('otop');
    sheet.addRow(['id', 'newProducts', 'salesGrowthPct']);
    sheet.addRow(['a', { formula: 'C3+1' }, 4.5]);
    sheet.addRow(['b', { formula: 'C2+1', result: 5 }, 4.5]);
    const grids = await readGrids(new Uint8Array(await book.xlsx.writeBuffer()), 'formulas.xlsx');
    if ('problem' in grids) throw new Error(grids.problem.message.en);
    expect(grids.grids[0]!.cells.slice(1).map((row) => row[1])).toEqual([null, 5]);
    const read = readMission(grids, otop, { source: 'formulas.xlsx' });
    if ('problem' in read) throw new Error(read.problem.message.en);
    expect(read.table.rows.map((r) => r.newProducts)).toEqual([undefined, 5]);
    expect(read.table.cellErrors).toEqual([undefined, undefined]);
  });
});
