import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataFile } from '../../engine/node/data-files.js';
import { gradeRows } from '../../engine/evaluate.js';
import { lintRubric } from '../../engine/lint.js';
import { kindOf } from '../../engine/analyze.js';
import { MAX_RUBRIC_BYTES, loadRubric } from '../../engine/load.js';
import { validateRubric } from '../../engine/validate.js';
import { TEST_RUBRIC_HEADER, shippedRubric } from '../helpers.js';
import { tempDir } from '../temp.js';

const corpus = join(import.meta.dirname, '../fixtures/bad-rubrics');
const expected = JSON.parse(readFileSync(join(corpus, 'expected.json'), 'utf8')) as Record<
  string,
  { code: string; line: number; column: number; path: string }[]
>;

describe('validateRubric', () => {
  describe('on the corpus of bad rubric files', () => {
    const files = readdirSync(corpus).filter((f) => f.endsWith('.yaml'));
    it('has an expectation for every file and a file for every expectation', () => {
      expect(files.sort()).toEqual(Object.keys(expected).sort());
      expect(files.length).toBeGreaterThanOrEqual(20);
    });
    for (const file of files) {
      it(`reports ${expected[file]!.map((d) => d.code).join(', ')} for ${file}`, () => {
        const { rubric, diagnostics } = validateRubric(loadRubric(readFileSync(join(corpus, file)), file));
        expect(rubric).toBeUndefined();
        expect(diagnostics.map(({ code, where: { line, column, pointer: path } }) => ({ code, line, column, path }))).toEqual(expected[file]);
        for (const d of diagnostics) {
          expect(d.message.th.length).toBeGreaterThan(0);
          expect(d.message.en.length).toBeGreaterThan(0);
          expect(d.where.file).toBe(file);
        }
      });
    }
  });

  describe('when a file is over 1 MiB', () => {
    it('reports FILE_TOO_LARGE at 1:1 without parsing it', () => {
      const bytes = new TextEncoder().encode('# ' + 'x'.repeat(MAX_RUBRIC_BYTES) + '\n');
      const { diagnostics } = validateRubric(loadRubric(bytes, 'big.yaml'));
      expect(diagnostics.map((d) => [d.code, d.where.line, d.where.column])).toEqual([['FILE_TOO_LARGE', 1, 1]]);
      expect(diagnostics[0]!.received).toBe(`${bytes.byteLength} bytes`);
    });
  });

  describe('when the mission or period does not match the file path', () => {
    it('reports MISSION_MISMATCH and PERIOD_MISMATCH at the values', () => {
      const text = readFileSync(join(import.meta.dirname, '../../rubrics/2567-Q3/otop.yaml'));
      const { diagnostics } = validateRubric(loadRubric(text, 'x.yaml'), { expectedMission: 'bmn', expectedPeriod: '2567-Q4' });
      expect(diagnostics.map((d) => [d.code, d.where.pointer])).toEqual([
        ['MISSION_MISMATCH', '/mission'],
        ['PERIOD_MISMATCH', '/period'],
      ]);
      expect(diagnostics[0]!.where.line).toBe(3);
    });
  });
});

describe('validateRubric with a reporting round due on a day that does not exist', () => {
  it.each([
    ['2024-02-30', 1],
    ['2024-13-01', 1],
    ['2023-02-29', 1],
    ['2024-04-19T24:00:00+07:00', 1],
    ['2024-04-19T16:60+07:00', 1],
    ['2024-02-29', 0],
    ['2024-04-19T23:59:59+07:00', 0],
  ])('due %s gives %i SCHEMA_CONSTRAINT', (due, errors) => {
    const text = TEST_RUBRIC_HEADER.replace('rounds: []', `rounds: [{ round: 1, due: "${due}" }]`);
    const { rubric, diagnostics } = validateRubric(loadRubric(text, 'due.yaml'));
    expect(diagnostics.map((d) => [d.code, d.where.pointer, d.where.line])).toEqual(errors ? [['SCHEMA_CONSTRAINT', '/reporting/rounds/0/due', 6]] : []);
    expect(rubric === undefined).toBe(errors > 0);
  });
});

describe('validateRubric with a revision larger than the API can name', () => {
  it.each([
    ['1000000', ['SCHEMA_CONSTRAINT']],
    // Past 2^53 the number is also not the one written (INEXACT_NUMBER, at the same place).
    ['123456789012345678901234567890', ['INEXACT_NUMBER', 'SCHEMA_CONSTRAINT']],
    ['9007199254740993', ['INEXACT_NUMBER', 'SCHEMA_CONSTRAINT']],
  ])('revision %s gives %s at /revision, not a rubric whose revision lost its digits', (revision, codes) => {
    const text = TEST_RUBRIC_HEADER.replace('revision: 1', `revision: ${revision}`);
    const { rubric, diagnostics } = validateRubric(loadRubric(text, 'revision.yaml'));
    expect(rubric).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.where.pointer, d.where.line])).toEqual(codes.map((code) => [code, '/revision', 3]));
  });
  it('accepts revision 999999, the last the API names', () => {
    expect(validateRubric(loadRubric(TEST_RUBRIC_HEADER.replace('revision: 1', 'revision: 999999'), 'revision.yaml')).diagnostics).toEqual([]);
  });
});

describe('validateRubric with tags outside YAML\'s core schema', () => {
  it.each([
    ['name: { th: !!js/function "function () {}", en: Test }', 5, '!!js/function'],
    ['name: { th: !!binary aGVsbG8=, en: Test }', 5, '!!binary'],
    ['source: !!set { document, date }', 7, '!!set'],
    ['source: !!omap [ { document: x } ]', 7, '!!omap'],
    ['source: !include other.yaml', 7, '!include'],
  ])('refuses %s with YAML_SYNTAX at its line, not a rubric that kept or dropped the value', (line, at, tag) => {
    const [key] = line.split(':');
    const text = TEST_RUBRIC_HEADER.replace(new RegExp(`^${key}:.*$`, 'm'), line);
    const { rubric, diagnostics } = validateRubric(loadRubric(text, 'tag.yaml'));
    expect(rubric).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.severity, d.where.line, d.received])).toEqual([['YAML_SYNTAX', 'error', at, tag]]);
  });
  it('accepts the core tags, which only say what a plain value is', () => {
    const text = TEST_RUBRIC_HEADER.replace('revision: 1', 'revision: !!int 1').replace('mission: test', 'mission: !!str test');
    expect(validateRubric(loadRubric(text, 'tag.yaml')).diagnostics).toEqual([]);
  });
});

describe('validateRubric with control characters, which YAML does not allow', () => {
  it.each([
    ['\u0000', 'U+0000'],
    ['\u0007', 'U+0007'],
    ['\u001B', 'U+001B'],
    ['\u007F', 'U+007F'],
    ['\u0090', 'U+0090'],
    ['\uFFFF', 'U+FFFF'],
  ])('refuses a raw %j in a name with YAML_SYNTAX at its place', (character, code) => {
    const text = TEST_RUBRIC_HEADER.replace('en: Test', `en: Te${character}st`);
    const { rubric, diagnostics } = validateRubric(loadRubric(text, 'control.yaml'));
    expect(rubric).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.where.line, d.where.column, d.received])).toEqual([['YAML_SYNTAX', 5, 26, code]]);
  });
  it('accepts tabs inside a line and the escape "\\0" in a double-quoted string', () => {
    const text = TEST_RUBRIC_HEADER.replace('{ th: ทดสอบ, en: Test }', '{ th: ทดสอบ,\ten: "Te\\0st" }');
    expect(validateRubric(loadRubric(text, 'control.yaml')).diagnostics).toEqual([]);
  });
});

describe('validateRubric with an alias that cannot stand for a value', () => {
  const facts = 'facts:\n  done: { type: boolean, label: { th: เสร็จ, en: Done } }\n';
  it.each([
    ['conditions:\n  loop: &w { not: *w }\n', 11, 19, '*w', 'an alias outside the value of &w'],
    ['conditions:\n  loop: &w { all: [ { fact: done, operator: equal, value: true }, *w ] }\n', 11, 67, '*w', 'an alias outside the value of &w'],
    ['notes: &n [ *n ]\n', 10, 13, '*n', 'an alias outside the value of &n'],
    ['leadUnit: *unit\nnotes: [ &unit { th: x, en: y } ]\n', 10, 11, '*unit', 'an anchor &unit before the alias'],
  ])('refuses %j with YAML_SYNTAX at the alias, not a stack overflow or an "alias bomb"', (tail, line, column, alias, wanted) => {
    let result: ReturnType<typeof validateRubric> | undefined;
    expect(() => (result = validateRubric(loadRubric(TEST_RUBRIC_HEADER + facts + tail, 'alias.yaml')))).not.toThrow();
    expect(result!.rubric).toBeUndefined();
    expect(result!.diagnostics.map((d) => [d.code, d.where.line, d.where.column, d.received, d.expected])).toEqual([['YAML_SYNTAX', line, column, alias, wanted]]);
  });
  it('still accepts an alias to an earlier anchor outside it', () => {
    const text = TEST_RUBRIC_HEADER.replace('name: { th: ทดสอบ, en: Test }', 'name: &name { th: ทดสอบ, en: Test }\nleadUnit: *name');
    expect(validateRubric(loadRubric(text, 'alias.yaml')).diagnostics).toEqual([]);
  });
});

describe('lintRubric', () => {
  describe('on the corpus of valid rubrics with defects only analysis finds', () => {
    const lintCorpus = join(import.meta.dirname, '../fixtures/lint-rubrics');
    const wanted = JSON.parse(readFileSync(join(lintCorpus, 'expected.json'), 'utf8')) as Record<string, unknown[]>;
    const files = readdirSync(lintCorpus).filter((f) => f.endsWith('.yaml'));
    it('has an expectation for every file and a file for every expectation', () => {
      expect(files.sort()).toEqual(Object.keys(wanted).sort());
    });
    for (const file of files) {
      it(`finds exactly what ${file} is there to show`, () => {
        const loaded = loadRubric(readFileSync(join(lintCorpus, file)), file);
        const { rubric, diagnostics } = validateRubric(loaded);
        expect(diagnostics).toEqual([]);
        const findings = lintRubric(loaded, rubric, diagnostics);
        expect(findings.map(({ code, severity, where, about }) => ({ kind: kindOf(code), severity, line: where.line, column: where.column, path: where.pointer, example: about.example }))).toEqual(wanted[file]);
        for (const f of findings) expect(f.message.th).toMatch(/[\u0E00-\u0E7F]/);
      });
    }
  });
});

describe('gradeRows with bad rows', () => {
  const { compiled } = shippedRubric('otop');
  const bmn = shippedRubric('bmn');

  it('gives each bad row an error naming the fact while the good rows still grade', () => {
    const rows = [
      { id: 'good', newProducts: 5, salesGrowthPct: 4.5 },
      { id: 'missing', newProducts: 5 },
      { id: 'wrong-type', newProducts: true, salesGrowthPct: 4.5 },
      { id: 'text', newProducts: 5, salesGrowthPct: '4,5' },
      { id: 'fraction', newProducts: 4.5, salesGrowthPct: 4.5 },
      { id: 'dup', newProducts: 5, salesGrowthPct: 4.5 },
      { id: 'dup', newProducts: 1, salesGrowthPct: 1 },
      { newProducts: 5, salesGrowthPct: 4.5 },
      { id: 'also-good', newProducts: 3, salesGrowthPct: 2.5 },
    ];
    const results = gradeRows(compiled, rows);
    expect(results.map((r) => [r.id, r.status, r.grade])).toEqual([
      ['good', 'graded', 'A'],
      ['missing', 'error', null],
      ['wrong-type', 'error', null],
      ['text', 'error', null],
      ['fraction', 'error', null],
      ['dup', 'error', null],
      ['dup', 'error', null],
      ['#8', 'error', null],
      ['also-good', 'graded', 'C'],
    ]);
    const errors = results.map((r) => r.verdict.errors?.map((e) => [e.code, e.fact]) ?? []);
    expect(errors[1]).toEqual([['MISSING_FACT', 'salesGrowthPct']]);
    expect(errors[2]).toEqual([['WRONG_TYPE', 'newProducts']]);
    expect(errors[3]).toEqual([['NOT_A_NUMBER', 'salesGrowthPct']]);
    expect(errors[4]).toEqual([['NOT_AN_INTEGER', 'newProducts']]);
    expect(errors[5]).toEqual([['DUPLICATE_ID', 'id']]);
    expect(errors[7]).toEqual([['MISSING_ID', 'id']]);
    expect(results[3]!.reason.en).toContain('"4,5"');
  });

  it('says an id of the wrong kind is one, describing it without stringifying it', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const results = gradeRows(compiled, [
      { id: true, newProducts: 5, salesGrowthPct: 4.5 },
      { id: deep, newProducts: 5, salesGrowthPct: 4.5 },
      { id: '  ', newProducts: 5, salesGrowthPct: 4.5 },
      { id: null, newProducts: 5, salesGrowthPct: 4.5 },
    ]);
    expect(results.map((r) => r.verdict.errors!.map((e) => [e.code, e.fact, e.received]))).toEqual([
      [['WRONG_TYPE', 'id', 'true']],
      [['WRONG_TYPE', 'id', 'a list of 1 item']],
      [['MISSING_ID', 'id', '"  "']],
      [['MISSING_ID', 'id', 'null']],
    ]);
  });

  it('reports every problem of a row at once', () => {
    const [result] = gradeRows(compiled, [{ id: 'x', newProducts: 'many', salesGrowthPct: null }]);
    expect(result!.verdict.errors!.map((e) => e.fact)).toEqual(['newProducts', 'salesGrowthPct']);
  });

  it('reports a zero denominator as an error naming the denominator', () => {
    const [result] = gradeRows(bmn.compiled, [{ id: 'x', villagesVerified: 3, villagesTarget: 0 }]);
    expect(result!.status).toBe('error');
    expect(result!.verdict.errors!.map((e) => [e.code, e.fact])).toEqual([['ZERO_DENOMINATOR', 'villagesTarget']]);
  });

  it('treats __proto__ and constructor keys in a row as plain, unknown data', () => {
    const row = JSON.parse('{"id":"p","newProducts":5,"salesGrowthPct":4.5,"__proto__":{"polluted":true},"constructor":1}');
    const [result] = gradeRows(compiled, [row]);
    expect(result!.grade).toBe('A');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('readDataFile', () => {
  const dir = tempDir('rubric-data-');
  const facts = shippedRubric('otop').rubric.facts!;
  const write = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  /** The one problem of a file refused as a whole: its code, its place and its English words. */
  const refusal = (path: string): { code: string; file: string | undefined; en: string } => {
    const read = readDataFile(path, facts);
    if (read.ok) throw new Error(`${path} was read`);
    expect(read.problems).toHaveLength(1);
    const [only] = read.problems;
    return { code: only!.code, file: only!.where.file, en: only!.message.en };
  };

  it('refuses an empty data file with a clear message', () => {
    const empty = write('empty.csv', '');
    expect(refusal(empty)).toEqual({ code: 'FILE_EMPTY', file: empty, en: `${empty}: the file is empty: expected a header line of id and fact ids` });
    expect(refusal(write('empty.json', '   '))).toMatchObject({ code: 'FILE_EMPTY', en: expect.stringMatching(/empty/) });
    expect(refusal(write('none.json', '[]'))).toMatchObject({ code: 'FILE_NO_ROWS', en: expect.stringMatching(/no rows/) });
    expect(refusal(write('header.csv', 'id,newProducts\n'))).toMatchObject({ code: 'FILE_NO_ROWS', en: expect.stringMatching(/no rows/) });
  });

  it('refuses a CSV without an id column, naming the columns it found', () => {
    expect(refusal(write('noid.csv', 'unit,newProducts\nx,1\n'))).toMatchObject({ code: 'NO_ID_COLUMN', en: expect.stringMatching(/no "id" column \(found: unit, newProducts\)/) });
  });

  it('refuses JSON that is not an array of rows', () => {
    expect(refusal(write('obj.json', '{"id":1}'))).toMatchObject({ code: 'FILE_NOT_ROWS', en: expect.stringMatching(/expected a JSON array/) });
    expect(refusal(write('bad.json', '[{"id":1},'))).toMatchObject({ code: 'FILE_NOT_JSON', en: expect.stringMatching(/not valid JSON/) });
    expect(refusal(write('nested.json', '[1]'))).toMatchObject({ code: 'ROW_NOT_OBJECT', en: expect.stringMatching(/row 1/) });
  });

  it('types CSV cells by the facts and keeps text that does not fit, for the grader to report', () => {
    const path = write('rows.csv', '\ufeffid,newProducts,salesGrowthPct,note\na,5,4.50,x\nb,,1e3,\n');
    const data = readDataFile(path, facts);
    if (!data.ok) throw new Error(JSON.stringify(data.problems));
    expect(data.rows[0]).toEqual(Object.assign(Object.create(null), { id: 'a', newProducts: 5, salesGrowthPct: 4.5, note: 'x' }));
    expect(data.rows[1]!.newProducts).toBeUndefined();
    expect(data.rows[1]!.salesGrowthPct).toBe('1e3');
    expect(data.problems.map((w) => [w.code, w.severity, w.where])).toEqual([['UNKNOWN_COLUMN', 'warning', { file: path, column: 'note' }]]);
  });

  it('warns of a column that looks like a misspelt fact', () => {
    const data = readDataFile(write('typo.csv', 'id,newProducts,salesGrowth\na,5,4\n'), facts);
    if (!data.ok) throw new Error(JSON.stringify(data.problems));
    expect(data.problems.map((w) => [w.code, w.where.column])).toEqual([
      ['UNKNOWN_COLUMN', 'salesGrowth'],
      ['MISSING_COLUMN', 'salesGrowthPct'],
    ]);
    expect(data.problems.map((w) => w.message.en)).toEqual([
      'unknown column "salesGrowth" is ignored; did you mean "salesGrowthPct"?',
      'no column "salesGrowthPct": every row will lack it',
    ]);
  });
});

describe('readDataFile with JSON that breaks the row set schema', () => {
  const dir = tempDir('rubric-rows-');
  const facts = shippedRubric('otop').rubric.facts!;
  it('warns at the row and key, and still returns every row for the grader', () => {
    const path = join(dir, 'rows.json');
    writeFileSync(path, JSON.stringify([{ id: 'a', newProducts: 5, salesGrowthPct: 4.5 }, { id: 'b', newProducts: [5], salesGrowthPct: 4.5 }, { newProducts: 1 }]));
    const data = readDataFile(path, facts);
    if (!data.ok) throw new Error(JSON.stringify(data.problems));
    expect(data.rows).toHaveLength(3);
    expect(data.problems.every((w) => w.code === 'ROW_NOT_VALID' && w.severity === 'warning')).toBe(true);
    expect(data.problems.some((w) => w.where.row === 2 && w.where.column === 'newProducts')).toBe(true);
    expect(data.problems.some((w) => w.where.row === 3)).toBe(true);
    const messages = data.problems.map((w) => w.message.en);
    expect(messages.some((m) => m.startsWith('row 2, "newProducts": must be'))).toBe(true);
    expect(messages.some((m) => m.startsWith("row 3: must have required property 'id'"))).toBe(true);
    const results = gradeRows(shippedRubric('otop').compiled, data.rows);
    expect(results.map((r) => r.status)).toEqual(['graded', 'error', 'error']);
  });
});
