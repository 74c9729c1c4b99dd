// A blank template filled in as a provincial office fills it in, read back by the one reader and
// graded: the grades must be those of the same data typed by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeRows } from '../../engine/evaluate.js';
import { readGrids, readMission } from '../../engine/import/read-file.js';
import { cjsDefault } from '../../engine/interop.js';
import { FIRST_DATA_ROW, HEADER_ROW, buildTemplate } from '../../engine/template.js';
import { gradableRubrics } from '../helpers.js';

const ExcelJS = cjsDefault<typeof import('exceljs')>(await import('exceljs'));
const graded = new Map(gradableRubrics().map((r) => [r.rubric.mission, r]));

/** What an office types into each cell, by fact id, beside the typed value it means. */
const FILLED: Record<string, { typed: Record<string, unknown>[]; written: Record<string, unknown>[] }> = {
  otop: {
    typed: [
      { newProducts: 5, salesGrowthPct: 4.5 },
      { newProducts: 2, salesGrowthPct: 2 },
      { newProducts: 4, salesGrowthPct: 3.01 },
    ],
    // Thai digits typed as text, a number typed into the percent column as the percentage itself.
    written: [
      { newProducts: '๕', salesGrowthPct: 4.5 },
      { newProducts: 2, salesGrowthPct: '๒.๐๐' },
      { newProducts: 4, salesGrowthPct: '3.01%' },
    ],
  },
  'community-fund': {
    typed: [
      { province: 'ภูเก็ต', memberGrowthPct: 1, debtReliefPct: 68 },
      { province: 'ลำปาง', savingsGroupsPct: 95, memberGrowthPct: 0.8, debtReliefPct: 62 },
    ],
    written: [
      { province: 'ภูเก็ต', memberGrowthPct: 1, debtReliefPct: 68 },
      { province: 'ลำปาง', savingsGroupsPct: '๙๕', memberGrowthPct: 0.8, debtReliefPct: 62 },
    ],
  },
  pracharat: {
    typed: [
      { followsPlan: true, hasRevenue: true, controlsCost: true },
      { followsPlan: false, hasRevenue: true, controlsCost: false },
    ],
    written: [
      { followsPlan: 'ใช่', hasRevenue: 'ใช่', controlsCost: 'ใช่' },
      { followsPlan: 'ไม่ใช่', hasRevenue: 'ใช่', controlsCost: 'ไม่ใช่' },
    ],
  },
};

describe('a blank template filled in by an office', () => {
  it('reads back and grades as the same data typed by hand', async () => {
    const rubrics = [...Object.keys(FILLED)].map((m) => graded.get(m)!.rubric);
    const built = await buildTemplate(rubrics, { period: '2567-Q3' });
    if ('problem' in built) throw new Error(built.problem.message.en);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(built.bytes as unknown as ArrayBuffer);
    for (const [mission, { written }] of Object.entries(FILLED)) {
      const sheet = workbook.getWorksheet(mission)!;
      const header = Array.from(sheet.getRow(HEADER_ROW).values as unknown[], (v) => String(v ?? ''));
      const columnOf = (id: string): number => header.findIndex((h) => h.endsWith(`(${id})`));
      written.forEach((row, i) => {
        const line = sheet.getRow(FIRST_DATA_ROW + i);
        line.getCell(columnOf('id')).value = `${mission}-${i + 1}`;
        if (columnOf('district') > 0) line.getCell(columnOf('district')).value = 'เมือง';
        if (!('province' in row) && columnOf('province') > 0) line.getCell(columnOf('province')).value = 'ลำปาง';
        for (const [fact, value] of Object.entries(row)) line.getCell(columnOf(fact)).value = value as string | number;
      });
    }
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);

    const grids = await readGrids(bytes, 'filled.xlsx');
    if ('problem' in grids) throw new Error(grids.problem.message.en);
    for (const [mission, { typed }] of Object.entries(FILLED)) {
      const { rubric, compiled } = graded.get(mission)!;
      const read = readMission(grids, rubric, { source: 'filled.xlsx' });
      if ('problem' in read) throw new Error(read.problem.message.en);
      expect(read.sheet).toBe(mission);
      expect(read.table.report.numbered).toBe(false);
      expect(read.table.report.missingFacts).toEqual([]);
      const fromFile = gradeRows(compiled, read.table.rows, read.table);
      const byHand = gradeRows(compiled, typed.map((facts, i) => ({ id: `${mission}-${i + 1}`, ...facts })));
      expect(fromFile.map((r) => [r.id, r.status, r.grade, r.score])).toEqual(byHand.map((r) => [r.id, r.status, r.grade, r.score]));
      expect(fromFile.every((r) => r.status === 'graded')).toBe(true);
      expect(fromFile[0]!.place.province).toMatch(/^(ภูเก็ต|ลำปาง)$/);
    }
  });
});

describe('the national sample through the office reader', () => {
  it('grades every mission exactly as its typed rows do', async () => {
    const fixtures = join(import.meta.dirname, '../fixtures/national');
    for (const { rubric, compiled } of graded.values()) {
      const file = join(fixtures, `national-2567-Q3-${rubric.mission}.csv`);
      const grids = await readGrids(readFileSync(file), file);
      if ('problem' in grids) throw new Error(grids.problem.message.en);
      const read = readMission(grids, rubric, { source: file });
      if ('problem' in read) throw new Error(read.problem.message.en);
      expect(read.table.report.conversions, rubric.mission).toEqual([]);
      const csv = readFileSync(file, 'utf8').trim().split('\n');
      const header = csv[0]!.split(',');
      // The typed rows: plain numbers and true/false, as the sample generator wrote them.
      const typed = csv.slice(1).map((line) => {
        const cells = line.split(',');
        const row: Record<string, unknown> = {};
        header.forEach((h, i) => {
          const cell = cells[i] ?? '';
          if (cell === '') return;
          row[h] = h === 'id' || h === 'province' || h === 'district' ? cell : cell === 'true' ? true : cell === 'false' ? false : Number.isNaN(Number(cell)) ? cell : Number(cell);
        });
        return row;
      });
      const a = gradeRows(compiled, read.table.rows, read.table).map((r) => [r.id, r.status, r.grade, r.score]);
      const b = gradeRows(compiled, typed).map((r) => [r.id, r.status, r.grade, r.score]);
      expect(a.length).toBe(878);
      expect(a).toEqual(b);
    }
  });
});
