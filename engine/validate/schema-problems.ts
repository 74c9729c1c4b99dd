// The problems ajv's schema check finds in a rubric: its errors filtered to those that say the
// most, put into Thai and English, each value described once, and no problem listed twice.
import type { ErrorObject } from 'ajv';
import localizeThModule from 'ajv-i18n/localize/th/index.js';
import type { Found } from '../check/found.js';
import { describeValue } from '../describe-value.js';
import { cjsDefault } from '../interop.js';
import type { Text } from '../types.js';
import { keywordProblem } from './keywords.js';

type Localize = (errors?: ErrorObject[] | null) => void;
const localizeTh = cjsDefault<Localize>(localizeThModule);

/** A value described in English and Thai, once per value: many errors can share one big value. */
type Describe = (value: unknown) => Text;

function describer(): Describe {
  const seen = new Map<object, Text>();
  return (value) => {
    if (value === null || typeof value !== 'object') return { en: describeValue(value, 'en'), th: describeValue(value, 'th') };
    let described = seen.get(value);
    if (!described) {
      described = { en: describeValue(value, 'en'), th: describeValue(value, 'th') };
      seen.set(value, described);
    }
    return described;
  };
}

/** Every problem ajv's errors stand for, at its JSON pointer, in the errors' order. */
export function schemaProblems(errors: ErrorObject[]): Found[] {
  // Errors about a property name (inner to propertyNames) are reported once, by propertyNames.
  const hasDeeper = deeperErrors(errors);
  const relevant = errors.filter(
    (e) => e.propertyName === undefined && (!['if', 'anyOf', 'oneOf', 'not'].includes(e.keyword) || !hasDeeper(e)),
  );
  const thai = relevant.map((e) => ({ ...e }));
  localizeTh(thai);
  const describe = describer();
  const seen = new Set<string>();
  const out: Found[] = [];
  relevant.forEach((error, index) => {
    const f = keywordProblem({ error, thai: thai[index]!.message ?? error.message ?? '', shown: describe(error.data) });
    const key = `${f.pointer}|${f.problem.code}|${f.problem.message.en}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(f);
  });
  return out;
}

/**
 * For each error, whether another error of a different keyword lies at or under its instance
 * path (by string prefix, as `instancePath.startsWith` reads it). Sorting the paths once puts
 * every path with a prefix in one run, found by binary search, so this costs O(n log n) for n
 * errors rather than comparing every pair.
 */
function deeperErrors(errors: ErrorObject[]): (error: ErrorObject) => boolean {
  const order = errors.map((_, i) => i).sort((a, b) => compare(errors[a]!.instancePath, errors[b]!.instancePath));
  const paths = order.map((i) => errors[i]!.instancePath);
  const keywords = order.map((i) => errors[i]!.keyword);
  // nextOther[i]: the first position after i whose keyword differs from the one at i.
  const nextOther = new Array<number>(order.length);
  for (let i = order.length - 1; i >= 0; i--) {
    nextOther[i] = i + 1 < order.length && keywords[i + 1] !== keywords[i] ? i + 1 : (nextOther[i + 1] ?? order.length);
  }
  return (error) => {
    const prefix = error.instancePath;
    const from = firstIndex(paths, (p) => compare(p, prefix) >= 0);
    const to = firstIndex(paths, (p) => compare(p, prefix) > 0 && !p.startsWith(prefix));
    if (from >= to) return false;
    return keywords[from] !== error.keyword || nextOther[from]! < to;
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first index where `test` holds, for a test that is false and then true along `items`. */
function firstIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (test(items[mid]!)) high = mid;
    else low = mid + 1;
  }
  return low;
}
