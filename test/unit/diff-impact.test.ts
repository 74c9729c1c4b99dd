import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundaryCases, casesToCsv, csvCell } from '../../engine/cases.js';
import { diffRubrics } from '../../engine/diff.js';
import { impactOf, OUTCOMES } from '../../engine/impact.js';
import { readRubricFile } from '../../engine/node/rubric-files.js';
import { generateRows } from '../../bench/rows.js';
import { shippedRubric } from '../helpers.js';

// A 2567-Q4 draft derived from 2567-Q3, kept as a fixture: otop's B raised to > 3.5 and its D
// closed to <= 2; community-fund's item-3 hole closed and ระนอง added to the exemption.
const q4 = (mission: string) => readRubricFile(join(import.meta.dirname, `../fixtures/2567-Q4/${mission}.yaml`));

describe('diffRubrics', () => {
  it('states each threshold change criterion by criterion, in Thai and English', () => {
    const changes = diffRubrics(shippedRubric('otop').rubric, q4('otop').rubric!);
    const english = changes.map((c) => c.message.en);
    expect(english).toContain('level B of criterion "Sales growth" went from > 3 to > 3.5');
    expect(english).toContain('level D of criterion "Sales growth" went from < 2 to <= 2');
    expect(english).toContain('reporting round 1 (due) went from 19 April 2024 to 19 July 2024');
    const thai = changes.find((c) => c.path === '/criteria/1/bands/1')!.message.th;
    expect(thai).toBe('ระดับ B ของตัวชี้วัด "ยอดจำหน่ายเพิ่มขึ้น" เปลี่ยนจาก > 3 เป็น > 3.5');
    expect(changes.find((c) => c.path === '/reporting/rounds/0/due')!.message.th).toContain('19 ก.ค. 2567');
    // status and revision are bookkeeping, not criteria
    expect(changes.some((c) => c.path === '/status' || c.path === '/revision')).toBe(false);
  });

  it('names an exemption list change by what it gains and loses', () => {
    const changes = diffRubrics(shippedRubric('community-fund').rubric, q4('community-fund').rubric!);
    expect(changes.map((c) => c.message.en)).toEqual(
      expect.arrayContaining([
        'exemption "Provinces without a fiscal-2567 target for production savings groups (กข.คจ.)": the province list gains ระนอง',
        'the 8-point band of criterion "3) Households that reduced debt and raised income" went from 60 – 65 to 60 – 65.99',
      ]),
    );
  });

  it('matches criteria by id, so reordering them is no change of thresholds', () => {
    const { rubric } = shippedRubric('otop');
    const reordered = { ...rubric, criteria: [...rubric.criteria!].reverse() };
    expect(diffRubrics(rubric, reordered)).toEqual([]);
    const removed = { ...rubric, criteria: rubric.criteria!.slice(0, 1) };
    expect(diffRubrics(rubric, removed).map((c) => [c.kind, c.subject])).toEqual([['removed', 'criterion salesGrowth']]);
  });
});

describe('impactOf', () => {
  const before = shippedRubric('otop');
  const after = q4('otop');
  const rows = generateRows(before.rubric, 878, 2567).map((row, i) => (i % 50 === 0 ? { ...row, salesGrowthPct: 2 } : row));
  const impact = impactOf(before.compiled, after.compiled!, rows);

  it('counts every row once in the transition matrix', () => {
    const total = OUTCOMES.reduce((n, from) => n + OUTCOMES.reduce((m, to) => m + impact.matrix[from][to], 0), 0);
    expect(total).toBe(878);
    expect(impact.rows).toBe(878);
  });

  it('moves exactly the rows the two changes touch, and says why', () => {
    // Worked out from the thresholds alone: 2.00 % was a hole and is now D (a unit with fewer than
    // three products was D either way, so it does not move); growth in (3, 3.5] was B for sales
    // and is now C, which lowers units that were B or better on products.
    const expected = rows.flatMap((row) => {
      const products = row.newProducts;
      const growth = row.salesGrowthPct;
      if (typeof products !== 'number' || typeof growth !== 'number') return [];
      const p = products >= 5 ? 0 : products >= 4 ? 1 : products >= 3 ? 2 : 3;
      if (growth === 2) return p === 3 ? [] : [{ id: row.id, from: 'unmatched', to: 'D' }];
      if (growth > 3 && growth <= 3.5 && p <= 1) return [{ id: row.id, from: 'B', to: 'C' }];
      return [];
    });
    expect(expected.length).toBeGreaterThan(20);
    expect(impact.moves.map((m) => ({ id: m.id, from: m.from, to: m.to }))).toEqual(expected);
    expect(impact.matrix.unmatched.D).toBe(expected.filter((e) => e.from === 'unmatched').length);
    const move = impact.moves.find((m) => m.from === 'B')!;
    expect(move.reasonTo.en).toMatch(/^C, the worst of/);
    expect(impact.to).toMatchObject({ mission: 'otop', period: '2567-Q4' });
  });
});

describe('boundaryCases', () => {
  it('lists each threshold just below, on and just above at the precision, with the grade each gets', () => {
    const { rubric, compiled } = shippedRubric('otop');
    const sheet = boundaryCases(rubric, compiled);
    const sales = sheet.filter((c) => c.fact === 'salesGrowthPct' && c.threshold.startsWith('> 2'));
    expect(sales.map((c) => [c.position, c.value, c.status, c.grade])).toEqual([
      ['below', 1.99, 'graded', 'D'],
      ['on', 2, 'unmatched', null],
      ['above', 2.01, 'graded', 'C'],
    ]);
    const products = sheet.filter((c) => c.fact === 'newProducts' && c.threshold === '>= 4');
    expect(products.map((c) => [c.value, c.grade])).toEqual([
      [3, 'C'],
      [4, 'B'],
      [5, 'A'],
    ]);
  });

  it('reaches a ratio threshold through its numerator and denominator', () => {
    const { rubric, compiled } = shippedRubric('bmn');
    const sheet = boundaryCases(rubric, compiled);
    const at80 = sheet.filter((c) => c.threshold === '>= 80');
    expect(at80.map((c) => [c.value, c.facts.villagesVerified, c.facts.villagesTarget, c.grade])).toEqual([
      [79.99, 7999, 10000, 'C'],
      [80, 8000, 10000, 'B'],
      [80.01, 8001, 10000, 'B'],
    ]);
  });

  it('writes a CSV that is also a data file, with formula-like cells neutralised', () => {
    const { rubric, compiled } = shippedRubric('otop');
    const csv = casesToCsv(rubric, boundaryCases(rubric, compiled));
    expect(csv.split('\n')[0]).toBe('id,newProducts,salesGrowthPct,target,threshold,position,value,status,grade,score,reason_th,reason_en');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('-1.5')).toBe('-1.5');
    expect(csvCell('a,b')).toBe('"a,b"');
  });
});

describe('diffRubrics on removals', () => {
  it('names the criterion and the band that were removed, not what now sits at their place', () => {
    const { rubric } = shippedRubric('community-fund');
    const [first, second, third] = rubric.criteria!;
    const withoutSecond = { ...rubric, criteria: [first!, third!] };
    const removed = diffRubrics(rubric, withoutSecond).filter((c) => c.kind === 'removed');
    expect(removed.map((c) => [c.subject, c.message.th.startsWith(`ลบ ตัวชี้วัด "${second!.label.th}"`)])).toEqual([[`criterion ${second!.id}`, true]]);
    const otop = shippedRubric('otop').rubric;
    const growth = otop.criteria![1]!;
    const withoutD = { ...otop, criteria: [otop.criteria![0]!, { ...growth, bands: growth.bands.slice(0, 3) }] };
    const band = diffRubrics(otop, withoutD).find((c) => c.kind === 'removed')!;
    expect(band.message.th).toBe('ลบ ระดับ D ของตัวชี้วัด "ยอดจำหน่ายเพิ่มขึ้น": < 2 → D');
  });
});
