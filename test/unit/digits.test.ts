// Thai or Arabic digits in published words: the switch of the criteria pages and the Word file.
import { describe, expect, it } from 'vitest';
import { arabicDigits, digitsOf, withDigits } from '../../engine/digits.js';

describe('digits', () => {
  it('takes Arabic digits only when asked for by name', () => {
    expect([digitsOf('arabic'), digitsOf('thai'), digitsOf(null), digitsOf('ARABIC'), digitsOf('')]).toEqual(['arabic', 'thai', 'thai', 'thai', 'thai']);
  });

  it('turns every Thai digit into its Arabic one and leaves the rest', () => {
    expect(arabicDigits('มากกว่าร้อยละ ๔ ไตรมาส ๓/๒๕๖๗ ๐๑๒๓๔๕๖๗๘๙ 7')).toBe('มากกว่าร้อยละ 4 ไตรมาส 3/2567 0123456789 7');
  });

  it('rewrites the strings of a value deeply for Arabic digits and returns the same value for Thai ones', () => {
    const value = { label: { th: 'ไตรมาส ๓/๒๕๖๗', en: '2567-Q3' }, rows: [{ words: ['มากกว่าร้อยละ ๔'], level: 'A', points: 4, none: null }] };
    expect(withDigits(value, 'arabic')).toEqual({ label: { th: 'ไตรมาส 3/2567', en: '2567-Q3' }, rows: [{ words: ['มากกว่าร้อยละ 4'], level: 'A', points: 4, none: null }] });
    expect(value.label.th).toBe('ไตรมาส ๓/๒๕๖๗');
    expect(withDigits(value, 'thai')).toBe(value);
  });
});
