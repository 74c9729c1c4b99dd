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

/** Renders a value for a message: short, JSON-like, never multi-line. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 57) + '...' : value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? text.slice(0, 57) + '...' : text;
}
