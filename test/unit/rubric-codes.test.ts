// The rubric codes of the problem catalogue: every code has Thai and English words for every case
// it takes, and the engine's rubric modules make no problem outside the catalogue. Reads sources; runs no file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParamsOf } from '../../engine/problems/catalogue.js';
import { problem } from '../../engine/problems/catalogue.js';
import { RUBRIC_CODES, type RubricCode } from '../../engine/problems/rubric-codes.js';

const THAI = /[\u0E00-\u0E7F]/;
const shown = { th: 'ข้อความ "x"', en: 'the text "x"' };

/** Sample parameters for each code, one per case its words switch on; a code left out does not type-check. */
const SAMPLES: { [C in RubricCode]: ParamsOf<'rubric', C>[] } = {
  FILE_TOO_LARGE: [{ size: 2_000_000, max: 1_048_576 }],
  NOT_UTF8: [{ byte: 'ff', offset: 12 }],
  EMPTY_FILE: [{ kind: 'empty' }, { kind: 'comments' }],
  YAML_SYNTAX: [
    { kind: 'control', character: 'U+0007' },
    { kind: 'parse', detail: 'Nested mappings are not allowed' },
    { kind: 'alias-cycle', source: 'w' },
    { kind: 'alias-missing', source: 'w' },
    { kind: 'tag', tag: '!!binary' },
  ],
  DUPLICATE_KEY: [{ detail: '"mission" (Map keys must be unique)' }],
  ALIAS_LIMIT: [{ max: 100 }],
  FORBIDDEN_KEY: [{ key: '__proto__' }],
  INEXACT_NUMBER: [{ literal: '9007199254740993', value: 9007199254740992 }],
  NOT_A_MAPPING: [{}],
  SCHEMA_UNKNOWN_PROPERTY: [{ name: 'missoin', hint: 'mission', allowed: 'mission, period' }, { name: 'zzz', allowed: 'mission, period' }],
  SCHEMA_REQUIRED: [{ kind: 'property', property: 'period' }, { kind: 'published-grade' }],
  SCHEMA_TYPE: [{ expected: 'number', shown }],
  SCHEMA_ENUM: [{ kind: 'value', shown, expected: 'draft, published' }, { kind: 'tag', tag: 'type', value: 'ratoi' }],
  SCHEMA_PATTERN: [{ kind: 'pattern', shown, pattern: '^25[0-9]{2}-Q[1-4]$' }, { kind: 'id', name: 'Bad-Id' }],
  SCHEMA_CONSTRAINT: [
    { kind: 'schema', path: '/revision', words: { th: 'ต้องมีค่าน้อยกว่าหรือเท่ากับ 999999', en: 'must be <= 999999' }, shown },
    { kind: 'due', due: '2024-02-30' },
  ],
  UNKNOWN_OPERATOR: [{ shown, expected: 'equal, notEqual' }],
  UNDECLARED_FACT: [{ id: 'membrs', hint: 'members' }, { id: 'zzz' }],
  UNKNOWN_CONDITION: [{ name: 'bussy', hint: 'busy' }, { name: 'zzz' }],
  CONDITION_CYCLE: [{ cycle: 'a → b → a' }],
  CONDITION_DEPTH: [{ depth: 600, max: 500 }],
  UNKNOWN_CRITERION: [{ id: 'sales' }],
  DUPLICATE_ID: [{ kind: 'fact', id: 'members' }, { kind: 'criterion', id: 'sales' }],
  TYPE_MISMATCH: [
    { kind: 'operand', id: 'done', type: 'string', want: 'boolean' },
    { kind: 'operand', id: 'count', type: 'string', want: 'numeric' },
    { kind: 'band-input', id: 'name', type: 'string' },
    { kind: 'grade-input', id: 'name' },
    { kind: 'column', id: 'amount' },
    { kind: 'value', id: 'done', type: 'boolean', value: 'yes' },
    { kind: 'operator', operator: 'lessThan', id: 'name', type: 'string' },
    { kind: 'needs-number', operator: 'lessThan' },
    { kind: 'needs-list', operator: 'in' },
  ],
  UNKNOWN_PROVINCE: [{ name: 'จ.น่าน', hint: 'น่าน' }, { name: 'Atlantis' }],
  BAND_MIXED: [{}],
  BAND_RANGE: [{ kind: 'between', value: [9, 1] }, { kind: 'single', op: '>', value: [1, 2] }],
  BAND_TARGET: [
    { kind: 'score-without-criteria' },
    { kind: 'worst-without-criteria' },
    { kind: 'criteria-without-score' },
    { kind: 'level' },
    { kind: 'points' },
  ],
  TRUTH_TABLE_SHAPE: [{ values: 2, columns: 3 }],
  MISSION_MISMATCH: [{ mission: 'otop', expected: 'bmn' }],
  PERIOD_MISMATCH: [{ period: '2567-Q3', expected: '2567-Q4' }],
  TOO_MANY_PROBLEMS: [{ rest: 1, total: 201, max: 200 }, { rest: 4800, total: 5000, max: 200 }],
};

describe('the rubric codes of the catalogue', () => {
  it('has a sample for every code and no sample for a code it lacks', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(RUBRIC_CODES).sort());
  });

  for (const code of Object.keys(SAMPLES) as RubricCode[]) {
    it(`${code} has Thai and English words, different from each other and for each case`, () => {
      const made = SAMPLES[code].map((params) => problem('rubric', code, params as never));
      for (const p of made) {
        expect(p.code).toBe(code);
        expect(p.severity).toBe(RUBRIC_CODES[code].severity);
        expect(p.message.th).toMatch(THAI);
        expect(p.message.en).toMatch(/[a-z]{3}/);
        expect(p.message.th).not.toBe(p.message.en);
      }
      expect(new Set(made.map((p) => p.message.th)).size).toBe(made.length);
      expect(new Set(made.map((p) => p.message.en)).size).toBe(made.length);
    });
  }
});

describe('the rubric modules of the engine', () => {
  const root = join(import.meta.dirname, '../..');
  const folders = ['engine/load', 'engine/check', 'engine/validate'];
  const files = [
    'engine/diagnostics.ts',
    'engine/load.ts',
    'engine/validate.ts',
    'engine/check.ts',
    'engine/lint.ts',
    ...folders.flatMap((folder) => readdirSync(join(root, folder)).map((name) => `${folder}/${name}`)),
  ];

  it('are all read (the list of folders is not stale)', () => {
    expect(files.filter((file) => file.endsWith('.ts')).length).toBeGreaterThanOrEqual(15);
  });

  it('make no problem outside the catalogue: no code or Thai or English words written as a literal', () => {
    const literals = files.flatMap((file) =>
      readFileSync(join(root, file), 'utf8')
        .split('\n')
        .map((line, i) => [`${file}:${i + 1}`, line] as const)
        .filter(([, line]) => /\b(code|th|en):\s*['"`]/.test(line))
        .map(([at, line]) => `${at}: ${line.trim()}`),
    );
    expect(literals).toEqual([]);
  });

  it('would see a literal code if one were written (the search finds what it looks for)', () => {
    expect(/\b(code|th|en):\s*['"`]/.test(`  return { code: 'SCHEMA_TYPE', message: { th: 'x', en: 'y' } };`)).toBe(true);
  });
});
