// Starting points for a mission with no criteria yet: the five shapes the department's letters use
// (bands over one value, the worst of several criteria, points summed or averaged, a ladder of
// conditions, a truth table), each a small valid rubric part with examples that pass, to be edited
// into the real criteria; or another mission's structure copied.
import type { Rubric, Text } from './types.js';

/** The parts of a rubric a pattern fills in. */
export type RubricParts = Pick<Rubric, 'facts' | 'derived' | 'conditions' | 'criteria' | 'exemptions' | 'score' | 'grade' | 'examples'>;

/** The patterns, in the order they are offered. */
export const PATTERNS = ['bands', 'worst', 'sum', 'mean', 'ladder', 'truthTable'] as const;
export type Pattern = (typeof PATTERNS)[number];

/** What each pattern is, in the department's words. */
export const PATTERN_WORDS: Record<Pattern, Text> = {
  bands: { th: 'ระดับตามช่วงของค่าเดียว (เช่น ร้อยละ ๘๐ ขึ้นไป ได้ A)', en: 'Levels by bands of one value (e.g. 80 % or more gets A)' },
  worst: { th: 'หลายตัวชี้วัด ได้ระดับต่ำสุดของทุกตัว', en: 'Several criteria; the grade is the worst of them' },
  sum: { th: 'คะแนนของตัวชี้วัดรวมกัน แล้วแบ่งระดับตามคะแนนรวม', en: 'Criterion points summed, then levels by the total' },
  mean: { th: 'คะแนนของตัวชี้วัดเฉลี่ยกัน แล้วแบ่งระดับตามคะแนนเฉลี่ย', en: 'Criterion points averaged, then levels by the mean' },
  ladder: { th: 'ขั้นบันได: ทำครบทุกข้อได้ A ทำบางข้อได้ B', en: 'A ladder: every item done gets A, some done gets B' },
  truthTable: { th: 'ตารางค่าความจริง: ระดับตามการทำได้/ไม่ได้ของแต่ละข้อ', en: 'A truth table: the level by which items are done' },
};

const percentFact = (th: string, en: string) => ({ type: 'number' as const, label: { th, en }, unit: 'percent' as const, precision: 2, min: 0, better: 'higher' as const });
const doneFact = (th: string, en: string) => ({ type: 'boolean' as const, label: { th, en } });

const LEVEL_BANDS = [
  { level: 'A' as const, op: '>=' as const, value: 80 },
  { level: 'B' as const, op: '>=' as const, value: 70 },
  { level: 'C' as const, op: '>=' as const, value: 60 },
  { level: 'D' as const, op: '<' as const, value: 60 },
];

function bandsPattern(): RubricParts {
  return {
    facts: { resultPct: percentFact('ผลการดำเนินงาน (ร้อยละ)', 'Result (%)') },
    grade: { type: 'bands', input: 'resultPct', bands: LEVEL_BANDS.map((b) => ({ ...b })) },
    examples: [
      { name: 'ผลร้อยละ 80 ได้ A / A result of 80 % gets A', facts: { resultPct: 80 }, expect: 'A' },
      { name: 'ผลร้อยละ 59.99 ได้ D / A result of 59.99 % gets D', facts: { resultPct: 59.99 }, expect: 'D' },
    ],
  };
}

function worstPattern(): RubricParts {
  const criterion = (id: string, input: string, th: string, en: string) => ({ id, label: { th, en }, input, bands: LEVEL_BANDS.map((b) => ({ ...b })) });
  return {
    facts: { firstPct: percentFact('ตัวชี้วัดที่ ๑ (ร้อยละ)', 'Criterion 1 (%)'), secondPct: percentFact('ตัวชี้วัดที่ ๒ (ร้อยละ)', 'Criterion 2 (%)') },
    criteria: [criterion('first', 'firstPct', 'ตัวชี้วัดที่ ๑', 'Criterion 1'), criterion('second', 'secondPct', 'ตัวชี้วัดที่ ๒', 'Criterion 2')],
    grade: { type: 'worst' },
    examples: [
      { name: 'ทั้งสองตัวร้อยละ 80 ได้ A / Both at 80 % get A', facts: { firstPct: 80, secondPct: 80 }, expect: 'A' },
      { name: 'ตัวหนึ่งร้อยละ 65 ได้ C / One at 65 % gets C', facts: { firstPct: 90, secondPct: 65 }, expect: 'C' },
    ],
  };
}

function pointsPattern(method: 'sum' | 'mean'): RubricParts {
  const points = [
    { points: 5, op: '>=' as const, value: 80 },
    { points: 3, op: '>=' as const, value: 60 },
    { points: 0, op: '<' as const, value: 60 },
  ];
  const criterion = (id: string, input: string, th: string, en: string) => ({ id, label: { th, en }, input, bands: points.map((b) => ({ ...b })) });
  const top = method === 'sum' ? 10 : 5;
  return {
    facts: { firstPct: percentFact('ตัวชี้วัดที่ ๑ (ร้อยละ)', 'Criterion 1 (%)'), secondPct: percentFact('ตัวชี้วัดที่ ๒ (ร้อยละ)', 'Criterion 2 (%)') },
    criteria: [criterion('first', 'firstPct', 'ตัวชี้วัดที่ ๑', 'Criterion 1'), criterion('second', 'secondPct', 'ตัวชี้วัดที่ ๒', 'Criterion 2')],
    score: { method, label: method === 'sum' ? { th: 'คะแนนรวม', en: 'Total points' } : { th: 'คะแนนเฉลี่ย', en: 'Mean points' }, precision: 2 },
    grade: {
      type: 'bands',
      input: 'score',
      bands: [
        { level: 'A', op: '>=', value: top },
        { level: 'B', op: '>=', value: top * 0.8 },
        { level: 'C', op: '>=', value: top * 0.6 },
        { level: 'D', op: '<', value: top * 0.6 },
      ],
    },
    examples: [
      { name: `ทั้งสองตัวร้อยละ 80 ได้ A / Both at 80 % get A`, facts: { firstPct: 80, secondPct: 80 }, expect: 'A', score: top },
      { name: `ทั้งสองตัวต่ำกว่าร้อยละ 60 ได้ D / Both under 60 % get D`, facts: { firstPct: 10, secondPct: 20 }, expect: 'D', score: 0 },
    ],
  };
}

function ladderPattern(): RubricParts {
  const done = (fact: string) => ({ fact, operator: 'equal' as const, value: true });
  return {
    facts: { planDone: doneFact('จัดทำแผนแล้ว', 'Plan made'), reportDone: doneFact('รายงานผลแล้ว', 'Result reported') },
    grade: {
      type: 'ladder',
      rows: [
        { level: 'A', when: { all: [done('planDone'), done('reportDone')] } },
        { level: 'B', when: { any: [done('planDone'), done('reportDone')] } },
      ],
      floor: 'D',
    },
    examples: [
      { name: 'ทำครบทั้งสองข้อได้ A / Both done gets A', facts: { planDone: true, reportDone: true }, expect: 'A' },
      { name: 'ไม่ได้ทำเลยได้ D / Neither done gets D', facts: { planDone: false, reportDone: false }, expect: 'D' },
    ],
  };
}

function truthTablePattern(): RubricParts {
  return {
    facts: { planDone: doneFact('จัดทำแผนแล้ว', 'Plan made'), reportDone: doneFact('รายงานผลแล้ว', 'Result reported') },
    grade: {
      type: 'truthTable',
      columns: ['planDone', 'reportDone'],
      rows: [
        { level: 'A', values: [true, true] },
        { level: 'B', values: [true, false] },
        { level: 'C', values: [false, true] },
        { level: 'D', values: [false, false] },
      ],
    },
    examples: [{ name: 'ทำแผนแต่ยังไม่รายงานได้ B / Plan made, not reported, gets B', facts: { planDone: true, reportDone: false }, expect: 'B' }],
  };
}

/** The parts a pattern starts a mission with. */
export function patternParts(pattern: Pattern): RubricParts {
  switch (pattern) {
    case 'bands':
      return bandsPattern();
    case 'worst':
      return worstPattern();
    case 'sum':
    case 'mean':
      return pointsPattern(pattern);
    case 'ladder':
      return ladderPattern();
    case 'truthTable':
      return truthTablePattern();
  }
}

/**
 * Another mission's structure: its facts, derived values, conditions, criteria, exemptions, score,
 * grade rule and examples, without what belongs to its letter (each band's and row's quote, the
 * source lines of its facts and criteria, and the letter's other tables): they do not speak for this mission.
 */
export function copiedParts(other: Rubric): RubricParts {
  const keys = ['facts', 'derived', 'conditions', 'criteria', 'exemptions', 'score', 'grade', 'examples'] as const;
  const parts = Object.fromEntries(keys.filter((k) => other[k] !== undefined).map((k) => [k, structuredClone(other[k])])) as RubricParts;
  for (const value of [...Object.values(parts.facts ?? {}), ...Object.values(parts.derived ?? {})]) delete (value as { source?: unknown }).source;
  for (const c of parts.criteria ?? []) {
    const letter = c as { source?: unknown; otherTables?: unknown };
    delete letter.source;
    delete letter.otherTables;
    for (const band of c.bands) delete band.quote;
  }
  const grade = parts.grade;
  if (grade?.type === 'bands') for (const band of grade.bands) delete band.quote;
  if (grade?.type === 'ladder') for (const row of grade.rows) delete row.quote;
  return parts;
}
