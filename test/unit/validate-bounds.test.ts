// Validation does bounded work per problem and reports a bounded number of them: a document with
// thousands of unknown keys gets the first 200 problems and one that counts the rest, and a value
// is described by its type and size, never by stringifying it whole.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeValue } from '../../engine/diagnostics.js';
import { loadRubric } from '../../engine/load.js';
import { validateRubric } from '../../engine/validate.js';

const rubrics = join(import.meta.dirname, '../../rubrics/2567-Q3');
const otop = readFileSync(join(rubrics, 'otop.yaml'), 'utf8');

/** The shipped otop rubric with `count` unknown root keys appended. */
function withUnknownKeys(count: number): string {
  const lines = [otop.trimEnd()];
  for (let i = 0; i < count; i++) lines.push(`unknownKey${i}: value ${i}`);
  return lines.join('\n') + '\n';
}

const THAI = /[\u0E00-\u0E7F]/;

describe('validateRubric on a document with many problems', () => {
  it('adds no count when there are exactly 200 problems, and counts one more as "1 more problem"', () => {
    const exact = validateRubric(loadRubric(withUnknownKeys(200), 'exact.yaml')).diagnostics;
    expect(exact).toHaveLength(200);
    expect(exact.some((d) => d.code === 'TOO_MANY_PROBLEMS')).toBe(false);

    const over = validateRubric(loadRubric(withUnknownKeys(201), 'over.yaml')).diagnostics;
    expect(over).toHaveLength(201);
    expect(over[200]!.code).toBe('TOO_MANY_PROBLEMS');
    expect(over[200]!.message.en).toContain('1 more problem');
    expect(over[200]!.message.en).not.toContain('1 more problems');
  });

  it('caps the meaning checks as well as the schema (300 unknown provinces in an exemption)', () => {
    const text = readFileSync(join(rubrics, 'community-fund.yaml'), 'utf8').replace(
      'value: [นนทบุรี, สมุทรปราการ, ภูเก็ต, อ่างทอง, หนองคาย, สุโขทัย]',
      `value: [${Array.from({ length: 300 }, (_, i) => `notAProvince${i}`).join(', ')}]`,
    );
    const { diagnostics } = validateRubric(loadRubric(text, 'provinces.yaml'));
    expect(diagnostics).toHaveLength(201);
    expect(diagnostics.slice(0, 200).every((d) => d.code === 'UNKNOWN_PROVINCE')).toBe(true);
    expect(diagnostics[200]).toMatchObject({ code: 'TOO_MANY_PROBLEMS', where: { file: 'provinces.yaml', line: 1, column: 1, pointer: '' }, received: '300 problems' });
    expect(diagnostics[200]!.message.en).toContain('100 more problems');
  });

  it('caps the problems of reading the YAML too (300 duplicate keys)', () => {
    const text = otop.trimEnd() + '\n' + Array.from({ length: 301 }, () => 'again: 1').join('\n') + '\n';
    const { diagnostics } = validateRubric(loadRubric(text, 'dup.yaml'));
    expect(diagnostics).toHaveLength(201);
    expect(diagnostics.slice(0, 200).every((d) => d.code === 'DUPLICATE_KEY')).toBe(true);
    expect(diagnostics[200]!.code).toBe('TOO_MANY_PROBLEMS');
  });

  it('keeps the message of an unknown key short when the key is very long', () => {
    const key = 'k'.repeat(200_000);
    // An explicit key ("? "): yaml refuses an implicit key over 1024 characters.
    const { diagnostics } = validateRubric(loadRubric(`${otop.trimEnd()}\n? ${key}\n: 1\n`, 'long.yaml'));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.code).toBe('SCHEMA_UNKNOWN_PROPERTY');
    expect(diagnostics[0]!.where.pointer).toBe(`/${key}`);
    expect(diagnostics[0]!.message.en.length).toBeLessThan(1_000);
    expect(diagnostics[0]!.received!.length).toBeLessThanOrEqual(80);
  });
});

describe('describeValue', () => {
  it('names a 100,000-deep list a list without throwing', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => describeValue(deep)).not.toThrow();
    expect(describeValue(deep)).toBe('a list of 1 item');
    expect(describeValue(deep, 'th')).toMatch(THAI);
  });

  it('names a 100,000-deep mapping an object without throwing', () => {
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(describeValue(deep)).toBe('an object with 1 key');
  });

  it('quotes a string, cut at about 60 characters, without splitting a character', () => {
    expect(describeValue('ภูเกต')).toBe('"ภูเกต"');
    const long = describeValue('x'.repeat(1000));
    expect(long.startsWith('"x')).toBe(true);
    expect(long.endsWith('..."')).toBe(true);
    expect(long.length).toBeLessThanOrEqual(62);
    const emoji = describeValue('😀'.repeat(100));
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it('gives a number, boolean or null as it is, and lists and objects by their size', () => {
    expect(describeValue(12.5)).toBe('12.5');
    expect(describeValue(-3)).toBe('-3');
    expect(describeValue(true)).toBe('true');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue([1, 2, 3])).toBe('a list of 3 items');
    expect(describeValue([])).toBe('a list of 0 items');
    expect(describeValue({ a: 1, b: 2 })).toBe('an object with 2 keys');
    expect(describeValue([1, 2, 3], 'th')).toMatch(THAI);
    expect(describeValue([1, 2, 3], 'th')).toContain('3');
    expect(describeValue({ a: 1, b: 2 }, 'th')).toMatch(THAI);
    expect(describeValue({ a: 1, b: 2 }, 'th')).toContain('2');
  });
});
