// How a code is declared in the catalogue: its usual severity and its Thai and English templates.
import type { Severity } from './problem.js';

/** One code's entry: its usual severity and its words, each a function of the same parameters. */
export interface CodeEntry<P> {
  severity: Severity;
  th: (params: P) => string;
  en: (params: P) => string;
}

/** Declares a group of codes, keeping each entry's parameter type. */
export function codes<T extends Record<string, CodeEntry<never>>>(group: T): T {
  return group;
}
