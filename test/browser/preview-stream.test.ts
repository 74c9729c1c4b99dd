// While the preview's grading worker streams a file's results, the page shows nothing of the file
// it is replacing and lets nothing be exported or compared; a worker that fails part way (an
// error, or an answer that cannot be read) leaves nothing of its slices behind, and the page reads
// the file itself; a file that replaces one still being read, and cannot itself be read, puts
// back the earlier file's notices with its results; and rows that arrive are drawn a few a frame.
// The worker's answers are held back or cut off by a wrapper of window.Worker that the test
// installs before the page's scripts (no hook in the page itself).
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_ROWS, SLICE_ROWS } from '../../editor/routes/p/[period]/preview/grade-stream.js';
import { tempDir } from '../temp.js';
import { launchChromium, signInPage, startEditor, type Editor, previewDrawn } from './harness.js';

const USERS = [{ username: 'tess', role: 'viewer', password: 'tester-pass-1' }];
const PREVIEW = '/p/2567-Q3/preview';
const NATIONAL = join(import.meta.dirname, '../fixtures/national');
const WORKBOOK = join(NATIONAL, 'national-2567-Q3.xlsx');
/** A file the reader refuses as a whole (an Excel 97–2003 workbook). */
const UNREADABLE = join(import.meta.dirname, '../fixtures/office/otop-excel-97-2003.xls');

/** What the test sets in the page: hold the grading worker's answers, or make it fail. */
interface Watch {
  /** Let the next answer of this type through, then hold back every later answer of its upload. */
  hold: '' | 'plan' | 'slice';
  holding: boolean;
  /** Passes on the answers held back and stops holding; with a count, passes on that many and keeps holding. */
  release(count?: number): void;
  /** After the next slice, the worker fails this way, and nothing more of that upload arrives. */
  fail: '' | 'error' | 'messageerror';
  failed: boolean;
}

/** In the page, before its scripts: the grading worker's answers pass through `Watch`. */
function watchGradingWorker(): void {
  const w = window as unknown as Watch;
  Object.assign(w, { hold: '', holding: false, fail: '', failed: false, release: () => undefined });
  const Native = window.Worker;
  class Watched extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      if (!String(url).includes('grade-worker')) return;
      let held: number | undefined;
      let dead: number | undefined;
      const queue: unknown[] = [];
      w.release = (count) => {
        if (count === undefined) held = undefined;
        for (const data of queue.splice(0, count ?? queue.length)) this.dispatchEvent(Object.assign(new MessageEvent('message', { data }), { replayed: true }));
      };
      // Added first, so it runs before the page's own listener and can stop it.
      this.addEventListener('message', (event) => {
        if ((event as MessageEvent & { replayed?: boolean }).replayed) return;
        const data = event.data as { serial: number; type: string };
        if (data.serial === dead) return event.stopImmediatePropagation();
        if (data.serial === held) return (event.stopImmediatePropagation(), void queue.push(data));
        if (w.hold && data.type === w.hold) {
          w.hold = '';
          held = data.serial;
          w.holding = true;
        } else if (w.fail && data.type === 'slice') {
          const kind = w.fail;
          w.fail = '';
          dead = data.serial;
          setTimeout(() => {
            this.dispatchEvent(kind === 'error' ? new ErrorEvent('error', { message: 'stopped by the test' }) : new MessageEvent('messageerror'));
            w.failed = true;
          });
        }
      });
    }
  }
  window.Worker = Watched;
}

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

/** A signed-in preview page with the grading worker watched; `noWorkers` takes Worker away instead. */
async function openPreview(noWorkers = false): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 }, locale: 'th-TH' });
  if (noWorkers) await context.addInitScript(() => delete (globalThis as { Worker?: unknown }).Worker);
  else await context.addInitScript(watchGradingWorker);
  const page = await context.newPage();
  await signInPage(page, editor, { username: 'tess', password: 'tester-pass-1' });
  await page.goto(`${editor.base}${PREVIEW}`);
  await page.waitForSelector('[data-testid=upload]', { timeout: 30_000 });
  await expect.poll(() => page.locator('[data-testid=mission] option').count(), { timeout: 30_000 }).toBeGreaterThan(1);
  return page;
}

const uploads = async (page: Page) => Number(await page.getAttribute('[data-testid=upload-status]', 'data-uploads'));
const watch = <K extends keyof Watch>(page: Page, key: K) => page.evaluate((k) => (window as unknown as Watch)[k], key);
const set = (page: Page, values: Partial<Watch>) => page.evaluate((v) => Object.assign(window, v), values);
const figures = (page: Page) => page.locator('[data-testid=distribution] figure').evaluateAll((f) => f.map((x) => x.getAttribute('data-mission')));
/** The missions whose option in the select shows a count of rows. */
const counted = (page: Page) => page.locator('[data-testid=mission] option').evaluateAll((o) => o.filter((x) => /·/.test(x.textContent ?? '')).map((x) => (x as HTMLOptionElement).value));

/** Chooses a file and waits until the page has finished one more upload. */
async function upload(page: Page, file: string): Promise<void> {
  const before = await uploads(page);
  await page.setInputFiles('[data-testid=upload]', file);
  await expect.poll(() => uploads(page), { timeout: 30_000 }).toBe(before + 1);
  await previewDrawn(page);
}

describe('the preview while its worker streams a file', () => {
  it('shows nothing of the earlier file for a mission the new one fills, and exports nothing, until it is all graded', async () => {
    // The same workbook again, by another name (a file input does not announce the file it already holds).
    const again = join(tempDir('rubric-preview-stream-'), 'again.xlsx');
    copyFileSync(WORKBOOK, again);
    const page = await openPreview();
    await upload(page, WORKBOOK);
    expect(await figures(page)).toHaveLength(9);
    expect(await page.isDisabled('[data-testid=export-csv]')).toBe(false);
    const before = await uploads(page);
    await set(page, { hold: 'slice' });
    await page.setInputFiles('[data-testid=upload]', again);
    await expect.poll(() => watch(page, 'holding'), { timeout: 30_000 }).toBe(true);
    // Only the first slice of the mission shown has come: every other mission of the file waits empty.
    const shown = await page.inputValue('[data-testid=mission]');
    await expect.poll(() => figures(page)).toEqual([shown]);
    expect(await counted(page)).toEqual([shown]);
    expect(await page.getAttribute('[data-testid=mission] option:checked', 'value')).toBe(shown);
    for (const button of ['export-csv', 'export-xlsx']) expect(await page.isDisabled(`[data-testid=${button}]`)).toBe(true);
    expect(await page.textContent('[data-testid=export-wait]')).toContain('ส่งออกได้เมื่ออ่านและตรวจไฟล์เสร็จ');
    await page.evaluate(() => (window as unknown as Watch).release());
    await expect.poll(() => uploads(page), { timeout: 30_000 }).toBe(before + 1);
    expect(await figures(page)).toHaveLength(9);
    expect(await page.isDisabled('[data-testid=export-csv]')).toBe(false);
    expect(await page.locator('[data-testid=export-wait]').count()).toBe(0);
    await page.context().close();
  });

  it('draws the rows that arrive while the file is read a few a frame, and the whole page of them once it is read', async () => {
    const page = await openPreview();
    // Every change of the number of result rows on the screen, in order.
    await page.evaluate(() => {
      const w = window as unknown as { drawn: number[] };
      w.drawn = [0];
      new MutationObserver(() => {
        const rows = document.querySelectorAll('[data-testid=result-row]').length;
        if (rows !== w.drawn.at(-1)) w.drawn.push(rows);
      }).observe(document.body, { childList: true, subtree: true });
    });
    const drawn = () => page.evaluate(() => (window as unknown as { drawn: number[] }).drawn);
    await set(page, { hold: 'slice' });
    const before = await uploads(page);
    await page.setInputFiles('[data-testid=upload]', WORKBOOK);
    await expect.poll(() => watch(page, 'holding'), { timeout: 30_000 }).toBe(true);
    // The plan and the first slice came; then the rest of the shown mission's 878 rows, while its
    // other missions stay held: the file is still being read when the table has its 200 rows.
    await page.evaluate((count) => (window as unknown as Watch).release(count), Math.ceil((878 - FIRST_ROWS) / SLICE_ROWS));
    await expect.poll(() => page.locator('[data-testid=result-row]').count(), { timeout: 30_000 }).toBe(200);
    expect(await uploads(page)).toBe(before);
    const steps = (await drawn()).slice(1).map((n, i, all) => n - (i === 0 ? 0 : all[i - 1]!));
    // 50 rows came, then 828 more of which the first page shows 150: no update of the table drew
    // more than 10 of them (one of 150 rows froze the page).
    expect(Math.max(...steps)).toBeLessThanOrEqual(10);
    await page.evaluate(() => (window as unknown as Watch).release());
    await expect.poll(() => uploads(page), { timeout: 30_000 }).toBe(before + 1);
    await previewDrawn(page);
    expect(await page.locator('[data-testid=result-row]').count()).toBe(200);
    expect(await figures(page)).toHaveLength(9);
    await page.context().close();
  });

  for (const fail of ['error', 'messageerror'] as const) {
    it(`reads the file on the page, keeping nothing of the worker's slices, when the worker fails part way (${fail})`, async () => {
      const page = await openPreview();
      await set(page, { fail });
      await upload(page, join(NATIONAL, 'national-2567-Q3-otop.csv'));
      expect(await watch(page, 'failed')).toBe(true);
      expect(await page.getAttribute('[data-testid=upload-status]', 'data-via')).toBe('page');
      expect(await page.getAttribute('[data-testid=upload-status]', 'data-rows')).toBe('878');
      expect(await counted(page)).toEqual(['otop']);
      // Another mission chosen for the file gives back what otop had before it: nothing.
      await page.selectOption('[data-testid=mission]', 'women-fund');
      await expect.poll(() => page.isDisabled('[data-testid=mission]')).toBe(false);
      expect(await counted(page)).not.toContain('otop');
      expect(await figures(page)).not.toContain('otop');
      await page.context().close();
    });
  }

  it('never shows, when grading on its own thread, the results of a file replaced while it was being graded', async () => {
    const page = await openPreview(true);
    const before = await uploads(page);
    // The small file is chosen the moment the workbook's 7,902 rows start being graded (the progress
    // bar's maximum set), from within the page: it is read and graded before the workbook is done.
    const csv = readFileSync(join(NATIONAL, 'bad-rows-otop.csv')).toString('base64');
    await page.evaluate((base64) => {
      const bar = document.querySelector('[data-testid=progress]')!;
      const observer = new MutationObserver(() => {
        if (bar.getAttribute('max') !== '7902') return;
        observer.disconnect();
        const input = document.querySelector('[data-testid=upload]') as HTMLInputElement;
        const files = new DataTransfer();
        files.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], 'bad-rows-otop.csv', { type: 'text/csv' }));
        input.files = files.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
      observer.observe(bar, { attributes: true });
    }, csv);
    await page.setInputFiles('[data-testid=upload]', WORKBOOK);
    await expect.poll(() => uploads(page), { timeout: 30_000 }).toBe(before + 1);
    expect(await page.getAttribute('[data-testid=upload-status]', 'data-via')).toBe('page');
    // The workbook's grading ends later, and none of it is shown.
    for (let i = 0; i < 3; i++) {
      expect(await figures(page)).toEqual(['otop']);
      await page.waitForTimeout(1500);
    }
    await page.context().close();
  });

  it("puts back the earlier file's notices with its results when a file replacing one being read cannot be read", async () => {
    const dir = tempDir('rubric-preview-stream-');
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('otop').addRow(['nothing of otop here']);
    workbook.addWorksheet('stray').addRow(['a sheet of no mission']);
    const second = join(dir, 'second.xlsx');
    await workbook.xlsx.writeFile(second);
    const page = await openPreview();
    await upload(page, WORKBOOK);
    const first = { figures: await figures(page), problems: await page.locator('[data-testid=mission-problem]').count(), skipped: await page.locator('[data-testid=skipped-sheets]').count() };
    await set(page, { hold: 'plan' });
    const before = await uploads(page);
    await page.setInputFiles('[data-testid=upload]', second);
    await expect.poll(() => page.locator('[data-testid=mission-problem][data-mission=otop]').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.textContent('[data-testid=skipped-sheets]')).toContain('stray');
    await page.setInputFiles('[data-testid=upload]', UNREADABLE);
    await expect.poll(() => uploads(page), { timeout: 30_000 }).toBe(before + 1);
    expect(await page.locator('[data-testid=file-error]').count()).toBe(1);
    expect({ figures: await figures(page), problems: await page.locator('[data-testid=mission-problem]').count(), skipped: await page.locator('[data-testid=skipped-sheets]').count() }).toEqual(first);
    await page.context().close();
  });
});
