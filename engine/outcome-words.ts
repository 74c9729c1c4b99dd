// The words for what an example or a unit can come out as besides a level, in a module of its own
// so that the problem catalogue can use them without importing the rest of words.ts. Browser-safe.
import type { Text } from './types.js';

/** What an example or a unit can come out as, besides a level: no level matched, or data that cannot be graded. */
const OUTCOME_WORDS: Record<string, Text> = {
  unmatched: { th: 'ไม่ตรงกับระดับใด', en: 'no level matched' },
  error: { th: 'ข้อมูลผิด', en: 'bad data' },
};

/** An outcome as people read it: a level as itself, `unmatched` and `error` in words. */
export function outcomeWords(outcome: string): Text {
  return OUTCOME_WORDS[outcome] ?? { th: outcome, en: outcome };
}
