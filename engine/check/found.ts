// What the meaning checks share: a problem found before it has a place in the file (its JSON
// pointer only), and the context every check reads the rubric through and reports into.
import { valueCatalog, type ValueInfo } from '../catalog.js';
import { describeValue } from '../describe-value.js';
import { problem, type ParamsOf, type ProblemExtras } from '../problems/catalogue.js';
import type { Problem } from '../problems/problem.js';
import type { RubricCode } from '../problems/rubric-codes.js';
import { closestName } from '../suggest.js';
import type { Rubric } from '../types.js';

/** A problem in a schema-valid rubric's meaning, before it is given a place in the file. */
export interface Found {
  problem: Problem<RubricCode>;
  /** JSON pointer of the value concerned ('' for the whole document). */
  pointer: string;
  /** Place the problem at the pointer's key rather than its value. */
  atKey?: boolean;
}

/** What a found problem may add: what was expected and found, and whether it is placed at the key. */
export type FoundExtras = Omit<ProblemExtras, 'where'> & { atKey?: boolean };

/** Makes a problem of a code at a JSON pointer, its words from the catalogue. */
export function found<C extends RubricCode>(code: C, params: ParamsOf<'rubric', C>, pointer: string, extras: FoundExtras = {}): Found {
  const { atKey, ...rest } = extras;
  return { problem: problem('rubric', code, params, rest), pointer, ...(atKey ? { atKey } : {}) };
}

/** The rubric as the checks read it, and where they report. */
export interface CheckContext {
  rubric: Rubric;
  catalog: Map<string, ValueInfo>;
  problems: Found[];
  /** Reports a name that is no declared value, with the likeliest declared one. */
  undeclared(id: string, pointer: string, wanted?: string): void;
}

/** A context over a rubric with no problems yet. */
export function checkContext(rubric: Rubric): CheckContext {
  const catalog = valueCatalog(rubric);
  const problems: Found[] = [];
  return {
    rubric,
    catalog,
    problems,
    undeclared(id, pointer, wanted = 'a declared fact or derived value') {
      const hint = closestName(id, [...catalog.keys()]);
      problems.push(found('UNDECLARED_FACT', { id, ...(hint ? { hint } : {}) }, pointer, { expected: wanted, received: id }));
    },
  };
}

/** True when a value fits what a fact or derived value holds. */
export function fitsValue(info: ValueInfo, value: unknown): boolean {
  switch (info.type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
    case 'number':
      return typeof value === 'number';
    case 'enum':
      return typeof value === 'string' && (info.enumValues ?? []).includes(value);
    case 'string':
      return typeof value === 'string';
  }
}

/** TYPE_MISMATCH for a value that does not fit its fact, or nothing when it fits. */
export function valueMismatch(info: ValueInfo, value: unknown, pointer: string): Found | undefined {
  if (fitsValue(info, value)) return undefined;
  return found('TYPE_MISMATCH', { kind: 'value', id: info.id, type: info.type, value }, pointer, {
    expected: info.enumValues?.join(', ') ?? info.type,
    received: describeValue(value),
  });
}
