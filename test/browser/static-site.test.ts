// The static copy of the public site (`rubric export`) served by nginx, in Chromium with its
// Content-Security-Policy enforced and no sign-in anywhere: a provincial officer opens the site,
// follows links to OTOP 2567-Q3's criteria, switches to Arabic digits, prints them as A4, downloads
// the Word file, grades the national workbook on /grade/2567-Q3 and exports the results, all
// without the department's server.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoOverflow, seriousViolations } from './axe.js';
import { launchChromium, runCli, previewDrawn } from './harness.js';
import { departmentStore } from '../department-store.js';
import { docxParts, docxText } from '../docx.js';
import { startNginx, type Nginx } from '../nginx.js';
import { fontNames, pageCount } from '../pdf.js';
import { tempDir } from '../temp.js';

const work = tempDir('rubric-static-browser-');
const site = join(work, 'site');
let nginx: Nginx;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** What went wrong in the browser: errors it logged (a refused script or style among them), uncaught errors, and answers of 400 or more. */
const faults: string[] = [];

beforeAll(async () => {
  nginx = await startNginx(site);
  departmentStore(join(work, 'store')).db.close();
  const run = await runCli('export', '--out', site, '--db', join(work, 'store', 'editor.db'), '--url', nginx.base);
  if (run.code !== 0) throw new Error(`rubric export failed: ${run.stderr}`);
  browser = await launchChromium();
  // No bypassCSP: the copy's <meta> policy is in force, as for every reader.
  context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'th-TH', acceptDownloads: true });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') faults.push(`console: ${m.text()} ${m.location().url}`);
  });
  page.on('pageerror', (e) => faults.push(`page: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) faults.push(`${r.status()} ${r.url()}`);
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  nginx?.stop();
});

/** A download's file, after clicking what starts it. */
async function downloaded(selector: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

describe('the static copy in Chromium, served by nginx', () => {
  it("goes from / to OTOP 2567-Q3's criteria by links, the page's own navigation reading the copy's data files", async () => {
    const data: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('__data.json')) data.push(new URL(r.url()).pathname);
    });
    await page.goto(`${nginx.base}/`);
    await page.waitForURL(/\/criteria\/?$/);
    await page.click('a[href="/criteria/2567-Q3"]');
    await page.waitForURL(/\/criteria\/2567-Q3\/?$/);
    await page.click('[data-testid=missions] a[href="/criteria/2567-Q3/otop"]');
    await page.waitForURL(/\/criteria\/2567-Q3\/otop$/);
    expect(await page.locator('[data-testid=levels]').innerText()).toContain('มากกว่าร้อยละ ๔');
    expect(await page.locator('[data-testid=revision]').innerText()).toContain('ฉบับที่ ๑');
    // The second click was the page's own navigation (no reload): it read the mission's data file.
    expect(data).toContain('/criteria/2567-Q3/otop/__data.json');
    // The copy is in Thai only: no language switch that a plain web server could not answer.
    expect(await page.locator('[data-testid=lang-switch]').count()).toBe(0);
    expect(faults).toEqual([]);
  });

  it('switches to Arabic digits and back, also when a page is opened at ?digits=arabic', async () => {
    await page.click('[data-testid=digits-arabic]');
    await page.waitForURL(/digits=arabic/);
    await expect.poll(() => page.locator('[data-testid=levels]').innerText()).toContain('มากกว่าร้อยละ 4');
    expect(await page.locator('[data-testid=levels]').innerText()).not.toMatch(/[๐-๙]/);
    expect(await page.getAttribute('[data-testid=docx-link]', 'href')).toBe('/criteria/2567-Q3/otop.arabic.docx');
    const arabic = await downloaded('[data-testid=docx-link]');
    expect(arabic.name).toBe('criteria-2567-Q3-otop.arabic.docx');
    expect(docxText((await docxParts(arabic.bytes)).body)).toContain('มากกว่าร้อยละ 4');
    // Opened directly: nginx sends the one file, and the page turns its digits once started.
    await page.goto(`${nginx.base}/criteria/2567-Q3?digits=arabic`);
    await expect.poll(() => page.locator('[data-testid=missions]').innerText()).toContain('รอบที่ 3 วันที่ 20 มิ.ย. 2567');
    await page.click('[data-testid=digits-thai]');
    await expect.poll(() => page.locator('[data-testid=missions]').innerText()).toContain('รอบที่ ๓');
    expect(faults).toEqual([]);
  });

  it('downloads the Word file in Thai digits with the thresholds', async () => {
    await page.goto(`${nginx.base}/criteria/2567-Q3/otop`);
    const word = await downloaded('[data-testid=docx-link]');
    expect(word.name).toBe('criteria-2567-Q3-otop.docx');
    const text = docxText((await docxParts(word.bytes)).body);
    for (const words of ['๕ ผลิตภัณฑ์ขึ้นไป', 'มากกว่าร้อยละ ๔', 'น้อยกว่าร้อยละ ๒']) expect(text).toContain(words);
  });

  it('prints as the same A4 attachment as the server does: two pages, Sarabun embedded, the period as running header', async () => {
    await page.goto(`${nginx.base}/criteria/2567-Q3/otop`);
    await page.evaluate(() => document.fonts.ready);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('[data-testid=print-header]').innerText()).toBe('เกณฑ์การจัดระดับภารกิจ ไตรมาส ๓/๒๕๖๗');
    expect(await page.locator('[data-testid=document-tools]').isVisible()).toBe(false);
    await page.emulateMedia({ media: null });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pageCount(pdf)).toBe(2);
    expect(fontNames(pdf).some((name) => /Sarabun/.test(name))).toBe(true);
    expect(faults).toEqual([]);
  });

  it('grades the national workbook on /grade/2567-Q3 in the browser, sending nothing, and exports the results', async () => {
    await page.goto(`${nginx.base}/grade/2567-Q3`);
    await page.locator('[data-testid=mission] option').first().waitFor({ state: 'attached', timeout: 30_000 });
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET') sent.push(`${r.method()} ${r.url()}`);
    });
    const uploads = async () => Number(await page.getAttribute('[data-testid=upload-status]', 'data-uploads'));
    await page.setInputFiles('[data-testid=upload]', join(import.meta.dirname, '../fixtures/national/national-2567-Q3.xlsx'));
    await expect.poll(uploads, { timeout: 30_000 }).toBe(1);
    await previewDrawn(page);
    await page.selectOption('[data-testid=mission]', 'otop');
    expect(await page.textContent('[data-testid=result-count]')).toContain('จาก 878');
    expect(sent).toEqual([]);
    const csv = await downloaded('[data-testid=export-csv]');
    expect(csv.name).toBe('results-2567-Q3.csv');
    const lines = csv.bytes.toString('utf8').split('\n').filter((l) => l.includes(',otop,') || l.includes(',"otop",'));
    expect(lines.length).toBe(878);
    const template = await downloaded('[data-testid=grade-missions] tr[data-mission=otop] [data-testid=template-link]');
    expect(template.name).toBe('template-2567-Q3-otop.xlsx');
    expect(template.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(faults).toEqual([]);
  });

  it("shows on /downloads the copy's own address in the pull command", async () => {
    await page.goto(`${nginx.base}/downloads`);
    await expect.poll(() => page.locator('main').innerText()).toContain(`pull --server ${nginx.base} --period 2567-Q3`);
    expect(faults).toEqual([]);
  });

  it('has no serious or critical axe-core violation and no sideways scrolling at 390 px', async () => {
    // axe-core is added as a script, which the copy's policy would refuse: this check alone bypasses it.
    const phone = await browser.newContext({ viewport: { width: 390, height: 900 }, locale: 'th-TH', bypassCSP: true });
    const small = await phone.newPage();
    for (const path of ['/criteria', '/criteria/2567-Q3', '/criteria/2567-Q3/otop', '/grade/2567-Q3', '/downloads']) {
      await small.goto(`${nginx.base}${path}`);
      expect(await seriousViolations(small), path).toEqual([]);
      await expectNoOverflow(small, path);
    }
    await phone.close();
  });
});
