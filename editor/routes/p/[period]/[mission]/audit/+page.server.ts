// The audit trail of one mission: who changed which value from what to what, when, and who published.
import { error } from '@sveltejs/kit';
import { storeDb } from '$lib/server/context.js';
import { auditTrail } from '$engine/store/rubric-store.js';
import { MISSION, PERIOD } from '$engine/period.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
  if (!PERIOD.test(params.period) || !MISSION.test(params.mission)) error(404, { message: 'no such rubric' });
  return { period: params.period, mission: params.mission, entries: auditTrail(storeDb(), params.period, params.mission) };
};
