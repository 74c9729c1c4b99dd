// Small helpers the tests of hostile inputs share: the time a call takes (a guard against work that
// grows out of bounds, not a speed target), and the problem of a result that must have one.
import { expect } from 'vitest';
import type { DecodeProblem } from '../engine/import/decode.js';

/** The milliseconds a call takes, with its result. */
export function timed<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

/** The problem of a reading that must have failed. */
export function problemOf(result: object): DecodeProblem {
  expect(result).toHaveProperty('problem');
  return (result as { problem: DecodeProblem }).problem;
}
