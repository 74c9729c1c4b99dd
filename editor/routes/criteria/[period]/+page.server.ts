// The public criteria of one period: each mission with a published revision, its lead unit, reporting channel and rounds. No sign-in.
import { digitsOf, withDigits } from '$engine/digits.js';
import { periodLabel } from '$engine/period.js';
import { publishedMissions, publishedPeriod, rubricOf } from '../published.server.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
  // ?digits=arabic: the list in Arabic digits; Thai ones otherwise, as the department writes them.
  const digits = digitsOf(url.searchParams.get('digits'));
  const period = publishedPeriod(params.period);
  const missions = await Promise.all(
    publishedMissions(period).map(async (revision) => {
      const rubric = await rubricOf(revision);
      return {
        mission: revision.mission,
        revision: revision.revision,
        number: rubric.number ?? null,
        name: rubric.name,
        leadUnit: rubric.leadUnit ?? null,
        channel: rubric.reporting.channel,
        rounds: [...rubric.reporting.rounds].sort((a, b) => a.round - b.round),
      };
    }),
  );
  missions.sort((a, b) => (a.number ?? 99) - (b.number ?? 99) || a.mission.localeCompare(b.mission));
  return { period, digits, label: withDigits(periodLabel(period), digits), missions: withDigits(missions, digits) };
};
