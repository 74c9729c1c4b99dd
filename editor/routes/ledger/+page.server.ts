// The adoption ledger: per period, which provinces hold the latest signed manifest and which are behind.
import { storeDb } from '$lib/server/context.js';
import { adoption, publishedPeriods, signedManifest } from '$engine/store/publication.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
  const db = storeDb();
  const periods = publishedPeriods(db);
  const asked = url.searchParams.get('period');
  const period = asked && periods.includes(asked) ? asked : periods.at(-1);
  if (!period) return { periods, period: null, sequence: 0, provinces: [] };
  return { periods, period, sequence: signedManifest(db, period)!.manifest.sequence, provinces: adoption(db, period) };
};
