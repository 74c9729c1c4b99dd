import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startEditor, type Editor, signInPage, previewDrawn } from './harness.js';

// The editor under its Content-Security-Policy (svelte.config.js) in a real browser: the mission
// page's Monaco, its YAML worker and the rubric checks, a form post, and the preview's grading of a
// workbook and a JSON file all work, and nothing the pages do is refused by the policy.
const USERS = [{ username: 'pat', role: 'publisher', password: 'publisher-pass-1' }];
const OTOP = '/p/2567-Q3/otop';
const PREVIEW = '/p/2567-Q3/preview';

let editor: Editor;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** What the policy refused: console messages about it, and securitypolicyviolation events. */
const refusals: string[] = [];
/** Errors the pages threw. */
const errors: string[] = [];

const violations = () => page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);

beforeAll(async () => {
  editor = await startEditor(USERS);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1500, height: 1000 }, locale: 'th-TH' });
  // Recorded in each document before its own scripts run.
  await context.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __cspViolations?: string[] }).__cspViolations = []);
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  const record = (where: string) => (message: { type(): string; text(): string }) => {
    if (/content.security.policy/i.test(message.text())) refusals.push(`${where} ${message.type()}: ${message.text()}`);
  };
  page = await context.newPage();
  page.on('console', record('page'));
  page.on('worker', (worker) => worker.on('console', record(`worker ${worker.url()}`)));
  page.on('pageerror', (error) => errors.push(error.message));
  // The home page waits for the analysis workers' first reading of every mission, which on a
  // loaded CI machine can take longer than playwright's default 30 s; this test is about the CSP.
  await signInPage(page, editor, USERS[0]!, 90_000);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  editor?.stop();
});

describe('the editor under its Content-Security-Policy in Chromium', () => {
  it('the mission page: Monaco loads, its YAML worker answers, a form post works, and the checks run', async () => {
    const response = await page.goto(`${editor.base}${OTOP}`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'nonce-");
    await page.waitForSelector('[data-testid=yaml-editor][data-ready=true]', { timeout: 30_000 });
    // The rubric checks ran in the browser (validators compiled ahead, no eval): 2567-Q3's own gap.
    await expect.poll(() => page.locator('[data-testid=finding][data-kind=hole]').count()).toBe(1);
    // Opening a correction is a form post (form-action 'self').
    await page.click('[data-testid=correct]');
    await page.waitForSelector('[data-testid=draft-state]');
    await page.waitForSelector('[data-testid=yaml-editor][data-ready=true]');
    // Monaco's two workers and the page's analysis and impact workers are files of this site (worker-src 'self').
    await expect.poll(() => page.workers().map((w) => new URL(w.url()).pathname.replace(/-[\w-]+\.js$/, '.js')).sort()).toEqual([
      '/_app/immutable/workers/editor.worker.js',
      '/_app/immutable/workers/impact.worker.js',
      '/_app/immutable/workers/live.worker.js',
      '/_app/immutable/workers/yaml.worker.js',
    ]);
    await expect.poll(() => page.locator('[data-testid=live-panel]').getAttribute('data-mode')).toBe('worker');
    // The YAML worker answers: hovering a key shows the schema's description of it.
    await page.locator('[data-testid=yaml-editor] .view-line span', { hasText: /^mission$/ }).first().hover();
    await expect.poll(() => page.locator('.monaco-hover').allTextContents().then((t) => t.join(' ')), { timeout: 15_000 }).toContain('Mission id (kebab-case)');
    // Invalid YAML typed into Monaco is underlined (Monaco draws the squiggle as a data: image).
    await page.click('[data-testid=yaml-editor] .view-lines');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nfoo: [');
    await expect.poll(() => page.locator('[data-testid=finding][data-kind=invalid]').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-testid=yaml-editor] .squiggly-error').count()).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
    expect(refusals).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('the preview page grades a workbook and a JSON file, explains a result and exports', async () => {
    await page.goto(`${editor.base}${PREVIEW}`);
    await page.waitForSelector('[data-testid=upload]', { timeout: 30_000 });
    const timings = async () => Number(await page.getAttribute('[data-testid=upload-status]', 'data-uploads'));
    await page.setInputFiles('[data-testid=upload]', join(import.meta.dirname, '../fixtures/national/national-2567-Q3.xlsx'));
    await expect.poll(timings, { timeout: 30_000 }).toBe(1);
    await previewDrawn(page);
    await page.selectOption('[data-testid=mission]', 'otop');
    expect(await page.textContent('[data-testid=result-count]')).toContain('แสดง 1–200 จาก 878');
    await page.locator('[data-testid=result-row]', { hasText: 'otop-0002' }).click();
    await page.waitForSelector('[data-testid=explanation]');
    await page.click('[data-testid=explanation-close]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-xlsx]')]);
    expect(download.suggestedFilename()).toBe('results-2567-Q3.xlsx');
    await download.delete();
    // A JSON file's rows are checked against the row schema (compiled ahead) before grading.
    const rows = [
      { id: 'otop-9001', newProducts: 12, salesGrowthPct: 5 },
      { id: 'otop-9002', newProducts: 1, salesGrowthPct: -4 },
    ];
    await page.setInputFiles('[data-testid=upload]', { name: 'otop-2567-Q3.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(rows)) });
    await expect.poll(timings, { timeout: 30_000 }).toBe(2);
    expect(await page.textContent('[data-testid=result-count]')).toContain('จาก 2');
    expect(await violations()).toEqual([]);
    expect(refusals).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('would have seen a refusal: an image from another site is blocked and reported', async () => {
    // The check above means something only if a refusal is caught when there is one.
    await page.evaluate(() => {
      const image = document.createElement('img');
      image.src = 'https://example.invalid/pixel.png';
      document.body.append(image);
    });
    await expect.poll(violations).toEqual(['img-src https://example.invalid/pixel.png']);
    await expect.poll(() => refusals.length).toBeGreaterThan(0);
    refusals.length = 0;
  });
});
