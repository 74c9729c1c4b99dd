// The Word file of published criteria as a response: one mission or a whole period, in the page's
// language, Thai digits unless ….arabic.docx or ?digits=arabic, as an attachment named after the period (and mission).
import { byMissionNumber, criteriaDocx, docxMission, type DocxMission } from '$engine/criteria-docx.js';
import { digitsOf, type Digits } from '$engine/digits.js';
import { periodLabel } from '$engine/period.js';
import type { Revision } from '$engine/store/rubric-store.js';
import { rubricOf } from './published.server.js';

/** The media type of a .docx file. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * A route's last name before `.docx` and the digits it asks for: `otop.arabic` (from
 * `otop.arabic.docx`) is otop in Arabic digits, as is `otop` with ?digits=arabic; Thai digits otherwise.
 * Neither a period nor a mission may hold a dot, so the suffix cannot be part of a name.
 */
export function docxName(param: string, url: URL): { name: string; digits: Digits } {
  const arabic = /^(.+)\.arabic$/.exec(param);
  if (arabic) return { name: arabic[1]!, digits: 'arabic' };
  return { name: param, digits: digitsOf(url.searchParams.get('digits')) };
}

/** The .docx of published revisions of a period, as a download named `filename`. */
export async function docxResponse(options: { period: string; revisions: Revision[]; lang: 'th' | 'en'; digits: Digits; filename: string }): Promise<Response> {
  const missions: DocxMission[] = [];
  for (const revision of options.revisions) missions.push(docxMission(await rubricOf(revision)));
  missions.sort(byMissionNumber);
  const digits = options.digits;
  const bytes = await criteriaDocx({ period: periodLabel(options.period), missions, lang: options.lang, digits });
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: { 'content-type': DOCX_TYPE, 'content-disposition': `attachment; filename="${options.filename}"`, 'cache-control': 'no-cache' },
  });
}
