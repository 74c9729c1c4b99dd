import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../engine/store/db.js';
import { closeAnalysis } from '../../../engine/node/analysis-pool.js';
import { latestRevision, openCorrection, publishDraft, saveDraft } from '../../../engine/store/rubric-store.js';
import { valueOf } from '../../settled.js';
import { startEditor, type Editor } from '../../browser/harness.js';

// The public criteria pages over real HTTP, with no sign-in: the periods, a period's missions, a
// mission's published criteria in the letter's words, and its history with the changes between two
// revisions. Only published revisions show: a draft's change never does, a draft-only mission is
// "not yet published", and English mode is English.
let editor: Editor;
let db: Db;

/** What a person reads: the page's text, without its hydration data and tag attributes. */
const visible = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
const get = (path: string, cookie?: string) => fetch(`${editor.base}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });

beforeAll(async () => {
  editor = await startEditor([]);
  db = openDb(editor.db);
  // bmn gets a published revision 2 (round 3 a day later); otop gets a draft raising level A of sales to 9 %, never published.
  const bmn = valueOf(await openCorrection(db, { period: '2567-Q3', mission: 'bmn', username: 'edna' }));
  const raised = bmn.yaml.replace('{ round: 3, due: 2024-06-18 }', '{ round: 3, due: 2024-06-19 }');
  expect(raised).not.toBe(bmn.yaml);
  const saved = valueOf(await saveDraft(db, { period: '2567-Q3', mission: 'bmn', yaml: raised, version: bmn.version, username: 'edna' }));
  valueOf(await publishDraft(db, { period: '2567-Q3', mission: 'bmn', version: saved.version, username: 'pat', acknowledgeWarnings: true }));
  const otop = valueOf(await openCorrection(db, { period: '2567-Q3', mission: 'otop', username: 'edna' }));
  const draft = otop.yaml.replace('{ level: A, op: ">", value: 4, quote: มากกว่าร้อยละ ๔ }', '{ level: A, op: ">", value: 9, quote: มากกว่าร้อยละ ๙ }');
  expect(draft).not.toBe(otop.yaml);
  valueOf(await saveDraft(db, { period: '2567-Q3', mission: 'otop', yaml: draft.replace('One Tambon One Product (OTOP)', 'OTOP DRAFT NAME'), version: otop.version, username: 'edna' }));
}, 60_000);

afterAll(async () => {
  db?.close();
  editor?.stop();
  await closeAnalysis();
});

describe('the public criteria pages', () => {
  it('answer 200 without a sign-in, and open nothing beside /criteria', async () => {
    for (const path of ['/criteria', '/criteria/2567-Q3', '/criteria/2567-Q3/otop', '/criteria/2567-Q3/otop/history']) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toMatch(/<main[ >]/);
    }
    const closed = await get('/criteriaX');
    expect(closed.status).toBe(303);
    expect(closed.headers.get('location')).toBe('/login?next=%2FcriteriaX');
    expect((await get('/')).status).toBe(303);
  });

  it('list the published periods and, for a period, its published missions with lead unit, channel and Buddhist-era rounds', async () => {
    expect(visible(await (await get('/criteria')).text())).toContain('ไตรมาส ๓/๒๕๖๗');
    const html = await (await get('/criteria/2567-Q3')).text();
    for (const mission of ['otop', 'bmn', 'community-fund', 'pracharat']) expect(html).toContain(`data-mission="${mission}"`);
    // Drafts only: not published, so not listed.
    for (const mission of ['food-security', 'poverty-center']) expect(html).not.toContain(`data-mission="${mission}"`);
    const text = visible(html);
    expect(text).toContain('สภว.');
    expect(text).toContain('Google Form (ตาม QR Code ที่แนบ)');
    expect(text).toContain('รอบที่ ๓ วันที่ ๒๐ มิ.ย. ๒๕๖๗');
    expect(text).not.toContain('2024-06-20');
    expect(text).not.toContain('OTOP DRAFT NAME');
  });

  it("show otop's latest published revision in the letter's words, with its revision, digest and where to verify it", async () => {
    const html = await (await get('/criteria/2567-Q3/otop')).text();
    const text = visible(html);
    for (const words of ['มากกว่าร้อยละ ๔', 'มากกว่าร้อยละ ๓', 'มากกว่าร้อยละ ๒', 'น้อยกว่าร้อยละ ๒', '๕ ผลิตภัณฑ์ขึ้นไป', 'น้อยกว่า ๓ ผลิตภัณฑ์', 'ฉบับที่ ๑', 'ระดับที่ต่ำที่สุด']) {
      expect(text, words).toContain(words);
    }
    const digest = latestRevision(db, '2567-Q3', 'otop')!.digest;
    expect(text).toContain(`รหัสตรวจสอบ ${digest.slice('sha256:'.length, 'sha256:'.length + 8)}`);
    expect(text).toContain('หนังสือจังหวัดลำปาง ที่ ลป ๐๐๑๙.๒/ว ๕๕๗๕');
    expect(text).toContain('๒๖ เม.ย. ๒๕๖๗');
    expect(html).toMatch(/<th scope="col"[^>]*>/);
    expect(html).toMatch(/<th scope="row"[^>]*>A<\/th>/);
    expect(html).toContain('href="/api/v1/periods/2567-Q3/manifest.json"');
    expect(html).toContain('href="/api/v1/periods/2567-Q3/missions/otop/r1.yaml"');
    expect((await get('/api/v1/periods/2567-Q3/missions/otop/r1.yaml')).status).toBe(200);
    // The draft's raised threshold and name never show.
    expect(text).not.toContain('มากกว่าร้อยละ ๙');
    expect(html).not.toContain('OTOP DRAFT NAME');
    // No signed-in user's actions in the header.
    expect(html).not.toContain('data-testid="who"');
    expect(html).not.toContain('action="/logout"');
  });

  it('show points tables, the score rule and an exemption with its provinces (community-fund)', async () => {
    const text = visible(await (await get('/criteria/2567-Q3/community-fund')).text());
    expect(text).toContain('๑๐ คะแนน ร้อยละ ๑๐๐ ขึ้นไป');
    expect(text).toContain('ระหว่าง ๒๗ - ๒๙ คะแนน');
    expect(text).toMatch(/จังหวัดนนทบุรี สมุทรปราการ ภูเก็ต อ่างทอง หนองคาย หรือสุโขทัย/);
  });

  it('are English only in English mode', async () => {
    const text = visible(await (await get('/criteria/2567-Q3/otop', 'lang=en')).text());
    for (const words of ['more than 4 %', '5 products or more', 'fewer than 3 products', 'revision 1', 'check code', 'Levels and conditions']) expect(text, words).toContain(words);
    for (const words of ['มากกว่าร้อยละ', 'ฉบับที่', 'ระดับและเงื่อนไข', 'รหัสตรวจสอบ', 'ผลิตภัณฑ์ขึ้นไป', 'ภาษาไทย / English']) expect(text, words).not.toContain(words);
    expect(visible(await (await get('/criteria/2567-Q3', 'lang=en')).text())).toContain('Round 3: 20 June 2024');
  });

  it('say in words that a draft-only mission is not yet published, and 404 what does not exist', async () => {
    const draftOnly = await get('/criteria/2567-Q3/food-security');
    expect(draftOnly.status).toBe(404);
    expect(visible(await draftOnly.text())).toContain('ยังไม่ได้เผยแพร่เกณฑ์');
    expect((await get('/criteria/2567-Q3/food-security/history')).status).toBe(404);
    for (const path of ['/criteria/2567-Q3/no-such', '/criteria/2599-Q1', '/criteria/2599-Q1/otop', '/criteria/nonsense/otop']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(visible(await response.text()), path).toContain('ไม่พบเกณฑ์นี้');
    }
    const english = await get('/criteria/2567-Q3/no-such', 'lang=en');
    expect(visible(await english.text())).toContain('There is no such mission in 2567-Q3');
  });

  it('list every published revision in the history, and say what changed between two chosen in the URL', async () => {
    const html = await (await get('/criteria/2567-Q3/bmn/history')).text();
    expect(html).toContain('data-revision="2567-Q3r2"');
    expect(html).toContain('data-revision="2567-Q3r1"');
    // By default, the latest against the one before it.
    expect(visible(html)).toMatch(/การรายงานรอบที่ 3 \(due\) เปลี่ยนจาก 18 มิ.ย. 2567 เป็น 19 มิ.ย. 2567/);
    const same = visible(await (await get('/criteria/2567-Q3/bmn/history?from=2567-Q3r2&to=2567-Q3r2')).text());
    expect(same).toContain('เกณฑ์ของสองฉบับนี้เหมือนกัน');
    const unknown = visible(await (await get('/criteria/2567-Q3/bmn/history?from=2567-Q3r7&to=2567-Q3r2')).text());
    expect(unknown).toContain('ไม่มีฉบับที่เผยแพร่ชื่อ "2567-Q3r7"');
    expect(visible(await (await get('/criteria/2567-Q3/bmn')).text())).toContain('ฉบับที่ ๒');
    const otop = await (await get('/criteria/2567-Q3/otop/history')).text();
    expect(otop).toContain('data-revision="2567-Q3r1"');
    expect(otop).not.toContain('data-revision="2567-Q3r2"');
    expect(visible(otop)).toContain('มีฉบับที่เผยแพร่เพียงฉบับเดียว');
  });
});
