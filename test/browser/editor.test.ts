import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchChromium, startEditor, type Editor, signInPage } from './harness.js';

// A department user's session in a real browser against the built editor: sign in, start the next
// quarter, revise otop's sales-growth threshold in the table, watch the YAML, examples and
// analysis follow, save, meet a stale save from a second browser, publish; a viewer cannot save.
const USERS = [
  { username: 'pat', role: 'publisher', password: 'publisher-pass-1' },
  { username: 'edna', role: 'editor', password: 'editor-pass-1' },
  { username: 'vic', role: 'viewer', password: 'viewer-pass-1' },
];
const OTOP = '/p/2567-Q4/otop';

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

async function signIn(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 }, locale: 'th-TH' });
  const page = await context.newPage();
  await signInPage(page, editor, USERS.find((u) => u.username === username)!);
  return page;
}

async function openOtop(page: Page): Promise<void> {
  await page.goto(`${editor.base}${OTOP}`);
  await page.waitForSelector('[data-testid=yaml-editor][data-ready=true]', { timeout: 30_000 });
}

const yamlText = (page: Page) => page.inputValue('input[name=yaml]');
const holes = (page: Page) => page.locator('[data-testid=finding][data-kind=hole]').count();
const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

describe('the rubric editor in Chromium', () => {
  let pat: Page;

  it('keeps the start-of-quarter confirmation open when it was opened before the page\'s script ran', async () => {
    const page = await signIn('pat');
    // The home page again, its script held back until the confirmation has been opened.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/_app\/immutable\/.*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${editor.base}/`, { waitUntil: 'domcontentloaded' });
    await page.click('[data-testid=start-period]');
    expect(await page.isVisible('[data-testid=start-period-confirm]')).toBe(true);
    release();
    await page.waitForLoadState('networkidle');
    // Hydrated (the cancel button now works), and it had left the confirmation open.
    expect(await page.isVisible('[data-testid=start-period-confirm]')).toBe(true);
    await page.click('[data-testid=start-period-confirmation] button[type=button]');
    await expect.poll(() => page.isVisible('[data-testid=start-period-confirm]')).toBe(false);
    await page.context().close();
  });

  it('signs in, refuses a wrong password, and starts 2567-Q4 from 2567-Q3', async () => {
    const context = await browser.newContext();
    const stranger = await context.newPage();
    await stranger.goto(`${editor.base}/`);
    expect(new URL(stranger.url()).pathname).toBe('/login');
    await stranger.fill('input[name=username]', 'pat');
    await stranger.fill('input[name=password]', 'wrong-password');
    await stranger.click('button[type=submit]');
    await expect(stranger.locator('[role=alert]').textContent()).resolves.toBe('ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง');
    await context.close();

    pat = await signIn('pat');
    await shot(pat, '01-home');
    // The button names the period it starts from and asks first; a double click on the
    // confirmation sends once and makes one quarter.
    await expect(pat.locator('[data-testid=start-period]').textContent()).resolves.toContain('เริ่มร่างไตรมาส ๔/๒๕๖๗ จากไตรมาส ๓/๒๕๖๗');
    await pat.click('[data-testid=start-period]');
    await expect(pat.locator('[data-testid=start-period-confirmation]').textContent()).resolves.toContain('ยืนยัน เริ่มร่างไตรมาส ๔/๒๕๖๗ จากไตรมาส ๓/๒๕๖๗');
    // The page is already at /, so waiting for the URL proves nothing: wait for the new quarter.
    await pat.dblclick('[data-testid=start-period-confirm]');
    await pat.locator('section h2', { hasText: '2567-Q4' }).first().waitFor({ timeout: 15_000 });
    await expect(pat.locator('section h2').first().textContent()).resolves.toContain('2567-Q4');
    await expect(pat.locator('section h2').count()).resolves.toBe(2);
    await expect(pat.locator('[role=alert]').count()).resolves.toBe(0);
    await expect(pat.locator('tr[data-mission=otop]').count()).resolves.toBe(2);
    // pat publishes, so the unpublished 2567-Q4 offers its deletion (behind a confirmation).
    await expect(pat.locator('[data-testid=delete-period]').getAttribute('data-period')).resolves.toBe('2567-Q4');
  });

  it('changes the sales-growth threshold of level C in the table: the YAML, examples and findings follow', async () => {
    await openOtop(pat);
    const before = await yamlText(pat);
    expect(before).toContain('- { level: C, op: ">", value: 2, quote: มากกว่าร้อยละ ๒ }');
    expect(await holes(pat)).toBe(1);
    // That hole is 2567-Q3's, as the letter writes it: listed apart as the letter's own gap, and it
    // does not stop publishing.
    await expect(pat.locator('[data-testid=letter-gap-findings] [data-testid=finding][data-kind=hole]').count()).resolves.toBe(1);
    await expect(pat.locator('[data-testid=publish]').isEnabled()).resolves.toBe(true);
    const atTwo = pat.locator('[data-testid=example][data-passed=true]', { hasText: 'Sales up exactly 2.00 % with nine products' });
    await expect(atTwo.count()).resolves.toBe(1);

    await pat.fill('[data-testid=band-salesGrowth-2-value]', '2.5');
    await pat.press('[data-testid=band-salesGrowth-2-value]', 'Tab');
    const after = await yamlText(pat);
    // Only that value changed: comments, order and formatting are kept.
    expect(after).toBe(before.replace('- { level: C, op: ">", value: 2, quote:', '- { level: C, op: ">", value: 2.5, quote:'));
    // 2.01 % now falls in the widened hole: that example re-grades and fails.
    await expect(pat.locator('[data-testid=example][data-passed=false]', { hasText: 'Sales up 2.01 % get C' }).count()).resolves.toBe(1);
    await shot(pat, '02-threshold-changed');

    // Close the hole: C takes 2.00 and above; the hole finding disappears, then comes back.
    await pat.fill('[data-testid=band-salesGrowth-2-value]', '2');
    await pat.press('[data-testid=band-salesGrowth-2-value]', 'Tab');
    await pat.selectOption('[data-testid=band-salesGrowth-2-op]', '>=');
    expect(await yamlText(pat)).toContain('- { level: C, op: ">=", value: 2, quote:');
    await expect.poll(() => holes(pat)).toBe(0);
    await pat.selectOption('[data-testid=band-salesGrowth-2-op]', '>');
    await expect.poll(() => holes(pat)).toBe(1);
    expect(await yamlText(pat)).toBe(before);
  });

  it('shows a marker for invalid YAML typed into Monaco, and the table keeps the last valid state, read only', async () => {
    const before = await yamlText(pat);
    await pat.click('[data-testid=yaml-editor] .view-lines');
    await pat.keyboard.press('Control+End');
    await pat.keyboard.type('\nfoo: [');
    await expect.poll(() => pat.locator('[data-testid=finding][data-kind=invalid]').count()).toBeGreaterThan(0);
    await expect.poll(() => pat.locator('[data-testid=yaml-editor] .squiggly-error').count()).toBeGreaterThan(0);
    // Whether the half-typed line still parses (an unknown key) or not, the last valid table stays, read only.
    await expect.poll(() => pat.locator('[data-testid=table-last-valid], [data-testid=table-stale]').count()).toBe(1);
    await expect(pat.locator('[data-testid=band-salesGrowth-2-value]').isDisabled()).resolves.toBe(true);
    await shot(pat, '03-invalid-yaml');
    // Undone step by step until the text is what it was, each step waited for: pressing on while the
    // page catches up would undo the earlier tests' edits too.
    for (let i = 0; i < 8 && (await yamlText(pat)) !== before; i++) {
      const was = await yamlText(pat);
      await pat.keyboard.press('Control+Z');
      await expect.poll(() => yamlText(pat)).not.toBe(was);
    }
    expect(await yamlText(pat)).toBe(before);
    await expect.poll(() => pat.locator('[data-testid=finding][data-kind=invalid]').count()).toBe(0);
    await expect.poll(() => pat.locator('[data-testid=band-salesGrowth-2-value]').isEnabled()).toBe(true);
  });

  it('saves, and a second browser with a stale copy gets the conflict instead of overwriting', async () => {
    const edna = await signIn('edna');
    await openOtop(edna);
    // pat closes the hole at 2.00 for D and saves first.
    await pat.selectOption('[data-testid=band-salesGrowth-3-op]', '<=');
    await pat.click('[data-testid=save]');
    await expect(pat.locator('[data-testid=message]').textContent()).resolves.toContain('บันทึกแล้ว (ครั้งที่ 2)');
    // edna, still on version 1, changes B and saves: refused, with pat's change shown.
    await edna.fill('[data-testid=band-salesGrowth-1-value]', '3.5');
    await edna.press('[data-testid=band-salesGrowth-1-value]', 'Tab');
    await edna.click('[data-testid=save]');
    const conflict = edna.locator('[data-testid=conflict]');
    await expect(conflict.textContent()).resolves.toContain('มีผู้บันทึกร่างนี้ก่อนคุณ');
    await expect(conflict.textContent()).resolves.toContain('ระดับ D ของตัวชี้วัด "ยอดจำหน่ายเพิ่มขึ้น" เปลี่ยนจาก < 2 เป็น <= 2');
    await expect(conflict.textContent()).resolves.not.toContain('went from');
    await shot(edna, '04-conflict');
    // Nothing was overwritten: the server still has pat's version.
    await openOtop(edna);
    expect(await yamlText(edna)).toContain('- { level: D, op: "<=", value: 2');
    expect(await yamlText(edna)).toContain('- { level: B, op: ">", value: 3, quote:');
    await edna.context().close();
  });

  it('publishes the draft as revision 1 with its digest, and records it in the audit trail', async () => {
    await openOtop(pat);
    await expect.poll(() => holes(pat)).toBe(0);
    // Closing the letter's hole at 2.00 makes its two "no level at 2.00" examples fail: publishing
    // is refused, with the reason beside the button, until the band is put back as the letter has it.
    await expect(pat.locator('[data-testid=publish-blocker][data-code=EXAMPLES_FAIL]').count()).resolves.toBe(1);
    await expect(pat.locator('[data-testid=publish]').isDisabled()).resolves.toBe(true);
    await pat.selectOption('[data-testid=band-salesGrowth-3-op]', '<');
    await pat.click('[data-testid=save]');
    await expect(pat.locator('[data-testid=message]').textContent()).resolves.toContain('บันทึกแล้ว (ครั้งที่ 3)');
    const acknowledge = pat.locator('[data-testid=acknowledge]');
    if (await acknowledge.count()) await acknowledge.check();
    await pat.click('[data-testid=publish]');
    // Publishing asks first (test/browser/safety-rails.test.ts).
    await pat.click('[data-testid=confirm-publish-confirm]');
    await expect(pat.locator('[data-testid=published]').textContent()).resolves.toMatch(/^เผยแพร่ฉบับที่ ๑แล้ว · รหัสตรวจสอบ [0-9a-f]{8}$/);
    await expect(pat.locator('[data-testid=published]').getAttribute('title')).resolves.toMatch(/^sha256:[0-9a-f]{64}$/);
    await shot(pat, '05-published');
    await pat.goto(`${editor.base}${OTOP}/audit`);
    const audit = await pat.locator('[data-testid=audit]').textContent();
    expect(audit).toMatch(/เผยแพร่ฉบับที่ ๑ \(รหัสตรวจสอบ [0-9a-f]{8}\)/);
    expect(audit).toContain('ระดับ D ของตัวชี้วัด "ยอดจำหน่ายเพิ่มขึ้น" เปลี่ยนจาก < 2 เป็น <= 2');
    expect(audit).not.toMatch(/sha256|\br1\b|publish\b/);
    await shot(pat, '06-audit');
  });

  it('lets a viewer read but not save, in the page or by posting the form', async () => {
    const vic = await signIn('vic');
    await vic.goto(`${editor.base}/p/2567-Q4/bmn`);
    await vic.waitForSelector('[data-testid=yaml-editor][data-ready=true]');
    expect(await vic.locator('[data-testid=save]').count()).toBe(0);
    expect(await vic.locator('[data-testid=readonly]').count()).toBe(1);
    expect(await vic.locator('[data-testid=band-salesGrowth-0-value]').count()).toBe(0);
    const response = await vic.request.post(`${editor.base}/p/2567-Q4/bmn?/save`, {
      form: { yaml: 'x', version: '1' },
      headers: { origin: editor.base, 'x-sveltekit-action': 'true' },
    });
    const body = await response.json();
    expect(body.status).toBe(403);
    await vic.context().close();
  });
});
