import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inexactJsonNumbers, quoteNumbers } from '../../../engine/import/json-numbers.js';
import { readGrids, readMission } from '../../../engine/import/read-file.js';
import { shippedRubric } from '../../helpers.js';

const found = (text: string) => inexactJsonNumbers(text).map(({ row, key, literal, value }) => ({ row, key, literal, value }));

describe('inexactJsonNumbers', () => {
  it('finds each number JSON.parse would change, with its row and key, and leaves exact ones', () => {
    const text = '[{"a": 1, "b": 9007199254740993}, {"c": [1.0, {"d": 69.500000000000001}], "e": -1e400}, {"f": 0.1, "g": 1E3, "h": -0}]';
    expect(found(text)).toEqual([
      { row: 0, key: 'b', literal: '9007199254740993', value: 9007199254740992 },
      { row: 1, key: 'c', literal: '69.500000000000001', value: 69.5 },
      { row: 1, key: 'e', literal: '-1e400', value: -Infinity },
    ]);
  });

  it('skips strings, escaped quotes and backslashes included, and reads escaped keys', () => {
    const text = String.raw`[{"n\"ote": "9007199254740993 \" 9007199254740993 \\", "k\u0065y": 9007199254740993, "\\": "x"}, "18014398509481985"]`;
    expect(found(text)).toEqual([{ row: 0, key: 'key', literal: '9007199254740993', value: 9007199254740992 }]);
  });

  it('nests to any depth without recursion', () => {
    const depth = 100_000;
    const text = `[{"a": ${'['.repeat(depth)}9007199254740993${']'.repeat(depth)}}, {"b": ${'{"x":'.repeat(depth)}1${'}'.repeat(depth)}, "c": 18014398509481985}]`;
    expect(found(text)).toEqual([
      { row: 0, key: 'a', literal: '9007199254740993', value: 9007199254740992 },
      { row: 1, key: 'c', literal: '18014398509481985', value: 18014398509481984 },
    ]);
  });

  it('quotes what it finds, so that JSON.parse gives the literal as written', () => {
    const text = '[{"a": 9007199254740993, "b": 2}, {"a": 69.500000000000001}]';
    expect(JSON.parse(quoteNumbers(text, inexactJsonNumbers(text)))).toEqual([{ a: '9007199254740993', b: 2 }, { a: '69.500000000000001' }]);
  });

  it('never makes invalid JSON valid: numbers where keys belong and tokens that are no JSON number stay as they are', () => {
    for (const text of ['[{9007199254740993: 1}]', '[{"a": 1, 9007199254740993: 1}]', '[{"a": 0123456789012345678}]', '[{"a": 9007199254740993.}]', '[{"a": -}]', '[{"a": 1-9007199254740993}]']) {
      expect(() => JSON.parse(text), text).toThrow();
      expect(() => JSON.parse(quoteNumbers(text, inexactJsonNumbers(text))), text).toThrow();
    }
  });

  it('finds nothing in JSON that JSON.stringify wrote, whatever its values', () => {
    fc.assert(fc.property(fc.json(), (text) => inexactJsonNumbers(text).length === 0));
  });

  it('finds every inexact number of any rows with its row and key, whatever the keys and values around it', () => {
    const BIG = '\u0000big';
    const value = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(), fc.boolean(), fc.constant(null), fc.constant(BIG), fc.array(fc.oneof(fc.integer(), fc.constant(BIG)), { maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.string(), value), { maxLength: 6 }), (rows) => {
        const text = JSON.stringify(rows, null, 1).replaceAll(JSON.stringify(BIG), '9007199254740993');
        const expected = rows.flatMap((row, index) =>
          Object.entries(row).flatMap(([key, v]) => (Array.isArray(v) ? v : [v]).filter((x) => x === BIG).map(() => ({ row: index, key, literal: '9007199254740993', value: 9007199254740992 }))),
        );
        expect(found(text)).toEqual(expected);
        // Quoted, the file parses to the rows with each such number as the text of its literal.
        expect(JSON.stringify(JSON.parse(quoteNumbers(text, inexactJsonNumbers(text))))).toBe(JSON.stringify(rows).replaceAll(JSON.stringify(BIG), '"9007199254740993"'));
      }),
    );
  });
});

describe('a JSON data file with numbers that cannot be kept exactly', () => {
  const { rubric } = shippedRubric('otop');
  const read = async (text: string) => {
    const grids = await readGrids(new TextEncoder().encode(text), 'rows.json');
    if ('problem' in grids) throw new Error(grids.problem.message.en);
    const table = readMission(grids, rubric, { source: 'rows.json' });
    if ('problem' in table) throw new Error(table.problem.message.en);
    return table.table;
  };

  it('makes each such fact or id its row\'s error naming the column, counted as a cell error and not as a conversion', async () => {
    const table = await read(`[
      {"id": "a", "newProducts": 9007199254740993, "salesGrowthPct": 69.500000000000001},
      {"id": 9007199254740993, "newProducts": 5, "salesGrowthPct": 4.5},
      {"id": "c", "newProducts": 5, "salesGrowthPct": 4.5, "note": 123456789012345678901, "province": 9007199254740993}
    ]`);
    expect(table.cellErrors.map((errors) => errors?.map((e) => [e.code, e.fact, e.where, e.received]))).toEqual([
      [
        ['INEXACT_NUMBER', 'newProducts', { row: 1, column: 'newProducts' }, '9007199254740993'],
        ['INEXACT_NUMBER', 'salesGrowthPct', { row: 1, column: 'salesGrowthPct' }, '69.500000000000001'],
      ],
      [['INEXACT_NUMBER', 'id', { row: 2, column: 'id' }, '9007199254740993']],
      undefined,
    ]);
    expect(table.cellErrors[0]![0]!.message).toEqual({
      th: expect.stringContaining('"newProducts" ของแถวที่ 1 อ่านไม่ได้: ตัวเลข 9007199254740993 มีจำนวนหลักมากเกินกว่าจะเก็บค่าได้ตรงทุกหลัก'),
      en: expect.stringContaining('"newProducts" of row 1 cannot be read: the number 9007199254740993 has more digits than can be kept exactly: it would be read as 9007199254740992'),
    });
    // Neither the changed number nor the text it was quoted into reaches the grader.
    expect(table.rows[0]).not.toHaveProperty('newProducts');
    expect(table.rows[0]).not.toHaveProperty('salesGrowthPct');
    expect(table.rows[2]).not.toHaveProperty('province');
    expect(table.rows[2]).not.toHaveProperty('note');
    // The id is named as written.
    expect(table.units.map((u) => u.id)).toEqual(['a', '9007199254740993', 'c']);
    expect(table.units[2]).not.toHaveProperty('province');
    expect(table.report).toMatchObject({ cellErrors: 3, conversions: [], ignoredColumns: ['note'] });
  });

  it('refuses invalid JSON with the message of the file as written', async () => {
    const text = '[{"a": 9007199254740993,}]';
    const grids = await readGrids(new TextEncoder().encode(text), 'rows.json');
    let message = '';
    try {
      JSON.parse(text);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(grids).toEqual({ problem: { code: 'BAD_JSON', message: { th: expect.stringContaining(message), en: `rows.json is not valid JSON: ${message}` } } });
  });
});
