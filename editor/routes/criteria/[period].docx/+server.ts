// The criteria of every published mission of a period as one Word file, to attach to a letter. No sign-in.
import { docxName, docxResponse } from '../docx.server.js';
import { publishedMissions, publishedPeriod } from '../published.server.js';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals, url }) => {
  const { name, digits } = docxName(params.period, url);
  const period = publishedPeriod(name);
  const suffix = digits === 'arabic' ? '.arabic' : '';
  return docxResponse({ period, revisions: publishedMissions(period), lang: locals.lang, digits, filename: `criteria-${period}${suffix}.docx` });
};
