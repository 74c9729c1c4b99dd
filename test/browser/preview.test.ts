import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchChromium, startEditor, type Editor } from './harness.js';

// A tester's preview in a real browser against the built editor: upload the national sample
// workbook, grade every mission in the browser, read one explanation, filter, export the results
// and read the workbook back, then upload a file of bad rows and find each problem where it is.
const USERS = [{ username: 'tess', role: 'viewer', password: 'tester-pass-1' }];
const NATIONAL = join(import.meta.dirname, '../fixtures/national');
const PREVIEW = '/p/2567-Q3/preview';

let editor: Editor;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  editor = await startEditor(USERS);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 }, locale: 'th-TH', acceptDownloads: true });
  page = await context.newPage();
  await page.goto(`${editor.base}/login`);
  await page.fill('input[name=username]', 'tess');
  await page.fill('input[name=password]', 'tester-pass-1');
  await Promise.all([page.waitForURL(`${editor.base}/`), page.click('button[type=submit]')]);
  await Promise.all([page.waitForURL(`${editor.base}${PREVIEW}`), page.click('a[href="/p/2567-Q3/preview"]')]);
  await page.waitForSelector('[data-testid=upload]', { timeout: 30_000 });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  editor?.stop();
});

/** Uploads a file and waits until its results are on the screen (the page records each upload's time). */
async function upload(file: string): Promise<void> {
  const timings = () => page.evaluate(() => (window as unknown as { __previewTimings?: unknown[] }).__previewTimings?.length ?? 0);
  const before = await timings();
  await page.setInputFiles('[data-testid=upload]', join(NATIONAL, file));
  await expect.poll(timings, { timeout: 30_000 }).toBe(before + 1);
}

const count = () => page.textContent('[data-testid=result-count]');
const rowAttributes = (name: string) => page.locator('[data-testid=result-row]').evaluateAll((rows, n) => rows.map((r) => r.getAttribute(n)), name);
const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

describe('the preview page in Chromium', () => {
  it('grades all 878 districts of the national sample workbook for otop', async () => {
    await upload('national-2567-Q3.xlsx');
    await page.selectOption('[data-testid=mission]', 'otop');
    expect(await count()).toContain('แสดง 1–200 จาก 878');
    expect(await count()).toContain('showing 1–200 of 878');
    expect(await page.locator('[data-testid=result-row]').count()).toBe(200);
    await page.click('[data-testid=page-next]');
    expect(await count()).toContain('showing 201–400 of 878');
    expect((await rowAttributes('data-province')).every((p) => p !== '')).toBe(true);
    await page.click('[data-testid=page-prev]');
    // Every sheet named after a mission was graded: nine missions with criteria.
    expect(await page.locator('[data-testid=distribution] figure').count()).toBe(9);
    await shot('preview-01-national');
  });

  it('opens the explanation of one district with its bands and a step to the next level', async () => {
    // otop-0002: 16 new products (A) but sales down 3.54 % (D).
    await page.locator('[data-testid=result-row]', { hasText: 'otop-0002' }).click();
    const panel = page.locator('[data-testid=explanation]');
    expect(await panel.getAttribute('data-id')).toBe('otop-0002');
    const sales = panel.locator('[data-testid=trace-criterion][data-criterion=salesGrowth]');
    expect(await sales.locator('li').count()).toBe(4);
    expect(await sales.locator('li[data-matched=true]').textContent()).toContain('< 2');
    const steps = await panel.locator('[data-testid=step]').allTextContents();
    expect(steps).toHaveLength(1);
    // The nearest value that reaches a better band: 2.01 for C.
    expect(steps[0]).toContain('salesGrowthPct');
    expect(steps[0]).toContain('2.01');
    await shot('preview-02-explanation');
    await page.click('[data-testid=explanation-close]');
  });

  it('filters to grade D and shows only D rows, on every page', async () => {
    const expected = Number(await page.locator('[data-testid=distribution] figure[data-mission=otop] rect[data-outcome=D]').getAttribute('data-count'));
    expect(expected).toBeGreaterThan(200);
    await page.selectOption('[data-testid=filter-grade]', 'D');
    expect(await count()).toContain(`of ${expected}`);
    let seen = 0;
    for (;;) {
      const grades = await rowAttributes('data-grade');
      expect(new Set(grades)).toEqual(new Set(['D']));
      seen += grades.length;
      if (await page.locator('[data-testid=page-next]').isDisabled()) break;
      await page.click('[data-testid=page-next]');
    }
    expect(seen).toBe(expected);
    await page.selectOption('[data-testid=filter-grade]', 'all');
  });

  it('exports the results as a workbook with Thai headers and each rubric digest', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-xlsx]')]);
    expect(download.suggestedFilename()).toBe('results-2567-Q3.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const otop = workbook.getWorksheet('otop')!;
    const header = (otop.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('ระดับ (grade)');
    expect(otop.actualRowCount).toBe(879);
    const digest = otop.getRow(2).getCell(header.indexOf('digest') + 1).value;
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('shows each problem of a file of bad rows at its row and column, and grades the good row', async () => {
    await upload('bad-rows-otop.csv');
    expect(await page.inputValue('[data-testid=mission]')).toBe('otop');
    const problems = await page
      .locator('[data-testid=problem]')
      .evaluateAll((rows) => rows.map((r) => [Number(r.getAttribute('data-row')), r.getAttribute('data-column'), r.getAttribute('data-code')]));
    expect(problems).toEqual([
      [3, 'salesGrowthPct', 'MISSING_FACT'],
      [4, 'newProducts', 'NOT_A_NUMBER'],
      [5, 'id', 'DUPLICATE_ID'],
      [6, 'id', 'DUPLICATE_ID'],
      [7, 'newProducts', 'OUT_OF_RANGE'],
    ]);
    expect(await page.locator('[data-testid=column-warning]').evaluateAll((w) => w.map((e) => e.getAttribute('data-column')))).toEqual(['extra']);
    expect(await count()).toContain('of 6');
    expect(await rowAttributes('data-status')).toEqual(['graded', 'error', 'error', 'error', 'error', 'error']);
    expect((await rowAttributes('data-grade'))[0]).toBe('A');
    await shot('preview-03-bad-rows');
  });
});
