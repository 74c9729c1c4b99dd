// The department writes a rubric without the YAML pane: food-security (no criteria in the letter)
// is started from a pattern, given a province fact and an exemption through the pickers, and saved;
// a half-typed YAML line leaves the form showing the last readable state. Nothing here types YAML.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { launchChromium, startEditor, type Editor, signInPage } from './harness.js';

const PAT = { username: 'pat', role: 'publisher', password: 'publisher-pass-1' };
const FOOD = '/p/2567-Q3/food-security';

let editor: Editor;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  editor = await startEditor([PAT]);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 }, locale: 'th-TH' });
  page = await context.newPage();
  await signInPage(page, editor, PAT);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  editor?.stop();
});

const doc = async () => parse(await page.inputValue('input[name=yaml]')) as Record<string, any>;
const at = (pointer: string) => `[data-pointer="${pointer}"]`;
/** Types into a form box and leaves it, as a user does (the change applies on leaving). */
async function enter(selector: string, value: string): Promise<void> {
  await page.fill(selector, value);
  await page.press(selector, 'Tab');
}

describe('writing a rubric without YAML', () => {
  it('starts food-security from the "worst of several criteria" pattern', async () => {
    await page.goto(`${editor.base}${FOOD}`);
    await page.waitForSelector('[data-testid=yaml-editor][data-ready=true]', { timeout: 30_000 });
    await page.waitForSelector('[data-testid=new-criteria]');
    await page.check('[data-testid=pattern-worst]');
    await page.click('[data-testid=start-pattern]');
    await page.waitForSelector('[data-testid=criterion-first]');
    const rubric = await doc();
    expect(rubric.grade).toEqual({ type: 'worst' });
    expect(rubric.criteria.map((c: { id: string }) => c.id)).toEqual(['first', 'second']);
    expect(rubric.notes[0].th).toContain('หนังสือไม่ได้กำหนดเกณฑ์');
    await expect.poll(() => page.locator('[data-testid=example][data-passed=true]').count()).toBe(2);
  });

  it('renames a criterion and adds a province fact in the form', async () => {
    await page.click('[data-testid=tab-rules]');
    await enter(`${at('/criteria/0/label')} input[lang=th]`, 'ครัวเรือนมีแหล่งอาหาร');
    expect((await doc()).criteria[0].label.th).toBe('ครัวเรือนมีแหล่งอาหาร');

    await page.click('[data-testid=tab-data]');
    await page.fill(`${at('/facts')} .new-key input`, 'province');
    await page.click(`${at('/facts')} .new-key button[type=submit]`);
    await page.waitForSelector(at('/facts/province'));
    await page.selectOption(`${at('/facts/province')} > select.branch`, { index: 4 });
    await enter(`${at('/facts/province/label')} input[lang=th]`, 'จังหวัด');
    await enter(`${at('/facts/province/label')} input[lang=en]`, 'Province');
    await page.click(`${at('/facts/province')} button.add:has-text("ทะเบียน")`);
    expect((await doc()).facts.province).toEqual({ type: 'string', label: { th: 'จังหวัด', en: 'Province' }, catalog: 'province' });
  });

  it('adds an exemption for a province picked from the catalogue, not typed', async () => {
    await page.click('[data-testid=tab-rules]');
    await page.click('[data-testid=add-exemptions]');
    await page.click(`${at('/exemptions')} > button.add`);
    await enter(`${at('/exemptions/0/id')} input`, 'noFarmland');
    await enter(`${at('/exemptions/0/label')} input[lang=th]`, 'จังหวัดที่ไม่มีพื้นที่เกษตร');
    await enter(`${at('/exemptions/0/label')} input[lang=en]`, 'Provinces without farmland');
    await page.selectOption(`${at('/exemptions/0/when/fact')} select`, 'province');
    await page.selectOption(`${at('/exemptions/0/when/operator')} select`, 'in');
    await page.selectOption(`${at('/exemptions/0/when/value')} select`, 'ลำปาง');
    await page.check(`${at('/exemptions/0/notApplicable')} input[type=checkbox] >> nth=1`);
    const exemption = (await doc()).exemptions[0];
    expect(exemption.when.fact).toBe('province');
    expect(exemption.when.operator).toBe('in');
    expect(exemption.when.value).toContain('ลำปาง');
    expect(exemption.notApplicable).toEqual(['second']);
    await expect.poll(() => page.locator('[data-testid=finding][data-severity=error]').count()).toBe(0);
  });

  it('refuses a value that is not a number in words, and changes nothing', async () => {
    await page.click('[data-testid=tab-examples]');
    const box = `${at('/examples/0/facts')} label:has-text("ตัวชี้วัดที่ ๑") input`;
    const before = await page.inputValue('input[name=yaml]');
    await enter(box, 'แปดสิบ');
    await expect(page.locator(`${at('/examples/0/facts')} [role=alert]`).textContent()).resolves.toContain('ไม่ใช่ตัวเลข');
    expect(await page.inputValue('input[name=yaml]')).toBe(before);
    await enter(box, '85');
    expect((await doc()).examples[0].facts.firstPct).toBe(85);
    await expect(page.locator(`${at('/examples/0/facts')} [role=alert]`).count()).resolves.toBe(0);
  });

  it('keeps the form on the last readable state while a half-typed YAML line breaks the text', async () => {
    await page.click('[data-testid=tab-rules]');
    const before = await page.inputValue('input[name=yaml]');
    await page.click('[data-testid=yaml-editor] .view-lines');
    await page.keyboard.press('Control+End');
    // Half a line: a mapping nested in a compact one is not YAML at all.
    await page.keyboard.type('\nfoo: bar: ');
    await page.waitForSelector('[data-testid=table-stale]');
    await expect(page.locator(`${at('/exemptions/0/id')} input`).inputValue()).resolves.toBe('noFarmland');
    await expect(page.locator(`${at('/exemptions/0/id')} input`).isDisabled()).resolves.toBe(true);
    await page.click('[data-testid=restore]');
    await expect.poll(() => page.locator('[data-testid=table-stale]').count()).toBe(0);
    // The last readable text is the one before the line broke (as far as it was typed then).
    const restored = await page.inputValue('input[name=yaml]');
    expect(restored.startsWith(before)).toBe(true);
    expect(() => parse(restored)).not.toThrow();
    expect(restored).not.toContain('foo: bar: ');
  });

  it('saves the draft that was written in the form', async () => {
    await page.click('[data-testid=save]');
    await page.waitForSelector('[data-testid=message]');
    await expect(page.locator('[data-testid=draft-state]').textContent()).resolves.toMatch(/2/);
  });
});
