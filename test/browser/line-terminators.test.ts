import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../engine/store/db.js';
import { getDraft, openCorrection, saveDraft } from '../../engine/store/rubric-store.js';
import { ARTIFACTS, launchChromium, startEditor, type Editor, signInPage } from './harness.js';
import { valueOf } from '../settled.js';

// A draft whose label holds U+2028 (LINE SEPARATOR), as text pasted from Word or a PDF brings: the
// mission page opens it without Monaco's native "unusual line terminators" dialog, keeps the
// character (the text is the rubric), marks it, and saves it back unchanged.
const EDNA = { username: 'edna', role: 'editor', password: 'editor-pass-1' };
const LS = '\u2028';
const NAME = 'th: โครงการหนึ่งตำบล หนึ่งผลิตภัณฑ์ (OTOP)';
const NAME_WITH_LS = `th: โครงการหนึ่งตำบล${LS}หนึ่งผลิตภัณฑ์ (OTOP)`;

let editor: Editor;
let db: Db;
let browser: Browser;
let seeded: string;

beforeAll(async () => {
  editor = await startEditor([EDNA]);
  // The draft is saved through the store, as the page's save action would.
  db = openDb(editor.db);
  const draft = valueOf(await openCorrection(db, { period: '2567-Q3', mission: 'otop', username: EDNA.username }));
  expect(draft.yaml).toContain(NAME);
  seeded = draft.yaml.replace(NAME, NAME_WITH_LS);
  valueOf(await saveDraft(db, { period: '2567-Q3', mission: 'otop', yaml: seeded, version: draft.version, username: EDNA.username }));
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  db?.close();
  editor?.stop();
});

async function signIn(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 }, locale: 'th-TH' });
  const page = await context.newPage();
  await signInPage(page, editor, EDNA);
  return page;
}

/** Resolves once the browser has been idle twice: Monaco's after-first-render contributions (its line-terminator check among them) have run. */
const idle = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => requestIdleCallback(() => resolve()))));

describe('a U+2028 in a draft, in Chromium', () => {
  it('opens without a dialog, keeps the character, marks it, and saves it back unchanged', async () => {
    const page = await signIn();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(`${editor.base}/p/2567-Q3/otop`);
    await page.waitForSelector('[data-testid=yaml-editor][data-ready=true]', { timeout: 30_000 });
    await expect(page.locator('[data-testid=draft-state]').count()).resolves.toBe(1);
    await idle(page);
    expect(dialogs).toEqual([]);
    expect(await page.inputValue('input[name=yaml]')).toBe(seeded);
    // Marked where it is, with a hover that says what it is.
    const mark = page.locator('[data-testid=yaml-editor] .unusual-line-terminator');
    await expect.poll(() => mark.count()).toBe(1);
    await mark.hover();
    await expect.poll(() => page.locator('.monaco-hover').allTextContents().then((t) => t.join(' '))).toContain('U+2028 LINE SEPARATOR');
    await page.locator('[data-testid=yaml-editor]').screenshot({ path: join(ARTIFACTS, 'line-separator.png') });

    // An edit elsewhere (a change Monaco checks again) and a save keep it too.
    await page.click('[data-testid=yaml-editor] .view-lines');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n# checked\n');
    await idle(page);
    expect(dialogs).toEqual([]);
    const edited = await page.inputValue('input[name=yaml]');
    expect(edited).toContain(NAME_WITH_LS);
    expect(edited).toContain('# checked');
    await page.click('[data-testid=save]');
    await expect(page.locator('[data-testid=message]').textContent()).resolves.toContain('บันทึกแล้ว (ครั้งที่ 3)');
    expect(getDraft(db, '2567-Q3', 'otop')!.yaml).toBe(edited);
    expect(dialogs).toEqual([]);
    await page.context().close();
  });
});
