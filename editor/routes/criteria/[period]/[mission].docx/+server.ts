// One mission's published criteria (its latest published revision) as a Word file, to attach to a letter. No sign-in.
import { docxName, docxResponse } from '../../docx.server.js';
import { publishedPeriod, publishedRevision } from '../../published.server.js';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals, url }) => {
  const { name, digits } = docxName(params.mission, url);
  const period = publishedPeriod(params.period);
  const revision = publishedRevision(period, name);
  const suffix = digits === 'arabic' ? '.arabic' : '';
  return docxResponse({ period, revisions: [revision], lang: locals.lang, digits, filename: `criteria-${period}-${revision.mission}${suffix}.docx` });
};
