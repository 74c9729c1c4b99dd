import { describe, expect, it } from 'vitest';
import { gradeRows } from '../../engine/evaluate.js';
import { stepsUp } from '../../engine/next-level.js';
import { shippedRubric } from '../helpers.js';

describe('stepsUp', () => {
  it('says how much more sales growth reaches the next band', () => {
    const { compiled } = shippedRubric('otop');
    const [result] = gradeRows(compiled, [{ id: 'x', newProducts: 5, salesGrowthPct: 2.4 }]);
    const steps = stepsUp(compiled.model, result!);
    expect(steps.map((s) => [s.fact, s.needed, s.delta, s.reaches])).toEqual([['salesGrowthPct', 3.01, 0.61, 'B']]);
    expect(steps[0]!.message.en).toBe('needs 0.61 more percentage points of OTOP sales growth vs the same quarter of 2566 (percent) (3.01) for B on criterion "Sales growth"');
    // The fact and the criterion by their labels, not their ids.
    expect(steps[0]!.message.th).toMatch(/^ยอดจำหน่าย.* ต้องเพิ่มอีก 0\.61 จุดร้อยละ \(เป็น 3\.01\) จึงได้ B ในตัวชี้วัด "ยอดจำหน่ายเพิ่มขึ้น"$/);
    expect(steps[0]!.message.th).not.toContain('salesGrowth');
  });
  it('finds the way out of a hole', () => {
    const { compiled } = shippedRubric('otop');
    const [result] = gradeRows(compiled, [{ id: 'x', newProducts: 5, salesGrowthPct: 2 }]);
    expect(stepsUp(compiled.model, result!).map((s) => [s.needed, s.reaches])).toEqual([[2.01, 'C']]);
  });
  it('takes a lower value where lower is better', () => {
    const { compiled } = shippedRubric('women-fund');
    const [result] = gradeRows(compiled, [{ id: 'x', overdueDebtPct: 13, memberGrowthPctOfTarget: 80, groupsPromotedPctOfTarget: 95 }]);
    const debt = stepsUp(compiled.model, result!).find((s) => s.fact === 'overdueDebtPct')!;
    expect([debt.needed, debt.delta, debt.reaches]).toEqual([12, -1, '75 points']);
  });
  it('lists what the ladder row above still needs', () => {
    const { compiled } = shippedRubric('click-chumchon');
    const [result] = gradeRows(compiled, [
      { id: 'x', officialsUsingPct: 72, serviceRecords: 'all-current', prPostsPerMonth: 2, prChannels: 2, activitiesPerMonth: 2, downloadTargetMet: true },
    ]);
    expect(result!.grade).toBe('B');
    expect(stepsUp(compiled.model, result!).map((s) => [s.target, s.fact, s.needed])).toEqual([['row A', 'officialsUsingPct', 80]]);
  });
  it('says nothing for an error row or the best level', () => {
    const { compiled } = shippedRubric('otop');
    const [bad, best] = gradeRows(compiled, [{ id: 'x' }, { id: 'y', newProducts: 9, salesGrowthPct: 9 }]);
    expect(stepsUp(compiled.model, bad!)).toEqual([]);
    expect(stepsUp(compiled.model, best!)).toEqual([]);
  });
});
