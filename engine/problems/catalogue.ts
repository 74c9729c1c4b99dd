// The closed catalogue of problem codes: each code with its severity and its Thai and English
// templates side by side, grouped by where the problem is found. A problem is made only here
// (`problem`), so a code always reads the same. Browser-safe.
import type { CodeEntry } from './entry.js';
import type { Problem, Severity, Where } from './problem.js';
import { ANALYSIS_CODES } from './analysis-codes.js';
import { BUNDLE_CODES } from './bundle-codes.js';
import { DATA_CODES } from './data-codes.js';
import { RUBRIC_CODES } from './rubric-codes.js';
import { SERVICE_CODES } from './service-codes.js';

/** Every code, by the group it belongs to: a rubric file, its analysis, a data file, the store and its services, a pulled bundle. */
export const CATALOGUE = {
  rubric: RUBRIC_CODES,
  analysis: ANALYSIS_CODES,
  data: DATA_CODES,
  service: SERVICE_CODES,
  bundle: BUNDLE_CODES,
} as const;

/** A group of codes. */
export type Group = keyof typeof CATALOGUE;
/** A code of a group. */
export type CodeOf<G extends Group> = keyof (typeof CATALOGUE)[G] & string;
/** Any code in the catalogue. */
export type ProblemCode = { [G in Group]: CodeOf<G> }[Group];
/** The parameters a code's templates take. */
export type ParamsOf<G extends Group, C extends CodeOf<G>> = (typeof CATALOGUE)[G][C] extends CodeEntry<infer P> ? P : never;

/** What a problem may add beyond its words: its place, what was expected and found, another severity. */
export interface ProblemExtras {
  where?: Where;
  expected?: string;
  received?: string;
  severity?: Severity;
}

/** Makes a problem of a code, its words filled in from the catalogue's templates. */
export function problem<G extends Group, C extends CodeOf<G>>(
  group: G,
  code: C,
  params: ParamsOf<G, C>,
  extras: ProblemExtras = {},
): Problem<C> {
  const entry = CATALOGUE[group][code] as unknown as CodeEntry<ParamsOf<G, C>>;
  const made: Problem<C> = {
    code,
    severity: extras.severity ?? entry.severity,
    message: { th: entry.th(params), en: entry.en(params) },
  };
  if (extras.where !== undefined) made.where = extras.where;
  if (extras.expected !== undefined) made.expected = extras.expected;
  if (extras.received !== undefined) made.received = extras.received;
  return made;
}
