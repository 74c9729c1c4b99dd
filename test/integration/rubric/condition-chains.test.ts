// Rubrics whose named conditions form long chains, lattices and rings: large inputs the checks must
// refuse or accept in linear work, without overflowing the stack (integration: seconds, not milliseconds).
import { describe, expect, it } from 'vitest';
import { MAX_CONDITION_DEPTH } from '../../../engine/check.js';
import { compileRubric } from '../../../engine/compile.js';
import { loadRubric } from '../../../engine/load.js';
import { validateRubric } from '../../../engine/validate.js';
import { TEST_RUBRIC_HEADER } from '../../helpers.js';

describe('validateRubric with named conditions in long chains, lattices and rings', () => {
  const facts = 'facts:\n  done: { type: boolean, label: { th: เสร็จ, en: Done } }\n';
  const ladder = 'grade:\n  type: ladder\n  rows:\n    - { level: A, when: { condition: c0 } }\n  floor: D\n';
  const named = (n: number, body: (i: number) => string, last: string) =>
    `conditions:\n${Array.from({ length: n }, (_, i) => `  c${i}: ${body(i)}\n`).join('')}  c${n}: ${last}\n`;
  const leaf = '{ fact: done, operator: equal, value: true }';
  const check = (conditions: string) => validateRubric(loadRubric(TEST_RUBRIC_HEADER + facts + conditions + ladder, 'chain.yaml'));

  it('refuses a chain of 6,000 named conditions as too deep instead of overflowing the stack when compiled', () => {
    const { rubric, diagnostics } = check(named(6_000, (i) => `{ not: { condition: c${i + 1} } }`, leaf));
    expect(rubric).toBeUndefined();
    expect(new Set(diagnostics.map((d) => d.code))).toEqual(new Set(['CONDITION_DEPTH', 'TOO_MANY_PROBLEMS']));
    expect(diagnostics[0]).toMatchObject({ where: { pointer: '/conditions/c0', line: 11 } });
  });

  it('accepts a chain as deep as the limit, which compiles and grades', () => {
    const { rubric, diagnostics } = check(named(MAX_CONDITION_DEPTH - 2, (i) => `{ condition: c${i + 1} }`, leaf));
    expect(diagnostics).toEqual([]);
    const compiled = compileRubric(rubric!, { mission: 'test', period: '2567-Q3', revision: 1, digest: 'sha256:test' });
    expect(compiled).toBeDefined();
  });

  it('checks a lattice of 40 levels, each using the next twice (2^40 paths), in linear work', () => {
    const { rubric, diagnostics } = check(named(40, (i) => `{ all: [ { condition: c${i + 1} }, { condition: c${i + 1} } ] }`, leaf));
    expect(diagnostics).toEqual([]);
    expect(rubric).toBeDefined();
  });

  it('names every condition of a ring of 1,000 as on a cycle, each message cut short', () => {
    const { rubric, diagnostics } = check(named(999, (i) => `{ condition: c${i + 1} }`, '{ condition: c0 }'));
    expect(rubric).toBeUndefined();
    expect(diagnostics.filter((d) => d.code === 'CONDITION_CYCLE')).toHaveLength(200);
    expect(diagnostics.at(-1)).toMatchObject({ code: 'TOO_MANY_PROBLEMS', received: '1000 problems' });
    const first = diagnostics[0]!;
    expect([first.code, first.where.pointer, first.where.line, first.received]).toEqual([
      'CONDITION_CYCLE',
      '/conditions/c0',
      11,
      'c0 → c1 → c2 → c3 → c4 → c5 → … → c996 → c997 → c998 → c999 → c0 (1000 conditions)',
    ]);
    expect(first.message.en).toContain(first.received);
    expect(first.message.th).toContain(first.received);
  });
});
