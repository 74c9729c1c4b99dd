import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeRows } from '../../engine/evaluate.js';
import { rowsFromTable } from '../../engine/tabular.js';
import { readWorkbook, resultsToCsv, safeText, writeResultsWorkbook } from '../../engine/workbook.js';
import { shippedRubric } from '../helpers.js';
import { districts, nationalSample, sampleCsv } from '../sample/national.js';

const fixtures = join(import.meta.dirname, '../fixtures/national');

describe('the national sample', () => {
  it('has the 878 districts of the 76 provinces with a CDD office, and no Bangkok', () => {
    const areas = districts();
    expect(areas).toHaveLength(878);
    expect(new Set(areas.map((a) => a.province)).size).toBe(76);
    expect(areas.some((a) => a.province === 'กรุงเทพมหานคร')).toBe(false);
    expect(areas.filter((a) => a.province === 'ขอนแก่น')).toHaveLength(26);
  });

  it('is reproduced exactly by its generator', () => {
    for (const { rubric, rows } of nationalSample()) {
      expect(sampleCsv(rubric, rows)).toBe(readFileSync(join(fixtures, `national-2567-Q3-${rubric.mission}.csv`), 'utf8'));
    }
  });

  it('gives every reachable level and some rows in the letter\'s holes', () => {
    const seen = new Map<string, Set<string>>();
    for (const { rubric, rows } of nationalSample()) {
      const outcomes = new Set<string>(gradeRows(shippedRubric(rubric.mission).compiled, rows).map((r) => (r.status === 'graded' ? r.grade! : r.status)));
      seen.set(rubric.mission, outcomes);
      const expected = rubric.mission === 'thai-textile' ? ['B', 'C', 'D'] : ['A', 'B', 'C', 'D'];
      for (const level of expected) expect(outcomes.has(level), `${rubric.mission} ${level}`).toBe(true);
    }
    for (const mission of ['otop', 'women-fund', 'community-fund', 'pracharat']) expect(seen.get(mission)!.has('unmatched'), mission).toBe(true);
  });

  it('reads the committed workbook: a sheet per mission with the same rows as the CSV', async () => {
    const book = await readWorkbook(readFileSync(join(fixtures, 'national-2567-Q3.xlsx')), 'national.xlsx');
    if (!book.ok) throw new Error(JSON.stringify(book.problems));
    const sheets = book.sheets;
    expect(sheets.map((s) => s.name).sort()).toEqual(nationalSample().map((s) => s.rubric.mission).sort());
    const otop = shippedRubric('otop');
    const sheet = sheets.find((s) => s.name === 'otop')!;
    const fromSheet = rowsFromTable('x', sheet.header, sheet.records, otop.rubric.facts!);
    if (!fromSheet.ok) throw new Error(JSON.stringify(fromSheet.problems));
    expect(fromSheet.rows).toHaveLength(878);
    expect(fromSheet.problems).toEqual([]);
    const grades = (rows: Record<string, unknown>[]) => gradeRows(otop.compiled, rows).map((r) => r.grade ?? r.status);
    const csvRows = nationalSample().find((s) => s.rubric.mission === 'otop')!.rows;
    expect(grades(fromSheet.rows)).toEqual(grades(csvRows));
  });
});

describe('writeResultsWorkbook', () => {
  it('writes Thai headers, the rubric version and digest, and never a formula', async () => {
    const { rubric, compiled } = shippedRubric('otop');
    const results = gradeRows(compiled, [
      { id: '=HYPERLINK("http://x")', newProducts: 5, salesGrowthPct: 4.5 },
      { id: '@SUM(1)', newProducts: 1, salesGrowthPct: 2 },
    ]);
    const bytes = await writeResultsWorkbook([{ ref: compiled.model.ref, name: rubric.name, results }]);
    const book = await readWorkbook(bytes, 'out.xlsx');
    if (!book.ok) throw new Error(JSON.stringify(book.problems));
    const sheets = book.sheets;
    expect(sheets.map((s) => s.name)).toEqual(['เกณฑ์ (rubrics)', 'otop']);
    const otop = sheets[1]!;
    expect(otop.header.slice(0, 7)).toEqual(['รหัสหน่วยงาน (id)', 'จังหวัด (province)', 'อำเภอ (district)', 'สถานะ', 'status', 'ระดับ (grade)', 'คะแนน (score)']);
    expect(otop.records[0]!.slice(3, 6)).toEqual(['ได้ระดับ', 'graded', 'A']);
    expect(otop.records[1]!.slice(3, 5)).toEqual(['ได้ระดับ', 'graded']);
    expect(otop.records[0]![0]).toBe('\'=HYPERLINK("http://x")');
    expect(otop.records[1]![0]).toBe("'@SUM(1)");
    expect(otop.records[0]!.slice(9, 13)).toEqual(['otop', '2567-Q3', 1, compiled.model.ref.digest]);
    expect(sheets[0]!.records[0]).toEqual(['otop', rubric.name.th, '2567-Q3', 1, compiled.model.ref.digest, 2]);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    workbook.getWorksheet('otop')!.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeFalsy()));
    const csv = resultsToCsv(results);
    expect(csv.startsWith('\uFEFFรหัสหน่วยงาน (id),')).toBe(true);
    expect(csv.split('\r\n')[1]!.startsWith(`"'=HYPERLINK(""http://x"")"`)).toBe(true);
  });
  it('leaves numbers and plain text alone', () => {
    expect(safeText('-5')).toBe('-5');
    expect(safeText('+66 81')).toBe("'+66 81");
    expect(safeText('ลำปาง')).toBe('ลำปาง');
  });
});
