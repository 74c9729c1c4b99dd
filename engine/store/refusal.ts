// How the store refuses a write: a StoreError with its HTTP status and its words in Thai and English.
import { AnalysisUnavailable } from '../node/analysis-pool.js';
import type { Text } from '../types.js';

/** A refused write, said in Thai and English, with what the caller should know. */
export class StoreError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 422 | 503,
    readonly text: Text,
    readonly detail: Record<string, unknown> = {},
  ) {
    super(text.en);
    this.name = 'StoreError';
  }
}

/** A StoreError for a text the worker could not read in time (AnalysisUnavailable); anything else as it was. */
function storeErrorOf(error: unknown): unknown {
  return error instanceof AnalysisUnavailable ? new StoreError(error.status, error.text) : error;
}

/** Runs a worker task, refusing with a StoreError when it cannot finish. */
export async function worked<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw storeErrorOf(error);
  }
}

/** The refusal for a mission of a period that has no draft. */
export function noDraft(period: string, mission: string): StoreError {
  return new StoreError(404, { th: `ไม่มีร่างของ ${mission} ใน ${period}`, en: `there is no draft of ${mission} in ${period}` });
}
