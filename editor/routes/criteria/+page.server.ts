// The public list of criteria: every period that has published revisions, newest first. No sign-in.
import { periodLabel } from '$engine/period.js';
import { publishedPeriods } from '$engine/store/publication.js';
import { storeDb } from '$lib/server/context.js';
import { publishedMissions } from './published.server.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
  periods: publishedPeriods(storeDb())
    .reverse()
    .map((period) => ({ period, label: periodLabel(period), missions: publishedMissions(period).length })),
});
