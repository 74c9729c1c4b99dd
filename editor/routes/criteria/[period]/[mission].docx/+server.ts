// One mission's published criteria (its latest published revision) as a Word file, to attach to a letter. No sign-in.
import { docxResponse } from '../../docx.server.js';
import { publishedPeriod, publishedRevision } from '../../published.server.js';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals, url }) => {
  const period = publishedPeriod(params.period);
  const revision = publishedRevision(period, params.mission);
  return docxResponse({ period, revisions: [revision], lang: locals.lang, url, filename: `criteria-${period}-${revision.mission}.docx` });
};
