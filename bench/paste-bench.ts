// npm run bench:paste: in Chromium against the built editor, the time to put a long Thai letter into
// the YAML pane of a mission page, from the input to the hidden form field holding the text and the
// findings naming its key: as text arriving in one piece (playwright's insertText, as an input
// method's commit) and as a clipboard paste, at 200, 1,000 and 2,000 lines, and as one 120,000-
// character line. The ratios tell linear (5 and 2) from quadratic (25 and 4) growth.
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startEditor } from '../test/browser/harness.js';

const MISSION = '/p/2567-Q3/food-security';
const KEY = 'บันทึกจดหมาย';
const LINE = 'ขอให้สำนักงานพัฒนาชุมชนจังหวัดรายงานผลการดำเนินงานตามตัวชี้วัดภายในกำหนด';
const letter = (lines: number) => `${KEY}: |\n${Array.from({ length: lines }, (_, i) => `  ย่อหน้าที่ ${i + 1} ${LINE}`).join('\n')}\n`;
const oneLine = (chars: number) => `${KEY}: ${LINE.repeat(Math.ceil(chars / LINE.length)).slice(0, chars)}\n`;

const user = { username: 'bench', role: 'editor', password: 'lotus-pond-quiet-4' };
const editor = await startEditor([user]);
const browser: Browser = await launchChromium();

async function openMission(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: editor.base });
  const page = await context.newPage();
  await page.goto(`${editor.base}/login`);
  await page.fill('input[name=username]', user.username);
  await page.fill('input[name=password]', user.password);
  await Promise.all([page.waitForURL(`${editor.base}/`), page.click('button[type=submit]')]);
  return page;
}

/**
 * Milliseconds from the input to the field holding the text and the findings naming the key, taken
 * by the page itself at the first DOM change that shows both (no polling interval in the number).
 */
async function put(page: Page, text: string, how: 'insertText' | 'paste'): Promise<number> {
  await page.goto(`${editor.base}${MISSION}`);
  await page.waitForSelector('[data-testid=yaml-editor][data-ready=true]', { timeout: 0 });
  const before = await page.inputValue('input[name=yaml]');
  await page.click('[data-testid=yaml-editor] .view-lines');
  await page.keyboard.press('Control+End');
  // The page's first edit analyses in the browser for the first time (about half a second cold): not counted.
  await page.keyboard.type('#');
  await page.keyboard.press('Backspace');
  await page.waitForFunction((expected) => (document.querySelector('input[name=yaml]') as HTMLInputElement).value === expected, before, { timeout: 0 });
  if (how === 'paste') await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.evaluate(
    ([expected, key]) => {
      const w = window as unknown as { __shown?: Promise<number> };
      w.__shown = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          const field = document.querySelector('input[name=yaml]') as HTMLInputElement;
          const findings = [...document.querySelectorAll('[data-testid=finding][data-kind=invalid]')];
          if (field.value !== expected || !findings.some((f) => f.textContent?.includes(key))) return;
          observer.disconnect();
          resolve(Date.now());
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      });
    },
    [before + text, KEY] as const,
  );
  const start = Date.now();
  if (how === 'paste') await page.keyboard.press('Control+V');
  else await page.keyboard.insertText(text);
  const shown = await page.evaluate(() => (window as unknown as { __shown: Promise<number> }).__shown);
  return shown - start;
}

try {
  const page = await openMission();
  const sizes = [200, 1000, 2000];
  for (const how of ['insertText', 'paste'] as const) {
    const ms: number[] = [];
    for (const lines of sizes) {
      ms.push(await put(page, letter(lines), how));
      console.log(`${how}, ${lines} lines of Thai (${letter(lines).length} characters): ${ms.at(-1)} ms`);
    }
    console.log(`${how}: 1,000/200 lines ${(ms[1]! / ms[0]!).toFixed(1)}x, 2,000/1,000 lines ${(ms[2]! / ms[1]!).toFixed(1)}x (linear 5x and 2x, quadratic 25x and 4x)`);
  }
  for (const how of ['insertText', 'paste'] as const) {
    console.log(`${how}, one line of 120,000 characters: ${await put(page, oneLine(120_000), how)} ms`);
  }
} finally {
  await browser.close();
  editor.stop();
}
