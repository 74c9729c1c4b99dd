// For `npm run bench:editor`: the mission page's timings, measured in Chromium. How long the page
// takes to make its threshold table usable and when Monaco starts loading; and, edit by edit, the
// time from a threshold's change event to the findings and examples in the DOM being those of the
// edited text (the live panel no longer marked pending, the YAML changed), with the page's longest
// task meanwhile ('longtask' entries, any task over 50 ms).
import type { Page } from 'playwright-core';

/** The mission page's loading, in ms from navigation start. */
export interface PageLoad {
  /** The table's handlers attached (the page's mark 'mission-table-interactive'). */
  tableMs: number;
  /** Monaco asked for (mark 'monaco-load-start'), its first chunk's fetch started, and the editor made. */
  monacoStartMs: number;
  monacoFetchMs: number;
  monacoReadyMs: number;
}

/** Opens the mission page and waits for Monaco; `lazy` tells Monaco's chunks (paths) from the page's own. */
export async function openMission(page: Page, url: string, isMonaco: (path: string) => boolean): Promise<PageLoad> {
  await page.goto(url);
  await page.waitForSelector('[data-testid=yaml-editor][data-ready=true]', { timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const marks = await page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? -1;
    const scripts = performance.getEntriesByType('resource').map((r) => ({ path: new URL(r.name).pathname, start: r.startTime }));
    return { table: at('mission-table-interactive'), start: at('monaco-load-start'), ready: at('monaco-ready'), scripts };
  });
  const fetches = marks.scripts.filter((s) => isMonaco(s.path)).map((s) => s.start);
  return { tableMs: marks.table, monacoStartMs: marks.start, monacoFetchMs: fetches.length ? Math.min(...fetches) : -1, monacoReadyMs: marks.ready };
}

/** The edits' timings, each in ms. */
export interface EditTimes {
  /** Change event → the page's first DOM change (the YAML and the table). */
  firstDom: number[];
  /** Change event → findings and examples in the DOM of the edited text. */
  findings: number[];
  /** The reading itself (the page's measure 'rubric-analysis'). */
  analysis: number[];
  /** The longest main-thread task while the edits ran (0 when none reached 50 ms). */
  longestTaskMs: number;
  /** Edits that changed no text (not counted). */
  skipped: number;
}

/** Changes the first enabled threshold `count` times, back and forth, one after the other's findings. */
export async function measureEdits(page: Page, count: number): Promise<EditTimes> {
  await page.evaluate(() => {
    const w = window as unknown as { benchLongest: number };
    w.benchLongest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.benchLongest = Math.max(w.benchLongest, entry.duration);
    }).observe({ type: 'longtask' });
  });
  const target = page.locator('input[data-testid$="-value"]:not([disabled])').first();
  const original = await target.inputValue();
  const times: EditTimes = { firstDom: [], findings: [], analysis: [], longestTaskMs: 0, skipped: 0 };
  for (let i = 0; i < count; i++) {
    const value = String(Number(original) + (i % 2 === 0 ? 0.01 : 0));
    const ms = await target.evaluate(editOnce, value);
    if (ms === null) {
      times.skipped += 1;
      continue;
    }
    times.firstDom.push(ms.dom);
    times.findings.push(ms.findings);
    if (ms.analysis >= 0) times.analysis.push(ms.analysis);
  }
  times.longestTaskMs = await page.evaluate(() => (window as unknown as { benchLongest: number }).benchLongest);
  return times;
}

/** In the page: one edit, timed from its change event (null when the text did not change). */
async function editOnce(input: HTMLInputElement, value: string): Promise<{ dom: number; findings: number; analysis: number } | null> {
  const yaml = () => (document.querySelector('input[name=yaml]') as HTMLInputElement).value;
  const panel = document.querySelector('[data-testid=live-panel]')!;
  const before = yaml();
  let dom = -1;
  // Done when the YAML holds the edit and the live panel is not waiting for its reading.
  const done = () => yaml() !== before && panel.getAttribute('data-pending') !== 'true';
  const updated = new Promise<number>((resolve) => {
    const observer = new MutationObserver(() => {
      const now = performance.now();
      if (dom < 0) dom = now;
      if (done()) {
        observer.disconnect();
        resolve(now);
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  performance.clearMeasures('rubric-analysis');
  const start = performance.now();
  input.value = value;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  const timeout = new Promise<number>((resolve) => setTimeout(() => resolve(-1), 30_000));
  const end = await Promise.race([updated, timeout]);
  if (end < 0 || yaml() === before) return null;
  // Let the page settle (a frame and a task) before the next edit.
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const analysis = performance.getEntriesByName('rubric-analysis').at(-1)?.duration ?? -1;
  return { dom: dom - start, findings: end - start, analysis };
}

/** The median and the 95th percentile. */
export function summary(xs: number[]): { median: number; p95: number } {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95) };
}
