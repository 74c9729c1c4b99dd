import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startEditor, type Editor, signInPage } from './harness.js';

// A department user puts a letter's text, 2,000 lines of Thai, into the YAML pane: once as text that
// arrives in one piece (an input method's or dictation's commit; playwright's insertText), once as a
// real clipboard paste. Monaco used to take text arriving in one piece a character at a time, each
// character an edit, with time growing as the square of the text (1,000 lines took minutes): at this
// size the first test then runs past its timeout, which is the only bound here. No time is asserted.
const USERS = [{ username: 'edna', role: 'editor', password: 'editor-pass-1' }];
const MISSION = '/p/2567-Q3/food-security';
const LINES = 2000;
const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
const thaiNumber = (n: number) => String(n).replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]!);
// An unknown top-level key holding the letter: the analysis reports it, so the findings must change.
const KEY = 'บันทึกจดหมาย';
const LETTER = Array.from(
  { length: LINES },
  (_, i) => `  ย่อหน้าที่${thaiNumber(i + 1)} ขอให้สำนักงานพัฒนาชุมชนจังหวัดรายงานผลการดำเนินงานตามตัวชี้วัดภายในกำหนด`,
).join('\n');
const INSERTED = `${KEY}: |\n${LETTER}\n`;
// No timeout of playwright's own: vitest's is the one bound.
const NO_LIMIT = { timeout: 0 };

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

async function openMission(clipboard: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 }, locale: 'th-TH' });
  if (clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: editor.base });
  const page = await context.newPage();
  await signInPage(page, editor, { username: 'edna', password: USERS[0]!.password });
  await page.goto(`${editor.base}${MISSION}`);
  await page.waitForSelector('[data-testid=yaml-editor][data-ready=true]', NO_LIMIT);
  return page;
}

const yamlText = (page: Page) => page.inputValue('input[name=yaml]');

/** The end of the text, after its last line break: where the letter goes. */
async function toEnd(page: Page): Promise<string> {
  const before = await yamlText(page);
  expect(before.endsWith('\n')).toBe(true);
  await expect(page.locator('[data-testid=finding]').count()).resolves.toBe(0);
  await page.click('[data-testid=yaml-editor] .view-lines');
  await page.keyboard.press('Control+End');
  return before;
}

/** The text holds the letter exactly, Monaco shows its last line, and the findings name the new key. */
async function expectLetter(page: Page, before: string): Promise<void> {
  await page.waitForFunction((expected) => (document.querySelector('input[name=yaml]') as HTMLInputElement).value === expected, before + INSERTED, NO_LIMIT);
  expect(await yamlText(page)).toBe(before + INSERTED);
  // The cursor ends after the letter, and the view follows it.
  await page.locator('[data-testid=yaml-editor] .view-lines', { hasText: `ย่อหน้าที่${thaiNumber(LINES)}` }).waitFor(NO_LIMIT);
  const finding = page.locator('[data-testid=finding][data-kind=invalid]', { hasText: KEY });
  await finding.waitFor(NO_LIMIT);
  await expect(page.locator('[data-testid=finding]').count()).resolves.toBe(1);
  const line = before.split('\n').length;
  await expect(finding.locator('.where').textContent()).resolves.toBe(`${line}:1`);
  await expect(page.locator('[data-testid=save]').isEnabled()).resolves.toBe(true);
}

describe('a long Thai letter put into the YAML pane', () => {
  it('inserted in one piece (insertText), goes in whole, is analysed, and one undo takes it out', async () => {
    const page = await openMission(false);
    const before = await toEnd(page);
    await page.keyboard.insertText(INSERTED);
    await expectLetter(page, before);
    // One edit, so one undo: the text and the findings are as they were.
    await page.keyboard.press('Control+Z');
    await page.waitForFunction((expected) => (document.querySelector('input[name=yaml]') as HTMLInputElement).value === expected, before, NO_LIMIT);
    await page.locator('[data-testid=finding]').first().waitFor({ state: 'detached', ...NO_LIMIT });
    // A key press is still a key press: Enter after a mapping key indents the next line.
    await page.keyboard.type('note:');
    await page.keyboard.press('Enter');
    await page.keyboard.type('x');
    await page.waitForFunction((expected) => (document.querySelector('input[name=yaml]') as HTMLInputElement).value === expected, `${before}note:\n  x`, NO_LIMIT);
    await page.context().close();
  }, 120_000);

  it('pasted from the clipboard with Control+V, goes in whole and is analysed', async () => {
    const page = await openMission(true);
    const before = await toEnd(page);
    await page.evaluate((text) => navigator.clipboard.writeText(text), INSERTED);
    await page.keyboard.press('Control+V');
    await expectLetter(page, before);
    await page.context().close();
  }, 120_000);
});
