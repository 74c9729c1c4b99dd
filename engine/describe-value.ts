// Describes any value for a message by its type and size, in bounded time: the words a problem
// uses for what it found. Browser-safe.

/** The longest quoted text `describeValue` gives for a string, quotes and "..." included. */
const MAX_QUOTED = 62;

/**
 * Describes a value for a message by its type and size, in bounded time whatever the value:
 * a string quoted (cut at about 60 characters), a number, boolean or null as it is, a list as
 * "a list of N items" and a mapping as "an object with N keys" (in Thai with `language` 'th').
 * Never stringifies a whole value, never recurses into it, never multi-line.
 */
export function describeValue(value: unknown, language: 'th' | 'en' = 'en'): string {
  const th = language === 'th';
  if (value === undefined) return th ? 'ไม่มีค่า' : 'nothing';
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return quoteCut(value);
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'object':
      break;
    default:
      return th ? `ค่าชนิด ${typeof value}` : `a ${typeof value}`;
  }
  if (Array.isArray(value)) {
    const n = value.length;
    return th ? `รายการ ${n} ค่า` : `a list of ${n} item${n === 1 ? '' : 's'}`;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? (th ? 'วันที่ไม่ถูกต้อง' : 'an invalid date') : value.toISOString();
  // Own enumerable keys, as JSON would show: one pass over the top level only.
  const n = Object.keys(value).length;
  return th ? `ออบเจกต์ที่มี ${n} คีย์` : `an object with ${n} key${n === 1 ? '' : 's'}`;
}

/**
 * A string as JSON would quote it, cut to at most MAX_QUOTED characters with "..." before the
 * closing quote: reads only as many characters as it shows, and never splits an escape or a
 * surrogate pair.
 */
function quoteCut(text: string): string {
  const whole = MAX_QUOTED - 2; // the longest body shown uncut
  const cut = whole - 3; // the longest body before "..."
  let body = '';
  let atCut = 0;
  for (const ch of text) {
    const piece = JSON.stringify(ch).slice(1, -1); // one character (or pair), escaped as JSON would
    if (body.length + piece.length > whole) return `"${body.slice(0, atCut)}..."`;
    body += piece;
    if (body.length <= cut) atCut = body.length;
  }
  return `"${body}"`;
}
