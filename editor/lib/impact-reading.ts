// The draft's effect on units against a published revision, as the mission page's impact panel
// shows it: both compiled, every row (the made-up national sample from engine/sample-rows.ts, or the
// user's file) graded under both. Read in the impact worker (editor/lib/impact.worker.ts), or on the
// page when that worker cannot run. Plain data in and out, so it crosses to the worker.
import { compileRubric } from '$engine/compile.js';
import { impactOf, type Impact } from '$engine/impact.js';
import { comparisonSampleRows } from '$engine/sample-rows.js';
import type { Rubric } from '$engine/types.js';
import type { ValidRubric } from '$engine/validate.js';

/** What to compare: the draft of `mission` in `period` against a published revision, on `rows` or the sample. */
export interface ImpactRequest {
  mission: string;
  period: string;
  baseline: ValidRubric;
  baselineRef: { period: string; revision: number; digest: string };
  draft: Rubric;
  /** The user's rows; null for the national sample. */
  rows: Record<string, unknown>[] | null;
}

/** The effect, or null when either side has no grade rule. */
export function readImpact({ mission, period, baseline, baselineRef, draft, rows }: ImpactRequest): Impact | null {
  if (!baseline.grade || !draft.grade) return null;
  const before = compileRubric(baseline, { mission, period: baselineRef.period, revision: baselineRef.revision, digest: baselineRef.digest });
  const after = compileRubric(draft as ValidRubric, { mission, period, revision: draft.revision, digest: 'draft' });
  return impactOf(before, after, rows ?? comparisonSampleRows(baseline, draft));
}
