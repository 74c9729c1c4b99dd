// parseDelimited on every mix of cells, quotes and line ends (5,000 generated texts) and on hostile
// megabyte inputs: the long property run and the large inputs of the delimited-text reader.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../../../engine/import/delimited.js';
import { problemOf, timed } from '../../results.js';



describe('parseDelimited', () => {
  describe('when the text is any mix of cells, quotes and line ends', () => {
    it('gives every record a start line, in order, within the text, or else a problem with a line', () => {
      const pieces = fc.constantFrom('a', 'ก', ',', ';', '\t', '"', '""', '\n', '\r', '\r\n', ' ');
      fc.assert(
        fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
          const text = parts.join('');
          const result = parseDelimited(text);
          const lineCount = text.split(/\r\n|\n|\r/).length;
          if ('problem' in result) {
            // csv-parse and the line scan agree on every quote problem: none falls through to the catch-all.
            expect(result.problem.code).not.toBe('BAD_CSV');
            expect(result.problem.line).toBeGreaterThanOrEqual(1);
            expect(result.problem.line).toBeLessThanOrEqual(lineCount);
            return;
          }
          expect(result.lines).toHaveLength(result.records.length);
          result.lines.forEach((line, index) => {
            expect(line).toBeGreaterThan(index === 0 ? 0 : result.lines[index - 1]!);
            expect(line).toBeLessThanOrEqual(lineCount);
          });
        }),
        { numRuns: 5000 },
      );
    });
  });
  describe('when the input is hostile', () => {
    it('reads a 1 MB line with no delimiter as one cell, quickly', () => {
      const line = 'ก'.repeat(1_000_000);
      const { result, ms } = timed(() => parseDelimited(line));
      expect(result).toMatchObject({ delimiter: ',', lines: [1] });
      expect((result as { records: string[][] }).records[0]![0]).toHaveLength(1_000_000);
      expect(ms).toBeLessThan(5_000);
    });
    it('refuses a quote opened before 1 MB of text, quickly', () => {
      const { result, ms } = timed(() => parseDelimited(`id,x\n1,"${'a,b\n'.repeat(250_000)}`));
      expect(problemOf(result)).toMatchObject({ code: 'UNCLOSED_QUOTE', line: 2 });
      expect(ms).toBeLessThan(5_000);
    });
  });
});
