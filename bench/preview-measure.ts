// The tester's preview, measured from outside the page for `npm run bench:editor`: the national
// sample workbook (every mission) and one mission's CSV, each from choosing the file to the first
// results in the table and to all of them, with the longest task the page's main thread ran
// meanwhile (PerformanceObserver 'longtask': tasks over 50 ms), and where the file was graded. Each
// file is chosen once the page is ready: its grading worker has compiled the missions.
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** What the preview measurement found: lines to print, and the workbook's median in milliseconds. */
export interface PreviewMeasure {
  lines: string[];
  /** Median, national workbook, from choosing the file to the first results shown in the table. */
  workbookMs: number;
}

/** One load of a file into a fresh preview. */
interface Load {
  rows: number;
  firstMs: number;
  allMs: number;
  longestTaskMs: number;
  via: string;
}

/** Loads one file into a fresh preview page and times it. */
async function loadOnce(page: Page, base: string, file: string): Promise<Load> {
  // A fresh page each time: choosing the same file twice does not fire a change.
  await page.goto(`${base}/p/2567-Q3/preview`);
  await page.waitForSelector('[data-testid=upload]');
  // As a person would: the file is chosen once the page is ready (its grading worker has compiled the missions).
  await page.waitForSelector('html[data-grading-worker=ready]', { timeout: 60_000 });
  const started = await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
    }).observe({ type: 'longtask', buffered: false });
    return performance.now();
  });
  const first = page.waitForFunction(() => (document.querySelector('[data-testid=result-row]') ? performance.now() : false), undefined, { timeout: 60_000, polling: 'raf' });
  const all = page.waitForFunction(
    () => (document.querySelector('[data-testid=upload-status]')?.getAttribute('data-uploads') === '1' ? performance.now() : false),
    undefined,
    { timeout: 60_000, polling: 'raf' },
  );
  await page.setInputFiles('[data-testid=upload]', file);
  const [firstAt, allAt] = await Promise.all([first.then((h) => h.jsonValue()), all.then((h) => h.jsonValue())]);
  // The tables and pictures draw the rows that came last a few a frame (aria-busy meanwhile); long
  // tasks are reported after they end: a frame after the last, every one of the load has been.
  await page.waitForFunction(() => !document.querySelector('[aria-busy=true]'), undefined, { timeout: 60_000, polling: 'raf' });
  const longestTaskMs = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve((window as unknown as { longest: number }).longest), 50))));
  const status = page.locator('[data-testid=upload-status]');
  return {
    rows: Number(await status.getAttribute('data-rows')),
    firstMs: (firstAt as number) - started,
    allMs: (allAt as number) - started,
    longestTaskMs,
    via: (await status.getAttribute('data-via')) ?? '',
  };
}

const median = (values: number[]) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const list = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ');

/** Loads the national workbook three times and the OTOP CSV three times into the preview of 2567-Q3. */
export async function measurePreview(page: Page, base: string, root: string): Promise<PreviewMeasure> {
  const lines: string[] = [];
  const workbook = join(root, 'test/fixtures/national/national-2567-Q3.xlsx');
  const csv = join(root, 'test/fixtures/national/national-2567-Q3-otop.csv');
  const loads: Load[] = [];
  for (const file of [workbook, workbook, workbook, csv, csv, csv]) loads.push(await loadOnce(page, base, file));
  for (const [runs, what] of [
    [loads.slice(0, 3), `national workbook (${loads[0]!.rows} rows, 9 missions)`],
    [loads.slice(3), `one mission's CSV (${loads[3]!.rows} rows)`],
  ] as const) {
    lines.push(`preview, ${what}, graded in the ${runs[0]!.via || '?'}: file chosen to first results shown ${list(runs.map((r) => r.firstMs))} ms (goal ≤ 400 ms), to all results ${list(runs.map((r) => r.allMs))} ms`);
    lines.push(`preview, ${what}: longest main-thread task during the load ${list(runs.map((r) => r.longestTaskMs))} ms (goal ≤ 50 ms; 0 = none over 50 ms)`);
  }
  return { lines, workbookMs: median(loads.slice(0, 3).map((r) => r.firstMs)) };
}
