// The tester's preview: every mission of a period with its draft and latest revision, graded in the browser.
import { error } from '@sveltejs/kit';
import { storeDb } from '$lib/server/context.js';
import { getDraft, latestRevision, storeMissions } from '$engine/store/rubric-store.js';
import type { PreviewMission } from './graders.js';
import { PERIOD } from '$engine/period.js';
import type { PageServerLoad } from './$types';


export const load: PageServerLoad = ({ params }) => {
  const { period } = params;
  if (!PERIOD.test(period)) error(404, { message: 'no such period', th: 'ไม่มีไตรมาสนี้' });
  const db = storeDb();
  const missions: PreviewMission[] = storeMissions(db, period).map((mission) => {
    const draft = getDraft(db, period, mission);
    const latest = latestRevision(db, period, mission);
    return {
      mission,
      draft: draft ? { yaml: draft.yaml } : null,
      published: latest ? { yaml: latest.yaml, revision: latest.revision, digest: latest.digest } : null,
    };
  });
  if (missions.length === 0) error(404, { message: `no rubrics in ${period}`, th: `ไม่มีเกณฑ์ในไตรมาส ${period}` });
  return { period, missions };
};
