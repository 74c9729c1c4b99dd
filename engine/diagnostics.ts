import type { Text } from './types.js';

/** The closed set of diagnostic codes a rubric file can get. */
export const DIAGNOSTIC_CODES = [
  'FILE_TOO_LARGE',
  'NOT_UTF8',
  'EMPTY_FILE',
  'YAML_SYNTAX',
  'DUPLICATE_KEY',
  'ALIAS_LIMIT',
  'FORBIDDEN_KEY',
  'INEXACT_NUMBER',
  'NOT_A_MAPPING',
  'SCHEMA_UNKNOWN_PROPERTY',
  'SCHEMA_REQUIRED',
  'SCHEMA_TYPE',
  'SCHEMA_ENUM',
  'SCHEMA_PATTERN',
  'SCHEMA_CONSTRAINT',
  'UNKNOWN_OPERATOR',
  'UNDECLARED_FACT',
  'UNKNOWN_CONDITION',
  'CONDITION_CYCLE',
  'CONDITION_DEPTH',
  'UNKNOWN_CRITERION',
  'DUPLICATE_ID',
  'TYPE_MISMATCH',
  'UNKNOWN_PROVINCE',
  'BAND_MIXED',
  'BAND_RANGE',
  'BAND_TARGET',
  'TRUTH_TABLE_SHAPE',
  'MISSION_MISMATCH',
  'PERIOD_MISMATCH',
  'EXAMPLE_FAILED',
  'TOO_MANY_PROBLEMS',
] as const;

/** A diagnostic code. */
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

/** How serious a diagnostic is. */
export type Severity = 'error' | 'warning' | 'info';

/** One problem found in a rubric file, with its place. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: Text;
  file: string;
  line: number;
  column: number;
  /** JSON pointer to the value concerned ('' for the whole document). */
  path: string;
  expected?: string;
  received?: string;
}

/** Sorts diagnostics by file, line and column (stable for equal places). */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Formats one diagnostic as `file:line:column severity CODE path: message`. */
export function formatDiagnostic(d: Diagnostic, language: 'th' | 'en' | 'both' = 'both'): string {
  const text = language === 'both' ? `${d.message.th} / ${d.message.en}` : d.message[language];
  const where = d.path ? ` ${d.path}:` : '';
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}${where} ${text}`;
}

/** How many diagnostics one file reports before the rest are only counted. */
export const MAX_DIAGNOSTICS_PER_FILE = 200;

/**
 * Keeps the first `max` of a file's diagnostics (sorted by line, as given) and, when there were
 * more, adds one TOO_MANY_PROBLEMS at the file's 1:1 after them that counts the rest and names the
 * total. It is an error when any diagnostic it stands for is one (else the worst of theirs), so a
 * file with only warnings past the cap stays valid.
 */
export function capDiagnostics(sorted: Diagnostic[], file: string, max = MAX_DIAGNOSTICS_PER_FILE): Diagnostic[] {
  if (sorted.length <= max) return sorted;
  const hidden = sorted.slice(max);
  const rest = hidden.length;
  const total = sorted.length;
  const severity: Severity = hidden.some((d) => d.severity === 'error')
    ? 'error'
    : hidden.some((d) => d.severity === 'warning')
      ? 'warning'
      : 'info';
  return [
    ...sorted.slice(0, max),
    {
      code: 'TOO_MANY_PROBLEMS',
      severity,
      message: {
        th: `และอีก ${rest} ปัญหา รวมทั้งหมด ${total} ปัญหา (แสดงเฉพาะ ${max} ปัญหาแรกตามลำดับบรรทัด)`,
        en: `and ${rest} more problem${rest === 1 ? '' : 's'}, ${total} in all (only the first ${max} by line are listed)`,
      },
      file,
      line: 1,
      column: 1,
      path: '',
      expected: `at most ${max} problems`,
      received: `${total} problems`,
    },
  ];
}

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
