// Which published revision a mission's text is compared with: by default the same period's latest,
// else the latest of the nearest earlier period (so a new quarter's draft is compared with the rules
// that applied last), or any published revision of the mission that a person picks, named in the
// URL as `2567-Q3r1` and labelled as officials read it. Browser-safe.
import { PERIOD_SOURCE } from './period.js';
import { thaiDigits, thaiPeriod } from './template-layout.js';
import { ENGLISH_MONTHS, THAI_MONTHS_SHORT } from './thai-date.js';
import type { Text } from './types.js';

/** A published revision as the comparison lists it (its text is fetched only when chosen). */
export interface PublishedRef {
  period: string;
  revision: number;
  digest: string;
  /** When it was published: an ISO instant. */
  publishedAt: string;
}

const KEY = new RegExp(`^(${PERIOD_SOURCE})r([1-9]\\d{0,5})$`);

/** A revision's name in a URL: 2567-Q3 revision 1 → `2567-Q3r1`. */
export function compareKey(ref: Pick<PublishedRef, 'period' | 'revision'>): string {
  return `${ref.period}r${ref.revision}`;
}

/** The period and revision a URL's `compare` names, or undefined when it names none. */
export function parseCompareKey(text: string | null | undefined): { period: string; revision: number } | undefined {
  const match = text ? KEY.exec(text) : null;
  return match ? { period: match[1]!, revision: Number(match[2]) } : undefined;
}

/** Newest first: later periods, then later revisions. */
export function byNewest<T extends Pick<PublishedRef, 'period' | 'revision'>>(refs: readonly T[]): T[] {
  return [...refs].sort((a, b) => (a.period === b.period ? b.revision - a.revision : a.period < b.period ? 1 : -1));
}

/**
 * The revision compared with when nobody chose one: the period's own latest, else the latest of the
 * nearest earlier period that has one; never a later period's (its rules came after this text's).
 */
export function defaultBaseline<T extends PublishedRef>(period: string, published: readonly T[]): T | undefined {
  return byNewest(published).find((r) => r.period <= period);
}

/** The baseline in use: the one the URL names when it is published, else the default; `unknown` when the URL named another. */
export function chooseBaseline<T extends PublishedRef>(period: string, published: readonly T[], requested: string | null | undefined): { chosen: T | undefined; unknown: boolean } {
  const wanted = parseCompareKey(requested);
  const named = wanted && published.find((r) => r.period === wanted.period && r.revision === wanted.revision);
  if (named) return { chosen: named, unknown: false };
  return { chosen: defaultBaseline(period, published), unknown: Boolean(requested) };
}

/** The Bangkok calendar day of an instant (Thailand keeps UTC+7 all year), or undefined for other text. */
function bangkokDay(iso: string): { year: number; month: number; day: number } | undefined {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return undefined;
  const shifted = new Date(time + 7 * 3600_000);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** A published date as officials write it: ๑๕ ก.ค. ๒๕๖๗ (Thai digits, Buddhist era), and 15 July 2024. */
export function publishedDate(iso: string): Text {
  const d = bangkokDay(iso);
  if (!d) return { th: iso, en: iso };
  return {
    th: `${thaiDigits(d.day)} ${THAI_MONTHS_SHORT[d.month - 1]} ${thaiDigits(d.year + 543)}`,
    en: `${d.day} ${ENGLISH_MONTHS[d.month - 1]} ${d.year}`,
  };
}

/** A revision in the picker: ไตรมาส ๓/๒๕๖๗ ฉบับที่ ๑ (เผยแพร่ ๑๕ ก.ค. ๒๕๖๗), and 2567-Q3 revision 1 (published 15 July 2024). */
export function baselineLabel(ref: PublishedRef): Text {
  const date = publishedDate(ref.publishedAt);
  return {
    th: `${thaiPeriod(ref.period)} ฉบับที่ ${thaiDigits(ref.revision)} (เผยแพร่ ${date.th})`,
    en: `${ref.period} revision ${ref.revision} (published ${date.en})`,
  };
}
