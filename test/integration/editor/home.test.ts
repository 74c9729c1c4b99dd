import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEditor, type Editor } from '../../browser/harness.js';

// The README's main command ends in `node editor/serve.js`: start the built server for real and
// read its pages over HTTP. (`npm test` builds the editor before this suite runs.)
let editor: Editor;
let cookie = '';

beforeAll(async () => {
  editor = await startEditor([{ username: 'reader', role: 'viewer', password: 'quiet-harbour-71' }]);
  const response = await fetch(`${editor.base}/login`, {
    method: 'POST',
    body: new URLSearchParams({ username: 'reader', password: 'quiet-harbour-71' }),
    headers: { origin: editor.base, accept: 'text/html' },
    redirect: 'manual',
  });
  expect(response.status).toBe(303);
  const setCookie = response.headers.get('set-cookie') ?? '';
  expect(setCookie).toMatch(/session=[^;]+;.*HttpOnly/i);
  expect(setCookie).toMatch(/SameSite=Lax/i);
  cookie = setCookie.split(';')[0]!;
}, 30_000);

afterAll(() => editor?.stop());

/** The HTML of one mission's row of the home page's first (newest) period. */
function missionRow(html: string, mission: string): string {
  const start = html.indexOf(`data-mission="${mission}"`);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</tr>', start));
}

const get = (path: string) => fetch(`${editor.base}${path}`, { headers: { cookie }, redirect: 'manual' });

describe('the editor home page', () => {
  it('sends a visitor without a session to the sign-in page', async () => {
    const response = await fetch(`${editor.base}/`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login?next=%2F');
  });

  it('lists every 2567-Q3 mission, in Thai only in Thai mode', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="th">');
    for (const mission of ['khok-nong-na', 'food-security', 'thai-textile', 'poverty-center', 'otop', 'women-fund', 'click-chumchon', 'bmn', 'community-fund', 'pracharat', 'moral-organization']) {
      expect(html).toContain(`data-mission="${mission}"`);
    }
    const visible = html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]*>/g, ' ');
    expect(visible).toContain('กองทุนชุมชน');
    expect(visible).not.toContain('Community funds');
  });

  it('shows reporting dates in the Buddhist era and each mission\'s analysis badge', async () => {
    const html = await (await get('/')).text();
    // What a person reads: the page's text, without its hydration data and tag attributes.
    const visible = html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]*>/g, ' ');
    expect(visible).toContain('30 มิ.ย. 2567');
    expect(visible).not.toContain('2024-06-30');
    const thaiTextile = missionRow(html, 'thai-textile');
    expect(thaiTextile).toContain('class="badge ok"');
    expect(thaiTextile.replace(/<[^>]*>/g, ' ')).toMatch(/ไม่พบปัญหา/);
  });

  it("shows the holes the published 2567-Q3 rubrics keep from the letter as its own gaps in amber, not as red errors", async () => {
    const html = await (await get('/')).text();
    const otop = missionRow(html, 'otop');
    expect(otop).toMatch(/class="badge gap"[^>]*data-testid="letter-gaps-badge"/);
    expect(otop.replace(/<[^>]*>/g, ' ')).toMatch(/ช่องว่างตามหนังสือสั่งการ 1 รายการ/);
    expect(otop.replace(/<[^>]*>/g, ' ')).not.toMatch(/gap in the letter/);
    expect(otop).not.toContain('badge bad');
    expect(otop.replace(/<[^>]*>/g, ' ')).not.toContain('ข้อผิดพลาด');
    for (const mission of ['women-fund', 'community-fund', 'pracharat']) {
      const row = missionRow(html, mission);
      expect(row.replace(/<[^>]*>/g, ' ')).toMatch(/ช่องว่างตามหนังสือสั่งการ [1-9]\d* รายการ/);
      expect(row).not.toContain('badge bad');
    }
  });

  it("lists otop's hole on its page apart, as the letter's own gap", async () => {
    const html = await (await get('/p/2567-Q3/otop')).text();
    const panel = html.slice(html.indexOf('data-testid="live-panel"'));
    expect(panel).toContain('data-testid="letter-gaps"');
    expect(panel).toMatch(/data-testid="letter-gap-findings"[\s\S]*data-kind="hole"/);
    expect(panel).toMatch(/ข้อผิดพลาดใหม่ 0 · ช่องว่างตามหนังสือ 1 ·/);
    // The kind in words, the code only as a hint for those who know it.
    expect(panel).toMatch(/<strong class="kind[^"]*" title="HOLE"><!--[^>]*--><span lang="th">ช่องว่างของเกณฑ์<\/span>/);
    expect(panel).not.toMatch(/>hole</);
  });

  it('switches to English only, and back', async () => {
    const switched = await fetch(`${editor.base}/lang?to=en&back=%2F`, { headers: { cookie }, redirect: 'manual' });
    const lang = (switched.headers.get('set-cookie') ?? '').split(';')[0]!;
    const html = await (await fetch(`${editor.base}/`, { headers: { cookie: `${cookie}; ${lang}` } })).text();
    expect(html).toContain('<html lang="en">');
    const visible = html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]*>/g, ' ');
    expect(visible).toContain('Period 2567-Q3');
    expect(visible).toContain('Community funds');
    expect(visible).not.toContain('ไตรมาส 2567-Q3');
    expect(visible).not.toContain('กองทุนชุมชน');
  });

  it('answers 404 for a mission or period that does not exist', async () => {
    expect((await get('/p/2567-Q3/no-such')).status).toBe(404);
    expect((await get('/p/..%2F..%2Fetc/otop')).status).toBe(404);
  });
});

describe('redirects', () => {
  it('never leave the site, from the language switch or after signing in, and a line feed is no 500', async () => {
    for (const back of ['/\\evil.example', '//evil.example', 'https://evil.example/x', '/ok\n/evil']) {
      const response = await fetch(`${editor.base}/lang?to=en&back=${encodeURIComponent(back)}`, { redirect: 'manual' });
      expect(response.status, back).toBe(303);
      expect(new URL(response.headers.get('location')!, editor.base).origin, back).toBe(editor.base);
    }
    const signIn = await fetch(`${editor.base}/login?next=${encodeURIComponent('/\\evil.example/phish')}`, {
      method: 'POST',
      body: new URLSearchParams({ username: 'reader', password: 'quiet-harbour-71' }),
      headers: { origin: editor.base, accept: 'text/html' },
      redirect: 'manual',
    });
    expect([signIn.status, signIn.headers.get('location')]).toEqual([303, '/']);
  });

  it('answers GET /logout by going home, not with a 500', async () => {
    const response = await get('/logout');
    expect([response.status, response.headers.get('location')]).toEqual([303, '/']);
  });
});

describe('a form action sent something that is not a form', () => {
  const post = (type: string, body: string) =>
    fetch(`${editor.base}/login`, { method: 'POST', body, headers: { origin: editor.base, accept: 'text/html', 'content-type': type }, redirect: 'manual' });
  it('answers 415 to text/plain and 400 to a broken multipart body, not a 500', async () => {
    expect((await post('text/plain', 'username=reader&password=quiet-harbour-71')).status).toBe(415);
    expect((await post('multipart/form-data; boundary=zz', '--zz\r\nbroken')).status).toBe(400);
    expect((await post('multipart/form-data', 'x')).status).toBe(400);
    // A form over the body size limit keeps the server's own 413.
    expect((await post('application/x-www-form-urlencoded', `username=${'a'.repeat(2 * 1024 * 1024)}&password=x`)).status).toBe(413);
    expect((await get('/')).status).toBe(200);
  });
});

describe('starting a quarter once, and deleting an unpublished one, over HTTP', () => {
  let server: Editor;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    server = await startEditor([
      { username: 'pat', role: 'editor', password: 'amber-lantern-482' },
      { username: 'malee', role: 'publisher', password: 'copper-meadow-915' },
    ]);
    for (const [username, password] of [['pat', 'amber-lantern-482'], ['malee', 'copper-meadow-915']] as const) {
      const response = await fetch(`${server.base}/login`, {
        method: 'POST',
        body: new URLSearchParams({ username, password }),
        headers: { origin: server.base, accept: 'text/html' },
        redirect: 'manual',
      });
      expect(response.status).toBe(303);
      cookies[username] = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    }
  }, 30_000);

  afterAll(() => server?.stop());

  /** A form post as a browser without JavaScript sends it. */
  const post = (who: string, path: string, fields: Record<string, string>) =>
    fetch(`${server.base}${path}`, {
      method: 'POST',
      body: new URLSearchParams(fields),
      headers: { cookie: cookies[who]!, origin: server.base, accept: 'text/html' },
      redirect: 'manual',
    });
  const page = async (who: string, path = '/', extra = '') =>
    (await fetch(`${server.base}${path}`, { headers: { cookie: `${cookies[who]}${extra}` } })).text();
  /** What a person reads: the page's text, without its hydration data and tags. */
  const visible = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');

  /** The store as the server holds it: periods, drafts and revisions, and the audit trail's deletions. */
  function store() {
    const db = new Database(server.db, { fileMustExist: true });
    try {
      return {
        periods: db.prepare('SELECT period FROM drafts UNION SELECT period FROM revisions ORDER BY period').pluck().all() as string[],
        drafts: db.prepare('SELECT period, mission, version, yaml FROM drafts ORDER BY period, mission').all() as { period: string }[],
        revisions: db.prepare('SELECT period, mission, revision, digest FROM revisions ORDER BY period, mission, revision').all() as { period: string }[],
        deletions: db.prepare("SELECT username, period, message_th, message_en FROM audit WHERE action = 'delete-period' ORDER BY id").all() as Record<string, string>[],
      };
    } finally {
      db.close();
    }
  }

  it('names the period the start begins from, on the button, in the confirmation and in the form (in Thai, or English in English mode)', async () => {
    const html = await page('pat');
    expect(html).toMatch(/data-testid="start-period"[^>]*data-from="2567-Q3"/);
    const button = html.slice(html.indexOf('data-testid="start-period"'), html.indexOf('</summary>'));
    expect(visible(button)).toContain('เริ่มร่างไตรมาส ๔/๒๕๖๗ จากไตรมาส ๓/๒๕๖๗');
    expect(visible(button)).not.toContain('Start 2567-Q4');
    const confirmation = html.slice(html.indexOf('data-testid="start-period-confirmation"'), html.indexOf('</form>', html.indexOf('data-testid="start-period-confirmation"')));
    expect(confirmation).toMatch(/<input type="hidden" name="from" value="2567-Q3"/);
    expect(visible(confirmation)).toContain('คัดลอกฉบับล่าสุดของ 11 ภารกิจในไตรมาส ๓/๒๕๖๗ เป็นร่างฉบับที่ ๑ ของไตรมาส ๔/๒๕๖๗ ยืนยันหรือไม่');
    expect(visible(confirmation)).toContain('ยืนยัน เริ่มร่างไตรมาส ๔/๒๕๖๗ จากไตรมาส ๓/๒๕๖๗');
    const english = visible(await page('pat', '/', '; lang=en'));
    expect(english).toContain('Start 2567-Q4 drafts from 2567-Q3');
    expect(english).not.toContain('เริ่มร่างไตรมาส');
    expect(english).toContain('Copy the latest revision of the 11 missions of 2567-Q3 into revision-1 drafts of 2567-Q4?');
    // An editor may not delete, and 2567-Q3 is published: no delete button at all.
    expect(html).not.toContain('data-testid="delete-period"');
    expect(await page('malee')).not.toContain('data-testid="delete-period"');
  });

  it('makes one quarter from two simultaneous starts (a double click, two tabs): one 303, one 409 that says so', async () => {
    const answers = await Promise.all([post('pat', '/?/start', { from: '2567-Q3' }), post('malee', '/?/start', { from: '2567-Q3' })]);
    expect(answers.map((a) => a.status).sort()).toEqual([303, 409]);
    const refusal = visible(await answers.find((a) => a.status === 409)!.text());
    expect(refusal).toMatch(/ไตรมาส ๔\/๒๕๖๗ เริ่มไปแล้ว \(โดย (pat|malee)\) จึงไม่เริ่มซ้ำ ไม่มีการสร้างร่างเพิ่ม/);
    const now = store();
    expect(now.periods).toEqual(['2567-Q3', '2567-Q4']);
    expect(now.drafts.filter((d) => d.period === '2567-Q4')).toHaveLength(11);
  });

  it('refuses (409) to start from a period that is not the latest, and says which is', async () => {
    const before = store();
    const again = await post('pat', '/?/start', { from: '2567-Q3' });
    expect(again.status).toBe(409);
    const old = await post('pat', '/?/start', { from: '2567-Q1' });
    expect(old.status).toBe(409);
    expect(visible(await old.text())).toContain(
      'เริ่มร่างจากไตรมาส ๑/๒๕๖๗ ไม่ได้ เพราะไตรมาสล่าสุดคือไตรมาส ๔/๒๕๖๗ เริ่มไตรมาสใหม่ได้จากไตรมาสล่าสุดเท่านั้น',
    );
    expect((await post('pat', '/?/start', {})).status).toBe(400);
    expect(store()).toEqual(before);
    // The page now offers 2568-Q1 from 2567-Q4.
    expect(visible(await page('pat'))).toContain('เริ่มร่างไตรมาส ๑/๒๕๖๘ จากไตรมาส ๔/๒๕๖๗');
  });

  it('refuses (403) an editor who deletes a period, and shows an editor no delete button', async () => {
    const before = store();
    expect(await page('pat')).not.toContain('data-testid="delete-period"');
    const response = await post('pat', '/?/deletePeriod', { period: '2567-Q4' });
    expect(response.status).toBe(403);
    expect(visible(await response.text())).toContain('เฉพาะผู้เผยแพร่เท่านั้นที่ลบไตรมาสได้');
    expect(store()).toEqual(before);
  });

  it('refuses (409) to delete 2567-Q3, which has published revisions, leaving everything intact', async () => {
    const before = store();
    const response = await post('malee', '/?/deletePeriod', { period: '2567-Q3' });
    expect(response.status).toBe(409);
    expect(visible(await response.text())).toMatch(/ลบไตรมาส ๓\/๒๕๖๗ ไม่ได้ เพราะมีฉบับที่เผยแพร่แล้ว 9 ภารกิจ/);
    expect(store()).toEqual(before);
  });

  it('lets a publisher delete the unpublished 2567-Q4 after a confirmation, with an audit entry naming who deleted what', async () => {
    const html = await page('malee');
    const at = html.indexOf('data-testid="delete-period-confirmation"');
    expect(html).toMatch(/data-testid="delete-period"[^>]*data-period="2567-Q4"/);
    expect(html.match(/data-testid="delete-period"/g)).toHaveLength(1);
    expect(visible(html.slice(at, html.indexOf('</form>', at)))).toContain('ลบร่างทั้ง 11 ภารกิจของไตรมาส ๔/๒๕๖๗ ซึ่งยังไม่มีฉบับที่เผยแพร่ ยืนยันหรือไม่');
    const response = await post('malee', '/?/deletePeriod', { period: '2567-Q4' });
    expect([response.status, response.headers.get('location')]).toEqual([303, '/?deleted=2567-Q4']);
    const after = store();
    expect(after.periods).toEqual(['2567-Q3']);
    expect(after.deletions).toEqual([
      expect.objectContaining({ username: 'malee', period: '2567-Q4', message_en: expect.stringMatching(/^malee deleted the unpublished period 2567-Q4 and its 11 drafts: /) }),
    ]);
    const home = visible(await page('malee', '/?deleted=2567-Q4'));
    expect(home).toMatch(/malee ลบไตรมาส ๔\/๒๕๖๗ ซึ่งยังไม่เผยแพร่ พร้อมร่าง 11 ภารกิจ/);
    expect(home).toContain('เริ่มร่างไตรมาส ๔/๒๕๖๗ จากไตรมาส ๓/๒๕๖๗');
  });

  it('never deletes a period once one of its missions is published (409), leaving its drafts and revision intact', async () => {
    expect((await post('pat', '/?/start', { from: '2567-Q3' })).status).toBe(303);
    const published = await post('malee', '/p/2567-Q4/thai-textile?/publish', { version: '1', acknowledge: 'on' });
    expect(published.status).toBe(200);
    const before = store();
    expect(before.revisions.filter((r) => r.period === '2567-Q4')).toHaveLength(1);
    expect(await page('malee')).not.toContain('data-testid="delete-period"');
    const response = await post('malee', '/?/deletePeriod', { period: '2567-Q4' });
    expect(response.status).toBe(409);
    expect(visible(await response.text())).toContain('ลบไตรมาส ๔/๒๕๖๗ ไม่ได้ เพราะมีฉบับที่เผยแพร่แล้ว 1 ภารกิจ (thai-textile r1)');
    expect(store()).toEqual(before);
  });
});
