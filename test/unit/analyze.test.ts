import { describe, expect, it } from 'vitest';
import type { Finding } from '../../engine/analyze.js';
import { lintRubric } from '../../engine/lint.js';
import { loadRubric } from '../../engine/load.js';
import { validateRubric } from '../../engine/validate.js';
import { TEST_RUBRIC_HEADER, shippedRubrics } from '../helpers.js';

const HEADER = TEST_RUBRIC_HEADER;

/** Lints a hand-made rubric given as YAML after the common header. */
function lint(body: string): Finding[] {
  const loaded = loadRubric(HEADER + body, 'test.yaml');
  const { rubric, diagnostics } = validateRubric(loaded);
  return lintRubric(loaded, rubric, diagnostics);
}

const brief = (f: Finding) => ({ code: f.code, severity: f.severity, example: f.about.example, ...(f.about.fact ? { fact: f.about.fact } : {}) });

function oneCriterion(precision: number, bands: string, extra = ''): string {
  return `facts:
  pct: { type: number, precision: ${precision}, label: { th: ร้อยละ, en: Percent }, min: 0, max: 100${extra} }
criteria:
  - id: c
    label: { th: ข้อ, en: Item }
    input: pct
    bands:
${bands}
grade: { type: worst }
`;
}

describe('analyzeRubric', () => {
  describe('on the shipped 2567-Q3 rubrics', () => {
    const findings = shippedRubrics().flatMap((s) => lintRubric(s.loaded, s.rubric, s.diagnostics));
    const summary = findings.map((f) => `${f.about.mission} ${f.severity} ${f.code} ${f.about.criterion ?? ''}/${f.about.fact ?? ''} ${JSON.stringify(f.about.example)}`);

    it('finds exactly the letter defects, each with an example and a place', () => {
      expect(summary.sort()).toEqual(
        [
          'community-fund error HOLE savingsGroups/savingsGroupsPct {"memberGrowthPct":0.5,"debtReliefPct":70.01,"savingsGroupsPct":89.01}',
          'community-fund error HOLE savingsGroups/savingsGroupsPct {"memberGrowthPct":1,"debtReliefPct":70.01,"savingsGroupsPct":99.01}',
          'community-fund error HOLE debtRelief/debtReliefPct {"savingsGroupsPct":80,"memberGrowthPct":1,"debtReliefPct":65.01}',
          // The summary table's overlap at 0.75 is the same defect as its contradiction: said once.
          'community-fund warning CONTRADICTION memberGrowth/memberGrowthPct 0.75',
          'community-fund info HOLE / 26.01',
          'community-fund info HOLE / 29.01',
          // Required by the letter but never able to change a grade: a note, not a defect.
          'moral-organization info UNUSED_FACT /planCompleted null',
          'moral-organization info UNUSED_FACT /staffParticipationPct null',
          'otop error HOLE salesGrowth/salesGrowthPct {"newProducts":5,"salesGrowthPct":2}',
          'pracharat error HOLE / {"followsPlan":true,"hasRevenue":false,"controlsCost":false}',
          'pracharat error HOLE / {"followsPlan":true,"hasRevenue":true,"controlsCost":false}',
          'pracharat error HOLE / {"followsPlan":false,"hasRevenue":false,"controlsCost":true}',
          'pracharat error HOLE / {"followsPlan":true,"hasRevenue":false,"controlsCost":true}',
          'women-fund error HOLE memberGrowth/memberGrowthPctOfTarget {"overdueDebtPct":10,"groupsPromotedPctOfTarget":90,"memberGrowthPctOfTarget":69.01}',
          'women-fund error HOLE groupsPromoted/groupsPromotedPctOfTarget {"overdueDebtPct":12.01,"memberGrowthPctOfTarget":75.01,"groupsPromotedPctOfTarget":89}',
          'women-fund info HOLE / 69.01',
          'women-fund info HOLE / 79.01',
        ].sort(),
      );
    });

    it('reports nothing for the rubrics without defects, nor the cascades of "at least" thresholds', () => {
      const clean = ['bmn', 'khok-nong-na', 'click-chumchon', 'food-security', 'poverty-center'];
      expect(findings.filter((f) => clean.includes(f.about.mission))).toEqual([]);
      expect(findings.filter((f) => f.about.mission === 'otop' && f.code === 'OVERLAP')).toEqual([]);
    });

    it('places every finding in its file, with Thai and English text', () => {
      for (const f of findings) {
        expect(f.where.file).toBe(`rubrics/2567-Q3/${f.about.mission}.yaml`);
        expect(f.where.line).toBeGreaterThan(1);
        expect(f.message.th).toMatch(/[\u0E00-\u0E7F]/);
        expect(f.message.en).toMatch(/[a-z]/);
      }
      const otop = findings.find((f) => f.about.mission === 'otop')!;
      expect([otop.where.line, otop.where.pointer]).toEqual([73, '/criteria/1/bands']);
      const contradiction = findings.find((f) => f.code === 'CONTRADICTION')!;
      expect(contradiction.where.pointer).toBe('/criteria/1/otherTables/0/bands/2');
      expect(contradiction.message.en).toContain('within that table, "New savings-group members (percent of the population not yet members)" 0.75 is claimed by both');
    });

    it('names facts and criteria by their labels in the words people read, and by their ids in `about`', () => {
      const otop = findings.find((f) => f.about.mission === 'otop' && f.code === 'HOLE')!;
      expect(otop.about).toMatchObject({ fact: 'salesGrowthPct', criterion: 'salesGrowth' });
      expect(otop.message.th).toMatch(/^"ยอดจำหน่ายผลิตภัณฑ์ OTOP[^"]*" 2\.00 ไม่ตรงกับช่วงใดของตัวชี้วัด "/);
      const contradiction = findings.find((f) => f.code === 'CONTRADICTION')!;
      expect(contradiction.about.fact).toBe('memberGrowthPct');
      for (const f of [otop, contradiction]) {
        expect(f.message.th).not.toMatch(/salesGrowth|memberGrowth/);
        expect(f.message.en).not.toMatch(/salesGrowth|memberGrowth/);
      }
    });
  });

  describe('when bands leave a value uncovered', () => {
    it('reports no hole between 12.00 and 12.01 at precision 2', () => {
      expect(lint(oneCriterion(2, '      - { level: A, op: ">=", value: 12.01 }\n      - { level: D, op: "<=", value: 12.00 }'))).toEqual([]);
    });
    it('reports the hole 12.001 – 12.009 at precision 3, with its first value', () => {
      const found = lint(oneCriterion(3, '      - { level: A, op: ">=", value: 12.01 }\n      - { level: D, op: "<=", value: 12.00 }'));
      expect(found.map(brief)).toEqual([{ code: 'HOLE', severity: 'error', example: 12.001, fact: 'pct' }]);
      expect(found[0]!.message.en).toContain('12.001 – 12.009');
    });
    it('reports one finding per distinct hole, each with its own example', () => {
      const found = lint(oneCriterion(0, '      - { level: A, op: ">", value: 80 }\n      - { level: B, op: between, value: [50, 70] }\n      - { level: D, op: "<", value: 40 }'));
      expect(found.map((f) => f.about.example)).toEqual([40, 71]);
    });
    it('reports a hole at the top of an open range', () => {
      const found = lint(oneCriterion(0, '      - { level: A, op: between, value: [50, 90] }\n      - { level: D, op: "<", value: 50 }'));
      expect(found.map((f) => f.about.example)).toEqual([91]);
    });
  });

  describe('when two bands claim one value', () => {
    it('reports an overlap with the shared value, but not for a cascade of one-sided thresholds', () => {
      const found = lint(
        oneCriterion(2, '      - { level: A, op: ">=", value: 1 }\n      - { level: B, op: between, value: [0.75, 0.99] }\n      - { level: C, op: between, value: [0.5, 0.75] }\n      - { level: D, op: "<", value: 0.5 }'),
      );
      expect(found.map(brief)).toEqual([{ code: 'OVERLAP', severity: 'warning', example: 0.75, fact: 'pct' }]);
      expect(lint(oneCriterion(0, '      - { level: A, op: ">=", value: 5 }\n      - { level: B, op: ">=", value: 4 }\n      - { level: D, op: "<", value: 4 }'))).toEqual([]);
    });
    it('reports opposite one-sided bands that share their threshold', () => {
      const found = lint(oneCriterion(0, '      - { level: A, op: ">=", value: 5 }\n      - { level: D, op: "<=", value: 5 }'));
      expect(found.map(brief)).toEqual([{ code: 'OVERLAP', severity: 'warning', example: 5, fact: 'pct' }]);
    });
  });

  describe('when a band can never apply', () => {
    it('reports a band that earlier bands hide entirely', () => {
      const found = lint(oneCriterion(0, '      - { level: B, op: ">=", value: 4 }\n      - { level: A, op: ">=", value: 5 }\n      - { level: D, op: "<", value: 4 }'));
      expect(found.map((f) => [f.code, f.where.pointer])).toEqual([['UNREACHABLE', '/criteria/0/bands/1']]);
    });
    it('reports a band outside the fact\'s range', () => {
      const found = lint(oneCriterion(0, '      - { level: A, op: ">=", value: 0 }\n      - { level: D, op: "<", value: 0 }'));
      expect(found.map((f) => [f.code, f.where.pointer])).toEqual([['UNREACHABLE', '/criteria/0/bands/1']]);
    });
  });

  describe('when a better value gets a worse grade', () => {
    const body = (better: string) => `facts:
  pct: { type: number, precision: 2, label: { th: ร้อยละ, en: Percent }, min: 0, max: 200${better} }
criteria:
  - id: c
    label: { th: ข้อ, en: Item }
    input: pct
    bands:
      - { level: A, op: "=", value: 100 }
      - { level: B, op: ">=", value: 80 }
      - { level: D, op: "<", value: 80 }
grade: { type: worst }
`;
    it('reports the order, with the better value as the example', () => {
      const found = lint(body(', better: higher')).filter((f) => f.code === 'ORDER');
      expect(found.map(brief)).toEqual([{ code: 'ORDER', severity: 'warning', example: 100.01, fact: 'pct' }]);
      expect(found[0]!.message.en).toContain('100.01 rather than 100.00');
    });
    it('says nothing of order when the fact declares no better direction', () => {
      expect(lint(body('')).filter((f) => f.code === 'ORDER')).toEqual([]);
    });
  });

  describe('when facts are declared but not used, or used but not declared', () => {
    it('reports an unused fact at its declaration', () => {
      const found = lint(oneCriterion(0, '      - { level: A, op: ">=", value: 5 }\n      - { level: D, op: "<", value: 5 }').replace('criteria:', '  spare: { type: boolean, label: { th: สำรอง, en: Spare } }\ncriteria:'));
      expect(found.map((f) => [f.code, f.about.fact, f.where.pointer])).toEqual([['UNUSED_FACT', 'spare', '/facts/spare']]);
    });
    it('reports an undeclared fact, with its place', () => {
      const found = lint(oneCriterion(0, '      - { level: A, op: ">=", value: 5 }\n      - { level: D, op: "<", value: 5 }').replace('input: pct', 'input: pcnt'));
      expect(found.map((f) => [f.code, f.about.fact, f.severity])).toEqual([['UNDECLARED_FACT', 'pcnt', 'error']]);
      expect(found[0]!.where.line).toBe(13);
    });
  });

  describe('on a truth table', () => {
    const table = (rows: string) => `facts:
  plan: { type: boolean, label: { th: แผน, en: Plan } }
  state: { type: enum, label: { th: สถานะ, en: State }, values: [{ value: good, label: { th: ดี, en: Good } }, { value: poor, label: { th: แย่, en: Poor } }] }
grade:
  type: truthTable
  columns: [plan, state]
  rows:
${rows}
`;
    it('reports every uncovered combination of boolean and enum values as its own hole', () => {
      const found = lint(table('    - { level: A, values: [true, good] }\n    - { level: D, values: [false, poor] }'));
      expect(found.map((f) => [f.code, f.about.example])).toEqual([
        ['HOLE', { plan: false, state: 'good' }],
        ['HOLE', { plan: true, state: 'poor' }],
      ]);
    });
    it('reports a repeated row as an overlap that hides it', () => {
      const found = lint(table('    - { level: A, values: [true, good] }\n    - { level: B, values: [true, good] }\n    - { level: C, values: [true, poor] }\n    - { level: D, values: [false, good] }\n    - { level: D, values: [false, poor] }'));
      expect(found.map((f) => [f.code, f.where.pointer])).toEqual([['OVERLAP', '/grade/rows/1']]);
    });
  });

  describe('on a combined score', () => {
    const scored = (method: string, gradeBands: string) => `facts:
  a: { type: integer, label: { th: ก, en: A }, min: 0, max: 10 }
  b: { type: integer, label: { th: ข, en: B }, min: 0, max: 10 }
criteria:
  - id: first
    label: { th: หนึ่ง, en: One }
    input: a
    bands:
      - { points: 10, op: ">=", value: 5 }
      - { points: 5, op: "<", value: 5 }
  - id: second
    label: { th: สอง, en: Two }
    input: b
    bands:
      - { points: 10, op: ">=", value: 5 }
      - { points: 5, op: "<", value: 5 }
score: { method: ${method}, label: { th: รวม, en: Total } }
grade:
  type: bands
  input: score
  bands:
${gradeBands}
`;
    it('reports a score that can occur but no band takes, with facts that give it', () => {
      const found = lint(scored('sum', '    - { level: A, op: "=", value: 20 }\n    - { level: C, op: between, value: [10, 14] }\n    - { level: D, op: "<", value: 10 }'));
      const holes = found.filter((f) => f.severity === 'error');
      expect(holes.map((f) => [f.code, f.about.example])).toEqual([['HOLE', { a: 0, b: 5 }]]);
      expect(holes[0]!.message.en).toContain('a score of 15.00 can occur');
    });
    it('does not call a gap no score can fall in a hole', () => {
      // Means of 10 or 5 points are 5, 7.5 or 10: nothing falls between 6 and 7 or 8 and 10.
      const found = lint(scored('mean', '    - { level: A, op: ">=", value: 10 }\n    - { level: B, op: between, value: [7, 8] }\n    - { level: C, op: between, value: [5, 6] }\n    - { level: D, op: "<", value: 5 }'));
      expect(found.map((f) => [f.code, f.severity, f.about.example])).toEqual([
        ['HOLE', 'info', 6.01],
        ['HOLE', 'info', 8.01],
        // and no mean is below 5, so D is never given
        ['UNREACHABLE', 'warning', null],
      ]);
    });
    it('reports a grade band no reachable score falls in', () => {
      const found = lint(scored('sum', '    - { level: A, op: ">=", value: 20 }\n    - { level: B, op: ">=", value: 16 }\n    - { level: C, op: ">=", value: 10 }\n    - { level: D, op: "<", value: 10 }'));
      // 16 – 19 is never a total of 10s and 5s, and no total is under 10.
      expect(found.map((f) => [f.code, f.where.pointer])).toEqual([
        ['UNREACHABLE', '/grade/bands/1'],
        ['UNREACHABLE', '/grade/bands/3'],
      ]);
    });
  });

  describe('on a ladder', () => {
    const ladder = (rows: string, floor = '  floor: D\n') => `facts:
  n: { type: integer, label: { th: จำนวน, en: Count }, min: 0, better: higher }
  ok: { type: boolean, label: { th: ผ่าน, en: OK } }
  extra: { type: boolean, label: { th: เพิ่ม, en: Extra } }
grade:
  type: ladder
${floor}  rows:
${rows}
`;
    it('reports a row whose conditions contradict each other as unreachable', () => {
      const found = lint(ladder('    - { level: A, when: { all: [{ fact: n, operator: greaterThan, value: 5 }, { fact: n, operator: lessThan, value: 3 }] } }\n    - { level: B, when: { all: [{ fact: ok, operator: equal, value: true }, { fact: extra, operator: equal, value: true }] } }'));
      expect(found.map((f) => [f.code, f.where.pointer])).toEqual([['UNREACHABLE', '/grade/rows/0']]);
      expect(found[0]!.message.en).toContain('contradict');
    });
    it('reports a better count that falls to a worse row', () => {
      const found = lint(ladder('    - { level: B, when: { all: [{ fact: n, operator: lessThan, value: 3 }, { fact: ok, operator: equal, value: true }] } }\n    - { level: C, when: { all: [{ fact: extra, operator: equal, value: true }] } }'));
      expect(found.map(brief)).toEqual([{ code: 'ORDER', severity: 'warning', example: { n: 3, ok: true, extra: false }, fact: 'n' }]);
    });
    it('reports the facts that only a bottom row giving the floor level uses', () => {
      const found = lint(ladder('    - { level: A, when: { all: [{ fact: n, operator: greaterThanInclusive, value: 3 }] } }\n    - { level: D, when: { all: [{ fact: ok, operator: equal, value: true }, { fact: extra, operator: equal, value: true }] } }'));
      expect(found.map((f) => [f.code, f.about.fact, f.where.pointer])).toEqual([
        ['UNUSED_FACT', 'ok', '/grade/rows/1'],
        ['UNUSED_FACT', 'extra', '/grade/rows/1'],
      ]);
    });
    it('reports the combinations no row takes when there is no floor', () => {
      const found = lint(ladder('    - { level: A, when: { all: [{ fact: ok, operator: equal, value: true }] } }', ''));
      expect(found.filter((f) => f.code === 'HOLE').length).toBeGreaterThan(0);
      expect(found.every((f) => f.code !== 'HOLE' || (f.about.example as Record<string, unknown>).ok === false)).toBe(true);
    });
  });

  describe('when another table of the document states a criterion differently', () => {
    it('reports the contradiction with a value where the tables differ', () => {
      const found = lint(
        oneCriterion(2, '      - { level: A, op: ">=", value: 1 }\n      - { level: C, op: between, value: [0.5, 0.99] }\n      - { level: D, op: "<", value: 0.5 }').replace(
          'grade: { type: worst }',
          '    otherTables:\n      - source: { lines: "206" }\n        bands:\n          - { level: A, op: ">=", value: 1 }\n          - { level: C, op: between, value: [0.5, 0.9] }\n          - { level: D, op: "<", value: 0.5 }\ngrade: { type: worst }',
        ),
      );
      expect(found.map(brief)).toEqual([{ code: 'CONTRADICTION', severity: 'warning', example: 0.91, fact: 'pct' }]);
      expect(found[0]!.message.en).toContain('lines 206');
    });
  });
});
