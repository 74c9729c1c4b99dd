import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../engine/store/db.js';
import { closeAnalysis } from '../../../engine/node/analysis-pool.js';
import { latestRevision, openCorrection, saveDraft } from '../../../engine/store/rubric-store.js';
import { valueOf } from '../../settled.js';
import { startEditor, type Editor } from '../../browser/harness.js';

// The provinces' grading page over real HTTP, with no sign-in: it answers, lists only the published
// missions with their revision and digest, links their criteria and blank templates, and carries
// the published text to the browser: a saved draft's change never reaches it.
let editor: Editor;
let db: Db;

/** What a person reads: the page's text, without its hydration data and tag attributes. */
const visible = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
const get = (path: string, cookie?: string) => fetch(`${editor.base}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
const PUBLISHED_A = '{ level: A, op: ">", value: 4, quote: มากกว่าร้อยละ ๔ }';
const DRAFT_A = '{ level: A, op: ">", value: 9, quote: มากกว่าร้อยละ ๙ }';

beforeAll(async () => {
  editor = await startEditor([]);
  db = openDb(editor.db);
  // otop gets a saved draft raising level A of sales to 9 % and renaming the mission, never published.
  const otop = valueOf(await openCorrection(db, { period: '2567-Q3', mission: 'otop', username: 'edna' }));
  expect(otop.yaml).toContain(PUBLISHED_A);
  const draft = otop.yaml.replace(PUBLISHED_A, DRAFT_A).replace('One Tambon One Product (OTOP)', 'OTOP DRAFT NAME');
  expect(draft).toContain('OTOP DRAFT NAME');
  valueOf(await saveDraft(db, { period: '2567-Q3', mission: 'otop', yaml: draft, version: otop.version, username: 'edna' }));
}, 60_000);

afterAll(async () => {
  db?.close();
  editor?.stop();
  await closeAnalysis();
});

describe('the grading page /grade/<period>', () => {
  it('answers 200 without a sign-in, and opens nothing beside /grade', async () => {
    const response = await get('/grade/2567-Q3');
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/<main[ >]/);
    const closed = await get('/gradeX');
    expect(closed.status).toBe(303);
    expect(closed.headers.get('location')).toBe('/login?next=%2FgradeX');
    // The signed-in preview stays closed.
    expect((await get('/p/2567-Q3/preview')).status).toBe(303);
  });

  it("is linked from the period's published criteria", async () => {
    expect(await (await get('/criteria/2567-Q3')).text()).toContain('href="/grade/2567-Q3"');
  });

  it('is a 404 in words for a period with nothing published or no such period', async () => {
    for (const path of ['/grade/2599-Q1', '/grade/nonsense']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(visible(await response.text()), path).toContain('ไม่มีเกณฑ์ที่เผยแพร่แล้ว');
    }
  });

  it('lists only the published missions, each with its revision, digest, criteria page and blank template', async () => {
    const html = await (await get('/grade/2567-Q3')).text();
    for (const mission of ['otop', 'bmn', 'community-fund', 'pracharat']) {
      const latest = latestRevision(db, '2567-Q3', mission)!;
      expect(html).toContain(`data-mission="${mission}" data-revision="${latest.revision}" data-digest="${latest.digest}"`);
      expect(html).toContain(`href="/criteria/2567-Q3/${mission}"`);
    }
    // Drafts only: not published, so not listed.
    for (const mission of ['food-security', 'poverty-center']) expect(html).not.toContain(`data-mission="${mission}"`);
    const rows = html.match(/<tr data-mission=/g)!.length;
    // A blank template a mission (a file at /grade/<period>/template/<mission>.xlsx), one of them all, and the upload bar's button.
    expect(html.match(/data-testid="template-link"/g)!.length).toBe(rows);
    for (const mission of ['otop', 'bmn']) expect(html).toContain(`href="/grade/2567-Q3/template/${mission}.xlsx"`);
    expect(html).toContain('href="/grade/2567-Q3/template.xlsx"');
    expect(html.match(/data-testid="template-download"/g)!.length).toBe(1);
    expect(html).toContain('href="/criteria/2567-Q3"');
    const text = visible(html);
    const digest = latestRevision(db, '2567-Q3', 'otop')!.digest;
    expect(text).toContain(`รหัสตรวจสอบ ${digest.slice('sha256:'.length, 'sha256:'.length + 8)}`);
    expect(text).toContain('ฉบับที่ ๑');
    expect(text).toContain('ตรวจระดับของจังหวัด ไตรมาส ๓/๒๕๖๗');
  });

  it("carries the published text to the browser, never a saved draft's change", async () => {
    const html = await (await get('/grade/2567-Q3')).text();
    expect(html).toContain('มากกว่าร้อยละ ๔');
    expect(html).not.toContain('มากกว่าร้อยละ ๙');
    expect(html).not.toContain('OTOP DRAFT NAME');
    // The page's data, as the browser asks for it on a client-side visit, says the same.
    const data = await (await get('/grade/2567-Q3/__data.json')).text();
    expect(data).toContain('มากกว่าร้อยละ ๔');
    expect(data).not.toContain('มากกว่าร้อยละ ๙');
    expect(data).not.toContain('OTOP DRAFT NAME');
  });

  it('is in English when the lang cookie says so', async () => {
    const text = visible(await (await get('/grade/2567-Q3', 'lang=en')).text());
    expect(text).toContain('Grade a province, 2567-Q3');
    expect(text).toContain('Download blank template');
    expect(text).not.toContain('ตรวจระดับของจังหวัด');
  });
});
