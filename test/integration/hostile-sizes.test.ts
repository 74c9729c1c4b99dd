// Inputs of hostile size, each read by bounded work: thousands of problems in one rubric, values of
// a megabyte, lists nested 300,000 deep, HTML tables nested 10,000 deep or never closed. They sit in
// the integration tier because each takes a few hundred milliseconds; the unit tier keeps the
// small cases of the same modules (validate-bounds, manifest, import/cell-text, import/decode).
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_DIAGNOSTICS_PER_FILE, describeValue } from '../../engine/diagnostics.js';
import { readNumberText } from '../../engine/import/cell-text.js';
import { MAX_TABLE_COLUMNS } from '../../engine/import/decode.js';
import { readHtmlTable } from '../../engine/import/html-table.js';
import { loadRubric } from '../../engine/load.js';
import { manifestProblems } from '../../engine/manifest.js';
import { RUBRIC_CODES } from '../../engine/problems/rubric-codes.js';
import { validateRubric } from '../../engine/validate.js';
import { problemOf, timed } from '../results.js';

const otop = readFileSync(join(import.meta.dirname, '../../rubrics/2567-Q3/otop.yaml'), 'utf8');
const THAI = /[\u0E00-\u0E7F]/;
const VILLAGES = { integer: true, percent: false, unitWords: ['หมู่บ้าน', 'villages'] };

/** The shipped otop rubric with `count` unknown root keys appended. */
function withUnknownKeys(count: number): string {
  const lines = [otop.trimEnd()];
  for (let i = 0; i < count; i++) lines.push(`unknownKey${i}: value ${i}`);
  return lines.join('\n') + '\n';
}



describe('validateRubric on a document with 5,000 problems', () => {
  it('reports the first 200 by line, then one TOO_MANY_PROBLEMS at 1:1 that counts the rest and names the total', () => {
    const { rubric, diagnostics } = validateRubric(loadRubric(withUnknownKeys(5_000), 'many.yaml'));
    expect(rubric).toBeUndefined();
    expect(MAX_DIAGNOSTICS_PER_FILE).toBe(200);
    expect(diagnostics).toHaveLength(201);

    const shown = diagnostics.slice(0, 200);
    expect(new Set(shown.map((d) => d.code))).toEqual(new Set(['SCHEMA_UNKNOWN_PROPERTY']));
    expect(shown.map((d) => d.where.pointer)).toEqual(Array.from({ length: 200 }, (_, i) => `/unknownKey${i}`));
    for (let i = 1; i < shown.length; i++) expect(shown[i]!.where.line).toBeGreaterThan(shown[i - 1]!.where.line);

    const count = diagnostics[200]!;
    expect(Object.keys(RUBRIC_CODES)).toContain('TOO_MANY_PROBLEMS');
    expect(count).toMatchObject({ code: 'TOO_MANY_PROBLEMS', severity: 'error', where: { file: 'many.yaml', line: 1, column: 1, pointer: '' } });
    expect(count.message.en).toContain('4800 more problems');
    expect(count.message.en).toContain('5000');
    expect(count.message.th).toMatch(THAI);
    expect(count.message.th).toContain('4800');
    expect(count.message.th).toContain('5000');
  });
});

describe('describeValue', () => {
  it('never returns more than 80 characters for a 1 MB string, list or object', () => {
    const mb = 1024 * 1024;
    const object = Object.fromEntries(Array.from({ length: mb / 16 }, (_, i) => [`key${i}`, 'x'.repeat(8)]));
    const values: unknown[] = ['x'.repeat(mb), '\u0001'.repeat(mb), '"'.repeat(mb), '😀'.repeat(mb / 2), 'ก'.repeat(mb), Array.from({ length: mb / 8 }, (_, i) => i), object];
    for (const value of values) {
      for (const language of ['en', 'th'] as const) {
        const text = describeValue(value, language);
        expect(text.length, `${language}: ${text}`).toBeLessThanOrEqual(80);
        expect(text).not.toMatch(/\n/);
      }
    }
    expect(describeValue(object)).toBe(`an object with ${mb / 16} keys`);
    expect(describeValue(values[5])).toBe(`a list of ${mb / 8} items`);
  });
});

describe('manifestProblems', () => {
  it('names a list nested 300,000 deep by its size, instead of overflowing the stack while describing it', () => {
    const deep = JSON.parse('['.repeat(300_000) + ']'.repeat(300_000)) as unknown;
    expect(manifestProblems(deep)).toEqual([{ th: 'manifest: ต้องเป็น object (รายการ 1 ค่า)', en: 'manifest: must be object (a list of 1 item)' }]);
  });
});

describe('readNumberText', () => {
  it('answers a megabyte of spaces, digits or separators quickly', () => {
    for (const text of [`${' '.repeat(1_000_000)}x`, '1'.repeat(1_000_000), '1,'.repeat(500_000), `${'1 '.repeat(500_000)}x`]) {
      const { result, ms } = timed(() => readNumberText(text, VILLAGES));
      expect(result.ok).toBe(false);
      expect(ms).toBeLessThan(2_000);
    }
  });
});

describe('readHtmlTable', () => {
  describe('when the input is hostile', () => {
    it('reads 10,000 nested tables without recursion and picks the data table after them', () => {
      const nested = `${'<table><tr><td>'.repeat(10_000)}x${'</td></tr></table>'.repeat(10_000)}`;
      const page = `${nested}<table><tr><td>1</td></tr><tr><td>2</td></tr></table>`;
      const { result, ms } = timed(() => readHtmlTable(page));
      expect(result).toEqual({ rows: [['1'], ['2']] });
      expect(ms).toBeLessThan(5_000);
    });
    it('reads 10,000 nested tables never closed, the outermost first on a tie', () => {
      const { result, ms } = timed(() => readHtmlTable(`${'<table><tr><td>'.repeat(10_000)}x`));
      expect(result).toEqual({ rows: [['']] });
      expect(ms).toBeLessThan(5_000);
    });
    it('refuses 10,000 nested tables with no rows as no table', () => {
      expect(problemOf(readHtmlTable('<table>'.repeat(10_000))).code).toBe('NO_TABLE');
    });
    it('stops at a tag the page never closes, quickly', () => {
      const { result, ms } = timed(() => readHtmlTable(`<table><tr><td>x</td></tr>${'<a b="1" <c '.repeat(100_000)}`));
      expect(result).toEqual({ rows: [['x']] });
      expect(ms).toBeLessThan(5_000);
    });
    it('stops at a comment or a quoted attribute the page never closes', () => {
      expect(readHtmlTable(`<table><tr><td>x</td></tr><!-- ${'<table><tr><td>y</td></tr>'.repeat(1000)}`)).toEqual({ rows: [['x']] });
      expect(readHtmlTable(`<table><tr><td>x</td></tr><tr><td title="${'<tr><td>y'.repeat(1000)}`)).toEqual({ rows: [['x']] });
    });
    it('never throws and always answers rows or a problem on any mix of tags, quotes and text', () => {
      const pieces = fc.constantFrom('<table>', '</table>', '<tr>', '</tr>', '<td>', '</td>', '<th colspan=2>', '<td rowspan="3">', '<br>', '<!--', '-->', '<', '>', '"', "'", '&amp;', '&#', 'x', ' ');
      fc.assert(
        fc.property(fc.array(pieces, { maxLength: 60 }), (parts) => {
          const result = readHtmlTable(parts.join(''));
          if ('problem' in result) expect(result.problem.code).toBe('NO_TABLE');
          else expect(result.rows.length).toBeGreaterThan(0);
        }),
        { numRuns: 2000 },
      );
    });
    it('refuses a table wider than Excel', () => {
      const problem = problemOf(readHtmlTable(`<table><tr>${'<td colspan=1000>a</td>'.repeat(17)}</tr></table>`));
      expect(problem.code).toBe('TABLE_TOO_LARGE');
      expect(problem.message.en).toContain(MAX_TABLE_COLUMNS.toLocaleString('en-US'));
    });
    it('refuses spans that would add more than a million empty cells, quickly', () => {
      const row = `<tr>${'<td colspan=1000>a</td>'.repeat(16)}</tr>`;
      const { result, ms } = timed(() => readHtmlTable(`<table>${row.repeat(100)}</table>`));
      expect(problemOf(result).code).toBe('TABLE_TOO_LARGE');
      expect(ms).toBeLessThan(5_000);
    });
    it('spends no time per row on a long rowspan', () => {
      const page = `<table><tr>${'<td colspan=1000 rowspan=65534>a</td>'.repeat(16)}</tr>${'<tr></tr>'.repeat(100_000)}<tr><td>b</td></tr></table>`;
      const { result, ms } = timed(() => readHtmlTable(page));
      expect((result as { rows: string[][] }).rows).toHaveLength(2);
      expect(ms).toBeLessThan(5_000);
    });
  });
});
