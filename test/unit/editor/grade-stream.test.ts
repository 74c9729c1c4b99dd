// The grading worker's slices (grade-stream.ts) give the results of the page's own grading
// (gradeInChunks) row for row: ids shared across slices, rows without an id, cell errors and places.
import { describe, expect, it } from 'vitest';
import { gradeSlices } from '../../../editor/routes/p/[period]/preview/grade-stream.js';
import { gradeInChunks } from '../../../editor/routes/p/[period]/preview/grading.js';
import { shippedRubric } from '../../helpers.js';

type Row = Record<string, unknown>;

/** Rows of otop: some ids repeated far apart, some rows without an id, one with a cell error. */
function sample(count: number) {
  const rows: Row[] = [];
  for (let i = 0; i < count; i++) {
    const row: Row = Object.assign(Object.create(null) as Row, { newProducts: i % 17, salesGrowthPct: (i % 23) - 5 });
    if (i % 97 !== 5) row.id = i % 401 === 0 || i === 20 ? 'otop-shared' : i % 1009 === 3 ? `otop-${i % 50}` : `otop-${i}`;
    rows.push(row);
  }
  const cellErrors = rows.map((_, i) => (i === 7 ? [{ code: 'NOT_A_NUMBER', fact: 'salesGrowthPct', message: { th: 'x', en: 'x' } }] : undefined));
  const units = rows.map((_, i) => ({ id: String(i), line: i + 2, ...(i % 3 ? { province: 'กระบี่' } : {}) }));
  return { rows, cellErrors, units } as unknown as Parameters<typeof gradeInChunks>[1];
}

describe('gradeSlices', () => {
  it.each([30, 878, 4500])('gives the results of gradeInChunks for %i rows, in file order', async (count) => {
    const { compiled } = shippedRubric('otop');
    const data = sample(count);
    const whole = await gradeInChunks(compiled, data, () => {});
    const slices = [...gradeSlices(compiled, data)];
    expect(slices[0]!.start).toBe(0);
    expect(slices[0]!.results.length).toBe(Math.min(count, 50));
    const streamed = slices.flatMap((s) => s.results);
    expect(streamed.map((r) => r.toJSON())).toEqual(whole.map((r) => r.toJSON()));
    expect(streamed.some((r) => r.verdict.errors?.some((e) => e.code === 'DUPLICATE_ID'))).toBe(true);
  });
});
