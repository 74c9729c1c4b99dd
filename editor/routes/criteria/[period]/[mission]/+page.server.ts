// One mission's published criteria, as the department writes them: its latest published revision
// (never a draft) in words, with its revision, publication date, digest and where to verify it. No sign-in.
import { bangkokDay, criteriaDocument } from '$engine/criteria-document.js';
import { digitsOf, withDigits } from '$engine/digits.js';
import { periodLabel } from '$engine/period.js';
import { publishedPeriod, publishedRevision, rubricOf } from '../../published.server.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
  // ?digits=arabic: the document in Arabic digits; Thai ones otherwise, as the department writes them.
  const digits = digitsOf(url.searchParams.get('digits'));
  const period = publishedPeriod(params.period);
  const latest = publishedRevision(period, params.mission);
  const rubric = await rubricOf(latest);
  const api = `/api/v1/periods/${period}`;
  return {
    period,
    digits,
    label: withDigits(periodLabel(period), digits),
    mission: latest.mission,
    revision: { number: latest.revision, publishedOn: bangkokDay(latest.publishedAt), digest: latest.digest },
    rubric: withDigits({
      number: rubric.number ?? null,
      name: rubric.name,
      leadUnit: rubric.leadUnit ?? null,
      reporting: { channel: rubric.reporting.channel, rounds: [...rubric.reporting.rounds].sort((a, b) => a.round - b.round) },
      source: rubric.source,
      notes: (rubric.notes ?? []).map(({ th, en }) => ({ th, en })),
    }, digits),
    document: withDigits(criteriaDocument(rubric), digits),
    verify: { manifest: `${api}/manifest.json`, file: `${api}/missions/${latest.mission}/r${latest.revision}.yaml` },
  };
};
