// Thailand's provinces as reference data (engine/catalogues/provinces.json) and a forgiving name lookup.
// Browser-safe: no node: imports, so the editor can use it too.
import data from './catalogues/provinces.json' with { type: 'json' };
import { closestName } from './suggest.js';

/** One of Thailand's 77 provinces: ISO 3166-2:TH code, official Thai and ISO English names, and other spellings. */
export interface Province {
  code: string;
  th: string;
  en: string;
  cddOffice: boolean;
  aliases: string[];
}

/** All 77 provinces in ISO code order (TH-10 Bangkok first). */
export const PROVINCES: readonly Province[] = data.provinces;

/** The version of the province catalogue, to record alongside results that name provinces. */
export const PROVINCE_CATALOGUE_VERSION: string = data.version;

/** The 76 provinces with a provincial Community Development office (all but Bangkok). */
export const CDD_PROVINCES: readonly Province[] = PROVINCES.filter((province) => province.cddOffice);

const ZERO_WIDTH = /[\u200B-\u200D\uFEFF]/g;
const WHITESPACE = /\s+/g;
// NIKHAHIT (U+0E4D), an optional tone mark, then SARA AA (U+0E32): SARA AM (U+0E33) typed as two characters.
const NIKHAHIT_SARA_AA = /\u0E4D([\u0E48-\u0E4B]?)\u0E32/g;
const PROVINCE_PREFIX = /^(?:จังหวัด|จ\.)/;
const LATIN_WORDS = /\b(?:province|changwat)\b/g;
const PUNCTUATION = /[-.]/g;

/** Reduces a province name as people type it to the form lookups compare: no spaces, prefixes, case or punctuation. */
export function normaliseProvinceText(text: string): string {
  return text
    .normalize('NFC')
    .replace(ZERO_WIDTH, '')
    .toLowerCase()
    .replace(LATIN_WORDS, ' ')
    .replace(WHITESPACE, '')
    .replace(NIKHAHIT_SARA_AA, '$1\u0E33')
    .replace(PROVINCE_PREFIX, '')
    .replace(PUNCTUATION, '');
}

/** Every accepted spelling (normalised Thai and English names, ISO codes, aliases) to its province. */
const BY_TEXT = new Map<string, Province>();
/** The normalised names and aliases a typo may be close to (codes are left out: a bare number is no name). */
const SUGGESTIBLE: string[] = [];
/** The provinces by canonical Thai name. */
const BY_THAI_NAME = new Map<string, Province>(PROVINCES.map((province) => [province.th, province]));

for (const province of PROVINCES) {
  const names = [province.th, province.en, ...province.aliases];
  for (const text of [province.code, ...names]) {
    const key = normaliseProvinceText(text);
    const known = BY_TEXT.get(key);
    if (known && known !== province) {
      throw new Error(`provinces.json: "${text}" of ${province.code} also names ${known.code}`);
    }
    BY_TEXT.set(key, province);
  }
  for (const name of names) SUGGESTIBLE.push(normaliseProvinceText(name));
}

/** Lookups already made, by the text as given: a file names the same few provinces on every row. */
const resolved = new Map<string, { province: Province } | { suggestion?: Province }>();

/**
 * Finds the province a text names (Thai or English name, ISO code such as TH-83, or alias), or
 * else the closest one as a suggestion. A pure function of the text, so its answers are kept
 * (at most 4,096; the answer is shared, not a copy).
 */
export function resolveProvince(text: string): { province: Province } | { suggestion?: Province } {
  let found = resolved.get(text);
  if (!found) {
    found = lookUpProvince(text);
    if (resolved.size >= 4096) resolved.clear();
    resolved.set(text, found);
  }
  return found;
}

/** resolveProvince without the memory. */
function lookUpProvince(text: string): { province: Province } | { suggestion?: Province } {
  const key = normaliseProvinceText(text);
  if (key === '') return {};
  const province = BY_TEXT.get(key);
  if (province) return { province };
  const closest = closestName(key, SUGGESTIBLE);
  const suggestion = closest === undefined ? undefined : BY_TEXT.get(closest);
  return suggestion ? { suggestion } : {};
}

/** The province with exactly this canonical Thai name, if any. */
export function provinceByName(th: string): Province | undefined {
  return BY_THAI_NAME.get(th);
}
