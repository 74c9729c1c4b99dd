// The words a rule says, made from the rule itself in the letter's style: a band's threshold
// ("ร้อยละ ๘๐ ขึ้นไป", "ระหว่างร้อยละ ๙๐ - ๙๙", "น้อยกว่า ๓ ผลิตภัณฑ์") and a ladder row's condition
// tree (items joined by "และ" / "หรือ"), in Thai with Thai digits and in English. Browser-safe.
import { valueCatalog, type ValueInfo } from './catalog.js';
import { own } from './own.js';
import { provinceByName } from './provinces.js';
import { thaiDigits } from './template-layout.js';
import type { Band, Comparator, Condition, EnumValue, FactCondition, Operator, Rubric, Scalar, Text } from './types.js';

/** What a threshold's words are made from: the comparison and its value (a band, or a condition's leaf). */
export type Threshold = Pick<Band, 'op' | 'value'>;

/** The unit words of the combined score, which declares none: the letter writes "คะแนน". */
const SCORE_UNIT: Text = { th: 'คะแนน', en: 'points' };

/** A number as the rubric holds it: as written, no trailing zeros added (0.5, not 0.50). */
function numberText(n: number, language: keyof Text): string {
  return language === 'th' ? thaiDigits(String(n)) : String(n);
}

/** How a value is counted: a percentage, a unit's words, or a bare number. */
type Measure = { percent: true } | { percent: false; unit?: string };

function measureOf(info: ValueInfo | undefined, language: keyof Text): Measure {
  if (info?.percent) return { percent: true };
  const unit = info?.unit ?? (info?.origin === 'score' ? SCORE_UNIT : undefined);
  return unit ? { percent: false, unit: unit[language] } : { percent: false };
}

/** One amount with its unit: "ร้อยละ ๘๐", "๕ ผลิตภัณฑ์", "80 %", "5 products". */
function amountTh(n: string, m: Measure): string {
  return m.percent ? `ร้อยละ ${n}` : m.unit ? `${n} ${m.unit}` : n;
}
function amountEn(n: string, m: Measure): string {
  return m.percent ? `${n} %` : m.unit ? `${n} ${m.unit}` : n;
}

/** A word before an amount: joined directly to "ร้อยละ" (มากกว่าร้อยละ ๔), with a space before a digit (มากกว่า ๓ ผลิตภัณฑ์). */
function before(word: string, amount: string): string {
  return /^[-0-9๐-๙]/.test(amount) ? `${word} ${amount}` : `${word}${amount}`;
}

/** A word after an amount: after a space when the amount ends in a digit (ร้อยละ ๘๐ ขึ้นไป), else joined (๕ ผลิตภัณฑ์ขึ้นไป). */
function after(amount: string, word: string): string {
  return /[0-9๐-๙]$/.test(amount) ? `${amount} ${word}` : `${amount}${word}`;
}

/**
 * What each comparator says, in one table: the Thai words as the letter writes them ("ขึ้นไป",
 * "มากกว่า", "น้อยกว่า", "ไม่เกิน", "เท่ากับ") and the English.
 */
const COMPARISON: Record<Exclude<Comparator, 'between'>, { th: (amount: string) => string; en: (amount: string, count: boolean) => string }> = {
  '>=': { th: (a) => after(a, 'ขึ้นไป'), en: (a) => `${a} or more` },
  '>': { th: (a) => before('มากกว่า', a), en: (a) => `more than ${a}` },
  '<': { th: (a) => before('น้อยกว่า', a), en: (a, count) => `${count ? 'fewer' : 'less'} than ${a}` },
  '<=': { th: (a) => before('ไม่เกิน', a), en: (a) => `${a} or less` },
  '=': { th: (a) => before('เท่ากับ', a), en: (a) => `exactly ${a}` },
};

/**
 * The words of a band's threshold for the value it compares, in the letter's style: `>= 80` on a
 * percentage is "ร้อยละ ๘๐ ขึ้นไป" / "80 % or more", `between [90, 99]` is "ระหว่างร้อยละ ๙๐ - ๙๙" /
 * "between 90 and 99 %", `< 3` on a count of products is "น้อยกว่า ๓ ผลิตภัณฑ์" / "fewer than 3 products".
 */
export function bandWording(band: Threshold, info: ValueInfo | undefined): Text {
  const th = measureOf(info, 'th');
  const en = measureOf(info, 'en');
  if (band.op === 'between' || Array.isArray(band.value)) {
    const [low, high] = Array.isArray(band.value) ? band.value : [band.value, band.value];
    const range = (language: keyof Text) => [numberText(low, language), numberText(high, language)] as const;
    const [lowTh, highTh] = range('th');
    const [lowEn, highEn] = range('en');
    return {
      th: th.percent ? `ระหว่างร้อยละ ${lowTh} - ${highTh}` : `ระหว่าง ${amountTh(`${lowTh} - ${highTh}`, th)}`,
      en: `between ${lowEn} and ${amountEn(highEn, en)}`,
    };
  }
  const words = COMPARISON[band.op];
  const count = !en.percent && en.unit !== undefined && info?.type === 'integer';
  return { th: words.th(amountTh(numberText(band.value, 'th'), th)), en: words.en(amountEn(numberText(band.value, 'en'), en), count) };
}

/** The comparator of a numeric condition operator. */
const NUMERIC: Partial<Record<Operator, Exclude<Comparator, 'between'>>> = {
  greaterThan: '>',
  greaterThanInclusive: '>=',
  lessThan: '<',
  lessThanInclusive: '<=',
};

/** What the words of a condition need: the rubric's named conditions and what each value is. */
interface Context {
  rubric: Rubric;
  catalog: Map<string, ValueInfo>;
  /** Named conditions being worded, so that a cycle ends in its name instead of recursing. */
  visiting: Set<string>;
}

/**
 * The words of a condition tree: each comparison with its value's label, the items of `all` joined
 * by "และ" / "and" and of `any` by "หรือ" / "or" as the letter joins them, a nested group of the
 * other kind in parentheses, a named condition by its own words.
 */
export function conditionWording(condition: Condition, rubric: Rubric, catalog: Map<string, ValueInfo> = valueCatalog(rubric)): Text {
  return words(condition, { rubric, catalog, visiting: new Set() });
}

type Kind = 'all' | 'any' | 'leaf';

/** A condition's words and whether they are a group (so a parent of the other kind brackets them). */
function worded(condition: Condition, context: Context): { text: Text; kind: Kind } {
  if ('condition' in condition) {
    const name = condition.condition;
    const named = own(context.rubric.conditions, name);
    if (!named || context.visiting.has(name)) return { text: { th: `⟨${name}⟩`, en: `⟨${name}⟩` }, kind: 'leaf' };
    context.visiting.add(name);
    const inner = worded(named, context);
    context.visiting.delete(name);
    return inner;
  }
  if ('all' in condition || 'any' in condition) {
    const kind = 'all' in condition ? 'all' : 'any';
    const parts = 'all' in condition ? condition.all : condition.any;
    if (parts.length === 1) return worded(parts[0]!, context);
    if (parts.length === 0) return { text: kind === 'all' ? { th: 'ทุกกรณี', en: 'always' } : { th: 'ไม่มีกรณีใด', en: 'never' }, kind: 'leaf' };
    const items = parts.map((p) => worded(p, context)).map((w) => (w.kind !== 'leaf' && w.kind !== kind ? bracket(w.text) : w.text));
    const [andTh, andEn] = kind === 'all' ? ['และ', 'and'] : ['หรือ', 'or'];
    return { text: { th: items.map((t) => t.th).reduce((text, next) => `${text} ${joinedTh(andTh, next)}`), en: items.map((t) => t.en).join(` ${andEn} `) }, kind };
  }
  if ('not' in condition) {
    const inner = worded(condition.not, context);
    const text = inner.kind === 'leaf' ? inner.text : bracket(inner.text);
    return { text: { th: `ไม่ใช่กรณีที่ ${text.th}`, en: `not ${text.en}` }, kind: 'leaf' };
  }
  const fact = own(context.rubric.facts, condition.fact);
  return { text: leafWording(condition, context.catalog.get(condition.fact), fact?.type === 'enum' ? fact.values : undefined), kind: 'leaf' };
}

/** The letter writes "และ" / "หรือ" after a space and joined to the next item ("…องค์กรคุณธรรม หรือหน่วยงานคุณธรรม"); a space before a digit, a Latin word or a bracket. */
function joinedTh(word: string, next: string): string {
  return /^[\u0E00-\u0E4F]/.test(next) ? `${word}${next}` : `${word} ${next}`;
}

function words(condition: Condition, context: Context): Text {
  return worded(condition, context).text;
}

function bracket(text: Text): Text {
  return { th: `(${text.th})`, en: `(${text.en})` };
}

/** A value's label without the "(ร้อยละ)" / "(percent)" the comparison already says. */
function labelOf(info: ValueInfo | undefined, id: string): Text {
  if (!info) return { th: id, en: id };
  if (!info.percent) return info.label;
  const strip = (text: string) => text.replace(/\s*\((?:ร้อยละ|percent|%)\)\s*$/i, '');
  return { th: strip(info.label.th), en: strip(info.label.en) };
}

/** One comparison of a fact: a number against a threshold, a yes/no, a choice (`choices`: an enum's values), a text or a province. */
export function leafWording(leaf: FactCondition, info: ValueInfo | undefined, choices?: EnumValue[]): Text {
  const label = labelOf(info, leaf.fact);
  const comparator = NUMERIC[leaf.operator];
  if (comparator && typeof leaf.value === 'number') {
    const threshold = bandWording({ op: comparator, value: leaf.value }, info);
    return { th: `${label.th} ${threshold.th}`, en: `${label.en}: ${threshold.en}` };
  }
  const values = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
  const negated = leaf.operator === 'notEqual' || leaf.operator === 'notIn';
  if (values.length === 1 && typeof values[0] === 'boolean') return yesNo(label, values[0] !== negated);
  if (choices) return choiceWording(choices, values, negated);
  const list = listOf(values, info);
  if (info?.catalog === 'province') return negated ? { th: `จังหวัดอื่นที่ไม่ใช่${list.th}`, en: `a province other than ${list.en}` } : { th: `จังหวัด${list.th}`, en: `the province of ${list.en}` };
  if (leaf.operator === 'equal' || leaf.operator === 'in') return { th: `${label.th} ${list.th}`, en: `${label.en}: ${list.en}` };
  return { th: `${label.th} ไม่ใช่ ${list.th}`, en: `${label.en}: not ${list.en}` };
}

/** A yes/no fact: its label when it must hold, "ไม่…" before it when it must not. */
function yesNo(label: Text, holds: boolean): Text {
  if (holds) return label;
  return { th: label.th.startsWith('ไม่') ? `${label.th}: ไม่ใช่` : `ไม่${label.th}`, en: `${label.en}: no` };
}

/** An enum's values by their labels, as the letter names them ("เป็นปัจจุบันทุกบริการที่เกี่ยวข้อง"). */
function choiceWording(choices: EnumValue[], values: Scalar[], negated: boolean): Text {
  const labels = values.map((v) => choices.find((c) => c.value === v)?.label ?? { th: String(v), en: String(v) });
  const th = joinAlternatives(labels.map((l) => l.th), 'th');
  const en = joinAlternatives(labels.map((l) => l.en), 'en');
  return negated ? { th: `ไม่ใช่ ${th}`, en: `not ${en}` } : { th, en };
}

/** Values as a list of alternatives; a province by its Thai name and its English one. */
function listOf(values: Scalar[], info: ValueInfo | undefined): Text {
  const th = values.map((v) => (typeof v === 'number' ? numberText(v, 'th') : String(v)));
  const en = values.map((v) => (info?.catalog === 'province' && typeof v === 'string' ? (provinceByName(v)?.en ?? v) : String(v)));
  return { th: joinAlternatives(th, 'th'), en: joinAlternatives(en, 'en') };
}

/** "ก ข หรือค" / "a, b or c": the letter lists names with spaces and joins the last with its word. */
function joinAlternatives(items: string[], language: keyof Text): string {
  if (items.length <= 1) return items[0] ?? '';
  const head = items.slice(0, -1);
  const last = items[items.length - 1]!;
  return language === 'th' ? `${head.join(' ')} หรือ${last}` : `${head.join(', ')} or ${last}`;
}
