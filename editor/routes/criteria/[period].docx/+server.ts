// The criteria of every published mission of a period as one Word file, to attach to a letter. No sign-in.
import { docxResponse } from '../docx.server.js';
import { publishedMissions, publishedPeriod } from '../published.server.js';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals, url }) => {
  const period = publishedPeriod(params.period);
  return docxResponse({ period, revisions: publishedMissions(period), lang: locals.lang, url, filename: `criteria-${period}.docx` });
};
