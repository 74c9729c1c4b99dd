// A blank data template of published criteria as a download: the workbook a province fills in and
// grades on /grade/<period>, made by the engine's buildTemplate from the published revisions (never
// a draft). A file at a plain address, so that the static copy of the site (`rubric export`) has it too.
import { error } from '@sveltejs/kit';
import { buildTemplate } from '$engine/template.js';
import type { Revision } from '$engine/store/rubric-store.js';
import { rubricOf } from '../criteria/published.server.js';
import { downloadResponse } from '$lib/server/downloads.js';

/** The media type of a .xlsx workbook. */
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The blank template of these published revisions of a period, as a download named `filename`. */
export async function templateResponse(period: string, revisions: Revision[], filename: string): Promise<Response> {
  const rubrics = await Promise.all(revisions.map((r) => rubricOf(r)));
  const made = await buildTemplate(rubrics, { period });
  if ('problem' in made) error(404, { message: made.problem.message.en, th: made.problem.message.th });
  return downloadResponse(made.bytes, XLSX_TYPE, filename);
}
