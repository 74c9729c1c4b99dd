// GET /grade/<period>/template/<mission>.xlsx: the blank template of one published mission. No sign-in.
import { publishedPeriod, publishedRevision } from '../../../../criteria/published.server.js';
import { templateResponse } from '../../../template.server.js';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
  const period = publishedPeriod(params.period);
  const revision = publishedRevision(period, params.mission);
  return templateResponse(period, [revision], `template-${period}-${revision.mission}.xlsx`);
};
