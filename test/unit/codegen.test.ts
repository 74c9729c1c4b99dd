// The generated grader (engine/codegen*.ts): its source holds only numbers, slot indices and a
// closed set of operators and names, whatever the rubric's labels, ids, fact names, enum values and
// quotes hold; a rubric built from hostile strings still grades as the closures grade it.
import { describe, expect, it } from 'vitest';
import { compileRubric } from '../../engine/compile.js';
import { generatedSource, generateGrader } from '../../engine/codegen.js';
import { runtimeOf } from '../../engine/runtime.js';
import { num } from '../../engine/codegen-source.js';
import { refOf } from '../../engine/node/rubric-files.js';
import type { Grade, Rubric } from '../../engine/types.js';
import type { ValidRubric } from '../../engine/validate.js';
import { gradableRubrics } from '../helpers.js';

/** Words the generated source may use: JavaScript's, the verdict's fields and the helpers'. */
const NAMES = new Set(
  (
    'var return function if else null true false NaN Number isFinite isInteger has includes push row grade c h r x ' +
    'status score input bands exemptions errors settled sc tot max cnt wr round slow none own text province graded unmatched ' +
    'hR hS hZ hO hT hP hG hU hH settle ' +
    // Settling holes in the source (engine/codegen-settle.ts).
    'for Math l w g s st count level agree scored scoreAgrees at atAgrees gap add decide settleHoles'
  ).split(' '),
);
const GENERATED_NAME = /^[knvabqwtefilm]\d+$/;
const TOKEN = /\s+|[A-Za-z_$][A-Za-z0-9_$]*|\d+(?:\.\d+)?(?:e[+-]\d+)?|===|!==|<=|>=|&&|\|\||\+=|\+\+|[-+*/<>=!?:;,.(){}[\]]/y;

/** The pieces of a source that are not on the whitelist (empty when it is clean). */
function offWhitelist(source: string): string[] {
  const bad: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(source);
    if (!match) {
      bad.push(source.slice(at, at + 20));
      TOKEN.lastIndex = at + 1;
      continue;
    }
    const token = match[0];
    if (/^[A-Za-z_$]/.test(token) && !NAMES.has(token) && !GENERATED_NAME.test(token)) bad.push(token);
  }
  // No comments either: a slash only ever divides.
  for (const pair of ['//', '/*', '*/']) if (source.includes(pair)) bad.push(pair);
  return bad;
}

const HOSTILE = {
  number: "x'); globalThis.pwned = 1; ('",
  integer: 'y"]; globalThis.pwned = 2; //',
  enum: '`${globalThis.pwned = 3}`',
  boolean: 'b\nglobalThis.pwned = 5',
  text: 'p\u2028</script><script>globalThis.pwned = 6</script>',
  count: 'c*/ globalThis.pwned = 7 /*',
  values: ['*/ globalThis.pwned = 4 /*', "it's", '</script>', 'a\u2028b\u2029c', '"quoted"', '\\'],
  condition: `k'"\`\${}`,
  words: `'" \` \${globalThis.pwned = 8} </script> \u2028 \n */`,
};
const text = (s: string) => ({ th: s, en: s });

/** A rubric whose every id, label, enum value and quote is hostile, graded by the rule given. */
function hostileRubric(grade: Grade, points = false): Rubric {
  const band = (level: 'A' | 'B' | 'C' | 'D', op: '>=' | '<' | 'between', value: number | number[], p: number) => ({ level, op, value, quote: HOSTILE.words, ...(points ? { points: p } : {}) });
  return {
    mission: 'test',
    period: '2567-Q3',
    revision: 1,
    status: 'draft',
    name: text(HOSTILE.words),
    reporting: { channel: text(HOSTILE.words), rounds: [] },
    source: { document: HOSTILE.words, date: '2024-04-26', lines: '1' },
    facts: {
      [HOSTILE.number]: { type: 'number', precision: 2, min: 0, max: 100, label: text(HOSTILE.words) },
      [HOSTILE.integer]: { type: 'integer', min: 0, label: text(HOSTILE.words) },
      [HOSTILE.enum]: { type: 'enum', values: HOSTILE.values.map((value) => ({ value, label: text(HOSTILE.words) })), label: text(HOSTILE.words) },
      [HOSTILE.boolean]: { type: 'boolean', label: text(HOSTILE.words) },
      [HOSTILE.text]: { type: 'string', label: text(HOSTILE.words) },
    },
    derived: { [HOSTILE.count]: { type: 'countTrue', facts: [HOSTILE.boolean], label: text(HOSTILE.words) } },
    conditions: { [HOSTILE.condition]: { fact: HOSTILE.enum, operator: 'in', value: HOSTILE.values.slice(0, 3) } },
    criteria: [
      { id: HOSTILE.words, label: text(HOSTILE.words), input: HOSTILE.number, bands: [band('A', '>=', 80, 100), band('B', 'between', [70, 78.99], 75), band('D', '<', 69, 25)] },
      { id: HOSTILE.condition, label: text(HOSTILE.words), input: HOSTILE.integer, bands: [band('A', '>=', 3, 100), band('C', '<', 3, 44)] },
    ],
    exemptions: [
      {
        id: HOSTILE.words,
        label: text(HOSTILE.words),
        when: { all: [{ condition: HOSTILE.condition }, { fact: HOSTILE.text, operator: 'notEqual', value: HOSTILE.values[5]! }] },
        notApplicable: [HOSTILE.condition],
      },
    ],
    ...(points ? { score: { method: 'mean', label: text(HOSTILE.words) } } : {}),
    grade,
  } as Rubric;
}

const GRADES: [string, Grade, boolean][] = [
  ['worst of', { type: 'worst' }, false],
  [
    // Means of 72 fall in the gap between A and C (unmatched), of 59.5 in the gap between two Cs (settled).
    'bands over the score',
    { type: 'bands', input: 'score', bands: [{ level: 'A', op: '>=', value: 75, quote: HOSTILE.words }, { level: 'C', op: 'between', value: [60, 70] }, { level: 'C', op: 'between', value: [50, 59] }, { level: 'D', op: '<', value: 50 }] },
    true,
  ],
  [
    'a ladder',
    {
      type: 'ladder',
      rows: [
        { level: 'A', score: 5, quote: HOSTILE.words, when: { any: [{ fact: HOSTILE.enum, operator: 'equal', value: HOSTILE.values[3]! }, { fact: HOSTILE.text, operator: 'in', value: [HOSTILE.words] }] } },
        { level: 'B', when: { not: { condition: HOSTILE.condition } } },
      ],
      floor: 'D',
    },
    false,
  ],
  ['a truth table', { type: 'truthTable', columns: [HOSTILE.enum, HOSTILE.boolean], rows: [{ level: 'A', values: [HOSTILE.values[1]!, true], quote: HOSTILE.words }, { level: 'C', values: [HOSTILE.values[4]!, false] }] }, false],
];

/** Rows over the hostile facts: every enum value, texts that match and do not, and broken values. */
function hostileRows(): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  let i = 0;
  for (const value of [...HOSTILE.values, 'not listed']) {
    // 79.5 and 69.5 fall in the number's holes (79.00 – 79.99, 69.00 – 69.99).
    for (const [n, k] of [[95.5, 4], [80, 3], [12.345, 1], [79.995, 3], [-1, 2], ['80', 0], [79.5, 4], [79.5, 1], [69.5, 3], [75, 1]] as const) {
      rows.push({
        id: `u${i++}`,
        [HOSTILE.number]: n,
        [HOSTILE.integer]: k,
        [HOSTILE.enum]: value,
        [HOSTILE.boolean]: i % 3 !== 0,
        [HOSTILE.text]: i % 4 === 0 ? 'ลำปาง' : i % 5 === 0 ? HOSTILE.values[5] : ` ${HOSTILE.words} `,
      });
    }
  }
  return rows;
}

const handedOver = (): never => {
  throw new Error('a row with a hole was handed to the closures');
};

describe('the generated grader', () => {
  for (const [name, grade, points] of GRADES) {
    it(`writes no string of a hostile rubric into its source and grades it as the closures do (${name})`, () => {
      // Built past validation, whose id patterns would refuse these names: the generator must not rely on them.
      const rubric = hostileRubric(grade, points) as ValidRubric;
      const ref = refOf(rubric, 'sha256:hostile');
      const generated = compileRubric(rubric, ref, { grader: 'generated' });
      const closures = compileRubric(rubric, ref, { grader: 'closures' });
      const { source, values } = generatedSource(generated.model);
      expect(offWhitelist(source)).toEqual([]);
      expect(source).toMatch(/^[A-Za-z0-9_$\s.,;:(){}[\]=!<>&|?+\-*/]+$/);
      for (const word of [HOSTILE.number, HOSTILE.integer, HOSTILE.enum, HOSTILE.boolean, HOSTILE.text, HOSTILE.count, HOSTILE.condition, HOSTILE.words, ...HOSTILE.values]) {
        expect(source).not.toContain(word);
      }
      // The strings reach the grader as values instead.
      expect(values).toContain(HOSTILE.number);
      // Where the rule reads the bands, holes are settled in the generated source: nothing is handed over.
      const runtime = runtimeOf(generated.model);
      const own = generated.model.readsBands ? generateGrader(generated.model, { grade: runtime.grade, settle: handedOver }) : generated.grade;
      const statuses = new Set<string>();
      let settled = 0;
      for (const row of hostileRows()) {
        const verdict = own(row);
        statuses.add(verdict.grade ?? verdict.status);
        if (verdict.settled) settled++;
        expect(verdict).toEqual(closures.grade(row));
        // Field for field in the same order, as the CLI writes them.
        expect(JSON.stringify(verdict)).toBe(JSON.stringify(closures.grade(row)));
      }
      expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
      // Holes that cannot change the grade are settled; those that can leave the row unmatched.
      if (generated.model.readsBands) expect([settled > 0, statuses.has('unmatched')]).toEqual([true, true]);
      // The rows reach errors and more than one grade, so the comparison covers the generated code.
      expect(statuses.has('error')).toBe(true);
      expect([...statuses].filter((s) => ['A', 'B', 'C', 'D'].includes(s)).length).toBeGreaterThan(1);
    });
  }

  it('grades a hostile row as a hand reading of the rubric does', () => {
    const rubric = hostileRubric({ type: 'worst' }) as ValidRubric;
    const compiled = compileRubric(rubric, refOf(rubric, 'sha256:hostile'), { grader: 'generated' });
    const row = { id: 'u1', [HOSTILE.number]: 95.5, [HOSTILE.integer]: 1, [HOSTILE.enum]: "it's", [HOSTILE.boolean]: true, [HOSTILE.text]: HOSTILE.words };
    // The enum value is in the named condition and the text is not "\", so the integer's criterion (C) is exempt.
    expect(compiled.grade(row)).toMatchObject({ status: 'graded', grade: 'A', bands: [0, -2], exemptions: [0] });
    expect(compiled.grade({ ...row, [HOSTILE.text]: '\\' })).toMatchObject({ status: 'graded', grade: 'C', bands: [0, 1], exemptions: [] });
  });

  it('writes the shipped rubrics with nothing but whitelisted tokens', () => {
    const rubrics = gradableRubrics();
    expect(rubrics.length).toBeGreaterThan(5);
    for (const { compiled } of rubrics) {
      expect(compiled.path).toBe('generated');
      expect(offWhitelist(generatedSource(compiled.model).source)).toEqual([]);
    }
  });

  it('formats only finite numbers', () => {
    expect([num(0), num(-0), num(2.5), num(-3), num(1e-7), num(1e21)]).toEqual(['0', '(-0)', '2.5', '(-3)', '1e-7', '1e+21']);
    for (const bad of [NaN, Infinity, -Infinity, '1', null, undefined, {}, [1], 1n]) expect(() => num(bad)).toThrow();
  });
});
