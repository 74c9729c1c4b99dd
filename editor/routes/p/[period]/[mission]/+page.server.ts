// One mission of one period: its draft (editable by editors) and its published revisions.
import { error, fail } from '@sveltejs/kit';
import { hasRole } from '$lib/server/accounts.js';
import { storeDb } from '$lib/server/context.js';
import { formOf } from '$lib/server/form.js';
import { baselineGaps, getDraft, latestRevision, openCorrection, publishDraft, revisions, saveDraft, StoreError } from '$lib/server/rubric-store.js';
import type { Actions, PageServerLoad } from './$types';

const PERIOD = /^25\d{2}-Q[1-4]$/;
const MISSION = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

function place(params: { period: string; mission: string }): { period: string; mission: string } {
  if (!PERIOD.test(params.period) || !MISSION.test(params.mission)) error(404, { message: 'no such rubric', th: 'ไม่มีเกณฑ์นี้' });
  return params;
}

export const load: PageServerLoad = ({ params, locals }) => {
  const { period, mission } = place(params);
  const db = storeDb();
  const draft = getDraft(db, period, mission) ?? null;
  const latest = latestRevision(db, period, mission) ?? null;
  if (!draft && !latest) error(404, { message: `no rubric ${mission} in ${period}`, th: `ไม่มีเกณฑ์ ${mission} ใน ${period}` });
  return {
    period,
    mission,
    draft,
    latest,
    revisions: revisions(db, period, mission).map(({ yaml: _yaml, ...meta }) => meta),
    /** The revision the text's errors are compared with and its error keys (the letter's gaps); null if none. */
    baseline: baselineGaps(db, period, mission),
    canEdit: hasRole(locals.user, 'editor'),
    canPublish: hasRole(locals.user, 'publisher'),
  };
};

/** A refused write as the page shows it. */
function refused(e: unknown) {
  if (!(e instanceof StoreError)) throw e;
  return fail(e.status, { error: e.text, ...e.detail });
}

export const actions: Actions = {
  save: async ({ request, params, locals }) => {
    const { period, mission } = place(params);
    if (!hasRole(locals.user, 'editor')) return fail(403, { error: { th: 'ผู้ดูบันทึกไม่ได้', en: 'viewers cannot save' } });
    const form = await formOf(request);
    const yaml = String(form.get('yaml') ?? '');
    const version = Number(form.get('version'));
    try {
      const saved = saveDraft(storeDb(), { period, mission, yaml, version, username: locals.user!.username });
      return { saved: { version: saved.version, updatedAt: saved.updatedAt, yaml: saved.yaml } };
    } catch (e) {
      return refused(e);
    }
  },
  publish: async ({ request, params, locals }) => {
    const { period, mission } = place(params);
    if (!hasRole(locals.user, 'publisher')) return fail(403, { error: { th: 'เฉพาะผู้เผยแพร่เท่านั้น', en: 'only publishers may publish' } });
    const form = await formOf(request);
    try {
      const revision = publishDraft(storeDb(), {
        period,
        mission,
        version: Number(form.get('version')),
        username: locals.user!.username,
        acknowledgeWarnings: form.get('acknowledge') === 'on',
      });
      return { published: { revision: revision.revision, digest: revision.digest } };
    } catch (e) {
      return refused(e);
    }
  },
  correct: async ({ params, locals }) => {
    const { period, mission } = place(params);
    if (!hasRole(locals.user, 'editor')) return fail(403, { error: { th: 'ผู้ดูแก้ไขไม่ได้', en: 'viewers cannot edit' } });
    try {
      openCorrection(storeDb(), { period, mission, username: locals.user!.username });
      return { corrected: true };
    } catch (e) {
      return refused(e);
    }
  },
};
