// The department revises OTOP for the next quarter without touching YAML, in Thai: 2567-Q4 is
// started from 2567-Q3; the letter's 2.00 % hole is closed in the criteria table (D becomes
// "ไม่เกินร้อยละ ๒"), the band's quote is rewritten to match, the two examples that expected no level
// at 2.00 take their new result with "accept" (each confirmed), the comparison with 2567-Q3 shows the
// change and the units it moves, and the revision is published after a confirmation that repeats
// both. The YAML pane is watched: nothing in the walk uses it.
import type { Browser, Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startEditor, type Editor, signInPage, watchYamlPane } from './harness.js';

const PAT = { username: 'pat', role: 'publisher', password: 'publisher-pass-1' };
const OTOP = '/p/2567-Q4/otop';
const D = '[data-testid=band-salesGrowth-3';

let editor: Editor;
let browser: Browser;
let page: Page;
let yamlTouches: () => Promise<number>;
/** The questions the page asked with the browser's confirm(), in order. */
const asked: string[] = [];

beforeAll(async () => {
  editor = await startEditor([PAT]);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 }, locale: 'th-TH' });
  page = await context.newPage();
  await signInPage(page, editor, PAT);
  yamlTouches = await watchYamlPane(page);
  page.on('dialog', (dialog: Dialog) => {
    asked.push(dialog.message());
    void dialog.accept();
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  editor?.stop();
});

const doc = async () => (await import('yaml')).parse(await page.inputValue('input[name=yaml]')) as Record<string, any>;
const codes = () => page.locator('[data-testid=publish-blocker]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));

describe('revising OTOP for the next quarter without YAML', () => {
  it('starts 2567-Q4 from 2567-Q3 and opens OTOP, whose hole at 2.00 % is the letter\'s', async () => {
    await page.click('[data-testid=start-period]');
    await page.click('[data-testid=start-period-confirm]');
    await page.locator('section h2', { hasText: '2567-Q4' }).first().waitFor({ timeout: 30_000 });
    await page.goto(`${editor.base}${OTOP}`);
    await page.waitForSelector('[data-testid=yaml-editor][data-ready=true]', { timeout: 30_000 });
    await expect.poll(() => page.locator('[data-testid=finding][data-code=HOLE]').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator(`${D}-wording]`).textContent()).toBe('น้อยกว่าร้อยละ ๒');
    // The comparison starts with the rules that applied last quarter.
    await expect.poll(() => page.getAttribute('[data-testid=baseline-label]', 'data-key')).toBe('2567-Q3r1');
  });

  it('closes the hole in the criteria table and rewrites the quote that no longer says the rule', async () => {
    await page.selectOption(`${D}-op]`, '<=');
    await expect.poll(() => page.locator(`${D}-wording]`).textContent()).toBe('ไม่เกินร้อยละ ๒');
    await expect.poll(() => page.locator(`${D}-differs]`).count()).toBe(1);
    await expect.poll(() => page.locator('[data-testid=finding][data-code=HOLE]').count()).toBe(0);
    await page.click(`${D}-edit-quote]`);
    await page.fill(`${D}-quote-input]`, 'ไม่เกินร้อยละ ๒');
    await page.press(`${D}-quote-input]`, 'Enter');
    await expect.poll(() => page.locator(`${D}-differs]`).count()).toBe(0);
    expect((await doc()).criteria[1].bands[3]).toEqual({ level: 'D', op: '<=', value: 2, quote: 'ไม่เกินร้อยละ ๒' });
  });

  it('updates the two examples at 2.00 % with "accept", each after a confirmation', async () => {
    const failing = page.locator('[data-testid=example][data-passed=false]');
    await expect.poll(() => failing.count()).toBe(2);
    await expect(failing.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-actual')))).resolves.toEqual(['D', 'D']);
    await expect.poll(() => page.locator('[data-testid=publish-blocker][data-code=EXAMPLES_FAIL]').count()).toBe(1);
    for (const left of [1, 0]) {
      await page.locator('[data-testid=accept-example]').first().click();
      await expect.poll(() => failing.count()).toBe(left);
    }
    expect(asked).toHaveLength(2);
    expect(asked[0]).toMatch(/^ยอมรับผล "D" เป็นผลที่ควรได้ของตัวอย่าง "Sales up exactly 2\.00 % with nine products/);
    const expected = (await doc()).examples.filter((e: { facts: { salesGrowthPct: number } }) => [2, 2.004].includes(e.facts.salesGrowthPct)).map((e: { expect: string }) => e.expect);
    expect(expected).toEqual(['D', 'D', 'D']);
  });

  it('shows the change against 2567-Q3 and the units it moves on the national sample', async () => {
    const changes = () => page.locator('[data-testid=change]').allTextContents();
    await expect.poll(changes).toContainEqual(expect.stringMatching(/^ระดับ D ของตัวชี้วัด "ยอดจำหน่ายเพิ่มขึ้น" เปลี่ยนจาก < 2 เป็น <= 2/));
    await page.waitForSelector('[data-testid=impact] [data-testid=transition-matrix]');
    // Sample districts at exactly 2.00 % with enough products matched no level; now they get D.
    const healed = Number(await page.locator('[data-testid=impact] td[data-from=unmatched][data-to=D]').textContent());
    expect(healed).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-testid=impact] td[data-from=D][data-to=unmatched]').textContent()).toBe('0');
  });

  it('saves, and publishes after a confirmation that repeats the comparison and its impact', async () => {
    await page.click('[data-testid=save]');
    await expect.poll(() => page.locator('[data-testid=message]').textContent()).toContain('บันทึกแล้ว (ครั้งที่ 2)');
    await expect.poll(codes).toEqual([]);
    await page.click('[data-testid=publish]');
    await expect.poll(() => page.locator('[data-testid=confirm-publish-first]').textContent()).toBe('ฉบับแรกของภารกิจนี้ในไตรมาส ๔/๒๕๖๗');
    await expect.poll(() => page.locator('[data-testid=confirm-publish-against]').textContent()).toMatch(/^เทียบกับไตรมาส ๓\/๒๕๖๗ ฉบับที่ ๑ \(เผยแพร่ .+\): เปลี่ยน \d+ รายการ$/);
    await expect.poll(() => page.locator('[data-testid=confirm-publish-changes]').textContent()).toContain('ระดับ D ของตัวชี้วัด "ยอดจำหน่ายเพิ่มขึ้น"');
    await expect.poll(() => page.locator('[data-testid=confirm-publish-impact]').textContent()).toMatch(/^ผลต่อข้อมูลตัวอย่างทั่วประเทศ \(ข้อมูลสมมุติ\) 878 แถว เทียบกับไตรมาส ๓\/๒๕๖๗ ฉบับที่ ๑ \(เผยแพร่ .+\): เปลี่ยนผล \d+ แถว$/);
    // A first revision of the quarter replaces nothing in it.
    await expect.poll(() => page.locator('[data-testid=confirm-publish-replaces]').count()).toBe(0);
    await expect(page.locator('[data-testid=confirm-publish-moves] li').allTextContents()).resolves.toContainEqual(expect.stringMatching(/^ไม่ตรงกับระดับใด → D: \d+ แถว$/));
    await page.click('[data-testid=confirm-publish-confirm]');
    await expect.poll(() => page.locator('[data-testid=published]').textContent()).toMatch(/^เผยแพร่ฉบับที่ ๑แล้ว · รหัสตรวจสอบ /);
    const published = (await (await page.request.get(`${editor.base}/api/v1/periods/2567-Q4/missions/otop/r1.json`)).json()) as Record<string, any>;
    expect(published.criteria[1].bands[3]).toEqual({ level: 'D', op: '<=', value: 2, quote: 'ไม่เกินร้อยละ ๒' });
    expect(await yamlTouches()).toBe(0);
  });
});
