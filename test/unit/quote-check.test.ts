import { describe, expect, it } from 'vitest';
import { bandQuoteDiffers, quoteComparators, quoteNumbers, rowQuoteDiffers } from '../../engine/quote-check.js';
import type { ValueInfo } from '../../engine/catalog.js';
import type { Band, Comparator, Condition } from '../../engine/types.js';
import { bandWording } from '../../engine/wording.js';
import { shippedRubrics } from '../helpers.js';

const band = (op: Band['op'], value: Band['value'], quote?: string) => ({ op, value, ...(quote === undefined ? {} : { quote }) });

describe('quoteNumbers', () => {
  it('reads Thai and Arabic digits alike, decimals and thousands included', () => {
    expect(quoteNumbers('ระหว่างร้อยละ ๑๒.๐๑ - ๑๔.๐๐')).toEqual([12.01, 14]);
    expect(quoteNumbers('between 12.01 and 14.00 %')).toEqual([12.01, 14]);
    expect(quoteNumbers('ไม่น้อยกว่า ๑,๒๐๐ ครัวเรือน')).toEqual([1200]);
  });

  it('does not count a year, an item number, a quarter or an ordinal as an amount', () => {
    expect(quoteNumbers('เพิ่มขึ้นจากฐานปี ๒๕๖๖ ไตรมาสละ ไม่น้อยกว่าร้อยละ ๔')).toEqual([4]);
    expect(quoteNumbers('เทียบกับปี พ.ศ. ๒๕๖๖ ร้อยละ ๓')).toEqual([3]);
    expect(quoteNumbers('๑) มีการจัดทำฐานข้อมูล ๒) เดือนละไม่น้อยกว่า ๔ ครั้ง')).toEqual([4]);
    expect(quoteNumbers('ตามข้อ ๒ ไตรมาส ๓ ครั้งที่ ๑ ได้ (ร้อยละ ๘๐)')).toEqual([80]);
  });
});

describe('quoteComparators', () => {
  it('reads the letter\'s comparison words, the negated ones before the plain', () => {
    expect(quoteComparators('ไม่น้อยกว่า ๕ ผลิตภัณฑ์')).toEqual(['>=']);
    expect(quoteComparators('น้อยกว่าร้อยละ ๒')).toEqual(['<']);
    expect(quoteComparators('ต่ำกว่าร้อยละ ๖๕')).toEqual(['<']);
    expect(quoteComparators('ไม่เกินร้อยละ ๒')).toEqual(['<=']);
    expect(quoteComparators('มากกว่าร้อยละ ๔')).toEqual(['>']);
    expect(quoteComparators('ร้อยละ ๘๐ ขึ้นไป')).toEqual(['>=']);
    expect(quoteComparators('เฉลี่ยตั้งแต่ ๗๐ - ๗๙ คะแนน')).toEqual(['between']);
    expect(quoteComparators('ครบ ๕ ด้าน')).toEqual(['=', '>=']);
    expect(quoteComparators('80 % or more')).toEqual(['>=']);
    expect(quoteComparators('Less than 2 %')).toEqual(['<']);
    expect(quoteComparators('2 % or less')).toEqual(['<=']);
    // The letter's words that hold a comparison word but compare nothing.
    expect(quoteComparators('มีหนี้เกินกำหนดชำระได้ต่ำกว่าร้อยละ ๑๐')).toEqual(['<']);
    expect(quoteComparators('บันทึกครบถ้วน น้อยกว่าร้อยละ ๕')).toEqual(['<']);
  });

  it('reads a bare amount as reaching it, or exactly it', () => {
    expect(quoteComparators('ร้อยละ ๑๐๐')).toEqual(['>=', '=']);
    expect(quoteComparators('๓๐ คะแนน = ระดับ A')).toEqual(['>=', '=']);
  });

  it('says nothing of words that disagree', () => {
    expect(quoteComparators('มากกว่า ๒ แต่น้อยกว่า ๔')).toBeUndefined();
  });
});

describe('bandQuoteDiffers', () => {
  it('does not flag a quote with the band\'s numbers and comparison', () => {
    expect(bandQuoteDiffers(band('<', 2, 'น้อยกว่าร้อยละ ๒'))).toBe(false);
    expect(bandQuoteDiffers(band('<', 2, 'less than 2 %'))).toBe(false);
    expect(bandQuoteDiffers(band('between', [10, 12], 'ระหว่างร้อยละ ๑๐.๐๐ - ๑๒.๐๐'))).toBe(false);
    expect(bandQuoteDiffers(band('>=', 100, 'ร้อยละ ๑๐๐'))).toBe(false);
    expect(bandQuoteDiffers(band('=', 30, '๓๐ คะแนน = ระดับ A'))).toBe(false);
  });

  it('flags a quote whose number is no longer the threshold, in Thai or Arabic digits', () => {
    expect(bandQuoteDiffers(band('<', 2.5, 'น้อยกว่าร้อยละ ๒'))).toBe(true);
    expect(bandQuoteDiffers(band('<', 2.5, 'less than 2 %'))).toBe(true);
    expect(bandQuoteDiffers(band('between', [10, 13], 'ระหว่างร้อยละ ๑๐.๐๐ - ๑๒.๐๐'))).toBe(true);
  });

  it('flags a quote whose words mean another comparison, with the same number', () => {
    expect(bandQuoteDiffers(band('<=', 2, 'น้อยกว่าร้อยละ ๒'))).toBe(true);
    expect(bandQuoteDiffers(band('>', 5, 'ไม่น้อยกว่า ๕ ผลิตภัณฑ์'))).toBe(true);
    expect(bandQuoteDiffers(band('>=', 90, 'ระหว่างร้อยละ ๙๐ - ๙๐'))).toBe(true);
    expect(bandQuoteDiffers(band('>', 100, 'ร้อยละ ๑๐๐'))).toBe(true);
  });

  it('does not flag a band without a quote, or a quote without a number', () => {
    expect(bandQuoteDiffers(band('<', 2))).toBe(false);
    expect(bandQuoteDiffers(band('<', 2, 'ตามเป้าหมาย'))).toBe(false);
  });
});

describe('the words the editor makes, read back as a quote', () => {
  const percent: ValueInfo = { id: 'p', origin: 'fact', type: 'number', precision: 2, label: { th: 'ร้อยละ', en: 'percent' }, unit: { th: 'ร้อยละ', en: 'percent' }, percent: true };
  const products: ValueInfo = { id: 'n', origin: 'fact', type: 'integer', precision: 0, label: { th: 'ผลิตภัณฑ์', en: 'products' }, unit: { th: 'ผลิตภัณฑ์', en: 'products' } };
  const ops: [Comparator, Band['value']][] = [['>=', 80], ['>', 4], ['<', 2.5], ['<=', 2], ['=', 100], ['between', [0.75, 0.99]]];

  it.each(ops)('agree with their own band %s %s, in Thai and in English, and differ once the value changes', (op, value) => {
    for (const info of [percent, products]) {
      const words = bandWording({ op, value }, info);
      for (const quote of [words.th, words.en]) {
        expect(bandQuoteDiffers({ op, value, quote })).toBe(false);
        const moved = Array.isArray(value) ? ([value[0], value[1] + 1] as [number, number]) : value + 1;
        expect(bandQuoteDiffers({ op, value: moved, quote })).toBe(true);
      }
    }
  });

  it('differ from a band with the same number and another comparison', () => {
    const single: Comparator[] = ['>=', '>', '<', '<=', '='];
    for (const op of single) {
      const words = bandWording({ op, value: 2 }, percent);
      for (const other of single.filter((o) => o !== op)) {
        expect([op, other, bandQuoteDiffers({ op: other, value: 2, quote: words.th }), bandQuoteDiffers({ op: other, value: 2, quote: words.en })]).toEqual([op, other, true, true]);
      }
    }
  });
});

describe('rowQuoteDiffers', () => {
  const row = (quote: string, when: Condition, score?: number) => ({ quote, when, ...(score === undefined ? {} : { score }) });
  const conditions: Record<string, Condition> = { rung: { all: [{ fact: 'posts', operator: 'greaterThanInclusive', value: 4 }] } };
  const at = (pct: number, posts: number): Condition => ({
    all: [
      { fact: 'pct', operator: 'greaterThanInclusive', value: pct },
      { fact: 'posts', operator: 'greaterThanInclusive', value: posts },
      { fact: 'channels', operator: 'greaterThanInclusive', value: 2 },
    ],
  });

  it('does not flag a quote that writes the row\'s numbers, or leaves some out', () => {
    expect(rowQuoteDiffers(row('ร้อยละ ๘๐ ขึ้นไป; อย่างน้อยเดือนละ ๒ ครั้ง อย่างน้อย ๒ ช่องทาง', at(80, 2)), {})).toBe(false);
    expect(rowQuoteDiffers(row('ร้อยละ ๘๐ ขึ้นไป...', at(80, 2)), {})).toBe(false);
    expect(rowQuoteDiffers(row('ได้ ๑๐ คะแนน', at(80, 2), 10), {})).toBe(false);
  });

  it('flags a quote with a number the row no longer has, counting repeats', () => {
    expect(rowQuoteDiffers(row('ร้อยละ ๘๐ ขึ้นไป', at(85, 2)), {})).toBe(true);
    // posts went from 2 to 3: the quote's second 2 is no longer in the rule.
    expect(rowQuoteDiffers(row('ร้อยละ ๘๐ ขึ้นไป; อย่างน้อยเดือนละ ๒ ครั้ง อย่างน้อย ๒ ช่องทาง', at(80, 3)), {})).toBe(true);
  });

  it('reads the numbers of the named conditions a row refers to', () => {
    expect(rowQuoteDiffers(row('เดือนละไม่น้อยกว่า ๔ ครั้ง', { condition: 'rung' }), { conditions })).toBe(false);
    expect(rowQuoteDiffers(row('เดือนละไม่น้อยกว่า ๕ ครั้ง', { condition: 'rung' }), { conditions })).toBe(true);
  });
});

describe('on the shipped 2567-Q3 rubrics', () => {
  it('every quote of every band and ladder row says what its rule says', () => {
    const differing: string[] = [];
    for (const { rubric } of shippedRubrics()) {
      if (!rubric) continue;
      const lists = [...(rubric.criteria ?? []).flatMap((c) => [c.bands, ...(c.otherTables ?? []).map((t) => t.bands)]), rubric.grade?.type === 'bands' ? rubric.grade.bands : []];
      lists.flat().forEach((b) => bandQuoteDiffers(b) && differing.push(`${rubric.mission} ${b.quote}`));
      if (rubric.grade?.type === 'ladder') rubric.grade.rows.forEach((r) => rowQuoteDiffers(r, rubric) && differing.push(`${rubric.mission} ${r.level}`));
    }
    expect(differing).toEqual([]);
  });
});
