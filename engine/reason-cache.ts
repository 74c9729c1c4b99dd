// Reasons shared between results that would be explained alike: a big file repeats the same values
// (75,000 OTOP rows hold about 50,000 distinct reasons in 150,000 reason cells), and building,
// joining and writing each reason again is most of the cost of a results workbook. A reason
// depends only on the model, the verdict's outcome and the values it used (explain.ts reads
// nothing else), so these are its key; a verdict with errors, or a value whose text could be read
// two ways (a non-finite or negative-zero number), is explained on its own, never from the cache.
import type { Model } from './model.js';
import { valuesOf } from './runtime.js';
import type { Text } from './types.js';
import type { Verdict } from './verdict.js';

/**
 * The reasons of one batch of results (one call of gradeRows), by key: it lives as long as they
 * do, and holds at most one reason per result, so it never outgrows them.
 */
export type ReasonCache = Map<string, Text>;

/** The key of a verdict's reason, or undefined when the verdict must be explained on its own. */
export function reasonKey(model: Model, verdict: Verdict): string | undefined {
  if (verdict.errors !== null || verdict.status === 'error') return undefined;
  const values = valuesOf(model, verdict);
  let key = `${verdict.status}|${verdict.grade}|${verdict.score === null ? '' : numberKey(verdict.score)}|${verdict.row}|${verdict.bands.join(',')}|${verdict.exemptions.join(',')}|${verdict.settled === null ? '-' : verdict.settled.join(',')}`;
  if (key.includes('undefined')) return undefined;
  for (const value of values) {
    if (typeof value === 'number') {
      const text = numberKey(value);
      if (text === undefined) return undefined;
      key += `|n${text}`;
    } else if (typeof value === 'string') {
      key += `|s${JSON.stringify(value)}`;
    } else if (typeof value === 'boolean') {
      key += value ? '|t' : '|f';
    } else if (value === null) {
      key += '|z';
    } else {
      return undefined;
    }
  }
  return key;
}

/** A number's text for the key, or undefined for one that String() would not tell apart (NaN, ±Infinity, -0). */
function numberKey(value: number): string | undefined {
  if (!Number.isFinite(value) || Object.is(value, -0)) return undefined;
  return String(value);
}

/** The reason of a verdict: the one already built for the same key in this batch, else `build`'s, kept for the next. */
export function sharedReason(cache: ReasonCache, model: Model, verdict: Verdict, build: () => Text): Text {
  const key = reasonKey(model, verdict);
  if (key === undefined) return build();
  const kept = cache.get(key);
  if (kept) return kept;
  const reason = build();
  cache.set(key, reason);
  return reason;
}
