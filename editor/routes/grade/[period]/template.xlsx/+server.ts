// GET /grade/<period>/template.xlsx: the blank template of every published mission of the period, a sheet each. No sign-in.
import { publishedMissions, publishedPeriod } from '../../../criteria/published.server.js';
import { templateResponse } from '../../template.server.js';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
  const period = publishedPeriod(params.period);
  return templateResponse(period, publishedMissions(period), `template-${period}.xlsx`);
};
