// How the store refuses a user's write: it returns the refusal (a problem of the service catalogue,
// its HTTP status and what the caller should know) as a value, never as an exception.
import { AnalysisUnavailable } from '../node/analysis-pool.js';
import { problem, type ParamsOf } from '../problems/catalogue.js';
import type { Problem } from '../problems/problem.js';
import type { ServiceCode } from '../problems/service-codes.js';

/** The HTTP statuses a refusal takes. */
export type RefusalStatus = 400 | 403 | 404 | 409 | 413 | 422 | 503;

/** A write the store refused, returned: its problem, its HTTP status and details for the page. */
export interface Refused<C extends ServiceCode = ServiceCode> {
  ok: false;
  problem: Problem<C>;
  status: RefusalStatus;
  detail: Record<string, unknown>;
}

/** What a write returns: its value, or the refusal (a user's mistake is returned, never thrown). */
export type Settled<T, C extends ServiceCode = ServiceCode> = { ok: true; value: T } | Refused<C>;

/** A refusal of a service code, its words filled in from the catalogue. */
export function refusal<C extends ServiceCode>(status: RefusalStatus, code: C, params: ParamsOf<'service', C>, detail: Record<string, unknown> = {}): Refused<C> {
  return { ok: false, problem: problem('service', code, params), status, detail };
}

/** A write's value, settled. */
export function done<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/**
 * Runs a write that waits for a worker, returning what it settles on; a worker that could not
 * finish (AnalysisUnavailable: a time limit or a full queue, 422 or 503) is refused the same way.
 * Every refusal is found before the write's transaction writes anything, so it returns from the
 * transaction and nothing needs rolling back; any exception but AnalysisUnavailable is a
 * programmer's error and is thrown on.
 */
export async function settle<T>(work: () => Promise<Settled<T>>): Promise<Settled<T>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AnalysisUnavailable) return { ok: false, problem: error.problem, status: error.status, detail: {} };
    throw error;
  }
}

/** The refusal for a mission of a period that has no draft. */
export function noDraft(period: string, mission: string): Refused<'NO_DRAFT'> {
  return refusal(404, 'NO_DRAFT', { period, mission });
}
