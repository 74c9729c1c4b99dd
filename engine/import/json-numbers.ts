// Numbers in a JSON data file that JSON.parse would silently change: 9007199254740993 becomes
// 9007199254740992, 69.500000000000001 becomes 69.5. They are found in the text, before parsing,
// with the row and key they stand in, and written as strings so that the number is never used.
// Browser-safe: no node: imports.
import { isExactLiteral } from '../exact-number.js';

/** A number token of the JSON text that a double cannot keep exactly. */
export interface InexactNumber {
  /** The token's offsets in the text: [start, end). */
  start: number;
  end: number;
  /** The index of the top-level array's element it stands in, or -1 outside any. */
  row: number;
  /** The key of that element (a row object) whose value holds it, if any. */
  key: string | undefined;
  literal: string;
  /** What JSON.parse would have read it as. */
  value: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;

/** A number token as JSON's grammar has it. */
const JSON_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$/;

function isNumberCharacter(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === MINUS || c === 0x2b || c === 0x2e || c === 0x45 || c === 0x65;
}

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/**
 * Every number token of a JSON text whose literal is not exactly the double JSON.parse makes of
 * it, in order, with the top-level element and the key of it that it stands in. One linear pass
 * that skips strings (escapes included) and keeps only a stack of open brackets, so any depth of
 * nesting costs no recursion. Text that is not valid JSON gives whatever tokens it seems to hold;
 * JSON.parse then refuses it.
 */
export function inexactJsonNumbers(text: string): InexactNumber[] {
  const found: InexactNumber[] = [];
  const at: Scan = { open: [], expectKey: false, row: -1, keyStart: -1, keyEnd: -1 };
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const start = i;
      i = stringEnd(text, i);
      if (at.expectKey && at.open.at(-1) === OPEN_OBJECT) {
        at.expectKey = false;
        if (at.open.length === 2) {
          at.keyStart = start;
          at.keyEnd = i;
        }
      } else {
        beginValue(at);
      }
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      beginValue(at);
      at.open.push(c);
      at.expectKey = c === OPEN_OBJECT;
      i++;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY || c === COMMA || c === COLON) {
      if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) at.open.pop();
      at.expectKey = c === COMMA && at.open.at(-1) === OPEN_OBJECT;
      i++;
    } else if (c === MINUS || (c >= 0x30 && c <= 0x39)) {
      // A number where a key belongs is invalid JSON, and must stay so: it is never quoted.
      const atKey = at.expectKey && at.open.at(-1) === OPEN_OBJECT;
      if (!atKey) beginValue(at);
      const start = i;
      const number = scanNumber(text, i);
      i = number.end;
      // Fifteen digits or fewer without an exponent are always kept exactly: the common case, not looked at again.
      if (atKey || (number.digits <= 15 && !number.exponent)) continue;
      const literal = text.slice(start, i);
      const value = Number(literal);
      // Only a number as JSON writes one: quoting anything else could make invalid JSON valid.
      if (JSON_NUMBER.test(literal) && !isExactLiteral(literal, value)) {
        const inRow = at.open.length >= 2 && at.open[1] === OPEN_OBJECT && at.keyStart >= 0;
        found.push({ start, end: i, row: at.open.length >= 1 ? at.row : -1, key: inRow ? keyText(text.slice(at.keyStart, at.keyEnd)) : undefined, literal, value });
      }
    } else if (isLetter(c)) {
      beginValue(at);
      while (i < text.length && isLetter(text.charCodeAt(i))) i++;
    } else {
      i++;
    }
  }
  return found;
}

/** Where inexactJsonNumbers is: the open objects and arrays, whether a key comes next, the row, and the row's current key (offsets of its quoted token). */
interface Scan {
  open: number[];
  expectKey: boolean;
  row: number;
  keyStart: number;
  keyEnd: number;
}

/** A value begins: at the top level it is the next row, with no key yet. */
function beginValue(at: Scan): void {
  if (at.open.length === 1) {
    at.row++;
    at.keyStart = at.keyEnd = -1;
  }
}

/** Just past the string token at text[i] (a quote): the next quote not escaped by an odd run of backslashes; past the end when there is none. */
function stringEnd(text: string, i: number): number {
  for (;;) {
    const end = text.indexOf('"', i + 1);
    if (end < 0) return text.length + 1;
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes++;
    i = end;
    if (backslashes % 2 === 0) return i + 1;
  }
}

/** The number token at text[i]: where it ends, how many digits it has, and whether it has an exponent. */
function scanNumber(text: string, i: number): { end: number; digits: number; exponent: boolean } {
  let digits = 0;
  let exponent = false;
  for (; i < text.length; i++) {
    const d = text.charCodeAt(i);
    if (d >= 0x30 && d <= 0x39) digits++;
    else if (d === 0x45 || d === 0x65) exponent = true;
    else if (!isNumberCharacter(d)) break;
  }
  return { end: i, digits, exponent };
}

/** A key's text from its quoted token, or undefined when the token is not a valid JSON string. */
function keyText(token: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(token);
    return typeof parsed === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The text with each of the tokens (in order, as found) written as a JSON string of its literal. */
export function quoteNumbers(text: string, tokens: readonly InexactNumber[]): string {
  if (tokens.length === 0) return text;
  const pieces: string[] = [];
  let at = 0;
  for (const t of tokens) {
    pieces.push(text.slice(at, t.start), '"', t.literal, '"');
    at = t.end;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}
