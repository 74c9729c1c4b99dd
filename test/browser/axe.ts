// What a page looks like to axe-core (Deque's checks) and to a narrow phone: its serious and critical
// violations, and whether the page itself scrolls sideways. Shared by the accessibility tests.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const AXE = join(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');

/** axe-core's serious and critical violations on the page, one line each: rule, impact and element. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    type Result = { id: string; impact: string | null; nodes: { target: unknown[] }[] };
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: Result[] }> } }).axe;
    const { violations } = await axe.run(document);
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) ${n.target.join(' ')}`));
  });
}

/** How far the page scrolls sideways beyond the window, and the outermost elements that stick out (for the failure's message). */
function overflow(page: Page): Promise<{ by: number; culprits: string }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const sticksOut = (e: Element | null) => !!e && e.getBoundingClientRect().right > width + 0.5;
    const scrollsInside = (e: Element) => {
      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
      return false;
    };
    const culprits = [...document.querySelectorAll('body *')]
      .filter((e) => sticksOut(e) && !sticksOut(e.parentElement) && !scrollsInside(e))
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} right=${Math.round(e.getBoundingClientRect().right)}`);
    return { by: document.documentElement.scrollWidth - width, culprits: culprits.join('\n') };
  });
}

/** Fails, naming what sticks out, when the page scrolls sideways. */
export async function expectNoOverflow(page: Page, what: string): Promise<void> {
  const { by, culprits } = await overflow(page);
  expect(by, `${what} scrolls sideways by ${by} px:\n${culprits}`).toBeLessThanOrEqual(0);
}

