// The Word files of the public criteria over real HTTP, with no sign-in: one mission's and a whole
// period's, with the .docx media type and a file name, in the page's language and digits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAnalysis } from '../../../engine/node/analysis-pool.js';
import { startEditor, type Editor } from '../../browser/harness.js';
import { docxParts, docxText } from '../../docx.js';
import { shippedRubrics } from '../../helpers.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
let editor: Editor;

const get = (path: string, cookie?: string) => fetch(`${editor.base}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });

beforeAll(async () => {
  editor = await startEditor([]);
}, 60_000);

afterAll(async () => {
  editor?.stop();
  await closeAnalysis();
});

describe('the criteria as Word files', () => {
  it("serve otop's criteria without a sign-in, as a .docx attachment with the letter's thresholds in Thai", async () => {
    const response = await get('/criteria/2567-Q3/otop.docx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(DOCX);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="criteria-2567-Q3-otop.docx"');
    const { body, header } = await docxParts(new Uint8Array(await response.arrayBuffer()));
    for (const words of ['๕ ผลิตภัณฑ์ขึ้นไป', 'มากกว่าร้อยละ ๔', 'มากกว่าร้อยละ ๓', 'มากกว่าร้อยละ ๒', 'น้อยกว่าร้อยละ ๒', 'น้อยกว่า ๓ ผลิตภัณฑ์']) expect(docxText(body)).toContain(words);
    expect(body).toMatch(/<w:lang [^>]*w:val="th-TH"/);
    expect(body).toMatch(/<w:rFonts [^>]*w:cs="TH Sarabun New"/);
    expect(docxText(header)).toContain('ไตรมาส ๓/๒๕๖๗');
  });

  it("serve the whole period with every published mission's name, and not a draft's", async () => {
    const response = await get('/criteria/2567-Q3.docx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(DOCX);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="criteria-2567-Q3.docx"');
    const text = docxText((await docxParts(new Uint8Array(await response.arrayBuffer()))).body);
    const rubrics = shippedRubrics().flatMap((r) => (r.valid ? [r.rubric] : []));
    const published = rubrics.filter((r) => r.status === 'published');
    expect(published.length).toBeGreaterThan(5);
    for (const r of published) expect(text).toContain(r.name.th);
    for (const r of rubrics.filter((r) => r.status === 'draft')) expect(text).not.toContain(r.name.th);
  });

  it('follow the lang cookie and ?digits=arabic', async () => {
    const response = await get('/criteria/2567-Q3/otop.docx?digits=arabic', 'lang=en');
    const text = docxText((await docxParts(new Uint8Array(await response.arrayBuffer()))).body);
    expect(text).toContain('more than 4 %');
    expect(text).not.toContain('มากกว่าร้อยละ');
  });

  it("switch the pages' digits with ?digits=arabic, and keep Thai digits otherwise", async () => {
    const visible = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
    const arabic = visible(await (await get('/criteria/2567-Q3/otop?digits=arabic')).text());
    expect(arabic).toContain('มากกว่าร้อยละ 4');
    expect(arabic).toContain('ไตรมาส 3/2567');
    expect(arabic).not.toMatch(/[๐-๙]/);
    expect(visible(await (await get('/criteria/2567-Q3/otop')).text())).toContain('มากกว่าร้อยละ ๔');
    const period = visible(await (await get('/criteria/2567-Q3?digits=arabic')).text());
    expect(period).toContain('รอบที่ 3 วันที่ 20 มิ.ย. 2567');
    expect(period).not.toMatch(/[๐-๙]/);
  });

  it('answer 404 in words for a mission that is not published, not a file', async () => {
    const response = await get('/criteria/2567-Q3/nosuch.docx');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).not.toBe(DOCX);
  });
});
