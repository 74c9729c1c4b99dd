// The Word file of published criteria as a response: one mission or a whole period, in the page's
// language, Thai digits unless ?digits=arabic, as an attachment named after the period (and mission).
import { byMissionNumber, criteriaDocx, docxMission, type DocxMission } from '$engine/criteria-docx.js';
import { periodLabel } from '$engine/period.js';
import type { Revision } from '$engine/store/rubric-store.js';
import { rubricOf } from './published.server.js';

/** The media type of a .docx file. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The .docx of published revisions of a period, as a download named `filename`. */
export async function docxResponse(options: { period: string; revisions: Revision[]; lang: 'th' | 'en'; url: URL; filename: string }): Promise<Response> {
  const missions: DocxMission[] = [];
  for (const revision of options.revisions) missions.push(docxMission(await rubricOf(revision)));
  missions.sort(byMissionNumber);
  const digits = options.url.searchParams.get('digits') === 'arabic' ? 'arabic' : 'thai';
  const bytes = await criteriaDocx({ period: periodLabel(options.period), missions, lang: options.lang, digits });
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: { 'content-type': DOCX_TYPE, 'content-disposition': `attachment; filename="${options.filename}"`, 'cache-control': 'no-cache' },
  });
}
