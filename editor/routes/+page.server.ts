// The home page: every period in the store with each mission's state, analysis badge and next round.
import { error, fail, redirect } from '@sveltejs/kit';
import type { Text } from '../../engine/types.js';
import { splitErrors } from '$lib/letter-gaps.js';
import { hasRole } from '$lib/server/accounts.js';
import { storeDb } from '$lib/server/context.js';
import {
  analyseText,
  baselineGaps,
  getDraft,
  latestRevision,
  nextPeriod,
  startPeriod,
  storeMissions,
  storePeriods,
  StoreError,
} from '$lib/server/rubric-store.js';
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
}

function row(period: string, mission: string): MissionRow {
  const db = storeDb();
  const draft = getDraft(db, period, mission);
  const latest = latestRevision(db, period, mission);
  const yaml = draft?.yaml ?? latest!.yaml;
  const { rubric, findings } = analyseText(yaml, period, mission);
  const { fresh, gaps } = splitErrors(findings, baselineGaps(db, period, mission)?.keys ?? null);
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
  };
}

export const load: PageServerLoad = ({ locals }) => {
  const db = storeDb();
  const periods = storePeriods(db)
    .reverse()
    .map((period) => ({
      period,
      missions: storeMissions(db, period)
        .map((m) => row(period, m))
        .sort((a, b) => (a.number ?? 99) - (b.number ?? 99) || a.mission.localeCompare(b.mission)),
    }));
  const latest = periods[0]?.period;
  return { periods, next: latest ? nextPeriod(latest) : null, canStart: hasRole(locals.user, 'editor') };
};

export const actions: Actions = {
  start: async ({ locals }) => {
    if (!hasRole(locals.user, 'editor')) error(403, { message: 'only editors may start a period', th: 'เฉพาะผู้แก้ไขเท่านั้นที่เริ่มไตรมาสใหม่ได้' });
    const db = storeDb();
    const from = storePeriods(db).at(-1);
    if (!from) return fail(400, { error: { th: 'ยังไม่มีไตรมาสใดในคลัง', en: 'the store has no period yet' } });
    try {
      startPeriod(db, { from, username: locals.user!.username });
    } catch (e) {
      if (e instanceof StoreError) return fail(e.status, { error: e.text });
      throw e;
    }
    redirect(303, '/');
  },
};
