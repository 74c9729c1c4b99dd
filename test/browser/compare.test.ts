import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchChromium, signInPage, startEditor, type Editor } from './harness.js';

// Comparing a new quarter's draft with any published revision, in Chromium against the built
// editor: otop's 2567-Q3 gets a correction (revision 2, newProducts A from 5 to 6), 2567-Q4 is
// started from it, and its draft (salesGrowth C from > 2 to > 2.5) is compared by default with
// 2567-Q3 revision 2, then with revision 1 picked from the list (kept in the URL); the impact on the
// made-up national sample and on a file picked by the user shows units moving; the text being
// edited downloads as YAML, unsaved.
const USERS = [{ username: 'pat', role: 'publisher', password: 'publisher-pass-1' }];

let editor: Editor;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  editor = await startEditor(USERS);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 }, locale: 'th-TH', acceptDownloads: true });
  page = await context.newPage();
  await signInPage(page, editor, USERS[0]!);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  editor?.stop();
});

async function open(path: string): Promise<void> {
  await page.goto(`${editor.base}${path}`);
  await page.waitForSelector('[data-testid=yaml-editor][data-ready=true]', { timeout: 30_000 });
}

async function setBand(testid: string, value: string): Promise<void> {
  await page.fill(`[data-testid=${testid}]`, value);
  await page.press(`[data-testid=${testid}]`, 'Tab');
}

const baselineKey = () => page.getAttribute('[data-testid=baseline-label]', 'data-key');
const changes = () => page.locator('[data-testid=change]').allTextContents();
/** The changes of the rules themselves: starting a quarter also moves the reporting rounds' dates, and accepted examples change their expectations. */
const ruleChanges = async () => (await changes()).filter((c) => !/การรายงานรอบที่|กรณีตัวอย่าง/.test(c));

describe('comparing a draft with a published revision', () => {
  it('compares a correction with its own period\'s revision, then publishes it as revision 2', async () => {
    await open('/p/2567-Q3/otop');
    await page.click('[data-testid=correct]');
    await page.waitForSelector('[data-testid=save]');
    await setBand('band-newProducts-0-value', '6');
    await expect.poll(baselineKey).toBe('2567-Q3r1');
    await expect.poll(changes).toEqual([expect.stringMatching(/ระดับ A ของตัวชี้วัด "ผลิตภัณฑ์ลงทะเบียนเพิ่มขึ้น" เปลี่ยนจาก >= 5 เป็น >= 6/)]);
    // The examples that now give another grade take it as expected (each after a confirmation).
    page.on('dialog', (dialog) => void dialog.accept());
    while ((await page.locator('[data-testid=accept-example]').count()) > 0) {
      const before = await page.locator('[data-testid=accept-example]').count();
      await page.locator('[data-testid=accept-example]').first().click();
      await expect.poll(() => page.locator('[data-testid=accept-example]').count()).toBeLessThan(before);
    }
    await page.click('[data-testid=save]');
    await expect(page.locator('[data-testid=message]').textContent()).resolves.toContain('บันทึกแล้ว');
    const acknowledge = page.locator('[data-testid=acknowledge]');
    if (await acknowledge.count()) await acknowledge.check();
    await page.click('[data-testid=publish]');
    await page.click('[data-testid=confirm-publish-confirm]');
    await expect(page.locator('[data-testid=published]').textContent()).resolves.toContain('เผยแพร่ฉบับที่ ๒แล้ว');
  });

  it('starts 2567-Q4, whose draft is compared by default with 2567-Q3\'s latest revision', async () => {
    await page.goto(`${editor.base}/`);
    await page.click('[data-testid=start-period]');
    await page.click('[data-testid=start-period-confirm]');
    await page.locator('section h2', { hasText: '2567-Q4' }).first().waitFor({ timeout: 15_000 });
    await open('/p/2567-Q4/otop');
    await expect.poll(baselineKey).toBe('2567-Q3r2');
    await expect(page.locator('[data-testid=baseline-label]').textContent()).resolves.toContain('เทียบกับไตรมาส ๓/๒๕๖๗ ฉบับที่ ๒ (เผยแพร่ ');
    const options = await page.locator('[data-testid=baseline-picker] option').allTextContents();
    expect(options).toEqual([expect.stringMatching(/^ไตรมาส ๓\/๒๕๖๗ ฉบับที่ ๒ \(เผยแพร่ [๐-๙]+ \S+ ๒๕[๐-๙]{2}\)$/), expect.stringMatching(/^ไตรมาส ๓\/๒๕๖๗ ฉบับที่ ๑ /)]);
    // The rules are revision 2's: the only changes are the three rounds moved into the new quarter.
    await expect.poll(async () => (await changes()).filter((c) => /การรายงานรอบที่/.test(c)).length).toBe(3);
    await expect.poll(ruleChanges).toEqual([]);
    // The same rules as revision 2: no unit moves (the draft as the server read it, before any edit).
    await page.waitForSelector('[data-testid=impact] [data-testid=transition-matrix]');
    await expect(page.locator('[data-testid=impact] [data-testid=mover]').count()).resolves.toBe(0);
    await expect(page.locator('[data-testid=impact] td[data-from=A][data-to=A]').textContent()).resolves.not.toBe('0');
  });

  it('lists the threshold changed in the new quarter and the units it moves on the national sample', async () => {
    await setBand('band-salesGrowth-2-value', '2.5');
    await expect.poll(ruleChanges).toEqual([expect.stringMatching(/ระดับ C ของตัวชี้วัด "ยอดจำหน่ายเพิ่มขึ้น" เปลี่ยนจาก > 2 เป็น > 2.5/)]);
    await page.waitForSelector('[data-testid=impact] [data-testid=transition-matrix]');
    const heading = await page.locator('[data-testid=impact] [data-testid=compare] h3').textContent();
    expect(heading).toContain('878');
    expect(heading).toContain('เทียบไตรมาส ๓/๒๕๖๗ ฉบับที่ ๒');
    // Rows with sales growth above 2 and at most 2.5 leave C: they match no level now.
    const fromC = Number(await page.locator('[data-testid=impact] td[data-from=C][data-to=unmatched]').textContent());
    expect(fromC).toBeGreaterThan(0);
    await expect(page.locator('[data-testid=impact] [data-testid=mover]').count()).resolves.toBeGreaterThanOrEqual(Math.min(fromC, 200));
    await expect(page.locator('[data-testid=impact] td[data-from=unmatched][data-to=C]').textContent()).resolves.toBe('0');
  });

  it('compares with another revision picked from the list, and keeps the choice in the URL', async () => {
    await page.selectOption('[data-testid=baseline-picker]', '2567-Q3r1');
    await expect.poll(baselineKey).toBe('2567-Q3r1');
    expect(new URL(page.url()).searchParams.get('compare')).toBe('2567-Q3r1');
    await expect.poll(ruleChanges).toEqual([
      expect.stringMatching(/ระดับ A ของตัวชี้วัด "ผลิตภัณฑ์ลงทะเบียนเพิ่มขึ้น" เปลี่ยนจาก >= 5 เป็น >= 6/),
      expect.stringMatching(/ระดับ C ของตัวชี้วัด "ยอดจำหน่ายเพิ่มขึ้น" เปลี่ยนจาก > 2 เป็น > 2.5/),
    ]);
    await expect(page.locator('[data-testid=impact] [data-testid=compare] h3').textContent()).resolves.toContain('ฉบับที่ ๑');
    await page.screenshot({ path: join(ARTIFACTS, 'compare-with-revision.png'), fullPage: true });
  });

  it('shows the impact on a file the user picks, read in the browser', async () => {
    await page.check('[data-testid=impact-file]');
    const csv = 'id,newProducts,salesGrowthPct\nu1,9,2.3\nu2,5,4.5\nu3,9,1\n';
    await page.setInputFiles('[data-testid=impact-upload]', { name: 'three.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.locator('[data-testid=impact] [data-testid=compare] h3').textContent()).toContain('3 แถว');
    // Against revision 1: u1's 2.3 % left C for the widened hole, u2's five products left A; u3 stays D.
    await expect(page.locator('[data-testid=impact] td[data-from=C][data-to=unmatched]').textContent()).resolves.toBe('1');
    await expect(page.locator('[data-testid=impact] td[data-from=A][data-to=B]').textContent()).resolves.toBe('1');
    await expect(page.locator('[data-testid=impact] td[data-from=D][data-to=D]').textContent()).resolves.toBe('1');
    await expect(page.locator('[data-testid=impact] [data-testid=mover] code').allTextContents()).resolves.toEqual(['u1', 'u2']);
    await page.check('[data-testid=impact-sample]');
    await expect.poll(() => page.locator('[data-testid=impact] [data-testid=compare] h3').textContent()).toContain('878');
  });

  it('downloads exactly the text being edited, unsaved change included', async () => {
    const editing = await page.inputValue('input[name=yaml]');
    expect(editing).toContain('- { level: C, op: ">", value: 2.5, quote:');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-yaml]')]);
    expect(download.suggestedFilename()).toBe('otop-2567-Q4-draft.yaml');
    expect(readFileSync(await download.path(), 'utf8')).toBe(editing);
  });

  it('opens a shared link on the revision it names, and says so when it names none', async () => {
    await open('/p/2567-Q4/otop?compare=2567-Q3r1');
    await expect.poll(baselineKey).toBe('2567-Q3r1');
    await expect(page.inputValue('[data-testid=baseline-picker]')).resolves.toBe('2567-Q3r1');
    await open('/p/2567-Q4/otop?compare=2567-Q3r9');
    await expect.poll(baselineKey).toBe('2567-Q3r2');
    await expect(page.locator('[data-testid=baseline-unknown]').textContent()).resolves.toContain('2567-Q3r9');
    // In English the list and the labels are English, with Gregorian dates.
    await page.goto(`${editor.base}/lang?to=en&back=${encodeURIComponent('/p/2567-Q4/otop?compare=2567-Q3r1')}`);
    await page.waitForSelector('[data-testid=yaml-editor][data-ready=true]', { timeout: 30_000 });
    await expect.poll(baselineKey).toBe('2567-Q3r1');
    const options = await page.locator('[data-testid=baseline-picker] option').allTextContents();
    expect(options).toEqual([expect.stringMatching(/^2567-Q3 revision 2 \(published \d+ [A-Z][a-z]+ 20\d\d\)$/), expect.stringMatching(/^2567-Q3 revision 1 /)]);
    await expect(page.locator('[data-testid=baseline-label] [lang=en]').first().textContent()).resolves.toMatch(/^compared with 2567-Q3 revision 1 \(published /);
    await page.goto(`${editor.base}/lang?to=th&back=%2F`);
  });
});
