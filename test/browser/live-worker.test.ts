// The mission page reads each edit in its analysis worker (editor/lib/live.worker.ts), in Chromium
// against the built editor: findings and examples follow an edit through the worker; a slow reply
// for an older text is dropped, so the page never shows a result for a text it no longer holds;
// where the worker cannot start, the page reads texts itself and says so; and the worker, like the
// page, never tries to evaluate source (the CSP forbids 'unsafe-eval').
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signInPage, startEditor, type Editor } from './harness.js';

const PAT = { username: 'pat', role: 'publisher', password: 'publisher-pass-1' };
const OTOP = '/p/2567-Q4/otop';
const VALUE = '[data-testid=band-salesGrowth-2-value]';
const AT_201 = 'Sales up 2.01 % get C';

/**
 * In the page, before its scripts: the analysis worker's replies are counted, and the next one is
 * held back `window.holdNextReply` ms when that is set; or, with `refuse`, the worker cannot start.
 */
function watchAnalysisWorker(refuse: boolean): void {
  const w = window as unknown as { holdNextReply: number; replies: number; heldDelivered: boolean };
  w.holdNextReply = 0;
  w.replies = 0;
  w.heldDelivered = false;
  const Native = window.Worker;
  class Watched extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      if (refuse && options?.name === 'rubric-analysis') throw new DOMException('refused by the test', 'SecurityError');
      super(url, options);
      if (options?.name !== 'rubric-analysis') return;
      // Added first, so it runs before the page's own listener and can stop it.
      this.addEventListener('message', (event) => {
        if ((event as MessageEvent & { replayed?: boolean }).replayed) return;
        w.replies += 1;
        const hold = w.holdNextReply;
        if (!hold) return;
        w.holdNextReply = 0;
        event.stopImmediatePropagation();
        setTimeout(() => {
          const again = new MessageEvent('message', { data: event.data }) as MessageEvent & { replayed?: boolean };
          again.replayed = true;
          this.dispatchEvent(again);
          w.heldDelivered = true;
        }, hold);
      });
    }
  }
  window.Worker = Watched;
}

let editor: Editor;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  editor = await startEditor([PAT]);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1500, height: 1000 }, locale: 'th-TH' });
  await context.addInitScript(watchAnalysisWorker, false);
  page = await context.newPage();
  await signInPage(page, editor, PAT);
  await page.click('[data-testid=start-period]');
  await page.click('[data-testid=start-period-confirm]');
  await page.locator('section h2', { hasText: '2567-Q4' }).first().waitFor({ timeout: 15_000 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  editor?.stop();
});

const panel = (p: Page) => p.locator('[data-testid=live-panel]');
const example = (p: Page, passed: boolean) => p.locator(`[data-testid=example][data-passed=${passed}]`, { hasText: AT_201 });

async function openOtop(p: Page): Promise<void> {
  await p.goto(`${editor.base}${OTOP}`);
  await p.waitForSelector(VALUE);
}

describe('the analysis worker', () => {
  it('updates findings and examples after an edit, read in the worker', async () => {
    await openOtop(page);
    await expect.poll(() => panel(page).getAttribute('data-mode')).toBe('worker');
    await expect(example(page, true).count()).resolves.toBe(1);
    const replies = await page.evaluate(() => (window as unknown as { replies: number }).replies);
    await page.fill(VALUE, '2.5');
    await page.press(VALUE, 'Tab');
    // 2.01 % falls in the widened hole: that example re-grades and fails, read by the worker.
    await expect.poll(() => example(page, false).count()).toBe(1);
    await expect(panel(page).getAttribute('data-pending')).resolves.toBe('false');
    await expect(page.evaluate(() => (window as unknown as { replies: number }).replies)).resolves.toBeGreaterThan(replies);
    await expect(page.locator('[data-testid=live-on-page]').count()).resolves.toBe(0);
    // And back.
    await page.fill(VALUE, '2');
    await page.press(VALUE, 'Tab');
    await expect.poll(() => example(page, true).count()).toBe(1);
  });

  it('drops a slow reply for a text the page no longer holds', async () => {
    await openOtop(page);
    await expect.poll(() => panel(page).getAttribute('data-pending')).toBe('false');
    // The page's first request (its text as loaded) is answered, so the next reply is the edit's.
    await expect.poll(() => page.evaluate(() => (window as unknown as { replies: number }).replies)).toBeGreaterThan(0);
    const seen = await page.evaluate(
      async ({ value, name }) => {
        const w = window as unknown as { holdNextReply: number; heldDelivered: boolean };
        const input = document.querySelector(value) as HTMLInputElement;
        const panelOf = () => document.querySelector('[data-testid=live-panel]')!;
        const failingShown = () => [...document.querySelectorAll('[data-testid=example][data-passed=false]')].some((e) => e.textContent?.includes(name));
        let sawFailing = false;
        let sawPending = false;
        const observer = new MutationObserver(() => {
          sawFailing ||= failingShown();
          sawPending ||= panelOf().getAttribute('data-pending') === 'true';
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        // The reply for 2.5 (which fails the example) is held back 1.5 s; 1.9 (which passes, and is not
        // the text as loaded, whose reading the page has from the server) follows at once.
        w.holdNextReply = 1500;
        input.value = '2.5';
        input.dispatchEvent(new Event('change', { bubbles: true }));
        await new Promise((r) => setTimeout(r, 0));
        input.value = '1.9';
        input.dispatchEvent(new Event('change', { bubbles: true }));
        const deadline = performance.now() + 20_000;
        while (!(w.heldDelivered && panelOf().getAttribute('data-pending') === 'false') && performance.now() < deadline) {
          await new Promise((r) => setTimeout(r, 20));
        }
        await new Promise((r) => setTimeout(r, 200));
        observer.disconnect();
        sawFailing ||= failingShown();
        return { sawFailing, sawPending, heldDelivered: w.heldDelivered, pending: panelOf().getAttribute('data-pending') };
      },
      { value: VALUE, name: AT_201 },
    );
    // The held reply did arrive, late, and was not used: the failing grade of 2.5 never showed.
    expect(seen).toEqual({ sawFailing: false, sawPending: true, heldDelivered: true, pending: 'false' });
    expect(await page.inputValue('input[name=yaml]')).toContain('- { level: C, op: ">", value: 1.9, quote:');
    await expect(example(page, true).count()).resolves.toBe(1);
  });

  it('reads texts on the page, and says so, when the worker cannot start', async () => {
    const refusing = await browser.newContext({ viewport: { width: 1500, height: 1000 }, locale: 'th-TH' });
    await refusing.addInitScript(watchAnalysisWorker, true);
    const other = await refusing.newPage();
    try {
      await signInPage(other, editor, PAT);
      await openOtop(other);
      await expect.poll(() => panel(other).getAttribute('data-mode')).toBe('page');
      await expect(other.locator('[data-testid=live-on-page]').textContent()).resolves.toContain('ตัวตรวจเบื้องหลังเริ่มทำงานไม่ได้');
      await other.fill(VALUE, '2.5');
      await other.press(VALUE, 'Tab');
      await expect.poll(() => example(other, false).count()).toBe(1);
    } finally {
      await refusing.close();
    }
  });

  it('is built, like the page, without trying to evaluate source', () => {
    const dir = join(import.meta.dirname, '../../.svelte-kit/output/client/_app/immutable/workers');
    const workers = readdirSync(dir).filter((f) => /^(live|impact)\.worker-.*\.js$/.test(f));
    expect(workers).toHaveLength(2);
    for (const file of workers) {
      const source = readFileSync(join(dir, file), 'utf8');
      // The grader is there (closures), but not engine/eval-support.ts's probe.
      expect(source).toContain('closures');
      expect(source).not.toMatch(/Function\(\s*[`'"]return 1[`'"]\s*\)/);
    }
  });
});
