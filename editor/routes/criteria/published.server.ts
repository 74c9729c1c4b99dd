// What the public criteria pages read from the store: published revisions only (never a draft),
// each read in the analysis workers so that no request waits on this thread, and the 404s in words.
import { error } from '@sveltejs/kit';
import { AnalysisUnavailable, analyseText } from '$engine/node/analysis-pool.js';
import { MISSION, PERIOD, periodLabel } from '$engine/period.js';
import { publishedPeriods } from '$engine/store/publication.js';
import { getDraft, latestRevision, storeMissions, type Revision } from '$engine/store/rubric-store.js';
import type { Rubric } from '$engine/types.js';
import { storeDb } from '$lib/server/context.js';

/** A 404 in words: what was asked for is not published. */
export function notPublished(th: string, en: string): never {
  error(404, { message: en, th });
}

/** The period of a public page, checked: a name of a period that has published revisions. */
export function publishedPeriod(period: string): string {
  if (!PERIOD.test(period) || !publishedPeriods(storeDb()).includes(period)) {
    notPublished(`ไม่มีเกณฑ์ที่เผยแพร่แล้วของ${PERIOD.test(period) ? periodLabel(period).th : 'ไตรมาสนี้'}`, `No criteria are published for ${PERIOD.test(period) ? period : 'this period'}`);
  }
  return period;
}

/** A mission's latest published revision in a period; a mission with only a draft is "not yet published". */
export function publishedRevision(period: string, mission: string): Revision {
  const db = storeDb();
  const latest = MISSION.test(mission) ? latestRevision(db, period, mission) : undefined;
  if (latest) return latest;
  if (MISSION.test(mission) && getDraft(db, period, mission)) {
    notPublished(`ภารกิจ ${mission} ยังไม่ได้เผยแพร่เกณฑ์ของ${periodLabel(period).th}`, `The criteria of mission ${mission} for ${period} are not yet published`);
  }
  notPublished(`ไม่มีภารกิจนี้ใน${periodLabel(period).th}`, `There is no such mission in ${period}`);
}

/** The missions of a period that have a published revision, each with its latest. */
export function publishedMissions(period: string): Revision[] {
  const db = storeDb();
  return storeMissions(db, period)
    .map((m) => latestRevision(db, period, m))
    .filter((r): r is Revision => r !== undefined);
}

/** A published revision's rubric, read in a worker; the error page in words when it cannot be read in time. */
export async function rubricOf(revision: Pick<Revision, 'yaml' | 'period' | 'mission'>): Promise<Rubric> {
  try {
    const { rubric } = await analyseText(revision.yaml, revision.period, revision.mission);
    // A published revision passed validation when it was published; one that does not now is the store's fault.
    if (!rubric) error(500, { message: 'this published revision cannot be read', th: 'อ่านฉบับที่เผยแพร่นี้ไม่ได้' });
    return rubric;
  } catch (e) {
    if (e instanceof AnalysisUnavailable) error(e.status, { message: e.text.en, th: e.text.th });
    throw e;
  }
}
