import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { deleteKey } from '../../engine/yaml-edit.js';

const BANDS = `criteria:
  - id: salesGrowth
    bands:
      # document: "> 2" for C and "< 2" for D.
      - { level: C, op: ">", value: 2, quote: มากกว่าร้อยละ ๒ }
      - { level: D, op: "<=", value: 2, quote: น้อยกว่าร้อยละ ๒ }
grade:
  type: ladder
  rows:
    - level: A
      quote: ร้อยละ ๘๐ ขึ้นไป
      when: { fact: pct, operator: greaterThanInclusive, value: 80 } # kept
    - quote: ไม่ถึงร้อยละ ๘๐
      level: D
      when: { fact: pct, operator: lessThan, value: 80 }
`;

describe('deleteKey', () => {
  describe('when the key is the last of a flow mapping', () => {
    it('removes the pair and the comma before it, and nothing else', () => {
      const out = deleteKey(BANDS, ['criteria', 0, 'bands', 1, 'quote'])!;
      expect(out).toBe(BANDS.replace('- { level: D, op: "<=", value: 2, quote: น้อยกว่าร้อยละ ๒ }', '- { level: D, op: "<=", value: 2 }'));
      expect(parseDocument(out).getIn(['criteria', 0, 'bands', 1])).toBeTruthy();
    });
  });

  describe('when the key is the first of a flow mapping', () => {
    it('removes the pair up to the next key', () => {
      expect(deleteKey('band: { quote: x, op: "<", value: 2 }\n', ['band', 'quote'])).toBe('band: { op: "<", value: 2 }\n');
    });
  });

  describe('when the key is on lines of its own in a block mapping', () => {
    it('removes its lines and keeps comments and the other keys', () => {
      const out = deleteKey(BANDS, ['grade', 'rows', 0, 'quote'])!;
      expect(out).toBe(BANDS.replace('      quote: ร้อยละ ๘๐ ขึ้นไป\n', ''));
      expect(out).toContain('# kept');
    });

    it('keeps the dash of a list item whose first key it is', () => {
      const out = deleteKey(BANDS, ['grade', 'rows', 1, 'quote'])!;
      expect(out).toBe(BANDS.replace('    - quote: ไม่ถึงร้อยละ ๘๐\n      level: D', '    - level: D'));
      expect(parseDocument(out).toJS().grade.rows[1]).toEqual({ level: 'D', when: { fact: 'pct', operator: 'lessThan', value: 80 } });
    });
  });

  describe('when the path names no key', () => {
    it('returns undefined', () => {
      expect(deleteKey(BANDS, ['criteria', 0, 'bands', 1, 'nothing'])).toBeUndefined();
      expect(deleteKey(BANDS, ['criteria', 5, 'quote'])).toBeUndefined();
      expect(deleteKey('only: 1\n', ['only'])).toBeUndefined();
    });
  });
});
