// The provinces' grading page: a period's published revisions only (never a draft), each with the
// text the browser compiles and grades with, and its name, revision and digest (its blank template is
// a file: /grade/<period>/template/<mission>.xlsx). No sign-in.
import { periodLabel } from '$engine/period.js';
import { publishedMissions, publishedPeriod, rubricOf } from '../../criteria/published.server.js';
import type { PreviewMission } from '../../p/[period]/preview/graders.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
  const period = publishedPeriod(params.period);
  const revisions = publishedMissions(period);
  const listed = await Promise.all(
    revisions.map(async (revision) => {
      const rubric = await rubricOf(revision);
      return { mission: revision.mission, name: rubric.name, number: rubric.number ?? null, revision: revision.revision, digest: revision.digest };
    }),
  );
  listed.sort((a, b) => (a.number ?? 99) - (b.number ?? 99) || a.mission.localeCompare(b.mission));
  // The draft is always null here: the page grades with what is published and nothing else.
  const missions: PreviewMission[] = revisions.map((r) => ({ mission: r.mission, draft: null, published: { yaml: r.yaml, revision: r.revision, digest: r.digest } }));
  return { period, label: periodLabel(period), listed, missions };
};
