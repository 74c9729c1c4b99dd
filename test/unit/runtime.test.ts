import { describe, expect, it } from 'vitest';
import { compileRubric } from '../../engine/compile.js';
import { gradeRows } from '../../engine/evaluate.js';
import { createReferenceRubric } from '../../engine/reference.js';
import { refOf } from '../../engine/node/rubric-files.js';
import type { Verdict } from '../../engine/verdict.js';
import { TEST_RUBRIC_HEADER, gradableRubrics, rubricFromText, shippedRubric } from '../helpers.js';

const HEADER = TEST_RUBRIC_HEADER;

/** Both paths for a hand-made rubric given as YAML after the common header. */
function bothPaths(body: string) {
  const { rubric, compiled } = rubricFromText(HEADER + body);
  const reference = createReferenceRubric(rubric, refOf(rubric, 'sha256:test'));
  return { rubric, compiled, reference };
}

const brief = (v: Verdict) => ({ status: v.status, grade: v.grade, score: v.score, exemptions: v.exemptions, settled: v.settled });

// Three activities counted; a unit that did at least two is exempt from the sales criterion.
const DERIVED_EXEMPTION = `facts:
  a: { type: boolean, label: { th: ก, en: A } }
  b: { type: boolean, label: { th: ข, en: B } }
  c: { type: boolean, label: { th: ค, en: C } }
  sales: { type: number, precision: 2, label: { th: ยอดขาย, en: Sales }, min: 0 }
derived:
  done: { type: countTrue, label: { th: จำนวนที่ทำ, en: Activities done }, facts: [a, b, c] }
criteria:
  - id: activities
    label: { th: กิจกรรม, en: Activities }
    input: done
    bands:
      - { level: A, op: ">=", value: 2 }
      - { level: D, op: "<", value: 2 }
  - id: sales
    label: { th: ยอดขาย, en: Sales }
    input: sales
    bands:
      - { level: A, op: ">=", value: 50 }
      - { level: D, op: "<", value: 50 }
exemptions:
  - id: busy
    label: { th: ทำกิจกรรมมาก, en: Many activities }
    when: { fact: done, operator: greaterThanInclusive, value: 2 }
    notApplicable: [sales]
grade: { type: worst }
`;

describe('the grading runtime', () => {
  describe('when an exemption names a derived value', () => {
    const { compiled, reference } = bothPaths(DERIVED_EXEMPTION);
    const exempt = { id: 'x', a: true, b: true, c: false, sales: 10 };
    const notExempt = { id: 'y', a: false, b: false, c: false, sales: 10 };

    it('decides it on this row\'s derived value, whatever row came before (compiled)', () => {
      // Before the fix the exemption was decided on the previous row's count.
      expect(brief(compiled.grade(notExempt))).toMatchObject({ grade: 'D', exemptions: [] });
      expect(brief(compiled.grade(exempt))).toMatchObject({ grade: 'A', exemptions: [0] });
      expect(brief(compiled.grade(notExempt))).toMatchObject({ grade: 'D', exemptions: [] });
      expect(brief(compiled.grade(exempt))).toMatchObject({ grade: 'A', exemptions: [0] });
    });

    it('applies it in the json-rules-engine oracle too', async () => {
      expect(brief(await reference.grade(exempt))).toMatchObject({ grade: 'A', exemptions: [0] });
      expect(brief(await reference.grade(notExempt))).toMatchObject({ grade: 'D', exemptions: [] });
    });

    it('stops the row when a fact the derived value rests on is missing', async () => {
      const row = { id: 'z', a: true, c: true, sales: 10 };
      expect(compiled.grade(row)).toMatchObject({ status: 'error', errors: [{ code: 'MISSING_FACT', fact: 'b' }] });
      expect(await reference.grade(row)).toMatchObject({ status: 'error', errors: [{ code: 'MISSING_FACT', fact: 'b' }] });
    });
  });

  describe('when rows are graded one after another through one compiled rubric', () => {
    it('gives every row the verdict a freshly compiled rubric gives it', () => {
      for (const { rubric, compiled } of gradableRubrics()) {
        const rows = [
          ...rubric.examples!.map((e) => e.facts),
          ...rubric.examples!.map((e) => Object.fromEntries(Object.keys(e.facts).map((k) => [k, null]))),
        ];
        for (const row of [...rows, ...rows.reverse()]) {
          const fresh = compileRubric(rubric, compiled.model.ref).grade(row);
          expect(brief(compiled.grade(row)), `${rubric.mission} ${JSON.stringify(row)}`).toEqual(brief(fresh));
        }
      }
    });
  });
});

describe('holes that cannot change the grade', () => {
  describe('in a worst-of rubric (OTOP)', () => {
    const { rubric, compiled } = shippedRubric('otop');
    const reference = createReferenceRubric(rubric, compiled.model.ref);

    it('grades 2 products with sales up 2.00 % D, with a note naming the hole and why it did not matter', async () => {
      const [result] = gradeRows(compiled, [{ id: 'u', newProducts: 2, salesGrowthPct: 2 }]);
      expect([result!.status, result!.grade, result!.verdict.settled]).toEqual(['graded', 'D', [1]]);
      expect(brief(await reference.grade({ newProducts: 2, salesGrowthPct: 2 }))).toEqual(brief(result!.verdict));
      const json = result!.toJSON();
      expect(json.notes).toHaveLength(1);
      expect(json.notes![0]!.th).toContain('ช่องว่างของเกณฑ์');
      expect(json.notes![0]!.th).toContain('2.00');
      expect(json.notes![0]!.en).toMatch(/^Note: OTOP sales growth .* 2\.00 falls in a gap of criterion "Sales growth" .* criterion "New registered products" is already D/);
      expect(`${json.notes![0]!.th} ${json.notes![0]!.en}`).not.toMatch(/salesGrowth|newProducts/);
    });

    it('leaves 9 products with sales up 2.00 % unmatched: the hole could give C or D', async () => {
      const [result] = gradeRows(compiled, [{ id: 'u', newProducts: 9, salesGrowthPct: 2 }]);
      expect([result!.status, result!.grade, result!.verdict.settled]).toEqual(['unmatched', null, null]);
      expect((await reference.grade({ newProducts: 9, salesGrowthPct: 2 })).status).toBe('unmatched');
      expect(result!.toJSON().notes).toBeUndefined();
    });
  });

  describe('in a mean of points (women-fund)', () => {
    const { compiled } = shippedRubric('women-fund');
    it('grades 100, 100 and a member growth of 69.50 % A, since 50 and 75 points both give A', () => {
      const [result] = gradeRows(compiled, [{ id: 'u', overdueDebtPct: 5, memberGrowthPctOfTarget: 69.5, groupsPromotedPctOfTarget: 95 }]);
      expect([result!.status, result!.grade, result!.score]).toEqual(['graded', 'A', null]);
      expect(result!.reason.en).toContain('whether it counts as 50 or 75');
    });
  });

  describe('in a sum rescaled for an exempt province (community-fund)', () => {
    const { rubric, compiled } = shippedRubric('community-fund');
    const reference = createReferenceRubric(rubric, compiled.model.ref);
    it('grades Phuket with 10 points and debt relief in the 65.01 – 65.99 gap B: 27 or 28.5 after rescaling', async () => {
      const row = { province: 'จังหวัดภูเก็ต', memberGrowthPct: 1, debtReliefPct: 65.5 };
      expect(brief(compiled.grade(row))).toEqual({ status: 'graded', grade: 'B', score: null, exemptions: [0], settled: [2] });
      expect(brief(await reference.grade(row))).toEqual(brief(compiled.grade(row)));
    });
    it('leaves it unmatched when the rescaled totals straddle a band: 25.5 (C) or 27 (B)', () => {
      expect(compiled.grade({ province: 'ภูเก็ต', memberGrowthPct: 0.8, debtReliefPct: 65.5 }).status).toBe('unmatched');
    });
  });

  describe('in a ladder, which does not read criteria bands', () => {
    const { compiled, reference } = bothPaths(`facts:
  done: { type: boolean, label: { th: ทำ, en: Done } }
  pct: { type: number, precision: 2, label: { th: ร้อยละ, en: Percent }, min: 0, max: 100 }
criteria:
  - id: info
    label: { th: ข้อมูล, en: Information }
    input: pct
    bands:
      - { points: 10, op: ">", value: 50 }
      - { points: 5, op: "<", value: 50 }
score: { method: sum, label: { th: คะแนน, en: Score } }
grade:
  type: ladder
  floor: D
  rows:
    - level: A
      when: { fact: done, operator: equal, value: true }
`);
    it('grades by the ladder and notes the criterion\'s gap', async () => {
      const row = { done: true, pct: 50 };
      expect(brief(compiled.grade(row))).toEqual({ status: 'graded', grade: 'A', score: null, exemptions: [], settled: [0] });
      expect(brief(await reference.grade(row))).toEqual(brief(compiled.grade(row)));
    });
  });

  describe('in grade bands whose neighbours give one level', () => {
    const { compiled, reference } = bothPaths(`facts:
  pct: { type: number, precision: 2, label: { th: ร้อยละ, en: Percent }, min: 0, max: 100 }
grade:
  type: bands
  input: pct
  bands:
    - { level: A, op: ">=", value: 70 }
    - { level: B, op: between, value: [60, 64] }
    - { level: B, op: between, value: [65, 69] }
    - { level: D, op: "<", value: 60 }
`);
    it('grades 64.50 B, and 69.50 stays unmatched (B or A)', async () => {
      expect(brief(compiled.grade({ pct: 64.5 }))).toEqual({ status: 'graded', grade: 'B', score: 64.5, exemptions: [], settled: [-1] });
      expect(brief(await reference.grade({ pct: 64.5 }))).toEqual(brief(compiled.grade({ pct: 64.5 })));
      expect(brief(compiled.grade({ pct: 69.5 }))).toEqual({ status: 'unmatched', grade: null, score: 69.5, exemptions: [], settled: null });
      expect(brief(await reference.grade({ pct: 69.5 }))).toEqual(brief(compiled.grade({ pct: 69.5 })));
    });
  });
});

describe('province facts', () => {
  const { compiled } = shippedRubric('community-fund');
  const exempt = (province: string) => compiled.grade({ province, memberGrowthPct: 1, debtReliefPct: 68 });

  it('read every spelling of an exempt province as that province', () => {
    for (const spelling of ['ภูเก็ต', 'จ.ภูเก็ต', 'จังหวัดภูเก็ต', ' ภูเก็ต ', 'Phuket', 'TH-83', 'จังหวัดนนทบุรี', ' หนองคาย ']) {
      expect(exempt(spelling), spelling).toMatchObject({ status: 'graded', grade: 'B', score: 28.5, exemptions: [0] });
    }
  });

  it('make a name that is no province an error for the row, naming the value and the closest province', () => {
    const verdict = exempt('ภูเกต');
    expect(verdict.status).toBe('error');
    // The exemption cannot be decided, so every problem of the row is reported, the province first.
    expect(verdict.errors!.map((e) => [e.code, e.fact])).toEqual([
      ['UNKNOWN_PROVINCE', 'province'],
      ['MISSING_FACT', 'savingsGroupsPct'],
    ]);
    expect(verdict.errors![0]!.received).toBe('"ภูเกต"');
    expect(verdict.errors![0]!.message.th).toContain('หมายถึง "ภูเก็ต" หรือไม่');
  });
});
