import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startEditor, type Editor, signInPage } from './harness.js';

// A long Thai draft saved from the mission page in Chromium: the page sends it as multipart form
// data (3 bytes a Thai character; urlencoded it was 9, and a draft of 57,000 characters passed the
// server's form limit), and a draft over the 1 MiB rubric limit is refused on the page, in Thai
// and English, before anything is sent.
const USER = { username: 'somsri', role: 'editor', password: 'lantern-river-2567' };
const PAGE = '/p/2567-Q3/food-security';

let editor: Editor;
let browser: Browser;

beforeAll(async () => {
  editor = await startEditor([USER]);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  editor?.stop();
});

function stored(): { version: number; yaml: string } {
  const db = new Database(editor.db, { readonly: true });
  try {
    return db.prepare("SELECT version, yaml FROM drafts WHERE period = '2567-Q3' AND mission = 'food-security'").get() as { version: number; yaml: string };
  } finally {
    db.close();
  }
}

/** About `chars` Thai characters as comment lines of 60 (a long note, as people write one). */
function thai(chars: number): string {
  const line = '# ' + 'ข้อความภาษาไทยยาวมากสำหรับหมายเหตุของร่างเกณฑ์ '.repeat(2).slice(0, 58);
  return Array.from({ length: Math.ceil(chars / line.length) }, () => line).join('\n');
}

async function openDraft(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'th-TH' });
  const page = await context.newPage();
  await signInPage(page, editor, USER);
  await page.goto(`${editor.base}${PAGE}`);
  await page.waitForSelector('[data-testid=yaml-editor][data-ready=true]', { timeout: 60_000 });
  return page;
}

/** Puts a long text in the stored draft, as an earlier session (or another tool) left it. */
function storeDraft(yaml: string): void {
  const db = new Database(editor.db);
  try {
    db.prepare("UPDATE drafts SET yaml = ?, version = version + 1 WHERE period = '2567-Q3' AND mission = 'food-security'").run(yaml);
  } finally {
    db.close();
  }
}

/** Types one character at the end of the YAML pane: the draft is then changed and can be saved. */
async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.click('[data-testid=yaml-editor] .view-lines');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

function saveRequests(page: Page): { contentType: string; bytes: number }[] {
  const posts: { contentType: string; bytes: number }[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('?/save')) {
      posts.push({ contentType: request.headers()['content-type'] ?? '', bytes: request.postDataBuffer()?.length ?? 0 });
    }
  });
  return posts;
}

describe('saving a long Thai draft from the page', () => {
  it('sends a draft of 120,000 Thai characters as multipart (its UTF-8 size, not the 1 MB urlencoding made of it) and saves it', async () => {
    const long = `${stored().yaml.trimEnd()}\n${thai(120_000)}\n`;
    storeDraft(long);
    const page = await openDraft();
    const posts = saveRequests(page);
    await typeAtEnd(page, '# x');
    await page.click('[data-testid=save]');
    const message = page.locator('[data-testid=message]');
    await expect.poll(() => message.textContent(), { timeout: 60_000 }).toContain('บันทึกแล้ว (ครั้งที่ 3)');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.contentType).toMatch(/^multipart\/form-data; boundary=/);
    // The body is the text as UTF-8 (line ends as CR LF) and a little framing; urlencoded, the text alone passed the old 512 KB limit.
    const utf8 = Buffer.byteLength(long.replace(/\n/g, '\r\n'));
    expect(encodeURIComponent(long).length).toBeGreaterThan(512 * 1024);
    expect(posts[0]!.bytes).toBeGreaterThan(utf8);
    expect(posts[0]!.bytes).toBeLessThan(utf8 + 1024);
    expect(stored()).toEqual({ version: 3, yaml: `${long}# x` });
    await page.context().close();
  }, 180_000);

  it('refuses a draft over 1 MiB on the page, in Thai, without sending it', async () => {
    const before = stored();
    storeDraft(`${before.yaml.trimEnd()}\n${thai(360_000)}\n`);
    const version = stored().version;
    const page = await openDraft();
    const posts = saveRequests(page);
    await typeAtEnd(page, '# x');
    await page.click('[data-testid=save]');
    const message = page.locator('[data-testid=message]');
    await expect.poll(() => message.textContent(), { timeout: 60_000 }).toContain('ร่างยาวเกินไป');
    expect(await message.textContent()).not.toContain('the draft is too long');
    expect(posts).toHaveLength(0);
    expect(stored().version).toBe(version);
    await page.context().close();
  }, 180_000);
});
