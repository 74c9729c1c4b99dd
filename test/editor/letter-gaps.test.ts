import { describe, expect, it } from 'vitest';
import type { Finding } from '../../engine/analyze.js';
import { errorKeys, findingKey, splitErrors } from '../../engine/letter-gaps.js';

const hole: Finding = {
  mission: 'otop',
  kind: 'hole',
  severity: 'error',
  criterion: 'salesGrowth',
  fact: 'salesGrowthPct',
  example: { newProducts: 5, salesGrowthPct: 2 },
  message: { th: 'ช่องว่าง', en: 'a gap' },
  file: '2567-Q3/otop.yaml',
  line: 73,
  column: 7,
  path: '/criteria/1/bands',
};

describe("the letter's gaps", () => {
  it('keys a finding by kind, criterion, fact, path and example, not by its place or wording', () => {
    const moved = { ...hole, line: 75, column: 9, file: '2567-Q4/otop.yaml', message: { th: 'อื่น', en: 'other words' }, example: { salesGrowthPct: 2, newProducts: 5 } };
    expect(findingKey(moved)).toBe(findingKey(hole));
    expect(findingKey({ ...hole, example: { newProducts: 6, salesGrowthPct: 2 } })).not.toBe(findingKey(hole));
    expect(findingKey({ ...hole, path: '/criteria/0/bands' })).not.toBe(findingKey(hole));
    expect(findingKey({ ...hole, criterion: 'newProducts' })).not.toBe(findingKey(hole));
  });

  it("splits errors into new ones and the baseline's gaps; without a baseline every error is new", () => {
    const other = { ...hole, criterion: 'newProducts', fact: 'newProducts', path: '/criteria/0/bands', example: 3 };
    const warning = { ...hole, severity: 'warning' as const, kind: 'overlap' as const };
    expect(splitErrors([hole, other, warning], errorKeys([hole, warning]))).toEqual({ fresh: [other], gaps: [hole] });
    expect(splitErrors([hole, other], null)).toEqual({ fresh: [hole, other], gaps: [] });
    expect(errorKeys([warning])).toEqual([]);
  });
});
