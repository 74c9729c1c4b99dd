// The department writes a rubric without the YAML pane: food-security (no criteria in the letter)
// is started from a pattern, its criteria named and a threshold raised, given a province fact and an
// exemption through the pickers, its examples updated and one added, saved and published after the
// confirmation; nothing in that walk touches the YAML pane (counted). Apart: a half-typed YAML line
// leaves the form showing the last readable state.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { launchChromium, startEditor, type Editor, signInPage, watchYamlPane } from './harness.js';

const PAT = { username: 'pat', role: 'publisher', password: 'publisher-pass-1' };
const FOOD = '/p/2567-Q3/food-security';

let editor: Editor;
let browser: Browser;
let page: Page;
/** What the person did in the YAML pane since the walk began. */
let yamlTouches: () => Promise<number>;

beforeAll(async () => {
  editor = await startEditor([PAT]);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 }, locale: 'th-TH' });
  page = await context.newPage();
  await signInPage(page, editor, PAT);
  yamlTouches = await watchYamlPane(page);
}, 120_000);

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
    await enter(`${at('/criteria/0/label')} input[lang=en]`, 'Households with a food source');
    await enter(`${at('/criteria/1/label')} input[lang=th]`, 'ครัวเรือนปลูกผักสวนครัว');
    expect((await doc()).criteria[0].label).toEqual({ th: 'ครัวเรือนมีแหล่งอาหาร', en: 'Households with a food source' });
    expect((await doc()).criteria[1].label.th).toBe('ครัวเรือนปลูกผักสวนครัว');

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
    // The examples name no province yet: whether the exemption applies is unknown, so they give an error, not a guess.
    await expect.poll(() => page.locator('[data-testid=example][data-actual=error]').count()).toBe(2);
  });

  it('raises a threshold in the criteria table, which makes an example fail until its values are updated', async () => {
    await page.click('[data-testid=tab-criteria]');
    await expect.poll(() => page.locator('[data-testid=criterion-first] h4').textContent()).toBe('ครัวเรือนมีแหล่งอาหาร');
    await enter('[data-testid=band-first-0-value]', '85');
    expect((await doc()).criteria[0].bands[0]).toEqual({ level: 'A', op: '>=', value: 85 });
    await expect.poll(() => page.locator('[data-testid=band-first-0-wording]').textContent()).toBe('ร้อยละ ๘๕ ขึ้นไป');
    await expect.poll(() => page.locator('[data-testid=publish-blocker][data-code=EXAMPLES_FAIL]').count()).toBe(1);
    // Given a province, "Both at 80 % get A" gives B under the raised threshold; the other passes.
    await page.click('[data-testid=tab-examples]');
    for (const i of [0, 1]) await page.selectOption(`${at(`/examples/${i}/facts`)} label:has-text("จังหวัด") select`, 'เชียงใหม่');
    await expect.poll(() => page.locator('[data-testid=example][data-passed=false]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-actual')))).toEqual(['B']);
  });

  it('refuses a value that is not a number in words, and changes nothing', async () => {
    const box = `${at('/examples/0/facts')} label:has-text("ตัวชี้วัดที่ ๑") input`;
    const before = await page.inputValue('input[name=yaml]');
    await enter(box, 'แปดสิบ');
    await expect.poll(() => page.locator(`${at('/examples/0/facts')} [role=alert]`).textContent()).toContain('ไม่ใช่ตัวเลข');
    expect(await page.inputValue('input[name=yaml]')).toBe(before);
    await enter(box, '85');
    expect((await doc()).examples[0].facts.firstPct).toBe(85);
    await expect.poll(() => page.locator(`${at('/examples/0/facts')} [role=alert]`).count()).toBe(0);
    await enter(`${at('/examples/0/facts')} label:has-text("ตัวชี้วัดที่ ๒") input`, '85');
    await enter(`${at('/examples/0/name')} input`, 'ทั้งสองตัวร้อยละ ๘๕ ได้ A');
    await expect.poll(() => page.locator('[data-testid=example][data-passed=false]').count()).toBe(0);
  });

  it('adds an example of an exempt province, with the level it should get', async () => {
    await page.click(`${at('/examples')} > button.add`);
    await page.waitForSelector(at('/examples/2'));
    await enter(`${at('/examples/2/name')} input`, 'ลำปางได้รับยกเว้นตัวชี้วัดที่ ๒ จึงได้ระดับตามตัวชี้วัดที่ ๑');
    await enter(`${at('/examples/2/facts')} label:has-text("ตัวชี้วัดที่ ๑") input`, '72');
    await page.selectOption(`${at('/examples/2/facts')} label:has-text("จังหวัด") select`, 'ลำปาง');
    await page.selectOption(`${at('/examples/2/expect')} select`, 'B');
    const example = (await doc()).examples[2];
    expect(example).toEqual({ name: 'ลำปางได้รับยกเว้นตัวชี้วัดที่ ๒ จึงได้ระดับตามตัวชี้วัดที่ ๑', facts: { firstPct: 72, province: 'ลำปาง' }, expect: 'B' });
    await expect.poll(() => page.locator('[data-testid=example][data-passed=true]').count()).toBe(3);
  });

  it('saves the draft that was written in the form', async () => {
    await page.click('[data-testid=save]');
    await expect.poll(() => page.locator('[data-testid=message]').textContent()).toContain('บันทึกแล้ว (ครั้งที่ 2)');
  });

  it('publishes it as the first revision after the confirmation, without the YAML pane', async () => {
    await expect.poll(() => page.locator('[data-testid=publish-blocker]').count()).toBe(0);
    await page.click('[data-testid=publish]');
    const dialog = page.locator('[data-testid=confirm-publish]');
    await expect(dialog.textContent()).resolves.toContain('เผยแพร่ฉบับที่ ๑?');
    await expect.poll(() => page.locator('[data-testid=confirm-publish-first]').textContent()).toBe('ฉบับแรกของภารกิจนี้ในไตรมาส ๓/๒๕๖๗');
    await page.click('[data-testid=confirm-publish-confirm]');
    await expect.poll(() => page.locator('[data-testid=published]').textContent()).toMatch(/^เผยแพร่ฉบับที่ ๑แล้ว · รหัสตรวจสอบ /);
    const published = (await (await page.request.get(`${editor.base}/api/v1/periods/2567-Q3/missions/food-security/r1.json`)).json()) as Record<string, any>;
    expect(published.grade).toEqual({ type: 'worst' });
    expect(published.criteria.map((c: { label: { th: string } }) => c.label.th)).toEqual(['ครัวเรือนมีแหล่งอาหาร', 'ครัวเรือนปลูกผักสวนครัว']);
    expect(published.criteria[0].bands[0].value).toBe(85);
    expect(published.exemptions[0].when).toEqual({ fact: 'province', operator: 'in', value: ['ลำปาง'] });
    expect(published.examples).toHaveLength(3);
    expect(await yamlTouches()).toBe(0);
  });
});

describe('a half-typed YAML line', () => {
  it('starts poverty-center from a pattern, to have a form to keep', async () => {
    await page.goto(`${editor.base}/p/2567-Q3/poverty-center`);
    await page.waitForSelector('[data-testid=yaml-editor][data-ready=true]', { timeout: 30_000 });
    // Another mission's published structure can be copied instead ("—" then the ten missions of the period with a
    // grade rule is offered by name, food-security too now that it is published; this one is not.
    // The list comes after the page (streamed): wait for it.
    await page.waitForSelector('[data-testid=copy-from] option >> nth=10', { state: 'attached' });
    const offered = await page.locator('[data-testid=copy-from] option').allTextContents();
    expect(offered).toHaveLength(11);
    expect(offered).toEqual(expect.arrayContaining(['โครงการหนึ่งตำบล หนึ่งผลิตภัณฑ์ (OTOP)', 'การสร้างความมั่นคงทางอาหาร']));
    expect(offered.some((o) => o.startsWith('ศูนย์อำนวยการขจัดความยากจน'))).toBe(false);
    await page.check('[data-testid=pattern-bands]');
    await page.click('[data-testid=start-pattern]');
    await page.waitForSelector('[data-testid=grade-band-0]');
  });

  it('moves a band down and back up, under column headers that say what its outcome is', async () => {
    const levels = async () => (await doc()).grade.bands.map((b: { level: string }) => b.level);
    await expect.poll(() => page.locator('[data-testid=grade-band-0]').locator('xpath=ancestor::table//thead//th').first().textContent()).toBe('ระดับ');
    await page.click('[data-testid=grade-band-0-down]');
    await expect.poll(levels).toEqual(['B', 'A', 'C', 'D']);
    // Out of order, B (70 or more) comes first and takes every row A would: A can no longer be reached.
    await expect.poll(() => page.locator('[data-testid=finding][data-kind=unreachable]').count()).toBeGreaterThan(0);
    await page.click('[data-testid=grade-band-1-up]');
    await expect.poll(levels).toEqual(['A', 'B', 'C', 'D']);
    await expect.poll(() => page.locator('[data-testid=finding][data-kind=unreachable]').count()).toBe(0);
  });

  it('says so beside the bands when a threshold box holds no number, and keeps the value', async () => {
    const before = await page.inputValue('input[name=yaml]');
    await page.click('[data-testid=grade-band-1-value]', { clickCount: 3 });
    await page.keyboard.type('7e');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.locator('[data-testid=grade-band-refused]').textContent()).toMatch(/^ช่วงที่ 2: .*ไม่ใช่ตัวเลข จึงยังไม่ได้เปลี่ยน/);
    expect(await page.inputValue('input[name=yaml]')).toBe(before);
    // The box shows the value kept again, so the screen never shows what would not be saved.
    await expect(page.inputValue('[data-testid=grade-band-1-value]')).resolves.toBe('70');
    await page.fill('[data-testid=grade-band-1-value]', '75');
    await page.press('[data-testid=grade-band-1-value]', 'Tab');
    await expect.poll(async () => (await doc()).grade.bands[1].value).toBe(75);
    await expect.poll(() => page.locator('[data-testid=grade-band-refused]').count()).toBe(0);
  });

  it('takes the values of "is one of" on a text fact one a line, as a list, commas and all', async () => {
    await page.click('[data-testid=tab-data]');
    await page.fill(`${at('/facts')} .new-key input`, 'district');
    await page.click(`${at('/facts')} .new-key button[type=submit]`);
    await page.waitForSelector(at('/facts/district'));
    await page.selectOption(`${at('/facts/district')} > select.branch`, { index: 4 });
    await enter(`${at('/facts/district/label')} input[lang=th]`, 'อำเภอ');
    await page.click('[data-testid=tab-rules]');
    await page.click('[data-testid=add-exemptions]');
    await page.click(`${at('/exemptions')} > button.add`);
    await page.selectOption(`${at('/exemptions/0/when/fact')} select`, 'district');
    await page.selectOption(`${at('/exemptions/0/when/operator')} select`, 'in');
    await enter(`${at('/exemptions/0/when/value')} [data-testid=value-lines]`, 'เมืองเชียงใหม่\nแม่ริม, สะเมิง\n');
    await expect.poll(async () => (await doc()).exemptions[0].when.value).toEqual(['เมืองเชียงใหม่', 'แม่ริม, สะเมิง']);
  });

  it('keeps the form on the last readable state while a half-typed YAML line breaks the text', async () => {
    await page.click('[data-testid=tab-data]');
    const before = await page.inputValue('input[name=yaml]');
    await page.click('[data-testid=yaml-editor] .view-lines');
    await page.keyboard.press('Control+End');
    // Half a line: a mapping nested in a compact one is not YAML at all.
    await page.keyboard.type('\nfoo: bar: ');
    await page.waitForSelector('[data-testid=table-stale]');
    await expect.poll(() => page.locator(`${at('/facts/resultPct/label')} input[lang=th]`).inputValue()).toBe('ผลการดำเนินงาน (ร้อยละ)');
    await expect.poll(() => page.locator(`${at('/facts/resultPct/label')} input[lang=th]`).isDisabled()).toBe(true);
    await page.click('[data-testid=restore]');
    await expect.poll(() => page.locator('[data-testid=table-stale]').count()).toBe(0);
    // The last readable text is the one before the line broke (as far as it was typed then).
    const restored = await page.inputValue('input[name=yaml]');
    expect(restored.startsWith(before)).toBe(true);
    expect(() => parse(restored)).not.toThrow();
    expect(restored).not.toContain('foo: bar: ');
    // The watch that found no use of the YAML pane in the walk above sees this one.
    expect(await yamlTouches()).toBeGreaterThan(0);
  });

  it('heads a criterion scored in points with "คะแนน"', async () => {
    await page.goto(`${editor.base}/p/2567-Q3/community-fund`);
    await page.waitForSelector('[data-testid=yaml-editor][data-ready=true]', { timeout: 30_000 });
    await expect.poll(() => page.locator('[data-testid=criterion-savingsGroups] thead th').first().textContent()).toBe('คะแนน');
  });
});
