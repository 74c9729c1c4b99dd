import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEditor, type Editor } from '../browser/harness.js';

// The README's main command ends in `node editor/serve.js`: start the built server for real and
// read its pages over HTTP. (`npm test` builds the editor before this suite runs.)
let editor: Editor;
let cookie = '';

beforeAll(async () => {
  editor = await startEditor([{ username: 'reader', role: 'viewer', password: 'reader-pass-1' }]);
  const response = await fetch(`${editor.base}/login`, {
    method: 'POST',
    body: new URLSearchParams({ username: 'reader', password: 'reader-pass-1' }),
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

  it('lists every 2567-Q3 mission, Thai first with English beside', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="th">');
    for (const mission of ['khok-nong-na', 'food-security', 'thai-textile', 'poverty-center', 'otop', 'women-fund', 'click-chumchon', 'bmn', 'community-fund', 'pracharat', 'moral-organization']) {
      expect(html).toContain(`data-mission="${mission}"`);
    }
    expect(html).toContain('กองทุนชุมชน');
    expect(html).toContain('Community funds');
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
    expect(otop.replace(/<[^>]*>/g, ' ')).toMatch(/ช่องว่างตามหนังสือสั่งการ 1 รายการ\s+1 gap in the letter itself/);
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
    expect(panel).toMatch(/0 new errors · 1 letter gap ·/);
  });

  it('switches to English first and back', async () => {
    const switched = await fetch(`${editor.base}/lang?to=en&back=%2F`, { headers: { cookie }, redirect: 'manual' });
    const lang = (switched.headers.get('set-cookie') ?? '').split(';')[0]!;
    const html = await (await fetch(`${editor.base}/`, { headers: { cookie: `${cookie}; ${lang}` } })).text();
    expect(html).toContain('<html lang="en">');
    expect(html.indexOf('Period 2567-Q3')).toBeLessThan(html.indexOf('ไตรมาส 2567-Q3'));
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
      body: new URLSearchParams({ username: 'reader', password: 'reader-pass-1' }),
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
