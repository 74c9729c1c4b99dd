import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../engine/store/db.js';
import { closeAnalysis } from '../../engine/node/analysis-pool.js';
import { openCorrection, publishDraft, saveDraft } from '../../engine/store/rubric-store.js';
import { valueOf } from '../settled.js';
import { expectNoOverflow, seriousViolations } from './axe.js';
import { ARTIFACTS, launchChromium, startEditor, type Editor } from './harness.js';

// The public criteria pages as a visitor without an account sees them in Chromium: no serious or
// critical axe-core violation, and no sideways scrolling of the page at a 390 px phone's width (a
// wide table may scroll in its own box), in Thai and in English.
const PAGES = ['/criteria', '/criteria/2567-Q3', '/criteria/2567-Q3/otop', '/criteria/2567-Q3/community-fund', '/criteria/2567-Q3/click-chumchon', '/criteria/2567-Q3/otop/history', '/criteria/2567-Q3/bmn/history'];

let editor: Editor;
let browser: Browser;

beforeAll(async () => {
  editor = await startEditor([]);
  // bmn gets a published revision 2 (round 3 a day later), so that its history has two revisions to compare.
  const db = openDb(editor.db);
  try {
    const bmn = valueOf(await openCorrection(db, { period: '2567-Q3', mission: 'bmn', username: 'edna' }));
    const later = bmn.yaml.replace('{ round: 3, due: 2024-06-18 }', '{ round: 3, due: 2024-06-19 }');
    const saved = valueOf(await saveDraft(db, { period: '2567-Q3', mission: 'bmn', yaml: later, version: bmn.version, username: 'edna' }));
    valueOf(await publishDraft(db, { period: '2567-Q3', mission: 'bmn', version: saved.version, username: 'pat', acknowledgeWarnings: true }));
  } finally {
    db.close();
  }
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  editor?.stop();
  await closeAnalysis();
});

/** A context without a session, in a language, that lets the test add axe-core's script under the CSP. */
async function visitor(width: number, lang: 'th' | 'en'): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'th-TH', bypassCSP: true });
  await context.addCookies([{ name: 'lang', value: lang, url: editor.base }]);
  return context;
}

describe('the public criteria pages, without an account', () => {
  for (const lang of ['th', 'en'] as const) {
    it(`have no serious or critical axe-core violation and no sideways scroll at 390 px (${lang})`, async () => {
      for (const width of [1280, 390]) {
        const context = await visitor(width, lang);
        for (const path of PAGES) {
          const page = await context.newPage();
          const response = await page.goto(`${editor.base}${path}`);
          expect(response?.status(), path).toBe(200);
          await page.waitForSelector('main h1');
          expect(page.url(), path).toBe(`${editor.base}${path}`);
          expect(await seriousViolations(page), `${path} at ${width} px (${lang})`).toEqual([]);
          await expectNoOverflow(page, `${path} at ${width} px (${lang})`);
          if (path === '/criteria/2567-Q3/otop' || (lang === 'th' && width === 1280)) {
            await page.screenshot({ path: join(ARTIFACTS, `criteria${path.slice('/criteria'.length).replace(/\//g, '-')}-${lang}-${width}.png`), fullPage: true });
          }
          await page.close();
        }
        await context.close();
      }
    }, 180_000);
  }

  it("shows otop's levels as a table with its row and column headers", async () => {
    const context = await visitor(1280, 'th');
    const page = await context.newPage();
    await page.goto(`${editor.base}/criteria/2567-Q3/otop`);
    const rows = page.locator('[data-testid=levels] tbody tr');
    expect(await rows.count()).toBe(4);
    expect(await rows.nth(0).locator('th[scope=row]').innerText()).toBe('A');
    expect(await rows.nth(0).locator('td').allInnerTexts()).toEqual(['๕ ผลิตภัณฑ์ขึ้นไป', 'มากกว่าร้อยละ ๔']);
    expect(await page.locator('[data-testid=levels] thead th[scope=col]').allInnerTexts()).toEqual(['ระดับ', 'ผลิตภัณฑ์ลงทะเบียนเพิ่มขึ้น', 'ยอดจำหน่ายเพิ่มขึ้น']);
    await context.close();
  });

  it('compares the two revisions chosen in the history and keeps the choice in the URL', async () => {
    const context = await visitor(1280, 'th');
    const page = await context.newPage();
    await page.goto(`${editor.base}/criteria/2567-Q3/bmn/history`);
    expect(await page.locator('[data-testid=changes] li').allInnerTexts()).toEqual([expect.stringContaining('18 มิ.ย. 2567 เป็น 19 มิ.ย. 2567')]);
    await page.selectOption('select[name=from]', '2567-Q3r2');
    await Promise.all([page.waitForURL(/from=2567-Q3r2&to=2567-Q3r2/), page.click('[data-testid=compare-form] button[type=submit]')]);
    await page.waitForSelector('[data-testid=no-changes]');
    await context.close();
  });
});
