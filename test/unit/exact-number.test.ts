import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inexactNumberText, isExactLiteral } from '../../engine/exact-number.js';

/** Whether a decimal literal, read as JavaScript and YAML read it, keeps what it says. */
const exact = (literal: string): boolean => isExactLiteral(literal, Number(literal));

describe('isExactLiteral', () => {
  it('accepts numbers written with no more digits than a double keeps, in any form', () => {
    for (const literal of ['0', '1', '1.0', '1.', '.5', '1e3', '1E3', '1e+3', '0.1', '69.50', '-0', '-0.0', '+12', '007', '0.30000000000000004', '9007199254740991', '-9007199254740991', '9007199254740992', '1e21', '1.5e-7', '5e-324', '1.7976931348623157e308', '0e999']) {
      expect(exact(literal), literal).toBe(true);
    }
  });

  it('refuses integers past 2^53 that become another integer, and decimals with more digits than a double keeps', () => {
    for (const literal of ['9007199254740993', '-9007199254740993', '18014398509481985', '69.500000000000001', '0.10000000000000001', '1.00000000000000000000001', '123456789012345678', '1e400', '-1e400', '1e-400', '2.4703282292062328e-324']) {
      expect(exact(literal), literal).toBe(false);
    }
  });

  it('compares hexadecimal and octal integers as integers', () => {
    expect(isExactLiteral('0x1F', 31)).toBe(true);
    expect(isExactLiteral('0o17', 15)).toBe(true);
    expect(isExactLiteral('0x20000000000000', 2 ** 53)).toBe(true);
    expect(isExactLiteral('0x20000000000001', parseInt('20000000000001', 16))).toBe(false);
    expect(isExactLiteral('0o400000000000000001', parseInt('400000000000000001', 8))).toBe(false);
  });

  it('takes infinities and not-a-number as what they name, and refuses any other text', () => {
    expect(isExactLiteral('.inf', Infinity)).toBe(true);
    expect(isExactLiteral('-.Inf', -Infinity)).toBe(true);
    expect(isExactLiteral('.nan', NaN)).toBe(true);
    expect(isExactLiteral('Infinity', Infinity)).toBe(false);
    expect(isExactLiteral('1_000', 1000)).toBe(false);
    expect(isExactLiteral('', 0)).toBe(false);
    expect(isExactLiteral('.', 0)).toBe(false);
  });

  it('finds String(d) exact for any double d, and its exponential form too', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (d) => isExactLiteral(String(d), d) && isExactLiteral(d.toExponential(), d)),
      { numRuns: 5000 },
    );
  });

  it('finds any decimal of at most 15 significant digits exact, padded with zeros or not', () => {
    const decimal = fc.record({
      negative: fc.boolean(),
      digits: fc.stringMatching(/^[1-9][0-9]{0,14}$/),
      point: fc.integer({ min: 0, max: 15 }),
      exponent: fc.integer({ min: -250, max: 250 }),
      zeros: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(decimal, ({ negative, digits, point, exponent, zeros }) => {
        const at = Math.min(point, digits.length);
        const literal = `${negative ? '-' : ''}${digits.slice(0, at) || '0'}.${digits.slice(at)}${'0'.repeat(zeros)}e${exponent}`;
        return exact(literal);
      }),
      { numRuns: 5000 },
    );
  });

  it('finds any decimal of more than 17 significant digits inexact', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9][0-9]{16,30}[1-9]$/), fc.integer({ min: -250, max: 250 }), (digits, exponent) => !exact(`${digits}e${exponent}`)),
      { numRuns: 5000 },
    );
  });
});

describe('inexactNumberText', () => {
  it('says in Thai and English that the number has more digits than can be kept, with the literal and what it would become', () => {
    const text = inexactNumberText('9007199254740993', 9007199254740992);
    expect(text.en).toBe(
      'the number 9007199254740993 has more digits than can be kept exactly: it would be read as 9007199254740992, not as written (write fewer digits, whole numbers up to 9,007,199,254,740,991, or quote it if it is text or a code)',
    );
    expect(text.th).toContain('ตัวเลข 9007199254740993 มีจำนวนหลักมากเกินกว่าจะเก็บค่าได้ตรงทุกหลัก');
    expect(text.th).toContain('9007199254740992');
    expect(inexactNumberText('1.' + '0'.repeat(100) + '1', 1).en).toContain('the number 1.00000000000000000000000000000000000... has');
  });
});
