// Every published revision of one mission in this and earlier periods, and the changes between any
// two chosen (?from=2567-Q3r1&to=2567-Q3r2) in plain words. Drafts never appear. No sign-in.
import { bangkokDay } from '$engine/criteria-document.js';
import { diffRubrics } from '$engine/diff.js';
import { periodLabel } from '$engine/period.js';
import { parseRevisionKey, revisionKey } from '$engine/revision-key.js';
import { revisionText } from '$engine/store/publication.js';
import { missionRevisions } from '$engine/store/rubric-store.js';
import type { Text } from '$engine/types.js';
import { storeDb } from '$lib/server/context.js';
import { publishedPeriod, publishedRevision, rubricOf } from '../../../published.server.js';
import type { PageServerLoad } from './$types';

/** One revision as the history lists it. */
interface Listed {
  key: string;
  period: string;
  label: Text;
  revision: number;
  publishedOn: string;
  digest: string;
}

/** The chosen pair, the default pair (the latest and the one before it), or why a choice names no revision. */
function chosen(url: URL, listed: Listed[]): { from: Listed; to: Listed } | { problem: Text } | null {
  const from = url.searchParams.get('from');
  const to = url.searchParams.get('to');
  if (from === null && to === null) return listed.length >= 2 ? { from: listed[1]!, to: listed[0]! } : null;
  const find = (key: string | null) => (key !== null && parseRevisionKey(key) ? listed.find((l) => l.key === key) : undefined);
  const pair = { from: find(from), to: find(to) };
  if (pair.from && pair.to) return { from: pair.from, to: pair.to };
  const bad = !pair.from ? from : to;
  return { problem: { th: `ไม่มีฉบับที่เผยแพร่ชื่อ "${bad ?? ''}" ของภารกิจนี้ โปรดเลือกจากรายการ`, en: `No published revision of this mission is called "${bad ?? ''}"; choose one from the list` } };
}

export const load: PageServerLoad = async ({ params, url }) => {
  const period = publishedPeriod(params.period);
  const latest = publishedRevision(period, params.mission);
  const mission = latest.mission;
  const db = storeDb();
  const listed: Listed[] = missionRevisions(db, mission)
    .filter((r) => r.period <= period)
    .map((r) => ({ key: revisionKey(r.period, r.revision), period: r.period, label: periodLabel(r.period), revision: r.revision, publishedOn: bangkokDay(r.publishedAt), digest: r.digest }));
  const pair = chosen(url, listed);
  let changes: Text[] | null = null;
  if (pair && !('problem' in pair)) {
    const read = (l: Listed) => rubricOf({ period: l.period, mission, yaml: revisionText(db, l.period, mission, l.revision)!.yaml });
    const [before, after] = await Promise.all([read(pair.from), read(pair.to)]);
    changes = diffRubrics(before, after).map((c) => c.message);
  }
  return {
    period,
    label: periodLabel(period),
    mission,
    name: (await rubricOf(latest)).name,
    revisions: listed,
    from: pair && !('problem' in pair) ? pair.from.key : null,
    to: pair && !('problem' in pair) ? pair.to.key : null,
    problem: pair && 'problem' in pair ? pair.problem : null,
    changes,
  };
};
