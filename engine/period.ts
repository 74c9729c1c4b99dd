// What a period (a quarter of a Buddhist-era year, `2567-Q3`) and a mission id are, and how to step
// between periods: the one pattern every route, the store, the pull and the public API check against. Browser-safe.
import type { Text } from './types.js';
import { thaiPeriod } from './template.js';

/** The pattern of a period's name, without anchors, for building longer patterns (the public API's paths). */
export const PERIOD_SOURCE = '25\\d{2}-Q[1-4]';

/** A period's name, whole: `2567-Q3`. The JSON schemas (schemas/*.json) say the same; test/unit/period.test.ts checks that. */
export const PERIOD = new RegExp(`^${PERIOD_SOURCE}$`);

/** The pattern of a mission id (at most 64 characters, as in the rubric schema), without anchors or the length check. */
export const MISSION_SOURCE = '[a-z][a-z0-9]*(?:-[a-z0-9]+)*';

/** A mission id, whole: `otop`, `village-fund`; anything else names no rubric, so no path leaves the store. */
export const MISSION = new RegExp(`^(?=.{1,64}$)${MISSION_SOURCE}$`);

/** True when a text is a period's name. */
export function isPeriod(text: string): boolean {
  return PERIOD.test(text);
}

/** The period before a period: 2567-Q4 → 2567-Q3, 2568-Q1 → 2567-Q4. */
export function previousPeriod(period: string): string {
  const [year, quarter] = period.split('-Q').map(Number) as [number, number];
  return quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
}

/** The period after a period: 2567-Q3 → 2567-Q4, 2567-Q4 → 2568-Q1. */
export function nextPeriod(period: string): string {
  const [year, quarter] = period.split('-Q').map(Number) as [number, number];
  return quarter === 4 ? `${year + 1}-Q1` : `${year}-Q${quarter + 1}`;
}

/** A period as people read it: Thai as the house writes it (ไตรมาส ๓/๒๕๖๗), English as the store names it (2567-Q3). */
export function periodLabel(period: string): Text {
  return { th: thaiPeriod(period), en: period };
}
