// The home page: every period in the store with each mission's state, analysis badge and next round.
import { error, fail, redirect } from '@sveltejs/kit';
import type { Text } from '$engine/types.js';
import { splitErrors } from '$engine/letter-gaps.js';
import { hasRole } from '$engine/store/accounts.js';
import { storeDb } from '$lib/server/context.js';
import { formOf } from '$lib/server/form.js';
import { PERIOD } from '$engine/period.js';
import { AnalysisUnavailable, analyseText } from '$engine/node/analysis-pool.js';
import {
  baselineGaps,
  deletePeriod,
  getDraft,
  latestRevision,
  nextPeriod,
  periodDeletable,
  periodDeletion,
  periodLabel,
  startPeriod,
  storeMissions,
  storePeriods,
  type Refused,
} from '$engine/store/rubric-store.js';
import type { Actions, PageServerLoad } from './$types';

/** One mission's row in a period's table. */
interface MissionRow {
  mission: string;
  number: number | null;
  name: Text | null;
  hasDraft: boolean;
  revision: number | null;
  leadUnit: Text | null;
  hasCriteria: boolean;
  /** Errors that the mission's latest published revision did not have (red). */
  errors: number;
  /** Errors that it already had: the letter's own gaps (amber). A published revision's errors are all gaps. */
  gaps: number;
  warnings: number;
  nextRound: { round: number; due: string; past: boolean } | null;
  /** Why the text could not be checked (too slow or too large), when it could not; the counts are then 0. */
  unchecked: Text | null;
}

async function row(period: string, mission: string): Promise<MissionRow> {
  const db = storeDb();
  const draft = getDraft(db, period, mission);
  const latest = latestRevision(db, period, mission);
  const yaml = draft?.yaml ?? latest!.yaml;
  let analysis: Awaited<ReturnType<typeof analyseText>>;
  let baseline: Awaited<ReturnType<typeof baselineGaps>>;
  try {
    [analysis, baseline] = await Promise.all([analyseText(yaml, period, mission), baselineGaps(db, period, mission)]);
  } catch (e) {
    const why = e instanceof AnalysisUnavailable ? e.text : null;
    if (!why) throw e;
    return {
      mission,
      number: null,
      name: null,
      hasDraft: draft !== undefined,
      revision: latest?.revision ?? null,
      leadUnit: null,
      hasCriteria: false,
      errors: 0,
      gaps: 0,
      warnings: 0,
      nextRound: null,
      unchecked: why,
    };
  }
  const { rubric, findings } = analysis;
  const { fresh, gaps } = splitErrors(findings, baseline?.keys ?? null);
  const today = new Date().toISOString().slice(0, 10);
  const rounds = [...(rubric?.reporting.rounds ?? [])].sort((a, b) => a.due.localeCompare(b.due));
  const upcoming = rounds.find((r) => r.due.slice(0, 10) >= today) ?? rounds.at(-1);
  return {
    mission,
    number: rubric?.number ?? null,
    name: rubric?.name ?? null,
    hasDraft: draft !== undefined,
    revision: latest?.revision ?? null,
    leadUnit: rubric?.leadUnit ?? null,
    hasCriteria: rubric?.grade !== undefined,
    errors: fresh.length,
    gaps: gaps.length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    nextRound: upcoming ? { round: upcoming.round, due: upcoming.due, past: upcoming.due.slice(0, 10) < today } : null,
    unchecked: null,
  };
}

export const load: PageServerLoad = async ({ locals, url }) => {
  const db = storeDb();
  const canDelete = hasRole(locals.user, 'publisher');
  const periods = await Promise.all(
    storePeriods(db)
      .reverse()
      .map(async (period) => ({
        period,
        label: periodLabel(period),
        /** A publisher may delete this period: no published revision, the latest, not the only one. */
        deletable: canDelete && periodDeletable(db, period).ok,
        missions: (await Promise.all(storeMissions(db, period).map((m) => row(period, m)))).sort(
          (a, b) => (a.number ?? 99) - (b.number ?? 99) || a.mission.localeCompare(b.mission),
        ),
      })),
  );
  const latest = periods[0];
  // After a deletion, what the audit trail recorded, for the notice at the top.
  const gone = url.searchParams.get('deleted');
  const deleted = gone && PERIOD.test(gone) && !periods.some((p) => p.period === gone) ? (periodDeletion(db, gone) ?? null) : null;
  return {
    periods,
    /** The next quarter and the period it starts from (the latest), as the start form names them. */
    start: latest
      ? { from: latest.period, to: nextPeriod(latest.period), fromLabel: latest.label, toLabel: periodLabel(nextPeriod(latest.period)), missions: latest.missions.length }
      : null,
    canStart: hasRole(locals.user, 'editor'),
    deleted,
  };
};

/** A refusal the store returned, as the page shows it, Thai and English, with its code. */
function shown(refusal: Refused) {
  return fail(refusal.status, { error: refusal.problem.message, code: refusal.problem.code });
}

export const actions: Actions = {
  // The form names the period it starts from: if that is no longer the latest, or its next
  // quarter exists (a second click, another tab), the store refuses with 409 and makes nothing.
  start: async ({ request, locals }) => {
    if (!hasRole(locals.user, 'editor')) error(403, { message: 'only editors may start a period', th: 'เฉพาะผู้แก้ไขเท่านั้นที่เริ่มไตรมาสใหม่ได้' });
    const from = String((await formOf(request)).get('from') ?? '');
    if (!PERIOD.test(from)) {
      return fail(400, { error: { th: 'แบบฟอร์มไม่ได้ระบุไตรมาสต้นทาง โปรดโหลดหน้านี้ใหม่', en: 'the form did not name the period to start from; reload the page' } });
    }
    const started = await startPeriod(storeDb(), { from, username: locals.user!.username });
    if (!started.ok) return shown(started);
    redirect(303, '/');
  },
  // Only a publisher deletes, and only an unpublished period: published means immutable.
  deletePeriod: async ({ request, locals }) => {
    if (!hasRole(locals.user, 'publisher')) {
      return fail(403, { error: { th: 'เฉพาะผู้เผยแพร่เท่านั้นที่ลบไตรมาสได้', en: 'only publishers may delete a period' } });
    }
    const period = String((await formOf(request)).get('period') ?? '');
    if (!PERIOD.test(period)) return fail(400, { error: { th: 'ไม่ได้ระบุไตรมาสที่จะลบ', en: 'the form did not name the period to delete' } });
    const deleted = deletePeriod(storeDb(), { period, username: locals.user!.username });
    if (!deleted.ok) return shown(deleted);
    redirect(303, `/?deleted=${period}`);
  },
};
