import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONVERSION_TEXT, percentCellValue, readNumberText, readPercentCell, type CellReading, type Conversion } from '../../../engine/import/cell-text.js';
import { BOOLEAN_WORDS, readBooleanText, readEnumText, readProvinceText } from '../../../engine/import/cell-words.js';
import { timed } from '../../results.js';

const COUNT = { integer: true, percent: false, unitWords: [] as string[] };
const DECIMAL = { integer: false, percent: false, unitWords: [] as string[] };
const PERCENT = { integer: false, percent: true, unitWords: [] as string[] };
const WHOLE_PERCENT = { integer: true, percent: true, unitWords: [] as string[] };
const VILLAGES = { integer: true, percent: false, unitWords: ['หมู่บ้าน', 'villages'] };

/** The value and conversions of a reading that must succeed. */
function read(reading: CellReading): { value: unknown; conversions: Conversion[] } {
  expect(reading).toMatchObject({ ok: true });
  const { value, conversions } = reading as Extract<CellReading, { ok: true }>;
  return { value, conversions };
}

/** The failure of a reading that must fail. */
function refused(reading: CellReading): Extract<CellReading, { ok: false }> {
  expect(reading).toMatchObject({ ok: false });
  return reading as Extract<CellReading, { ok: false }>;
}


const THAI_LETTER = /[\u0E01-\u0E2E]/;

describe('CONVERSION_TEXT', () => {
  describe('when a conversion is shown to people', () => {
    it('describes every kind in Thai and English', () => {
      const kinds: Conversion[] = ['excel-percent', 'thai-digits', 'thousands', 'percent-sign', 'unit-word', 'number-text', 'boolean-word', 'enum-label', 'province-spelling'];
      expect(Object.keys(CONVERSION_TEXT).sort()).toEqual([...kinds].sort());
      for (const kind of kinds) {
        expect(CONVERSION_TEXT[kind].th, kind).toMatch(THAI_LETTER);
        expect(CONVERSION_TEXT[kind].en, kind).toMatch(/^[A-Za-z].* read as /);
      }
      expect(CONVERSION_TEXT['thai-digits']).toEqual({ th: 'ตัวเลขไทย ๐–๙ อ่านเป็นเลขอารบิก', en: 'Thai digits read as Arabic digits' });
    });
  });
});

describe('readNumberText', () => {
  describe('when the text is a number in its shortest form', () => {
    it('reads it with no conversion', () => {
      expect(read(readNumberText('12', COUNT))).toEqual({ value: 12, conversions: [] });
      expect(read(readNumberText('-3', COUNT))).toEqual({ value: -3, conversions: [] });
      expect(read(readNumberText('12.5', DECIMAL))).toEqual({ value: 12.5, conversions: [] });
      expect(read(readNumberText('0.05', DECIMAL))).toEqual({ value: 0.05, conversions: [] });
    });
    it('reads any whole number as itself', () => {
      fc.assert(
        fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
          expect(read(readNumberText(String(n), COUNT))).toEqual({ value: n, conversions: [] });
        }),
      );
    });
  });
  describe('when spaces, NBSP or thin spaces surround the number', () => {
    it('trims them without counting a conversion', () => {
      expect(read(readNumberText(' \u00A0\t12\u2009\u202F\u200B', COUNT))).toEqual({ value: 12, conversions: [] });
    });
  });
  describe('when a number is written as text in another form', () => {
    it('counts number-text for trailing zeros, a + sign, leading zeros, a bare point and -0', () => {
      expect(read(readNumberText('12.50', DECIMAL))).toEqual({ value: 12.5, conversions: ['number-text'] });
      expect(read(readNumberText('+5', COUNT))).toEqual({ value: 5, conversions: ['number-text'] });
      expect(read(readNumberText('007', COUNT))).toEqual({ value: 7, conversions: ['number-text'] });
      expect(read(readNumberText('.5', DECIMAL))).toEqual({ value: 0.5, conversions: ['number-text'] });
      expect(read(readNumberText('5.', COUNT))).toEqual({ value: 5, conversions: ['number-text'] });
      const zero = read(readNumberText('-0', COUNT));
      expect(zero).toEqual({ value: 0, conversions: ['number-text'] });
      expect(Object.is(zero.value, -0)).toBe(false);
    });
    it('reads 12.0 for a whole-number fact as 12', () => {
      expect(read(readNumberText('12.0', COUNT))).toEqual({ value: 12, conversions: ['number-text'] });
    });
  });
  describe('when the digits are Thai', () => {
    it('reads them as Arabic digits and counts thai-digits', () => {
      expect(read(readNumberText('๑๒', COUNT))).toEqual({ value: 12, conversions: ['thai-digits'] });
      expect(read(readNumberText('๐.๗๕', DECIMAL))).toEqual({ value: 0.75, conversions: ['thai-digits'] });
      expect(read(readNumberText('๑,๒๐๐', COUNT))).toEqual({ value: 1200, conversions: ['thai-digits', 'thousands'] });
    });
  });
  describe('when commas group the digits by three', () => {
    it('reads them as thousands separators and counts thousands', () => {
      expect(read(readNumberText('1,234', COUNT))).toEqual({ value: 1234, conversions: ['thousands'] });
      expect(read(readNumberText('12,345,678', COUNT))).toEqual({ value: 12_345_678, conversions: ['thousands'] });
      expect(read(readNumberText('-1,234.5', DECIMAL))).toEqual({ value: -1234.5, conversions: ['thousands'] });
      expect(read(readNumberText('1,000.50', DECIMAL))).toEqual({ value: 1000.5, conversions: ['number-text', 'thousands'] });
    });
    it('reads any whole number written with en-US grouping', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1000, max: 1e12 }), (n) => {
          expect(read(readNumberText(n.toLocaleString('en-US'), COUNT))).toEqual({ value: n, conversions: ['thousands'] });
        }),
      );
    });
  });
  describe('when a comma may be a decimal comma', () => {
    it('refuses 4,5, 1,23, 0,123 and 1,2345 as ambiguous, asking for a decimal point', () => {
      for (const text of ['4,5', '1,23', '0,123', '1,2345', '12,34,567', ',5', '1,']) {
        const failure = refused(readNumberText(text, DECIMAL));
        expect(failure.code, text).toBe('AMBIGUOUS_NUMBER');
        expect(failure.received).toBe(text);
        expect(failure.expected.en).toContain('a dot (.) as the decimal point');
        expect(failure.expected.th).toContain('ใช้จุด (.) เป็นจุดทศนิยม');
      }
    });
  });
  describe('when a dot may be a thousands separator', () => {
    it('refuses 1.200 for a whole-number fact', () => {
      const failure = refused(readNumberText('1.200', COUNT));
      expect(failure.code).toBe('AMBIGUOUS_NUMBER');
      expect(failure.expected.en).toContain('a whole number, e.g. 12 or ๑๒, without a dot');
      expect(failure.expected.th).toContain('จุดในจำนวนเต็มอาจเป็นตัวคั่นหลักพันหรือจุดทศนิยม');
    });
    it('reads 1.200 for a decimal fact as 1.2, the decimal point being the only reading there', () => {
      expect(read(readNumberText('1.200', DECIMAL))).toEqual({ value: 1.2, conversions: ['number-text'] });
    });
    it('refuses dots between groups of three, as in 1.234.567', () => {
      expect(refused(readNumberText('1.234.567', DECIMAL)).code).toBe('AMBIGUOUS_NUMBER');
    });
  });
  describe('when dots and commas are mixed the European way', () => {
    it('refuses 1.234,5 and 1,23.4 as ambiguous', () => {
      for (const text of ['1.234,5', '1,23.4', '1.234,567']) {
        const failure = refused(readNumberText(text, DECIMAL));
        expect(failure.code, text).toBe('AMBIGUOUS_NUMBER');
        expect(failure.expected.en).toContain('not the European 1.234,5');
      }
    });
  });
  describe('when a cell holds more than one number', () => {
    it('refuses 4 5, 3-4, 10/20, 3–4 and 5 ถึง 10 rather than choose one', () => {
      for (const text of ['4 5', '3-4', '10/20', '3–4', '5 ถึง 10', '1 234', '๓-๔']) {
        const failure = refused(readNumberText(text, COUNT));
        expect(failure.code, text).toBe('AMBIGUOUS_NUMBER');
        expect(failure.expected.en).toContain('one number only');
        expect(failure.expected.th).toContain('มีตัวเลขมากกว่าหนึ่งค่า');
      }
    });
  });
  describe('when the number is in exponent form', () => {
    it('refuses it as ambiguous: Excel may have rounded it', () => {
      const failure = refused(readNumberText('1.23457E+12', DECIMAL));
      expect(failure.code).toBe('AMBIGUOUS_NUMBER');
      expect(failure.expected.en).toContain('written out in full');
    });
  });
  describe('when a whole-number fact gets a fraction', () => {
    it('refuses it as not an integer', () => {
      const failure = refused(readNumberText('12.5', COUNT));
      expect(failure).toEqual({
        ok: false,
        code: 'NOT_AN_INTEGER',
        expected: { th: 'จำนวนเต็ม เช่น 12 หรือ ๑๒ (ไม่มีเศษทศนิยม)', en: 'a whole number, e.g. 12 or ๑๒ (no fraction)' },
        received: '12.5',
      });
      expect(refused(readNumberText('95.5%', WHOLE_PERCENT)).code).toBe('NOT_AN_INTEGER');
    });
  });
  describe('when a percent fact has % or ร้อยละ', () => {
    it('reads the percentage and counts percent-sign', () => {
      expect(read(readNumberText('95%', PERCENT))).toEqual({ value: 95, conversions: ['percent-sign'] });
      expect(read(readNumberText('95.5 %', PERCENT))).toEqual({ value: 95.5, conversions: ['percent-sign'] });
      expect(read(readNumberText('ร้อยละ 80', PERCENT))).toEqual({ value: 80, conversions: ['percent-sign'] });
      expect(read(readNumberText('ร้อยละ๘๐', PERCENT))).toEqual({ value: 80, conversions: ['thai-digits', 'percent-sign'] });
      expect(read(readNumberText('80 ร้อยละ', WHOLE_PERCENT))).toEqual({ value: 80, conversions: ['percent-sign'] });
      expect(read(readNumberText('80 เปอร์เซ็นต์', WHOLE_PERCENT))).toEqual({ value: 80, conversions: ['percent-sign'] });
    });
    it('reads a percent fact written without a sign as the percentage itself', () => {
      expect(read(readNumberText('95', PERCENT))).toEqual({ value: 95, conversions: [] });
    });
  });
  describe('when a fact that is not a percentage has % or ร้อยละ', () => {
    it('refuses it, saying the fact is not a percentage', () => {
      for (const text of ['95%', 'ร้อยละ 95']) {
        const failure = refused(readNumberText(text, COUNT));
        expect(failure.code, text).toBe('NOT_A_NUMBER');
        expect(failure.expected.en).toContain('this fact is not a percentage');
        expect(failure.expected.th).toContain('ข้อมูลนี้ไม่ใช่ค่าร้อยละ');
      }
    });
  });
  describe("when the fact's own unit word stands beside the number", () => {
    it('reads the number and counts unit-word, before or after, with or without a space, Latin in any case', () => {
      expect(read(readNumberText('95 หมู่บ้าน', VILLAGES))).toEqual({ value: 95, conversions: ['unit-word'] });
      expect(read(readNumberText('95หมู่บ้าน', VILLAGES))).toEqual({ value: 95, conversions: ['unit-word'] });
      expect(read(readNumberText('หมู่บ้าน ๙๕', VILLAGES))).toEqual({ value: 95, conversions: ['thai-digits', 'unit-word'] });
      expect(read(readNumberText('1,200 Villages', VILLAGES))).toEqual({ value: 1200, conversions: ['thousands', 'unit-word'] });
      expect(read(readNumberText('3 ผลิตภัณฑ์', { integer: true, percent: false, unitWords: ['ผลิตภัณฑ์'] }))).toEqual({ value: 3, conversions: ['unit-word'] });
    });
    it('refuses a word that is not one of its units, naming the units in what it expected', () => {
      const failure = refused(readNumberText('95 แห่ง', VILLAGES));
      expect(failure.code).toBe('NOT_A_NUMBER');
      expect(failure.expected.th).toBe('จำนวนเต็ม เช่น 12 หรือ ๑๒ (มีหน่วย "หมู่บ้าน" หรือ "villages" กำกับก็ได้)');
      expect(failure.expected.en).toBe('a whole number, e.g. 12 or ๑๒ (the unit "หมู่บ้าน" or "villages" may stand beside it)');
    });
    it('refuses a unit word alone', () => {
      expect(refused(readNumberText('หมู่บ้าน', VILLAGES)).code).toBe('NOT_A_NUMBER');
    });
  });
  describe('when the text is no number', () => {
    it('refuses it as not a number, naming what was expected, and keeps the text as received', () => {
      for (const text of ['', '   ', '-', '–', 'abc', '#DIV/0!', 'N/A', '(5)', '1e', '.', 'ไม่มีข้อมูล', '- 5', '1.2.3']) {
        const failure = refused(readNumberText(text, COUNT));
        expect(failure, JSON.stringify(text)).toEqual({ ok: false, code: 'NOT_A_NUMBER', expected: { th: 'จำนวนเต็ม เช่น 12 หรือ ๑๒', en: 'a whole number, e.g. 12 or ๑๒' }, received: text });
      }
      expect(refused(readNumberText('x', DECIMAL)).expected).toEqual({ th: 'ตัวเลข เช่น 12 หรือ 12.5', en: 'a number, e.g. 12 or 12.5' });
    });
    it('refuses a number too large to keep every digit', () => {
      const failure = refused(readNumberText('12345678901234567890', COUNT));
      expect(failure.code).toBe('NOT_A_NUMBER');
      expect(failure.expected.en).toContain('no larger than 9,007,199,254,740,991');
      expect(read(readNumberText('9007199254740991', COUNT)).value).toBe(Number.MAX_SAFE_INTEGER);
    });
  });
  describe('when the text is NFD or the input is hostile', () => {
    it('normalises to NFC before reading unit words', () => {
      expect(read(readNumberText('5 Cafe\u0301', { integer: true, percent: false, unitWords: ['Café'] }))).toEqual({ value: 5, conversions: ['unit-word'] });
    });
  });
});

describe('percentCellValue', () => {
  describe('when a percent-formatted cell holds a fraction', () => {
    it('moves the decimal point two places in decimal, not by float multiplication', () => {
      expect(percentCellValue(0.04005)).toBe(4.005);
      expect(percentCellValue(0.045)).toBe(4.5);
      expect(percentCellValue(1)).toBe(100);
      expect(percentCellValue(-0.125)).toBe(-12.5);
      expect(percentCellValue(0.1 + 0.2)).toBe(30.000000000000004);
    });
    it('gives the percentage people typed where multiplying by 100 would not', () => {
      for (const [fraction, percent] of [
        [0.07, 7],
        [0.57, 57],
        [0.29, 29],
        [1.1, 110],
      ] as const) {
        expect(fraction * 100).not.toBe(percent);
        expect(percentCellValue(fraction)).toBe(percent);
      }
    });
    it('handles exponent forms', () => {
      expect(percentCellValue(1e-7)).toBe(0.00001);
      expect(percentCellValue(4.005e-2)).toBe(4.005);
      expect(percentCellValue(-2.5e-8)).toBe(-0.0000025);
      expect(percentCellValue(1e21)).toBe(1e23);
    });
    it('gives 0, not -0, for zero', () => {
      expect(Object.is(percentCellValue(-0), 0)).toBe(true);
    });
    it('gives the percentage of any two-decimal percentage typed into Excel', () => {
      fc.assert(
        fc.property(fc.integer({ min: -100_000, max: 100_000 }), (hundredths) => {
          // Excel stores "12.34%" as the double nearest 0.1234: parse the decimal, never divide in floating point.
          const stored = Number(`${hundredths}e-4`);
          expect(percentCellValue(stored)).toBe(Number(`${hundredths}e-2`));
        }),
      );
    });
  });
  describe('when the number is not finite', () => {
    it('throws, as no spreadsheet cell holds one', () => {
      expect(() => percentCellValue(Number.NaN)).toThrow(RangeError);
      expect(() => percentCellValue(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    });
  });
});

describe('readPercentCell', () => {
  describe('when a percent-formatted cell holds a fraction', () => {
    it('reads the percentage and counts excel-percent', () => {
      expect(read(readPercentCell(0.955, { integer: false }))).toEqual({ value: 95.5, conversions: ['excel-percent'] });
      expect(read(readPercentCell(0.57, { integer: true }))).toEqual({ value: 57, conversions: ['excel-percent'] });
    });
  });
  describe('when a whole-number percentage fact gets a fraction of a percent', () => {
    it('refuses it as not an integer, showing the percentage received', () => {
      expect(readPercentCell(0.955, { integer: true })).toEqual({
        ok: false,
        code: 'NOT_AN_INTEGER',
        expected: { th: 'ค่าร้อยละเป็นจำนวนเต็ม เช่น 95% (ไม่มีเศษทศนิยม)', en: 'a whole-number percentage, e.g. 95% (no fraction)' },
        received: '95.5%',
      });
    });
  });
  describe('when the cell holds no finite number', () => {
    it('refuses it as not a number', () => {
      expect(refused(readPercentCell(Number.NaN, { integer: false })).code).toBe('NOT_A_NUMBER');
    });
  });
});

describe('readBooleanText', () => {
  describe('when the text is true or false exactly', () => {
    it('reads it with no conversion', () => {
      expect(read(readBooleanText('true'))).toEqual({ value: true, conversions: [] });
      expect(read(readBooleanText(' false '))).toEqual({ value: false, conversions: [] });
    });
  });
  describe('when the text is a yes word or mark', () => {
    it('reads true and counts boolean-word', () => {
      for (const text of ['TRUE', 'True', 'yes', 'YES', 'y', 'Y', '1', 'มี', 'ใช่', 'ผ่าน', 'ผ่านเกณฑ์', '✓', '✔', '✔\uFE0F', '☑', '✅', '\u00A0มี\u00A0']) {
        expect(read(readBooleanText(text)), text).toEqual({ value: true, conversions: ['boolean-word'] });
      }
    });
  });
  describe('when the text is a no word or mark', () => {
    it('reads false and counts boolean-word', () => {
      for (const text of ['FALSE', 'no', 'No', 'n', 'N', '0', 'ไม่มี', 'ไม่ใช่', 'ไม่ผ่าน', 'ไม่ผ่านเกณฑ์', '✗', '✘', '❌', '☐', ' ไม่ใช่ ']) {
        expect(read(readBooleanText(text)), text).toEqual({ value: false, conversions: ['boolean-word'] });
      }
    });
  });
  describe('when the text is a mark that means "chosen" on some forms and "no" on others', () => {
    it('refuses x, X, × and ☒, saying why', () => {
      for (const text of ['x', 'X', '×', '☒']) {
        const failure = refused(readBooleanText(text));
        expect(failure.code, text).toBe('UNKNOWN_WORD');
        expect(failure.expected.en).toContain('is used both for "chosen" and for "no"');
        expect(failure.expected.th).toContain('ใช้ได้ทั้งความหมายว่าเลือกและไม่ใช่');
      }
    });
  });
  describe('when the text is no yes or no word', () => {
    it('refuses it, listing the accepted words for yes and for no', () => {
      const failure = refused(readBooleanText('-'));
      expect(failure.code).toBe('UNKNOWN_WORD');
      expect(failure.received).toBe('-');
      expect(failure.expected.th).toBe(`ใช่หรือไม่ใช่: ${BOOLEAN_WORDS.yes.join(', ')} (ใช่) หรือ ${BOOLEAN_WORDS.no.join(', ')} (ไม่ใช่)`);
      expect(failure.expected.en).toBe(`yes or no: ${BOOLEAN_WORDS.yes.join(', ')} (yes) or ${BOOLEAN_WORDS.no.join(', ')} (no)`);
      for (const text of ['', 'maybe', 'ไม่แน่ใจ', '2', 'yes no', 'true.']) expect(refused(readBooleanText(text)).code, text).toBe('UNKNOWN_WORD');
    });
  });
  describe("when the rubric declares its own words", () => {
    const extra = { yes: ['ดำเนินการแล้ว', 'Done'], no: ['ยังไม่ดำเนินการ'] };
    it('reads them too, in any Latin case, and lists them when refusing', () => {
      expect(read(readBooleanText('ดำเนินการแล้ว', extra))).toEqual({ value: true, conversions: ['boolean-word'] });
      expect(read(readBooleanText('DONE', extra))).toEqual({ value: true, conversions: ['boolean-word'] });
      expect(read(readBooleanText('ยังไม่ดำเนินการ', extra))).toEqual({ value: false, conversions: ['boolean-word'] });
      expect(read(readBooleanText('มี', extra))).toEqual({ value: true, conversions: ['boolean-word'] });
      const failure = refused(readBooleanText('อยู่ระหว่างดำเนินการ', extra));
      expect(failure.expected.th).toContain('✅, ดำเนินการแล้ว, Done (ใช่)');
      expect(failure.expected.en).toContain('☐, ยังไม่ดำเนินการ (no)');
    });
    it('gives a default word the meaning the rubric gives it', () => {
      expect(read(readBooleanText('ผ่าน', { yes: [], no: ['ผ่าน'] }))).toEqual({ value: false, conversions: ['boolean-word'] });
    });
    it('refuses a word the rubric gives both meanings', () => {
      const failure = refused(readBooleanText('พอใช้', { yes: ['พอใช้'], no: ['พอใช้'] }));
      expect(failure.code).toBe('UNKNOWN_WORD');
      expect(failure.expected.en).toContain('the rubric gives "พอใช้" both meanings');
    });
  });
});

describe('readEnumText', () => {
  const LEVELS = [
    { value: 'excellent', label: { th: 'ดีเยี่ยม', en: 'Excellent' }, aliases: ['ดีมาก', 'A'] },
    { value: 'good', label: { th: 'ดี', en: 'Good' } },
    { value: 'needs_work', label: { th: 'ต้องปรับปรุง', en: 'Needs  work' } },
  ];
  describe('when the text is a value id as written', () => {
    it('reads it with no conversion', () => {
      expect(read(readEnumText('good', LEVELS))).toEqual({ value: 'good', conversions: [] });
      expect(read(readEnumText(' needs_work ', LEVELS))).toEqual({ value: 'needs_work', conversions: [] });
    });
  });
  describe("when the text is a value's label, alias or id in another case or spacing", () => {
    it('reads the value id and counts enum-label', () => {
      for (const [text, value] of [
        ['ดีเยี่ยม', 'excellent'],
        ['Excellent', 'excellent'],
        ['EXCELLENT', 'excellent'],
        [' ดีมาก ', 'excellent'],
        ['a', 'excellent'],
        ['ดี', 'good'],
        ['Good', 'good'],
        ['needs work', 'needs_work'],
        ['ต้อง\u200Bปรับปรุง', 'needs_work'],
      ] as const) {
        expect(read(readEnumText(text, LEVELS)), text).toEqual({ value, conversions: ['enum-label'] });
      }
    });
  });
  describe('when the text names no value', () => {
    it('refuses it, listing the Thai labels with their ids', () => {
      expect(readEnumText('ดีมากที่สุด', LEVELS)).toEqual({
        ok: false,
        code: 'UNKNOWN_VALUE',
        expected: {
          th: 'ค่าใดค่าหนึ่งต่อไปนี้: ดีเยี่ยม (excellent), ดี (good), ต้องปรับปรุง (needs_work)',
          en: 'one of: Excellent (excellent), Good (good), Needs  work (needs_work)',
        },
        received: 'ดีมากที่สุด',
      });
      expect(refused(readEnumText('', LEVELS)).code).toBe('UNKNOWN_VALUE');
    });
  });
  describe('when the text names two values', () => {
    it('refuses it rather than choose one', () => {
      const clash = [
        { value: 'pass', label: { th: 'ผ่าน', en: 'Pass' }, aliases: ['ok'] },
        { value: 'fair', label: { th: 'พอใช้', en: 'Fair' }, aliases: ['OK'] },
      ];
      const failure = refused(readEnumText('Ok', clash));
      expect(failure.code).toBe('UNKNOWN_VALUE');
      expect(failure.expected.en).toContain('"Ok" names more than one of them (pass, fair)');
      expect(read(readEnumText('pass', clash))).toEqual({ value: 'pass', conversions: [] });
    });
  });
});

describe('readProvinceText', () => {
  describe('when the text is the official Thai name as written', () => {
    it('reads it with no conversion', () => {
      expect(read(readProvinceText('เชียงใหม่'))).toEqual({ value: 'เชียงใหม่', conversions: [] });
      expect(read(readProvinceText(' นครราชสีมา '))).toEqual({ value: 'นครราชสีมา', conversions: [] });
    });
  });
  describe('when the text is another spelling the catalogue knows', () => {
    it('reads the official Thai name and counts province-spelling', () => {
      for (const [text, th] of [
        ['Chiang Mai', 'เชียงใหม่'],
        ['CHIANG MAI', 'เชียงใหม่'],
        ['จ.เชียงใหม่', 'เชียงใหม่'],
        ['จังหวัดเชียงใหม่', 'เชียงใหม่'],
        ['TH-50', 'เชียงใหม่'],
        ['โคราช', 'นครราชสีมา'],
        ['อ\u0E4D\u0E32นาจเจริญ', 'อำนาจเจริญ'],
        ['กทม.', 'กรุงเทพมหานคร'],
      ] as const) {
        expect(read(readProvinceText(text)), text).toEqual({ value: th, conversions: ['province-spelling'] });
      }
    });
  });
  describe('when the text is close to a province but not one', () => {
    it('refuses it, suggesting the province in what it expected', () => {
      expect(readProvinceText('เชียงไหม่')).toEqual({
        ok: false,
        code: 'UNKNOWN_PROVINCE',
        expected: {
          th: 'ชื่อจังหวัด เช่น เชียงใหม่ หรือ Chiang Mai — หมายถึง "เชียงใหม่" หรือไม่',
          en: 'a province\'s name, e.g. เชียงใหม่ or Chiang Mai — did you mean "เชียงใหม่" (Chiang Mai)?',
        },
        received: 'เชียงไหม่',
      });
    });
  });
  describe('when the text is no province at all', () => {
    it('refuses it without a suggestion', () => {
      const failure = refused(readProvinceText('Atlantis City'));
      expect(failure.code).toBe('UNKNOWN_PROVINCE');
      expect(failure.expected).toEqual({ th: 'ชื่อจังหวัด เช่น เชียงใหม่ หรือ Chiang Mai', en: "a province's name, e.g. เชียงใหม่ or Chiang Mai" });
      expect(refused(readProvinceText('')).code).toBe('UNKNOWN_PROVINCE');
    });
    it('refuses a hostile megabyte quickly, without a typo search', () => {
      const { result, ms } = timed(() => readProvinceText('เชียงใหม่'.repeat(100_000)));
      expect(result).toMatchObject({ ok: false, code: 'UNKNOWN_PROVINCE' });
      expect(ms).toBeLessThan(2_000);
    });
  });
});
