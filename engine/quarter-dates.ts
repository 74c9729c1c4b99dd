// The months of a period (a fiscal quarter of a Buddhist-era year) in the Gregorian calendar, and
// a reporting round's due date moved from one quarter to another. Browser-safe, pure.
// The Thai fiscal year 2567 runs from October 2566 (Gregorian 2023) to September 2567 (2024):
// Q1 is October–December of the year before, Q2 January–March, Q3 April–June, Q4 July–September.
import { PERIOD } from './period.js';

/** A period's first and last day, as ISO Gregorian dates (YYYY-MM-DD). */
export interface QuarterSpan {
  first: string;
  last: string;
}

/** The Gregorian year and month (1–12) a period starts in; undefined for a text that is no period. */
function quarterStart(period: string): { year: number; month: number } | undefined {
  if (!PERIOD.test(period)) return undefined;
  const [buddhistYear, quarter] = period.split('-Q').map(Number) as [number, number];
  const year = buddhistYear - 543;
  return quarter === 1 ? { year: year - 1, month: 10 } : { year, month: 1 + (quarter - 2) * 3 };
}

/** Months counted from year 0, so that two quarters' distance is one subtraction. */
function monthIndex(start: { year: number; month: number }): number {
  return start.year * 12 + (start.month - 1);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The first and last day of a period (2567-Q3 → 2024-04-01 … 2024-06-30); undefined for a text that is no period. */
export function quarterSpan(period: string): QuarterSpan | undefined {
  const start = quarterStart(period);
  if (!start) return undefined;
  const endMonth = start.month + 2;
  return { first: `${start.year}-${pad(start.month)}-01`, last: `${start.year}-${pad(endMonth)}-${pad(daysInMonth(start.year, endMonth))}` };
}

const DUE = /^(\d{4})-(\d{2})-(\d{2})(.*)$/s;

/**
 * A due date moved from one period to another by whole months, keeping its place in the quarter
 * (the 19th of the quarter's first month stays the 19th of the new quarter's first month) and its
 * time of day; a day the new month lacks becomes that month's last day (31 May → 31 August →
 * 30 November). Undefined when either period or the date cannot be read.
 */
export function shiftDue(due: string, from: string, to: string): string | undefined {
  const a = quarterStart(from);
  const b = quarterStart(to);
  const m = DUE.exec(due);
  if (!a || !b || !m || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[3]) < 1) return undefined;
  const months = Number(m[1]) * 12 + (Number(m[2]) - 1) + monthIndex(b) - monthIndex(a);
  const year = Math.floor(months / 12);
  const month = (months % 12) + 1;
  const day = Math.min(Number(m[3]), daysInMonth(year, month));
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}${m[4]}`;
}

/** Where a due date lies against its period: before the quarter's first day, after its last, or within (undefined). */
export function dueOutside(due: string, period: string): 'before' | 'after' | undefined {
  const span = quarterSpan(period);
  const day = due.slice(0, 10);
  if (!span || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  if (day < span.first) return 'before';
  if (day > span.last) return 'after';
  return undefined;
}
