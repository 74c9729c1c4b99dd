// The home page: every period in the store with each mission's state, analysis badge and next round.
import { error, fail, redirect } from '@sveltejs/kit';
import { lintRubric } from '../../engine/lint.js';
import { loadRubric } from '../../engine/load.js';
import type { Finding } from '../../engine/analyze.js';
import type { Rubric, Text } from '../../engine/types.js';
import { validateRubric } from '../../engine/validate.js';
import { hasRole } from '$lib/server/accounts.js';
import { storeDb } from '$lib/server/context.js';
import { getDraft, latestRevision, nextPeriod, startPeriod, storeMissions, storePeriods, StoreError } from '$lib/server/rubric-store.js';
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
  errors: number;
  warnings: number;
  nextRound: { round: number; due: string; past: boolean } | null;
}

const cache = new Map<string, { rubric: Rubric | undefined; findings: Finding[] }>();

/** A text's validation and analysis, kept per text: the home page shows every mission on each visit. */
function analysed(period: string, mission: string, yaml: string): { rubric: Rubric | undefined; findings: Finding[] } {
  const key = `${period}/${mission}\n${yaml}`;
  let result = cache.get(key);
  if (!result) {
    const loaded = loadRubric(yaml, `${period}/${mission}.yaml`);
    const { rubric, diagnostics } = validateRubric(loaded, { expectedMission: mission, expectedPeriod: period });
    result = { rubric, findings: lintRubric(loaded, rubric, diagnostics) };
    if (cache.size > 500) cache.clear();
    cache.set(key, result);
  }
  return result;
}

function row(period: string, mission: string): MissionRow {
  const db = storeDb();
  const draft = getDraft(db, period, mission);
  const latest = latestRevision(db, period, mission);
  const yaml = draft?.yaml ?? latest!.yaml;
  const { rubric, findings } = analysed(period, mission, yaml);
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
    errors: findings.filter((f) => f.severity === 'error').length,
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
