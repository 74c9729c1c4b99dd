// One cell's words read as a fact value: yes and no, an enum's value or label, a province's name,
// each compared as people write them (Thai or English, any spacing). Browser-safe.
import { resolveProvince } from '../provinces.js';
import type { Text } from '../types.js';
import { failure, trimSpaces, type CellReading } from './cell-text.js';

/** A word as lookups compare it: NFC, no zero-width characters or emoji variation selectors, spaces collapsed, Latin in lower case, SARA AM typed as two characters joined. */
function normaliseWord(text: string): string {
  return trimSpaces(
    text
      .normalize('NFC')
      .replace(/[\u200B-\u200D\u2060\uFEFF\uFE0E\uFE0F]/g, '')
      .replace(/\u0E4D([\u0E48-\u0E4B]?)\u0E32/g, '$1\u0E33'),
  )
    .replace(/[\s\u00A0]+/g, ' ')
    .toLowerCase();
}

// Ticks, ✅ and ☑ are yes; crosses ✗ ✘ ❌ and an empty box ☐ are no. Left out on purpose: x, X, × and ☒, which on Thai
// forms often mark the chosen box and elsewhere mean "no", and "-", which offices write for "none", "not reported" and
// "not applicable" alike.
/** The words and marks read as yes and as no besides those a rubric declares. */
export const BOOLEAN_WORDS: { readonly yes: readonly string[]; readonly no: readonly string[] } = {
  yes: ['true', 'yes', 'y', '1', 'มี', 'ใช่', 'ผ่าน', 'ผ่านเกณฑ์', '✓', '✔', '☑', '✅'],
  no: ['false', 'no', 'n', '0', 'ไม่มี', 'ไม่ใช่', 'ไม่ผ่าน', 'ไม่ผ่านเกณฑ์', '✗', '✘', '❌', '☐'],
};

const AMBIGUOUS_MARKS = new Set(['x', '×', '☒']);

/** Reads a cell's text as yes or no: true/false as written, other words and marks for yes and no (the defaults and a rubric's own), anything else an error listing the words. */
export function readBooleanText(text: string, extra?: { yes: readonly string[]; no: readonly string[] }): CellReading {
  const written = trimSpaces(text.normalize('NFC'));
  if (written === 'true') return { ok: true, value: true, conversions: [] };
  if (written === 'false') return { ok: true, value: false, conversions: [] };
  const extraYes = (extra?.yes ?? []).filter((word) => normaliseWord(word) !== '');
  const extraNo = (extra?.no ?? []).filter((word) => normaliseWord(word) !== '');
  // A rubric's own words come first: a word it gives one meaning loses the other meaning the defaults might give it.
  const meaning = new Map<string, boolean | 'both'>();
  for (const word of extraYes) meaning.set(normaliseWord(word), true);
  for (const word of extraNo) {
    const key = normaliseWord(word);
    meaning.set(key, meaning.get(key) === true ? 'both' : false);
  }
  for (const word of BOOLEAN_WORDS.yes) if (!meaning.has(word)) meaning.set(word, true);
  for (const word of BOOLEAN_WORDS.no) if (!meaning.has(word)) meaning.set(word, false);
  const key = normaliseWord(written);
  const value = meaning.get(key);
  if (value === true || value === false) return { ok: true, value, conversions: ['boolean-word'] };
  const yes = [...BOOLEAN_WORDS.yes, ...extraYes].filter((word) => meaning.get(normaliseWord(word)) === true);
  const no = [...BOOLEAN_WORDS.no, ...extraNo].filter((word) => meaning.get(normaliseWord(word)) === false);
  const unique = (words: string[]): string => [...new Set(words)].join(', ');
  const expected: Text = {
    th: `ใช่หรือไม่ใช่: ${unique(yes)} (ใช่) หรือ ${unique(no)} (ไม่ใช่)`,
    en: `yes or no: ${unique(yes)} (yes) or ${unique(no)} (no)`,
  };
  if (AMBIGUOUS_MARKS.has(key)) {
    expected.th += ` — เครื่องหมาย ${written} ใช้ได้ทั้งความหมายว่าเลือกและไม่ใช่ จึงอ่านแทนไม่ได้`;
    expected.en += ` — the mark ${written} is used both for "chosen" and for "no", so it is not read`;
  } else if (value === 'both') {
    expected.th += ` — เกณฑ์ให้คำว่า "${written}" หมายถึงทั้งใช่และไม่ใช่ จึงอ่านแทนไม่ได้`;
    expected.en += ` — the rubric gives "${written}" both meanings, so it is not read`;
  }
  return failure('UNKNOWN_WORD', expected, text);
}

/** One choice of an enum fact: its id, its label, and other words for it. */
export interface EnumChoice {
  value: string;
  label: Text;
  aliases?: readonly string[];
}

/** Reads a cell's text as one of an enum fact's values: its id as written, or its Thai or English label or an alias in any case and spacing. */
export function readEnumText(text: string, values: readonly EnumChoice[]): CellReading {
  const written = trimSpaces(text.normalize('NFC'));
  const exact = values.find((choice) => choice.value === written);
  if (exact) return { ok: true, value: exact.value, conversions: [] };
  const key = normaliseWord(written);
  const matches = key === '' ? [] : values.filter((choice) => [choice.value, choice.label.th, choice.label.en, ...(choice.aliases ?? [])].some((word) => normaliseWord(word) === key));
  if (matches.length === 1) return { ok: true, value: matches[0]!.value, conversions: ['enum-label'] };
  const expected: Text = {
    th: `ค่าใดค่าหนึ่งต่อไปนี้: ${values.map((choice) => `${choice.label.th} (${choice.value})`).join(', ')}`,
    en: `one of: ${values.map((choice) => `${choice.label.en} (${choice.value})`).join(', ')}`,
  };
  if (matches.length > 1) {
    expected.th += ` — "${written}" เป็นชื่อของตัวเลือกมากกว่าหนึ่งตัว (${matches.map((choice) => choice.value).join(', ')}) จึงเลือกแทนไม่ได้`;
    expected.en += ` — "${written}" names more than one of them (${matches.map((choice) => choice.value).join(', ')}), and none can be chosen for you`;
  }
  return failure('UNKNOWN_VALUE', expected, text);
}

/** Province names longer than this are not looked up (no province is named so; the typo search would be slow on a hostile cell). */
const MAX_PROVINCE_TEXT = 100;

/** Reads a cell's text as a province's official Thai name: the name as written, or any spelling the catalogue knows (English, ISO code, alias, with จ. or จังหวัด). */
export function readProvinceText(text: string): CellReading {
  const written = trimSpaces(text.normalize('NFC'));
  const result = written.length > MAX_PROVINCE_TEXT ? {} : resolveProvince(written);
  if ('province' in result) {
    return { ok: true, value: result.province.th, conversions: written === result.province.th ? [] : ['province-spelling'] };
  }
  const expected: Text = { th: 'ชื่อจังหวัด เช่น เชียงใหม่ หรือ Chiang Mai', en: "a province's name, e.g. เชียงใหม่ or Chiang Mai" };
  const suggestion = 'suggestion' in result ? result.suggestion : undefined;
  if (suggestion) {
    expected.th += ` — หมายถึง "${suggestion.th}" หรือไม่`;
    expected.en += ` — did you mean "${suggestion.th}" (${suggestion.en})?`;
  }
  return failure('UNKNOWN_PROVINCE', expected, text);
}
