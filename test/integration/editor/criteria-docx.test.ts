// The Word files of the public criteria over real HTTP, with no sign-in: one mission's and a whole
// period's, with the .docx media type and a file name, in the page's language and digits; and the
// grading page's blank templates.
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
    for (const path of ['/criteria/2567-Q3/nosuch.arabic.docx', '/criteria/2567-Q3/otop.latin.docx', '/criteria/2567-Q9.arabic.docx']) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it('serve the Arabic-digit files at their own names too (….arabic.docx), which the static copy of the site holds', async () => {
    for (const [path, file] of [
      ['/criteria/2567-Q3/otop.arabic.docx', 'criteria-2567-Q3-otop.arabic.docx'],
      ['/criteria/2567-Q3.arabic.docx', 'criteria-2567-Q3.arabic.docx'],
    ] as const) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${file}"`);
      const text = docxText((await docxParts(new Uint8Array(await response.arrayBuffer()))).body);
      expect(text, path).toContain('มากกว่าร้อยละ 4');
      expect(text, path).not.toMatch(/[๐-๙]/);
    }
  });
});

describe("the provinces' blank templates as files", () => {
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const sheets = async (response: Response) => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    return workbook.worksheets.map((w) => w.name);
  };

  it("serve one mission's template and the whole period's without a sign-in, published missions only", async () => {
    const one = await get('/grade/2567-Q3/template/otop.xlsx');
    expect(one.status).toBe(200);
    expect(one.headers.get('content-type')).toBe(XLSX);
    expect(one.headers.get('content-disposition')).toBe('attachment; filename="template-2567-Q3-otop.xlsx"');
    expect(await sheets(one)).toContain('otop');
    const all = await get('/grade/2567-Q3/template.xlsx');
    expect(all.headers.get('content-disposition')).toBe('attachment; filename="template-2567-Q3.xlsx"');
    const names = await sheets(all);
    expect(names).toContain('otop');
    expect(names).not.toContain('food-security');
  });

  it('answer 404 for a draft, an unknown mission or a period with nothing published', async () => {
    for (const path of ['/grade/2567-Q3/template/food-security.xlsx', '/grade/2567-Q3/template/nosuch.xlsx', '/grade/2567-Q4/template.xlsx']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).not.toBe(XLSX);
    }
  });
});
