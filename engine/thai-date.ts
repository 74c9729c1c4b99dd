// Formats the ISO dates rubrics carry ('YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm:ss+07:00') for display.
// The calendar date is read as written, so a date-time keeps the day of its own offset whatever the
// server's or browser's time zone.

/** Thai month abbreviations, January first. */
export const THAI_MONTHS_SHORT = [
  'ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.',
  'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.',
] as const;

/** English month names, January first. */
export const ENGLISH_MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** The year, month (1–12) and day of an ISO date or date-time string. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** Reads the calendar date of an ISO date or date-time string, or undefined when it is not one. */
export function parseIsoDate(iso: string): CalendarDate | undefined {
  const match = ISO_DATE.exec(iso.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Reject impossible dates such as 2024-02-30 by round-tripping through UTC.
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  return { year, month, day };
}

/** Formats an ISO date as a Thai Buddhist-era date such as "20 มิ.ย. 2567"; other text is returned unchanged. */
export function formatThaiDate(iso: string): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  return `${date.day} ${THAI_MONTHS_SHORT[date.month - 1]} ${date.year + 543}`;
}

/** Formats an ISO date as a full English date such as "20 June 2024"; other text is returned unchanged. */
export function formatEnglishDate(iso: string): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  return `${date.day} ${ENGLISH_MONTHS[date.month - 1]} ${date.year}`;
}

/** Formats an instant as a Thai Buddhist-era date and time in Bangkok, e.g. "24 พ.ย. 2569 07:15". */
export function formatThaiDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('th-TH-u-ca-buddhist', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Bangkok' });
}
