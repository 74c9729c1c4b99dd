// A published revision named in one word, as the history page's query carries it: `2567-Q3r2` is
// revision 2 of period 2567-Q3. Browser-safe.
import { PERIOD_SOURCE } from './period.js';

const KEY = new RegExp(`^(${PERIOD_SOURCE})r([1-9][0-9]{0,5})$`);

/** A revision of a period in one word: 2567-Q3, 2 → `2567-Q3r2`. */
export function revisionKey(period: string, revision: number): string {
  return `${period}r${revision}`;
}

/** The period and revision a word names, or undefined when it names none. */
export function parseRevisionKey(key: string): { period: string; revision: number } | undefined {
  const match = KEY.exec(key);
  return match ? { period: match[1]!, revision: Number(match[2]) } : undefined;
}
