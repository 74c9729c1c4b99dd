// Whether a number as written is the number a double keeps. A literal with more digits than a
// double holds (9007199254740993, 69.500000000000001) is read as a nearby double without a word:
// what was written and what is used differ. Such a literal is found here so that it can be
// refused, never used. Browser-safe: no node: imports.
import type { Text } from './types.js';

/** A finite decimal as sign, significant digits and exponent: ±0.digits × 10^exponent. */
interface Decimal {
  negative: boolean;
  /** The significant digits without leading or trailing zeros; empty for zero. */
  digits: string;
  exponent: number;
}

/** A decimal literal as YAML, JSON and String(number) write one: sign, digits, point, exponent. */
const DECIMAL = /^([-+]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([-+]?[0-9]+))?$/;

/** YAML's infinities and not-a-number: each is the value it names. */
const NON_FINITE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** YAML's hexadecimal and octal integers. */
const RADIX_INTEGER = /^0x[0-9a-fA-F]+$|^0o[0-7]+$/;

/** A decimal literal in normal form, or undefined when the text is not one. */
function decimalOf(text: string): Decimal | undefined {
  const match = DECIMAL.exec(text);
  if (!match) return undefined;
  const whole = match[2] ?? '';
  const all = whole + (match[3] ?? '');
  if (all === '') return undefined;
  let lead = 0;
  while (lead < all.length && all[lead] === '0') lead++;
  let end = all.length;
  while (end > lead && all[end - 1] === '0') end--;
  const digits = all.slice(lead, end);
  // ±0.digits × 10^exponent: the point stood after `whole`, and leading zeros move it right.
  const exponent = digits === '' ? 0 : whole.length - lead + Number(match[4] ?? '0');
  return { negative: match[1] === '-', digits, exponent };
}

/**
 * True when `literal`, the text a number was read from, says no more than the double `value`
 * keeps: its decimal (sign, significant digits, exponent) is that of String(value), the shortest
 * decimal that reads back as the value. So 1.0, 1e3, 0.1, 69.50, +12 and -0 are exact;
 * 9007199254740993 (read as 9007199254740992), 69.500000000000001 (read as 69.5) and 1e400 (read
 * as Infinity) are not. Hexadecimal and octal integers (0x1F, 0o17) are compared as integers.
 * A literal of any other form is not known to be exact, and is not.
 */
export function isExactLiteral(literal: string, value: number): boolean {
  if (NON_FINITE.test(literal)) return !Number.isFinite(value);
  if (!Number.isFinite(value)) return false;
  if (RADIX_INTEGER.test(literal)) return Number.isInteger(value) && BigInt(literal) === BigInt(value);
  const written = decimalOf(literal);
  if (!written) return false;
  // Zero is zero whatever its sign: -0 reads as -0, and String(-0) is "0".
  if (written.digits === '') return value === 0;
  const kept = decimalOf(String(value))!;
  return written.negative === kept.negative && written.digits === kept.digits && written.exponent === kept.exponent;
}

/** A literal as a message shows it: cut to 40 characters. */
export function shownLiteral(literal: string): string {
  return literal.length > 40 ? `${literal.slice(0, 37)}...` : literal;
}

/** What a number's literal is refused with: it has more digits than can be kept, and what it would have become. */
export function inexactNumberText(literal: string, value: number): Text {
  const shown = shownLiteral(literal);
  return {
    th: `ตัวเลข ${shown} มีจำนวนหลักมากเกินกว่าจะเก็บค่าได้ตรงทุกหลัก จะถูกอ่านเป็น ${String(value)} ซึ่งไม่ใช่ค่าที่เขียนไว้ (เขียนให้มีหลักน้อยลง จำนวนเต็มไม่เกิน 9,007,199,254,740,991 หรือใส่เครื่องหมายคำพูดถ้าเป็นข้อความหรือรหัส)`,
    en: `the number ${shown} has more digits than can be kept exactly: it would be read as ${String(value)}, not as written (write fewer digits, whole numbers up to 9,007,199,254,740,991, or quote it if it is text or a code)`,
  };
}

/** What a number that cannot be kept exactly should have been, for a diagnostic's `expected`. */
export const EXACT_NUMBER_EXPECTED = 'a number with no more digits than can be kept exactly (15 significant digits always can; whole numbers up to 9007199254740991)';
