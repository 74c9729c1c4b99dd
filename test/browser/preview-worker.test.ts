import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signInPage, startEditor, type Editor, previewDrawn } from './harness.js';

// The preview reads and grades a file in its worker (grade-worker.ts), streaming the results to the
// table, and gives the same results as on the page's own thread (where workers cannot run); a file
// chosen while another is still being read replaces it, and nothing of the first file is shown.
const USERS = [{ username: 'tess', role: 'viewer', password: 'tester-pass-1' }];
const PREVIEW = '/p/2567-Q3/preview';
const NATIONAL = join(import.meta.dirname, '../fixtures/national');

let editor: Editor;
let browser: Browser;

beforeAll(async () => {
  editor = await startEditor(USERS);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  editor?.stop();
});

/** A signed-in preview page; `noWorkers` takes Worker away before the page's scripts run. */
async function openPreview(noWorkers = false): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 }, locale: 'th-TH' });
  if (noWorkers) await context.addInitScript(() => delete (globalThis as { Worker?: unknown }).Worker);
  const page = await context.newPage();
  await signInPage(page, editor, { username: 'tess', password: 'tester-pass-1' });
  await page.goto(`${editor.base}${PREVIEW}`);
  await page.waitForSelector('[data-testid=upload]', { timeout: 30_000 });
  // The page has hydrated (its missions compiled) when the mission select lists them.
  await expect.poll(() => page.locator('[data-testid=mission] option').count(), { timeout: 30_000 }).toBeGreaterThan(1);
  return page;
}

const status = (page: Page, name: string) => page.getAttribute('[data-testid=upload-status]', name);

/** Uploads files one after the other without waiting, then waits until the page has finished one more upload. */
async function upload(page: Page, ...files: string[]): Promise<void> {
  const before = Number(await status(page, 'data-uploads'));
  for (const file of files) await page.setInputFiles('[data-testid=upload]', join(NATIONAL, file));
  await expect.poll(async () => Number(await status(page, 'data-uploads')), { timeout: 30_000 }).toBe(before + 1);
  await previewDrawn(page);
}

/** What the page shows of its results: each mission's distribution, and the otop table's first page. */
async function shown(page: Page) {
  await page.selectOption('[data-testid=mission]', 'otop');
  const distribution = await page.locator('[data-testid=distribution] figure').evaluateAll((figures) => figures.map((f) => [f.getAttribute('data-mission'), f.textContent?.replace(/\s+/g, ' ').trim()]));
  const rows = await page
    .locator('[data-testid=result-row]')
    .evaluateAll((rows) => rows.map((r) => [r.querySelector('button.id')?.textContent?.trim(), r.getAttribute('data-status'), r.getAttribute('data-grade'), r.getAttribute('data-province')]));
  return { distribution, rows, count: await page.textContent('[data-testid=result-count]') };
}

describe('the preview grading in its worker', () => {
  it('grades the national workbook in the worker, with the results of the page grading it on its own thread', async () => {
    const inWorker = await openPreview();
    await upload(inWorker, 'national-2567-Q3.xlsx');
    expect(await status(inWorker, 'data-via')).toBe('worker');
    expect(await status(inWorker, 'data-rows')).toBe('7902');
    const onPage = await openPreview(true);
    await upload(onPage, 'national-2567-Q3.xlsx');
    expect(await status(onPage, 'data-via')).toBe('page');
    const worker = await shown(inWorker);
    expect(worker.distribution).toHaveLength(9);
    expect(worker.rows).toHaveLength(200);
    expect(worker.count).toContain('878');
    expect(worker).toEqual(await shown(onPage));
    // The explanation is worked out on the page from the worker's verdict.
    await inWorker.locator('[data-testid=result-row]', { hasText: 'otop-0002' }).click();
    expect(await inWorker.locator('[data-testid=explanation]').getAttribute('data-id')).toBe('otop-0002');
    await inWorker.context().close();
    await onPage.context().close();
  });

  it('never shows the rows of a file replaced by another chosen while it was being read', async () => {
    const page = await openPreview();
    await upload(page, 'national-2567-Q3.xlsx', 'bad-rows-otop.csv');
    expect(await status(page, 'data-via')).toBe('worker');
    const rows = Number(await status(page, 'data-rows'));
    expect(rows).toBeLessThan(20);
    // Whatever the worker had sent of the workbook is gone, and nothing of it comes later.
    for (let i = 0; i < 2; i++) {
      expect(await page.locator('[data-testid=distribution] figure').evaluateAll((f) => f.map((x) => x.getAttribute('data-mission')))).toEqual(['otop']);
      expect(await page.locator('[data-testid=result-row]').count()).toBe(rows);
      expect(await page.locator('[data-testid=mission] option').evaluateAll((o) => o.filter((x) => /·/.test(x.textContent ?? '')).length)).toBe(1);
      await page.waitForTimeout(1500);
    }
    await page.context().close();
  });
});
