import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoOverflow, seriousViolations } from './axe.js';
import { launchChromium, startEditor, type Editor, signInPage, previewDrawn } from './harness.js';

// Every page of the editor, as axe-core (Deque's checks) and a 390 px phone see it: no serious or
// critical violation on any page, no sideways scrolling of the page itself (a table may scroll in
// its own box), Tab that gets past the YAML editor, and an English mode that is English.
const USERS = [{ username: 'pat', role: 'publisher', password: 'publisher-pass-1' }];
const DRAFT = '/p/2567-Q4/otop';
const PREVIEW = '/p/2567-Q3/preview';
const BAD_ROWS = join(import.meta.dirname, '../fixtures/national/bad-rows-otop.csv');

/** The pages checked, each with what to wait for once it is open. */
const PAGES: { name: string; path: string; ready: (page: Page) => Promise<unknown> }[] = [
  { name: 'home', path: '/', ready: (p) => p.waitForSelector('section h2') },
  { name: 'mission', path: DRAFT, ready: (p) => p.waitForSelector('[data-testid=yaml-editor][data-ready=true]', { timeout: 30_000 }) },
  ...(['general', 'data', 'rules', 'examples'] as const).map((tab) => ({ name: `mission (${tab} form)`, path: DRAFT, ready: (p: Page) => openTab(p, tab) })),
  { name: 'mission (publish confirmation)', path: DRAFT, ready: askToPublish },
  { name: 'new criteria', path: '/p/2567-Q4/food-security', ready: (p) => p.waitForSelector('[data-testid=new-criteria]', { timeout: 30_000 }) },
  { name: 'preview', path: PREVIEW, ready: uploadBadRows },
  { name: 'ledger', path: '/ledger', ready: (p) => p.waitForSelector('h2') },
  { name: 'audit', path: `${DRAFT}/audit`, ready: (p) => p.waitForSelector('[data-testid=audit]') },
];

let editor: Editor;
let browser: Browser;
/** Signed in, at a desktop's width and at a phone's. */
let desktop: BrowserContext;
let phone: BrowserContext;

/** The mission page with one of its form tabs open. */
async function openTab(page: Page, tab: string): Promise<void> {
  await page.waitForSelector('[data-testid=yaml-editor][data-ready=true]', { timeout: 30_000 });
  await page.click(`[data-testid=tab-${tab}]`);
  await page.waitForSelector('.table [data-pointer]');
}

/** The mission page with the publish confirmation open (its warnings acknowledged first, if it has any). */
async function askToPublish(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid=yaml-editor][data-ready=true]', { timeout: 30_000 });
  if (await page.locator('[data-testid=acknowledge]').count()) await page.check('[data-testid=acknowledge]');
  await page.click('[data-testid=publish]');
  await page.waitForSelector('[data-testid=confirm-publish][open]');
}

/** Uploads a small file of bad rows, so that the preview shows its results and problems. */
async function uploadBadRows(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid=upload]', { timeout: 30_000 });
  const uploads = async () => Number(await page.getAttribute('[data-testid=upload-status]', 'data-uploads'));
  const before = await uploads();
  await page.setInputFiles('[data-testid=upload]', BAD_ROWS);
  await expect.poll(uploads, { timeout: 30_000 }).toBe(before + 1);
  await previewDrawn(page);
  await page.waitForSelector('[data-testid=problem]');
}

/** A context that lets the test add axe-core's script to pages under the editor's CSP. */
function newContext(width: number): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width, height: 900 }, locale: 'th-TH', bypassCSP: true });
}

async function open(context: BrowserContext, target: (typeof PAGES)[number]): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${editor.base}${target.path}`);
  await target.ready(page);
  return page;
}

beforeAll(async () => {
  editor = await startEditor(USERS);
  browser = await launchChromium();
  desktop = await newContext(1280);
  phone = await newContext(390);
  const page = await desktop.newPage();
  await signInPage(page, editor, USERS[0]!, 90_000);
  // A draft to open: 2567-Q4, started from 2567-Q3 as a publisher would.
  await page.click('[data-testid=start-period]');
  await page.click('[data-testid=start-period-confirm]');
  await page.locator('section h2', { hasText: '2567-Q4' }).first().waitFor({ timeout: 30_000 });
  await page.close();
  await phone.addCookies(await desktop.cookies());
}, 180_000);

afterAll(async () => {
  await browser?.close();
  editor?.stop();
});

describe('the editor for people who use a keyboard, a screen reader or a phone', () => {
  it('has no serious or critical axe-core violation on the login page, at either width', async () => {
    for (const width of [1280, 390]) {
      const context = await newContext(width);
      const page = await context.newPage();
      await page.goto(`${editor.base}/login`);
      expect(await seriousViolations(page), `login at ${width} px`).toEqual([]);
      await expectNoOverflow(page, `login at ${width} px`);
      await context.close();
    }
  });

  it("has no serious or critical axe-core violation on the provinces' downloads page, at either width and in both languages", async () => {
    for (const width of [1280, 390]) {
      const context = await newContext(width);
      const page = await context.newPage();
      for (const lang of ['th', 'en']) {
        await context.addCookies([{ name: 'lang', value: lang, url: editor.base }]);
        await page.goto(`${editor.base}/downloads`);
        await page.getByTestId('key-fingerprint').waitFor();
        expect(await seriousViolations(page), `downloads (${lang}) at ${width} px`).toEqual([]);
        await expectNoOverflow(page, `downloads (${lang}) at ${width} px`);
      }
      await context.close();
    }
  });

  it.each(PAGES.map((p) => [p.name, p] as const))('has no serious or critical axe-core violation on the %s page', async (_name, target) => {
    const page = await open(desktop, target);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it.each(PAGES.map((p) => [p.name, p] as const))('does not scroll the %s page sideways at 390 px', async (_name, target) => {
    const page = await open(phone, target);
    expect(await page.evaluate(() => document.documentElement.clientWidth)).toBe(390);
    await expectNoOverflow(page, `${target.name} at 390 px`);
    await page.close();
  });

  it('lets Tab pass the YAML editor unless Tab-to-indent is turned on', async () => {
    const page = await open(desktop, PAGES[1]!);
    const inEditor = () => page.evaluate(() => !!document.activeElement?.closest('[data-testid=yaml-editor]'));
    const afterEditor = () =>
      page.evaluate(() => {
        const editorBox = document.querySelector('[data-testid=yaml-editor]')!;
        const active = document.activeElement;
        return !!active && active !== document.body && !editorBox.contains(active) && !!(editorBox.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
      });
    await page.focus('[data-testid=tab-indents]');
    await page.keyboard.press('Tab');
    expect(await inEditor()).toBe(true);
    let presses = 0;
    while (!(await afterEditor()) && presses < 5) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(await afterEditor()).toBe(true);
    // With Tab-to-indent on, Tab stays in the editor.
    await page.check('[data-testid=tab-indents]');
    await page.focus('[data-testid=tab-indents]');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await inEditor()).toBe(true);
    await page.close();
  });

  it('shows English only in English mode and Thai only in Thai mode', async () => {
    const page = await open(desktop, PAGES[1]!);
    const kinds = () => page.locator('[data-testid=finding] .kind').allTextContents();
    expect((await kinds()).length).toBeGreaterThan(0);
    expect((await kinds()).every((k) => /[\u0e00-\u0e7f]/.test(k) && !/[A-Za-z]/.test(k))).toBe(true);
    await page.goto(`${editor.base}/lang?to=en&back=${encodeURIComponent(DRAFT)}`);
    await PAGES[1]!.ready(page);
    expect((await kinds()).every((k) => !/[\u0e00-\u0e7f]/.test(k) && /[A-Za-z]/.test(k))).toBe(true);
    const header = await page.locator('header .home').innerText();
    expect(header).toContain('CDD mission rubrics');
    expect(header).not.toMatch(/[\u0e00-\u0e7f]/);
    await page.goto(`${editor.base}/lang?to=th&back=${encodeURIComponent(DRAFT)}`);
    await page.close();
  });
});
