import { describe, expect, it } from 'vitest';
import type { Finding } from '../../engine/analyze.js';
import { errorKeys, findingKey, splitErrors } from '../../engine/letter-gaps.js';

const hole: Finding = {
  code: 'HOLE',
  severity: 'error',
  message: { th: 'ช่องว่าง', en: 'a gap' },
  where: { file: '2567-Q3/otop.yaml', line: 73, column: 7, pointer: '/criteria/1/bands' },
  about: { mission: 'otop', criterion: 'salesGrowth', fact: 'salesGrowthPct', example: { newProducts: 5, salesGrowthPct: 2 } },
};
/** The hole with other things it is about. */
const about = (changes: Partial<Finding['about']>): Finding => ({ ...hole, about: { ...hole.about, ...changes } });
/** The hole at another JSON pointer. */
const at = (pointer: string): Finding => ({ ...hole, where: { ...hole.where, pointer } });

describe("the letter's gaps", () => {
  it('keys a finding by kind, criterion, fact, path and example, not by its place or wording', () => {
    const moved: Finding = {
      ...about({ example: { salesGrowthPct: 2, newProducts: 5 } }),
      where: { file: '2567-Q4/otop.yaml', line: 75, column: 9, pointer: '/criteria/1/bands' },
      message: { th: 'อื่น', en: 'other words' },
    };
    expect(findingKey(moved)).toBe(findingKey(hole));
    expect(findingKey(about({ example: { newProducts: 6, salesGrowthPct: 2 } }))).not.toBe(findingKey(hole));
    expect(findingKey(at('/criteria/0/bands'))).not.toBe(findingKey(hole));
    expect(findingKey(about({ criterion: 'newProducts' }))).not.toBe(findingKey(hole));
    expect(findingKey({ ...hole, code: 'OVERLAP' })).not.toBe(findingKey(hole));
  });

  it("splits errors into new ones and the baseline's gaps; without a baseline every error is new", () => {
    const other: Finding = { ...about({ criterion: 'newProducts', fact: 'newProducts', example: 3 }), where: { ...hole.where, pointer: '/criteria/0/bands' } };
    const warning: Finding = { ...hole, severity: 'warning', code: 'OVERLAP' };
    expect(splitErrors([hole, other, warning], errorKeys([hole, warning]))).toEqual({ fresh: [other], gaps: [hole] });
    expect(splitErrors([hole, other], null)).toEqual({ fresh: [hole, other], gaps: [] });
    expect(errorKeys([warning])).toEqual([]);
  });
});
