import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../temp.js';
import { OTOP_DATE_ROWS, rawWorkbook } from '../xlsx-raw.js';
import { launchChromium, signInPage, startEditor, type Editor, previewDrawn } from './harness.js';

// The preview reads a workbook as the CLI does, with the strict reader: an ISO date cell (t="d",
// as LibreOffice writes it) in a number column is that cell's error naming the column and the
// cell, never a grade made from the date's year.
const USERS = [{ username: 'tess', role: 'viewer', password: 'tester-pass-1' }];
const PREVIEW = '/p/2567-Q3/preview';
const dir = tempDir('preview-reader-');

let editor: Editor;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  editor = await startEditor(USERS);
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1500, height: 1000 }, locale: 'th-TH' })).newPage();
  await signInPage(page, editor, { username: 'tess', password: 'tester-pass-1' });
  await page.goto(`${editor.base}${PREVIEW}`);
  await page.waitForSelector('[data-testid=upload]', { timeout: 30_000 });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  editor?.stop();
});

/** Uploads a file and waits until the page has taken it (it counts each finished upload). */
async function upload(file: string): Promise<void> {
  const uploads = async () => Number(await page.getAttribute('[data-testid=upload-status]', 'data-uploads'));
  const before = await uploads();
  await page.setInputFiles('[data-testid=upload]', file);
  await expect.poll(uploads, { timeout: 30_000 }).toBe(before + 1);
  await previewDrawn(page);
}

describe('the preview reading a workbook with an ISO date cell', () => {
  it('shows the date cell as its row\'s error at its cell and column, not a grade', async () => {
    const file = join(dir, 'otop-dates.xlsx');
    writeFileSync(file, await rawWorkbook(OTOP_DATE_ROWS));
    await upload(file);
    await page.selectOption('[data-testid=mission]', 'otop');
    const row = page.locator('[data-testid=result-row]', { hasText: 'otop-0001' });
    await expect.poll(() => row.getAttribute('data-status')).toBe('error');
    expect(await row.getAttribute('data-grade')).not.toBe('A');
    const problems = await page
      .locator('[data-testid=problem]')
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-cell'), r.getAttribute('data-column'), r.getAttribute('data-code')]));
    expect(problems).toEqual([['E2', 'salesGrowthPct', 'AMBIGUOUS_NUMBER']]);
    const text = (await page.textContent('[data-testid=problem][data-cell=E2]'))!;
    expect(text).toContain('เซลล์ E2');
    expect(text).toContain('"2024-04-19 00:00:00"');
    expect(text).not.toContain('2024.00');
    expect(await page.locator('[data-testid=result-row]', { hasText: 'otop-0002' }).getAttribute('data-grade')).toBe('D');
  });
});
