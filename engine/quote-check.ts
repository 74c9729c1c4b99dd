// Does the letter's quote still say what the rule says? The numbers a quote writes (Thai or Arabic
// digits) and its comparison words, read against a band's threshold or a ladder row's thresholds.
// A quote stays as the source of the period it came from; once a value changes it differs. Browser-safe.
import { own } from './own.js';
import type { Band, Comparator, Condition, LadderRow, Rubric } from './types.js';

/** A number as written: Thai or Arabic digits, thousands after commas, a decimal part. */
const NUMBER = /[0-9๐-๙]+(?:,[0-9๐-๙]{3})*(?:\.[0-9๐-๙]+)?/g;
/** Words after which a number names no amount: a year, an item, a quarter, an ordinal. */
const NOT_AN_AMOUNT = /(?:ปี|พ\.ศ\.?|ค\.ศ\.?|ข้อ|ไตรมาส|ฉบับ|ที่)\s*$/;

function arabic(text: string): string {
  return text.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
}

/** True when the number at `index` (ending at `end`) is a list marker: "๑) มีการ…", not "(ร้อยละ ๘๐)". */
function isListMarker(quote: string, index: number, end: number): boolean {
  if (quote[end] !== ')') return false;
  const prefix = quote.slice(0, index);
  if (prefix !== '' && !/\s$/.test(prefix)) return false;
  const open = (prefix.match(/\(/g) ?? []).length - (prefix.match(/\)/g) ?? []).length;
  return open <= 0;
}

/**
 * The amounts a quote writes, in order, in Thai or Arabic digits ("ร้อยละ ๘๐.๐๐" → 80): a year
 * ("ปี ๒๕๖๖"), an item number ("ข้อ ๒", "๑) …"), a quarter or an ordinal is not an amount.
 */
export function quoteNumbers(quote: string): number[] {
  const found: number[] = [];
  for (const match of quote.matchAll(NUMBER)) {
    const index = match.index;
    const end = index + match[0].length;
    if (NOT_AN_AMOUNT.test(quote.slice(0, index))) continue;
    if (isListMarker(quote, index, end)) continue;
    const n = Number(arabic(match[0]).replace(/,/g, ''));
    if (Number.isFinite(n)) found.push(n);
  }
  return found;
}

/** Comparison words of the letter and the comparators each may mean; longer words first ("ไม่น้อยกว่า" before "น้อยกว่า"). */
const WORDS: [string, Comparator[]][] = [
  ['ไม่น้อยกว่า', ['>=']],
  ['ไม่ต่ำกว่า', ['>=']],
  ['ไม่มากกว่า', ['<=']],
  ['ไม่สูงกว่า', ['<=']],
  ['ไม่เกินกว่า', ['<=']],
  ['ไม่เกิน', ['<=']],
  ['ไม่ถึง', ['<']],
  ['อย่างน้อย', ['>=']],
  ['ขึ้นไป', ['>=']],
  ['ตั้งแต่', ['>=']],
  ['เกินกว่า', ['>']],
  ['มากกว่า', ['>']],
  ['สูงกว่า', ['>']],
  ['น้อยกว่า', ['<']],
  ['ต่ำกว่า', ['<']],
  ['ลงมา', ['<=']],
  ['เท่ากับ', ['=']],
  ['ครบ', ['=', '>=']],
  ['ระหว่าง', ['between']],
  // The same in English, as the editor words a rule in English mode.
  ['not less than', ['>=']],
  ['no less than', ['>=']],
  ['not more than', ['<=']],
  ['no more than', ['<=']],
  ['at least', ['>=']],
  ['or more', ['>=']],
  ['more than', ['>']],
  ['fewer than', ['<']],
  ['less than', ['<']],
  ['at most', ['<=']],
  ['or less', ['<=']],
  ['exactly', ['=']],
  ['between', ['between']],
];
// "ครบ" only before an amount ("ครบ ๕ ด้าน", not "ครบถ้วน"); no bare "เกิน", which the letter also
// writes in "หนี้เกินกำหนดชำระ" (overdue debt).
const WORD = new RegExp(WORDS.map(([w]) => (w === 'ครบ' ? 'ครบ(?=\\s*[0-9๐-๙])' : w)).join('|'), 'gi');
const MEANS = new Map(WORDS);
/** Two amounts joined by a dash: "๙๐ - ๙๙", "๒๗ – ๒๙ คะแนน". */
const RANGE = /[0-9๐-๙](?:[0-9๐-๙.,]*)\s*[-–]\s*[0-9๐-๙]/;

/** What a bare amount means ("ร้อยละ ๑๐๐"): reaching it, as the agreed reading takes the letter (RUBRICS.md), or exactly it. */
const BARE: Comparator[] = ['>=', '='];

/**
 * The comparators a band's quote may mean by its words: a range ("๙๐ - ๙๙") is `between`; a bare
 * amount is at least or exactly it; otherwise what every comparison word in it agrees on. Undefined
 * when its words disagree: then they say nothing the check can use.
 */
export function quoteComparators(quote: string): Comparator[] | undefined {
  if (RANGE.test(quote)) return ['between'];
  let agreed: Comparator[] = BARE;
  let worded = false;
  for (const [word] of quote.matchAll(WORD)) {
    const means = MEANS.get(word.toLowerCase())!;
    agreed = worded ? agreed.filter((c) => means.includes(c)) : means;
    worded = true;
    if (agreed.length === 0) return undefined;
  }
  return agreed;
}

/** The same numbers, whatever their order and repeats. */
function sameNumbers(a: number[], b: number[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((n) => y.has(n));
}

/**
 * True when a band's quote no longer says what the band says: it writes other numbers than the
 * band's threshold (or range), or comparison words that mean another comparison ("น้อยกว่า" for
 * `<=`). A band without a quote, or a quote with no number, does not differ.
 */
export function bandQuoteDiffers(band: Pick<Band, 'op' | 'value' | 'quote'>): boolean {
  if (band.quote === undefined) return false;
  const written = quoteNumbers(band.quote);
  if (written.length === 0) return false;
  const rule = Array.isArray(band.value) ? band.value : [band.value];
  if (!sameNumbers(written, rule)) return true;
  const means = quoteComparators(band.quote);
  const op: Comparator = Array.isArray(band.value) ? 'between' : band.op;
  return means !== undefined && !means.includes(op);
}

/** Every number a condition compares with, through the named conditions it refers to. */
export function conditionNumbers(condition: Condition, named: Rubric['conditions'], seen: Set<string> = new Set()): number[] {
  if ('all' in condition) return condition.all.flatMap((c) => conditionNumbers(c, named, seen));
  if ('any' in condition) return condition.any.flatMap((c) => conditionNumbers(c, named, seen));
  if ('not' in condition) return conditionNumbers(condition.not, named, seen);
  if ('condition' in condition) {
    const target = own(named, condition.condition);
    if (!target || seen.has(condition.condition)) return [];
    return conditionNumbers(target, named, new Set(seen).add(condition.condition));
  }
  const values = Array.isArray(condition.value) ? condition.value : [condition.value];
  return values.filter((v): v is number => typeof v === 'number');
}

/**
 * True when a ladder row's quote writes a number its rule no longer has, counting repeats: the
 * letter shortens a row ("…"), so the quote may leave numbers out, but each number it writes must
 * be one of the row's thresholds (or its score). A row without a quote does not differ.
 */
export function rowQuoteDiffers(row: Pick<LadderRow, 'when' | 'score' | 'quote'>, rubric: Pick<Rubric, 'conditions'>): boolean {
  if (row.quote === undefined) return false;
  const left = conditionNumbers(row.when, rubric.conditions);
  if (row.score !== undefined) left.push(row.score);
  for (const n of quoteNumbers(row.quote)) {
    const at = left.indexOf(n);
    if (at === -1) return true;
    left.splice(at, 1);
  }
  return false;
}
