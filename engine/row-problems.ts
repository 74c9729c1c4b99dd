// The problems a data row can have, made from the catalogue's data codes: both grading paths and
// the row checks build their problems here, so a code always reads the same.
import type { ValueInfo } from './catalog.js';
import { describeValue } from './diagnostics.js';
import { problem, type ParamsOf } from './problems/catalogue.js';
import type { CellPlace, Problem } from './problems/problem.js';
import type { Text } from './types.js';

/** Codes of the problems a data row can have. */
export type RowErrorCode =
  | 'MISSING_ID'
  | 'DUPLICATE_ID'
  | 'MISSING_FACT'
  | 'WRONG_TYPE'
  | 'NOT_A_NUMBER'
  | 'NOT_AN_INTEGER'
  | 'OUT_OF_RANGE'
  | 'UNKNOWN_VALUE'
  | 'UNKNOWN_PROVINCE'
  | 'AMBIGUOUS_NUMBER'
  | 'INEXACT_NUMBER'
  | 'UNKNOWN_WORD'
  | 'ZERO_DENOMINATOR'
  | 'NO_CRITERIA';

/**
 * One problem with one fact of one row. `fact` is the id the grader keys on (exemptions, owners,
 * the results' JSON); `where.column` is the column as the file heads it, which in a worksheet may
 * be a Thai header rather than the id, and `where.cell` the cell as Excel names it (C14).
 */
export interface RowError extends Problem<RowErrorCode> {
  fact: string;
  where: CellPlace;
  expected: string;
  received: string;
}

/** Builds a row error of a code, its words from the catalogue; the place is the fact's column unless given. */
export function rowError<C extends RowErrorCode>(
  code: C,
  fact: string,
  params: ParamsOf<'data', C>,
  found: { expected: string; received: string; where?: CellPlace },
): RowError {
  const made = problem('data', code, params);
  // The fields named one by one, in the order a spread of `made` gives them (it has no place,
  // expected or received of its own): a spread here cost microseconds a row in V8, most of an
  // error row's grading.
  return { code: made.code, severity: made.severity, message: made.message, fact, where: found.where ?? { column: fact }, expected: found.expected, received: found.received };
}

/** What a fact expects, in words, for `expected`. */
export function expectedOf(info: ValueInfo): string {
  switch (info.type) {
    case 'boolean':
      return 'true or false';
    case 'integer':
      return 'a whole number';
    case 'number':
      return `a number (${info.precision} decimals)`;
    case 'enum':
      return `one of ${info.enumValues!.join(', ')}`;
    case 'string':
      return info.catalog === 'province' ? 'a province of Thailand' : 'text';
  }
}

/** A value described for people in both languages. */
export function described(raw: unknown): Text {
  return { th: describeValue(raw, 'th'), en: describeValue(raw) };
}

/** The fact is absent, null or empty. */
export function missingFact(info: ValueInfo): RowError {
  return rowError('MISSING_FACT', info.id, { id: info.id, label: info.label }, { expected: expectedOf(info), received: 'nothing' });
}

/** Text where a number belongs. */
export function notANumber(info: ValueInfo, raw: string): RowError {
  return rowError('NOT_A_NUMBER', info.id, { at: 'fact', id: info.id, value: described(raw) }, { expected: expectedOf(info), received: describeValue(raw) });
}

/** A fraction where a count belongs. */
export function notAnInteger(info: ValueInfo, raw: number): RowError {
  return rowError('NOT_AN_INTEGER', info.id, { at: 'fact', id: info.id, value: raw }, { expected: 'an integer', received: String(raw) });
}

/** A number outside the fact's declared range. */
export function outOfRange(info: ValueInfo, raw: number): RowError {
  const range = `${info.min ?? '-∞'} – ${info.max ?? '∞'}`;
  return rowError('OUT_OF_RANGE', info.id, { id: info.id, value: raw, range }, { expected: range, received: String(raw) });
}

/** A value that is not one of an enum's values. */
export function unknownValue(info: ValueInfo, raw: unknown): RowError {
  const allowed = info.enumValues!.join(', ');
  return rowError('UNKNOWN_VALUE', info.id, { at: 'fact', id: info.id, value: described(raw), allowed }, { expected: allowed, received: describeValue(raw) });
}

/** Text that names no province of the catalogue, with the closest name when one is close. */
export function unknownProvince(info: ValueInfo, raw: string, suggestion: string | undefined): RowError {
  const params = { at: 'fact' as const, id: info.id, value: described(raw), ...(suggestion ? { suggestion } : {}) };
  return rowError('UNKNOWN_PROVINCE', info.id, params, { expected: expectedOf(info), received: describeValue(raw) });
}

/** A value of the wrong kind altogether (a boolean for a number, a number for an enum). */
export function wrongType(info: ValueInfo, raw: unknown): RowError {
  const expected = expectedOf(info);
  return rowError('WRONG_TYPE', info.id, { of: 'fact', id: info.id, expected, value: described(raw) }, { expected, received: describeValue(raw) });
}

/** A ratio whose denominator is zero, naming the denominator. */
export function zeroDenominator(derivedId: string, denominatorId: string): RowError {
  return rowError('ZERO_DENOMINATOR', denominatorId, { derived: derivedId, denominator: denominatorId }, { expected: 'a number other than 0', received: '0' });
}
