// How the store refuses a write: a StoreError carrying the problem (a code of the service
// catalogue, with its Thai and English words), its HTTP status and what the caller should know.
import { AnalysisUnavailable } from '../node/analysis-pool.js';
import { problem, type ParamsOf } from '../problems/catalogue.js';
import type { Problem } from '../problems/problem.js';
import type { ServiceCode } from '../problems/service-codes.js';
import type { Text } from '../types.js';

/** The HTTP statuses a refusal takes. */
export type RefusalStatus = 400 | 403 | 404 | 409 | 413 | 422 | 503;

/** A refused write: its problem, its HTTP status, and details for the page (the other change, the findings). */
export class StoreError extends Error {
  constructor(
    readonly status: RefusalStatus,
    readonly problem: Problem<ServiceCode>,
    readonly detail: Record<string, unknown> = {},
  ) {
    super(problem.message.en);
    this.name = 'StoreError';
  }

  /** The problem's code. */
  get code(): ServiceCode {
    return this.problem.code;
  }

  /** The problem's words in Thai and English. */
  get text(): Text {
    return this.problem.message;
  }
}

/** A write the store refused, returned: its problem, its HTTP status and details for the page. */
export interface Refused {
  ok: false;
  problem: Problem<ServiceCode>;
  status: RefusalStatus;
  detail: Record<string, unknown>;
}

/** What a write returns: its value, or the refusal (a user's mistake is returned, never thrown). */
export type Settled<T> = { ok: true; value: T } | Refused;

/** The refusal a StoreError carries, as a value. */
export function refusedOf(error: StoreError): Refused {
  return { ok: false, problem: error.problem, status: error.status, detail: error.detail };
}

/**
 * Runs a write whose refusals are thrown inside it (a throw is how a transaction rolls back) and
 * returns them instead; anything but a StoreError is a programmer's error and is thrown on.
 */
export async function settle<T>(work: () => Promise<T> | T): Promise<Settled<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof StoreError) return refusedOf(error);
    throw error;
  }
}

/** settle for a write that does not wait. */
export function settleNow<T>(work: () => T): Settled<T> {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    if (error instanceof StoreError) return refusedOf(error);
    throw error;
  }
}

/** A StoreError of a service code, its words filled in from the catalogue. */
export function refusal<C extends ServiceCode>(status: RefusalStatus, code: C, params: ParamsOf<'service', C>, detail: Record<string, unknown> = {}): StoreError {
  return new StoreError(status, problem('service', code, params), detail);
}

/** A StoreError for a text the worker could not read in time (AnalysisUnavailable); anything else as it was. */
function storeErrorOf(error: unknown): unknown {
  return error instanceof AnalysisUnavailable ? new StoreError(error.status, error.problem) : error;
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
  return refusal(404, 'NO_DRAFT', { period, mission });
}
