// An error that the mission's latest published revision already had is the letter's own gap, kept
// on purpose, and shows in amber without stopping a publish; only an error it did not have is new.
import { kindOf, type Finding } from './analyze.js';

/** What identifies a finding from one text to the next: not its line, column or wording. */
export type FindingIdentity = Pick<Finding, 'code'> & { where: Pick<Finding['where'], 'pointer'>; about: Pick<Finding['about'], 'criterion' | 'fact' | 'example' | 'range'> };

/** A value as JSON with every object's keys sorted, so that `{a, b}` and `{b, a}` are one example. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * A finding's stable key: its kind (from its code), criterion, fact, JSON pointer, and the values a gap spans (so
 * a widened gap is a new error), else its example (as canonical JSON).
 */
export function findingKey(f: FindingIdentity): string {
  const { criterion, fact, range, example } = f.about;
  return canonical([kindOf(f.code), criterion ?? null, fact ?? null, f.where.pointer, range ?? example ?? null]);
}

/** The keys of the error findings of a text: what a later text is compared with. */
export function errorKeys(findings: readonly (FindingIdentity & Pick<Finding, 'severity'>)[]): string[] {
  return [...new Set(findings.filter((f) => f.severity === 'error').map(findingKey))];
}

/** A text's errors, split into those its baseline did not have and the letter's own gaps. */
export interface ErrorSplit<F> {
  /** Errors the baseline did not have (every error, when there is no baseline): they stop a publish. */
  fresh: F[];
  /** Errors the baseline already had: the letter's gaps, shown in amber. */
  gaps: F[];
}

/** Splits a text's error findings by the baseline's error keys; `null` means no baseline, so every error is new. */
export function splitErrors<F extends FindingIdentity & Pick<Finding, 'severity'>>(findings: readonly F[], baseline: readonly string[] | null): ErrorSplit<F> {
  const known = new Set(baseline ?? []);
  const fresh: F[] = [];
  const gaps: F[] = [];
  for (const f of findings) {
    if (f.severity !== 'error') continue;
    (known.has(findingKey(f)) ? gaps : fresh).push(f);
  }
  return { fresh, gaps };
}

/** "the letter's gaps" in Thai and English, for a count. */
export function gapsLabel(n: number): { th: string; en: string } {
  return { th: `ช่องว่างตามหนังสือสั่งการ ${n} รายการ`, en: `${n} ${n === 1 ? 'gap' : 'gaps'} in the letter itself` };
}
