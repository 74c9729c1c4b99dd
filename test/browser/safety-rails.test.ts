// The safety rails of a mission's page in Chromium against the built editor: publishing asks
// first and Cancel publishes nothing; a draft that cannot be published says why beside a disabled
// button; unsaved edits are not lost to a link, the language switch or a reload without asking;
// Ctrl+S saves from inside Monaco; a draft can be discarded after a confirmation.
import type { Browser, Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signInPage, startEditor, type Editor } from './harness.js';

const USERS = [{ username: 'pat', role: 'publisher', password: 'publisher-pass-1' }];
const OTOP = '/p/2567-Q3/otop';

let editor: Editor;
let browser: Browser;
let pat: Page;

beforeAll(async () => {
  editor = await startEditor(USERS);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 }, locale: 'th-TH' });
  pat = await context.newPage();
  await signInPage(pat, editor, USERS[0]!);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  editor?.stop();
});

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${editor.base}${path}`);
  await page.waitForSelector('[data-testid=yaml-editor][data-ready=true]', { timeout: 30_000 });
}

const yamlText = (page: Page) => page.inputValue('input[name=yaml]');
const message = (page: Page) => page.locator('[data-testid=message]').textContent();

/** The next dialog the page opens (confirm, beforeunload), answered as `accept` says. */
function nextDialog(page: Page, accept: boolean): Promise<{ type: string; message: string }> {
  return new Promise((resolve) => {
    page.once('dialog', (dialog: Dialog) => {
      const seen = { type: dialog.type(), message: dialog.message() };
      void (accept ? dialog.accept() : dialog.dismiss()).then(() => resolve(seen));
    });
  });
}

/** Types a change of level B's sales-growth threshold into the table; the text is then unsaved. */
async function changeThreshold(page: Page, value: string): Promise<void> {
  await page.fill('[data-testid=band-salesGrowth-1-value]', value);
  await page.press('[data-testid=band-salesGrowth-1-value]', 'Tab');
  await expect.poll(() => yamlText(page)).toContain(`{ level: B, op: ">", value: ${value},`);
}

describe('the safety rails of a mission page', () => {
  it('says why food-security cannot be published, beside a disabled button', async () => {
    await open(pat, '/p/2567-Q3/food-security');
    await expect(pat.locator('[data-testid=publish]').isDisabled()).resolves.toBe(true);
    const blockers = pat.locator('[data-testid=publish-blocker]');
    await expect(blockers.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).resolves.toEqual(['NO_GRADE_RULE']);
    await expect(blockers.first().textContent()).resolves.toContain('ยังไม่มีวิธีให้ระดับ');
    // It is the mission's only copy in the quarter: discarding is refused in words.
    await expect(pat.locator('[data-testid=discard]').isDisabled()).resolves.toBe(true);
  });

  it('opens a correction of otop; Ctrl+S in Monaco saves it', async () => {
    await open(pat, OTOP);
    await pat.click('[data-testid=correct]');
    await pat.locator('[data-testid=draft-state]').waitFor();
    await pat.waitForSelector('[data-testid=yaml-editor][data-ready=true]');
    await pat.click('[data-testid=yaml-editor] .view-lines');
    await pat.keyboard.press('Control+End');
    await pat.keyboard.type('\n# แก้ไขโดย pat');
    await expect.poll(() => yamlText(pat)).toContain('# แก้ไขโดย pat');
    await expect(pat.locator('[data-testid=save]').isEnabled()).resolves.toBe(true);
    await pat.keyboard.press('Control+s');
    await expect.poll(() => message(pat)).toContain('บันทึกแล้ว (ครั้งที่ 2)');
    await expect(pat.locator('[data-testid=save]').isDisabled()).resolves.toBe(true);
    // Saved on the server: a fresh load shows it.
    await open(pat, OTOP);
    expect(await yamlText(pat)).toContain('# แก้ไขโดย pat');
  });

  it('Ctrl+S in a table field saves the value being typed', async () => {
    await pat.fill('[data-testid=band-salesGrowth-1-value]', '3.5');
    await pat.keyboard.press('Control+s');
    await expect.poll(() => message(pat)).toContain('บันทึกแล้ว (ครั้งที่ 3)');
    await open(pat, OTOP);
    expect(await yamlText(pat)).toContain('{ level: B, op: ">", value: 3.5,');
    await changeThreshold(pat, '3');
    await pat.keyboard.press('Meta+s');
    await expect.poll(() => message(pat)).toContain('บันทึกแล้ว (ครั้งที่ 4)');
  });

  it('lists a failing example and a new error beside the disabled Publish button; unsaved edits are named first', async () => {
    await changeThreshold(pat, '1.5');
    const codes = () => pat.locator('[data-testid=publish-blocker]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    await expect.poll(codes).toContain('UNSAVED_CHANGES');
    await expect(pat.locator('[data-testid=publish]').isDisabled()).resolves.toBe(true);
    await pat.click('[data-testid=save]');
    await expect.poll(() => message(pat)).toContain('บันทึกแล้ว (ครั้งที่ 5)');
    // Level B now takes what C took: the examples between 1.5 and 3 say otherwise.
    await expect.poll(codes).not.toContain('UNSAVED_CHANGES');
    expect(await codes()).toContain('EXAMPLES_FAIL');
    const failing = await pat.locator('[data-testid=publish-blocker][data-code=EXAMPLES_FAIL]').textContent();
    expect(failing).toMatch(/ควรได้ C แต่ได้ B/);
    await expect(pat.locator('[data-testid=publish]').isDisabled()).resolves.toBe(true);
    // The server refuses the same, whatever the page sends.
    const response = await pat.request.post(`${editor.base}${OTOP}?/publish`, {
      form: { version: '5', acknowledge: 'on' },
      headers: { origin: editor.base, 'x-sveltekit-action': 'true' },
    });
    const body = (await response.json()) as { status: number; data: string };
    expect(body.status).toBe(400);
    expect(body.data).toContain('EXAMPLES_FAIL');
    // Put back: publishable again.
    await changeThreshold(pat, '3');
    await pat.click('[data-testid=save]');
    await expect.poll(() => message(pat)).toContain('บันทึกแล้ว (ครั้งที่ 6)');
    await expect.poll(codes).toEqual([]);
    await expect(pat.locator('[data-testid=publish]').isEnabled()).resolves.toBe(true);
  });

  it('asks before a link, the language switch or a reload leaves unsaved edits behind', async () => {
    await changeThreshold(pat, '3.005');
    // A link inside the editor: SvelteKit's beforeNavigate asks; "stay" keeps the edit.
    const onLink = nextDialog(pat, false);
    await pat.click('h2 a[href="/"]');
    expect((await onLink).type).toBe('confirm');
    expect(new URL(pat.url()).pathname).toBe(OTOP);
    expect(await yamlText(pat)).toContain('value: 3.005,');
    // The language switch leaves the page (a server route): it asks too.
    const onLanguage = nextDialog(pat, false);
    await pat.click('[data-testid=lang-switch]');
    expect((await onLanguage).message).toContain('มีการแก้ไขที่ยังไม่บันทึก');
    expect(new URL(pat.url()).pathname).toBe(OTOP);
    expect(await yamlText(pat)).toContain('value: 3.005,');
    // A reload: the browser's own "leave site?" question.
    const onReload = nextDialog(pat, false);
    void pat.evaluate(() => location.reload()).catch(() => undefined);
    expect((await onReload).type).toBe('beforeunload');
    expect(await yamlText(pat)).toContain('value: 3.005,');
  });

  it('leaves without asking once the edit is saved', async () => {
    await pat.click('[data-testid=save]');
    await expect.poll(() => message(pat)).toContain('บันทึกแล้ว (ครั้งที่ 7)');
    const asked: string[] = [];
    const listen = (d: Dialog) => {
      asked.push(d.type());
      void d.dismiss();
    };
    pat.on('dialog', listen);
    await Promise.all([pat.waitForURL(`${editor.base}/`), pat.click('h2 a[href="/"]')]);
    pat.off('dialog', listen);
    expect(asked).toEqual([]);
  });

  it('publishes only after the confirmation: Cancel publishes nothing, the dialog names the revision and the changes', async () => {
    await open(pat, OTOP);
    // The changed threshold's quote from the letter is a warning: acknowledged first, as the reasons say.
    await expect(pat.locator('[data-testid=publish-blocker][data-code=WARNINGS_NOT_ACKNOWLEDGED]').count()).resolves.toBe(1);
    await pat.check('[data-testid=acknowledge]');
    await pat.click('[data-testid=publish]');
    const dialog = pat.locator('[data-testid=confirm-publish]');
    await expect(dialog.isVisible()).resolves.toBe(true);
    const words = await dialog.textContent();
    expect(words).toContain('เผยแพร่ฉบับที่ ๒?');
    expect(words).toContain('การเผยแพร่ย้อนกลับไม่ได้');
    expect(words).toContain('ระดับ B ของตัวชี้วัด "ยอดจำหน่ายเพิ่มขึ้น" เปลี่ยนจาก > 3 เป็น > 3.005');
    // What publishing replaces is this period's revision 1; the page compares with the same, so it is said once.
    await expect(pat.locator('[data-testid=confirm-publish-replaces]').textContent()).resolves.toMatch(/^เทียบกับฉบับที่ ๑ที่เผยแพร่อยู่: \d+ รายการ$/);
    await expect(pat.locator('[data-testid=confirm-publish-against]').count()).resolves.toBe(0);
    // Cancel is focused first, so Enter does not publish; Escape closes.
    await expect(pat.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('confirm-publish-cancel');
    await pat.keyboard.press('Escape');
    await expect(dialog.isVisible()).resolves.toBe(false);
    await pat.click('[data-testid=publish]');
    await pat.click('[data-testid=confirm-publish-cancel]');
    await open(pat, OTOP);
    await expect(pat.locator('[data-testid=draft-state]').count()).resolves.toBe(1);
    await expect(pat.locator('[data-testid=published]').count()).resolves.toBe(0);
    // Confirmed: published.
    await pat.check('[data-testid=acknowledge]');
    await pat.click('[data-testid=publish]');
    await pat.click('[data-testid=confirm-publish-confirm]');
    await expect(pat.locator('[data-testid=published]').textContent()).resolves.toMatch(/^เผยแพร่ฉบับที่ ๒แล้ว · รหัสตรวจสอบ /);
    await expect(pat.locator('[data-testid=draft-state]').count()).resolves.toBe(0);
  });

  it('discards a draft after a confirmation and shows the published revision again', async () => {
    await pat.click('[data-testid=correct]');
    await pat.locator('[data-testid=draft-state]').waitFor();
    await changeThreshold(pat, '3.75');
    await pat.click('[data-testid=save]');
    await expect.poll(() => message(pat)).toContain('บันทึกแล้ว (ครั้งที่ 2)');
    await pat.click('[data-testid=discard]');
    await pat.click('[data-testid=confirm-discard-cancel]');
    await expect(pat.locator('[data-testid=draft-state]').count()).resolves.toBe(1);
    await pat.click('[data-testid=discard]');
    await expect(pat.locator('[data-testid=confirm-discard]').textContent()).resolves.toContain('ฉบับที่ ๒ที่เผยแพร่แล้ว');
    await pat.click('[data-testid=confirm-discard-confirm]');
    await expect(pat.locator('[data-testid=discarded]').textContent()).resolves.toContain('แสดงฉบับที่ ๒ที่เผยแพร่');
    await expect(pat.locator('[data-testid=draft-state]').count()).resolves.toBe(0);
    await expect(pat.locator('[data-testid=correct]').count()).resolves.toBe(1);
    await pat.goto(`${editor.base}${OTOP}/audit`);
    await expect(pat.locator('[data-testid=audit]').textContent()).resolves.toContain('ทิ้งร่าง (บันทึกครั้งที่ 2)');
  });
});

describe('the four-eyes rule on a mission page (RUBRIC_FOUR_EYES=1)', () => {
  const PUBLISHERS = [
    { username: 'pat', role: 'publisher', password: 'publisher-pass-1' },
    { username: 'quinn', role: 'publisher', password: 'publisher-pass-2' },
  ];
  let strict: Editor;

  beforeAll(async () => {
    process.env.RUBRIC_FOUR_EYES = '1';
    try {
      strict = await startEditor(PUBLISHERS);
    } finally {
      delete process.env.RUBRIC_FOUR_EYES;
    }
  }, 60_000);

  afterAll(() => strict?.stop());

  async function signIn(user: (typeof PUBLISHERS)[number]): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1500, height: 1000 } })).newPage();
    await signInPage(page, strict, user);
    await page.goto(`${strict.base}${OTOP}`);
    await page.waitForSelector('[data-testid=yaml-editor][data-ready=true]', { timeout: 30_000 });
    return page;
  }

  it('keeps the publisher who changed the draft from publishing it, says why, and lets another publish', async () => {
    const author = await signIn(PUBLISHERS[0]!);
    await author.click('[data-testid=correct]');
    await author.locator('[data-testid=draft-state]').waitFor();
    await changeThreshold(author, '3.005');
    await author.click('[data-testid=save]');
    await expect.poll(() => message(author)).toContain('บันทึกแล้ว (ครั้งที่ 2)');
    const sameHands = author.locator('[data-testid=publish-blocker][data-code=SAME_PUBLISHER]');
    await expect.poll(() => sameHands.count()).toBe(1);
    await expect(sameHands.textContent()).resolves.toContain('ต้องให้ผู้เผยแพร่อีกคนตรวจและเผยแพร่');
    await expect(author.locator('[data-testid=publish]').isDisabled()).resolves.toBe(true);
    await author.context().close();

    const checker = await signIn(PUBLISHERS[1]!);
    // Only the warnings wait for the checker: the acknowledgement is listed until it is ticked.
    const reasons = () => checker.locator('[data-testid=publish-blocker]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    if (await checker.locator('[data-testid=acknowledge]').count()) {
      await expect(reasons()).resolves.toEqual(['WARNINGS_NOT_ACKNOWLEDGED']);
      await expect(checker.locator('[data-testid=publish]').isDisabled()).resolves.toBe(true);
      await checker.check('[data-testid=acknowledge]');
    }
    await expect(reasons()).resolves.toEqual([]);
    await checker.click('[data-testid=publish]');
    await checker.click('[data-testid=confirm-publish-confirm]');
    await expect(checker.locator('[data-testid=published]').textContent()).resolves.toMatch(/เผยแพร่ฉบับที่ ๒แล้ว/);
    await checker.goto(`${strict.base}${OTOP}/audit`);
    await expect(checker.locator('[data-testid=audit]').textContent()).resolves.toContain('แก้ไขโดย pat ตรวจและเผยแพร่โดย quinn');
    await checker.context().close();
  });
});
