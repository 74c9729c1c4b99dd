// GET /p/<period>/<mission>/draft.yaml: the saved draft's text, for `rubric lint` and the other CLI
// commands (signed-in users only, as every page: hooks.server.ts sends others to the sign-in).
// Unsaved edits are not here; the page's own download button gives the text being edited.
import { getDraft } from '$engine/store/rubric-store.js';
import { MISSION, PERIOD } from '$engine/period.js';
import { storeDb } from '$lib/server/context.js';
import type { RequestHandler } from './$types';

/** A plain-text refusal in Thai and English, for a person at a terminal as much as a browser. */
function notFound(th: string, en: string): Response {
  return new Response(`${th}\n${en}\n`, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

export const GET: RequestHandler = ({ params }) => {
  const { period, mission } = params;
  if (!PERIOD.test(period) || !MISSION.test(mission)) return notFound('ไม่มีเกณฑ์นี้', 'no such rubric');
  const draft = getDraft(storeDb(), period, mission);
  if (!draft) return notFound(`ภารกิจ ${mission} ของ ${period} ไม่มีร่างที่เปิดอยู่`, `${mission} has no open draft in ${period}`);
  return new Response(draft.yaml, {
    headers: {
      'content-type': 'text/yaml; charset=utf-8',
      'content-disposition': `attachment; filename="${mission}-${period}-draft.yaml"`,
      'x-draft-version': String(draft.version),
    },
  });
};
