import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRubric } from '../../engine/load.js';
import { validateRubric } from '../../engine/validate.js';

// A number in a rubric whose literal says more than the double it is read as keeps would be
// used as another number without a word: it is an error at its place instead.
const otop = readFileSync(join(import.meta.dirname, '../../rubrics/2567-Q3/otop.yaml'), 'utf8');

/** The shipped OTOP rubric with one piece of text replaced (which must be there). */
function edited(from: string, to: string): string {
  expect(otop).toContain(from);
  return otop.replace(from, to);
}

/** The line and column where `needle` starts in `text`. */
function placeOf(text: string, needle: string): { line: number; column: number } {
  const at = text.indexOf(needle);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

function inexact(text: string) {
  const { rubric, diagnostics } = validateRubric(loadRubric(text, 'rubrics/2567-Q3/otop.yaml'));
  return { rubric, found: diagnostics.filter((d) => d.code === 'INEXACT_NUMBER'), diagnostics };
}

describe('a number in a rubric that cannot be kept exactly', () => {
  const cases: [string, string, string, string][] = [
    ['a revision past 2^53', 'revision: 1', 'revision: 9007199254740993', '/revision'],
    ['a threshold past 2^53', 'op: ">=", value: 5,', 'op: ">=", value: 9007199254740993,', '/criteria/0/bands/0/value'],
    ['a hexadecimal threshold past 2^53', 'op: ">=", value: 4,', 'op: ">=", value: 0x20000000000001,', '/criteria/0/bands/1/value'],
    ['a decimal with more digits than a double keeps', 'op: ">", value: 4,', 'op: ">", value: 69.500000000000001,', '/criteria/1/bands/0/value'],
    ['an example fact past 2^53', 'facts: { newProducts: 5, salesGrowthPct: 4.01 }', 'facts: { newProducts: 9007199254740993, salesGrowthPct: 4.01 }', '/examples/0/facts/newProducts'],
  ];
  for (const [name, from, to, path] of cases) {
    it(`is an error at its line and column: ${name}`, () => {
      const text = edited(from, to);
      const literal = /(?:value|revision|newProducts): ([^,\s]+)/.exec(to)![1]!;
      const { rubric, found } = inexact(text);
      expect(rubric).toBeUndefined();
      expect(found).toEqual([
        {
          code: 'INEXACT_NUMBER',
          severity: 'error',
          where: { file: 'rubrics/2567-Q3/otop.yaml', ...placeOf(text, to.slice(to.indexOf(literal))), pointer: path },
          message: { th: expect.stringContaining(`ตัวเลข ${literal} มีจำนวนหลักมากเกินกว่าจะเก็บค่าได้ตรงทุกหลัก`), en: expect.stringContaining(`the number ${literal} has more digits than can be kept exactly`) },
          expected: expect.any(String),
          received: literal,
        },
      ]);
    });
  }

  it('is found in keys, flow lists and tagged strings too, every one at once', () => {
    const text = `${otop}\nnotes2:\n  9007199254740993: x\n  list: [1, 18014398509481985]\n  tagged: !!int "9007199254740993"\n`;
    const { found } = inexact(text);
    expect(found.map((d) => [d.where.pointer, d.received, d.where.line])).toEqual([
      ['/notes2/9007199254740992', '9007199254740993', placeOf(text, '9007199254740993: x').line],
      ['/notes2/list/1', '18014398509481985', placeOf(text, '18014398509481985').line],
      ['/notes2/tagged', '9007199254740993', placeOf(text, '!!int').line],
    ]);
  });

  it('leaves numbers that are kept exactly alone: 1.0, 1e3, 0.1, 69.50, -0', () => {
    const text = edited('op: ">", value: 4,', 'op: ">", value: 4.0,')
      .replace('revision: 1', 'revision: 1.0')
      .replace('op: ">", value: 3,', 'op: ">", value: 3.00,')
      .replace('facts: { newProducts: 9, salesGrowthPct: -5 }', 'facts: { newProducts: 9, salesGrowthPct: -5.0 }')
      .replace('facts: { newProducts: 9, salesGrowthPct: 1.99 }', 'facts: { newProducts: 9, salesGrowthPct: 1.990 }')
      .replace('facts: { newProducts: 9, salesGrowthPct: 2.01 }', 'facts: { newProducts: 9, salesGrowthPct: 0.201e1 }');
    const { rubric, diagnostics } = inexact(text);
    expect(diagnostics).toEqual([]);
    expect(rubric).toBeDefined();
    const loaded = loadRubric('a: 1.0\nb: 1e3\nc: 0.1\nd: 69.50\ne: -0\nf: 0x1F\ng: 0o17\nh: .5\ni: 9007199254740991\n', 'x.yaml');
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.value).toEqual({ a: 1, b: 1000, c: 0.1, d: 69.5, e: -0, f: 31, g: 15, h: 0.5, i: 9007199254740991 });
  });
});
