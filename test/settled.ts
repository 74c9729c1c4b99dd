// The value of a store write a test needs to succeed: a refusal there fails the test with its status, code and words.
import type { Settled } from '../engine/store/refusal.js';

/** The write's value; throws (failing the test) when the store refused it. */
export function valueOf<T>(settled: Settled<T>): T {
  if (!settled.ok) throw new Error(`refused: ${settled.status} ${settled.problem.code} ${settled.problem.message.en}`);
  return settled.value;
}
