// The editor's made-up national sample: one row per district, the same rows every time, many near the thresholds.
import { describe, expect, it } from 'vitest';
import { comparisonSampleRows, nationalSampleRows, thresholdsOf } from '../../engine/sample-rows.js';
import { shippedRubric } from '../helpers.js';

describe('nationalSampleRows', () => {
  const { rubric } = shippedRubric('otop');

  it('makes one row per district office, with the same values every time', () => {
    const rows = nationalSampleRows(rubric);
    expect(rows).toHaveLength(878);
    expect(new Set(rows.map((r) => r.id)).size).toBe(878);
    expect(rows[0]).toMatchObject({ id: 'otop-0001', province: expect.any(String), district: expect.any(String) });
    expect(nationalSampleRows(rubric)).toEqual(rows);
  });

  it('puts many rows on or next to each threshold, where a change of threshold moves them', () => {
    const rows = nationalSampleRows(rubric);
    const [fact, values] = [...thresholdsOf(rubric)][0]!;
    const near = rows.filter((r) => values.some((t) => Math.abs(Number(r[fact]) - t) <= 0.021)).length;
    expect(near).toBeGreaterThan(100);
  });
});

describe('comparisonSampleRows', () => {
  const { rubric } = shippedRubric('otop');

  it('keeps the baseline\'s rows whatever the draft changes, and fills a fact only the draft declares', () => {
    const draft = structuredClone(rubric) as typeof rubric;
    draft.criteria![0]!.bands[0]!.value = 999;
    draft.facts = { ...draft.facts, newFact: { type: 'integer', label: { th: 'ใหม่', en: 'new' }, min: 0, max: 10 } as never };
    const rows = comparisonSampleRows(rubric, draft);
    const base = nationalSampleRows(rubric);
    expect(rows.map(({ newFact: _n, ...rest }) => rest)).toEqual(base);
    expect(rows.every((r) => Number.isInteger(r.newFact) && (r.newFact as number) >= 0 && (r.newFact as number) <= 10)).toBe(true);
    expect(comparisonSampleRows(rubric, rubric)).toEqual(base);
  });
});
