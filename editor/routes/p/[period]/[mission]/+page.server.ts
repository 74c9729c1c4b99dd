// One mission of one period: its draft (editable by editors) and its published revisions.
import { error, fail } from '@sveltejs/kit';
import { hasRole } from '$engine/store/accounts.js';
import { AnalysisUnavailable, analyseText, liveText } from '$engine/node/analysis-pool.js';
import { storeDb } from '$lib/server/context.js';
import { formOf } from '$lib/server/form.js';
import { baselineGaps, baselineRevision, discardDraft, draftAuthors, fourEyesRule, getDraft, latestRevision, missionRevisions, openCorrection, publishDraft, revisions, saveDraft, storeMissions, type Refused } from '$engine/store/rubric-store.js';
import { MISSION, PERIOD } from '$engine/period.js';
import type { Actions, PageServerLoad } from './$types';


function place(params: { period: string; mission: string }): { period: string; mission: string } {
  if (!PERIOD.test(params.period) || !MISSION.test(params.mission)) error(404, { message: 'no such rubric', th: 'ไม่มีเกณฑ์นี้' });
  return params;
}

export const load: PageServerLoad = async ({ params, locals }) => {
  const { period, mission } = place(params);
  const db = storeDb();
  const draft = getDraft(db, period, mission) ?? null;
  const latest = latestRevision(db, period, mission) ?? null;
  if (!draft && !latest) error(404, { message: `no rubric ${mission} in ${period}`, th: `ไม่มีเกณฑ์ ${mission} ใน ${period}` });
  // The text's analysis for the first view, read in a worker (never on this thread); when it cannot
  // finish in time the page opens without it and the browser reads the text itself.
  const [live, published] = await Promise.all([
    orNull(liveText(draft?.yaml ?? latest!.yaml, period, mission)),
    latest ? orNull(analyseText(latest.yaml, period, mission)) : null,
  ]);
  return {
    period,
    mission,
    draft,
    latest,
    revisions: revisions(db, period, mission).map(({ yaml: _yaml, ...meta }) => meta),
    /** The revision the text's errors are compared with and its error keys (the letter's gaps); null if none. */
    baseline: await baselineOrError(db, period, mission),
    /** The analysis of the text above (draft, else latest), or null if it could not be read in time. */
    live,
    /** The latest published revision as a rubric, for the list of changes. */
    publishedRubric: published?.rubric ?? null,
    /** Every published revision of this mission in every period (no texts): what the draft can be compared with. */
    comparable: missionRevisions(db, mission),
    /** Under the four-eyes rule (RUBRIC_FOUR_EYES), who changed the draft: they may not publish it; null when the rule is off. */
    fourEyes: fourEyesRule() ? { authors: draft ? draftAuthors(db, draft) : [] } : null,
    /** For a mission with no grade rule yet: the other missions' published structures it can start from, streamed after the page (not awaited: reading them must not hold the page back). */
    others: live?.rubric && !live.rubric.grade ? structures(db, period, mission).catch(() => []) : [],
    canEdit: hasRole(locals.user, 'editor'),
    canPublish: hasRole(locals.user, 'publisher'),
  };
};

/**
 * The other missions of the period that have a grade rule, each as its latest published revision
 * (this period's, else the previous period's), read in the analysis workers: what "copy another
 * mission's structure" offers. Drafts are left out: only published rules are copied.
 */
async function structures(db: ReturnType<typeof storeDb>, period: string, mission: string) {
  const found = await Promise.all(
    storeMissions(db, period)
      .filter((m) => m !== mission)
      .map(async (m) => {
        const revision = baselineRevision(db, period, m);
        const read = revision ? await orNull(analyseText(revision.yaml, revision.period, m)) : null;
        return read?.rubric?.grade ? { mission: m, name: read.rubric.name, rubric: read.rubric } : null;
      }),
  );
  return found.filter((o) => o !== null);
}

/** A worker's answer, or null when it could not finish in time. */
async function orNull<T>(work: Promise<T>): Promise<T | null> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof AnalysisUnavailable) return null;
    throw e;
  }
}

/** The baseline's gaps, or the error page saying why its analysis could not finish. */
async function baselineOrError(db: ReturnType<typeof storeDb>, period: string, mission: string) {
  try {
    return await baselineGaps(db, period, mission);
  } catch (e) {
    if (e instanceof AnalysisUnavailable) error(e.status, { message: e.text.en, th: e.text.th });
    throw e;
  }
}

/** A refused write as the page shows it. */
function refused(refusal: Refused) {
  return fail(refusal.status, { error: refusal.problem.message, code: refusal.problem.code, ...refusal.detail });
}

export const actions: Actions = {
  save: async ({ request, params, locals }) => {
    const { period, mission } = place(params);
    if (!hasRole(locals.user, 'editor')) return fail(403, { error: { th: 'ผู้ดูบันทึกไม่ได้', en: 'viewers cannot save' } });
    // The page sends multipart form data (UTF-8, so Thai costs 3 bytes a character, not 9 as urlencoded).
    const form = await formOf(request);
    const text = form.get('yaml');
    if (typeof text !== 'string') return fail(400, { error: { th: 'แบบฟอร์มไม่มีข้อความของร่าง โปรดโหลดหน้านี้ใหม่', en: 'the form carried no draft text; reload the page' } });
    const version = Number(form.get('version'));
    // Form encoding sends line ends as CR LF; YAML reads CR LF as it reads LF (in block scalars
    // too), so storing LF changes no value and keeps the text as the editor shows it.
    const yaml = text.replace(/\r\n/g, '\n');
    const saved = await saveDraft(storeDb(), { period, mission, yaml, version, username: locals.user!.username });
    if (!saved.ok) return refused(saved);
    return { saved: { version: saved.value.version, updatedAt: saved.value.updatedAt, yaml: saved.value.yaml } };
  },
  publish: async ({ request, params, locals }) => {
    const { period, mission } = place(params);
    if (!hasRole(locals.user, 'publisher')) return fail(403, { error: { th: 'เฉพาะผู้เผยแพร่เท่านั้น', en: 'only publishers may publish' } });
    const form = await formOf(request);
    const published = await publishDraft(storeDb(), {
      period,
      mission,
      version: Number(form.get('version')),
      username: locals.user!.username,
      acknowledgeWarnings: form.get('acknowledge') === 'on',
    });
    if (!published.ok) return refused(published);
    return { published: { revision: published.value.revision, digest: published.value.digest } };
  },
  discard: async ({ request, params, locals }) => {
    const { period, mission } = place(params);
    if (!hasRole(locals.user, 'editor')) return fail(403, { error: { th: 'ผู้ดูทิ้งร่างไม่ได้', en: 'viewers cannot discard a draft' } });
    const form = await formOf(request);
    const discarded = discardDraft(storeDb(), { period, mission, version: Number(form.get('version')), username: locals.user!.username });
    if (!discarded.ok) return refused(discarded);
    return { discarded: { revision: discarded.value.revision } };
  },
  correct: async ({ params, locals }) => {
    const { period, mission } = place(params);
    if (!hasRole(locals.user, 'editor')) return fail(403, { error: { th: 'ผู้ดูแก้ไขไม่ได้', en: 'viewers cannot edit' } });
    const opened = await openCorrection(storeDb(), { period, mission, username: locals.user!.username });
    if (!opened.ok) return refused(opened);
    return { corrected: true };
  },
};
