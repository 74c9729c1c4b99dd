import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchChromium, startEditor, type Editor, signInPage } from './harness.js';

// The words that follow the rule: a department user changes OTOP's D threshold in the table of
// 2567-Q4's draft; the band's words follow the new value, the letter's old quote is marked as no
// longer saying what the rule says, and one click removes it from the YAML. In English mode the
// same words come in English first.
const USERS = [{ username: 'pat', role: 'publisher', password: 'publisher-pass-1' }];
const OTOP = '/p/2567-Q4/otop';
const D = '[data-testid=band-salesGrowth-3';

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

const yamlText = (page: Page) => page.inputValue('input[name=yaml]');
const stale = (page: Page) => page.locator('[data-testid=finding][data-kind=quote-differs-from-rule]').count();

async function openOtop(page: Page): Promise<void> {
  await page.goto(`${editor.base}${OTOP}`);
  await page.waitForSelector('[data-testid=yaml-editor][data-ready=true]', { timeout: 30_000 });
}

describe('the words of a band in the editor', () => {
  let pat: Page;

  it('starts 2567-Q4 from 2567-Q3, so that OTOP has a draft', async () => {
    const context = await browser.newContext({ viewport: { width: 1500, height: 1000 }, locale: 'th-TH' });
    pat = await context.newPage();
    await signInPage(pat, editor, USERS[0]!);
    await pat.click('[data-testid=start-period]');
    await pat.dblclick('[data-testid=start-period-confirm]');
    await pat.locator('section h2', { hasText: '2567-Q4' }).first().waitFor({ timeout: 15_000 });
  });

  it('shows the rule\'s words beside the letter\'s quote, which agrees with them', async () => {
    await openOtop(pat);
    await expect(pat.locator(`${D}-wording] span[lang=th]`).textContent()).resolves.toBe('น้อยกว่าร้อยละ ๒');
    // One language at a time: no English beside the Thai.
    await expect(pat.locator(`${D}-wording] span[lang=en]`).count()).resolves.toBe(0);
    await expect(pat.locator(`${D}-quote]`).getAttribute('data-differs')).resolves.toBe('false');
    await expect(pat.locator(`${D}-quote] q`).textContent()).resolves.toBe('น้อยกว่าร้อยละ ๒');
    await expect(pat.locator(`${D}-differs]`).count()).resolves.toBe(0);
    // A ladder-free rubric still words its products in their unit.
    await expect(pat.locator('[data-testid=band-newProducts-0-wording] span[lang=th]').textContent()).resolves.toBe('๕ ผลิตภัณฑ์ขึ้นไป');
    expect(await stale(pat)).toBe(0);
  });

  it('follows a changed threshold and marks the old quote as differing from the rule', async () => {
    await pat.fill(`${D}-value]`, '1.5');
    await pat.press(`${D}-value]`, 'Tab');
    expect(await yamlText(pat)).toContain('- { level: D, op: "<", value: 1.5, quote: น้อยกว่าร้อยละ ๒ }');
    await expect.poll(() => pat.locator(`${D}-wording] span[lang=th]`).textContent()).toBe('น้อยกว่าร้อยละ ๑.๕');
    await expect.poll(() => pat.locator(`${D}-quote]`).getAttribute('data-differs')).toBe('true');
    await expect.poll(() => pat.locator(`${D}-differs]`).textContent()).toContain('ไม่ตรงกับเกณฑ์');
    await expect.poll(() => stale(pat)).toBe(1);
    // The other bands' quotes still say what their rules say.
    await expect.poll(() => pat.locator('[data-testid$=-differs]').count()).toBe(1);
  });

  it('removes the stale quote from the YAML with one click, and keeps everything else', async () => {
    const before = await yamlText(pat);
    await pat.click(`${D}-remove-quote]`);
    await expect.poll(() => yamlText(pat)).toBe(before.replace('- { level: D, op: "<", value: 1.5, quote: น้อยกว่าร้อยละ ๒ }', '- { level: D, op: "<", value: 1.5 }'));
    await expect.poll(() => pat.locator(`${D}-quote]`).count()).toBe(0);
    await expect.poll(() => pat.locator(`${D}-wording] span[lang=th]`).textContent()).toBe('น้อยกว่าร้อยละ ๑.๕');
    await expect.poll(() => stale(pat)).toBe(0);
  });

  it('edits a quote in place', async () => {
    await pat.click('[data-testid=band-salesGrowth-2-edit-quote]');
    await pat.fill('[data-testid=band-salesGrowth-2-quote-input]', 'มากกว่าร้อยละ ๒.๐๐');
    await pat.press('[data-testid=band-salesGrowth-2-quote-input]', 'Enter');
    await expect.poll(() => yamlText(pat)).toContain('- { level: C, op: ">", value: 2, quote: มากกว่าร้อยละ ๒.๐๐ }');
    await expect.poll(() => pat.locator('[data-testid=band-salesGrowth-2-quote]').getAttribute('data-differs')).toBe('false');
  });

  it('words a ladder row\'s conditions joined as the letter joins them, and marks its quote when a number changes', async () => {
    await pat.goto(`${editor.base}/p/2567-Q4/moral-organization`);
    await pat.waitForSelector('[data-testid=yaml-editor][data-ready=true]', { timeout: 30_000 });
    await expect(pat.locator('[data-testid=ladder-2-wording] span[lang=th]').textContent()).resolves.toBe(
      'จัดกิจกรรมประกาศเกียรติคุณองค์กรคุณธรรม หรือจัดกิจกรรมประกาศเกียรติคุณหน่วยงานคุณธรรม',
    );
    await expect.poll(() => pat.locator('[data-testid=ladder-0-quote]').getAttribute('data-differs')).toBe('false');
    await pat.fill('[data-testid=ladder-0-1-value]', '4');
    await pat.press('[data-testid=ladder-0-1-value]', 'Tab');
    await expect.poll(() => pat.locator('[data-testid=ladder-0-wording] span[lang=th]').textContent()).toContain('๔ ช่องทางขึ้นไป');
    await expect.poll(() => pat.locator('[data-testid=ladder-0-quote]').getAttribute('data-differs')).toBe('true');
    await expect.poll(() => pat.locator('[data-testid=ladder-0-differs]').count()).toBe(1);
    await pat.screenshot({ path: join(ARTIFACTS, 'wording-ladder.png'), fullPage: true });
  });

  it('takes a ladder threshold in Thai digits, and refuses one in words beside the box, which shows the kept value again', async () => {
    const box = '[data-testid=ladder-0-1-value]';
    await pat.fill(box, '๕');
    await pat.press(box, 'Tab');
    await expect.poll(() => pat.locator('[data-testid=ladder-0-wording] span[lang=th]').textContent()).toContain('๕ ช่องทางขึ้นไป');
    const before = await pat.inputValue('input[name=yaml]');
    for (const typed of ['สี่', '1,000', '0x10']) {
      await pat.fill(box, typed);
      await pat.press(box, 'Tab');
      await expect(pat.locator('[data-testid=ladder-0-1-refused]').textContent()).resolves.toContain('ไม่ใช่ตัวเลข');
      await expect(pat.inputValue(box)).resolves.toBe('5');
      expect(await pat.inputValue('input[name=yaml]')).toBe(before);
    }
    // The comparison names its data item by label, the id kept as its title.
    const fact = pat.locator('[data-testid=ladder-0-1] .fact');
    expect(await fact.textContent()).not.toMatch(/^[a-z]+[A-Z]/);
    expect(await fact.getAttribute('title')).toMatch(/^[a-z][A-Za-z0-9]*$/);
  });

  it('shows only the English words in English mode', async () => {
    await pat.context().addCookies([{ name: 'lang', value: 'en', url: editor.base }]);
    await openOtop(pat);
    const spans = pat.locator('[data-testid=band-salesGrowth-1-wording] span');
    await expect(spans.evaluateAll((els) => els.map((e) => [e.getAttribute('lang'), e.textContent]))).resolves.toEqual([['en', 'more than 3 %']]);
    await pat.context().close();
  });
});
