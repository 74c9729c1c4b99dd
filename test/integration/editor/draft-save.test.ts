import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEditor, type Editor } from '../../browser/harness.js';

// Saving a draft over real HTTP as the mission page does (multipart form data through the
// action, `x-sveltekit-action`): Thai drafts far past the old 512 KB urlencoded limit, drafts
// over the 1 MiB rubric limit, a text that names another mission, and a 20,000-key draft whose
// reading runs in a worker while the public API keeps answering.

const MISSION = 'food-security'; // a draft in the seeded store
const PATH = `/p/2567-Q3/${MISSION}`;
const seed = readFileSync(join(import.meta.dirname, `../../../rubrics/2567-Q3/${MISSION}.yaml`), 'utf8');

async function signIn(editor: Editor): Promise<string> {
  const response = await fetch(`${editor.base}/login`, {
    method: 'POST',
    body: new URLSearchParams({ username: 'edna', password: 'amber-orchard-93' }),
    headers: { origin: editor.base, accept: 'text/html' },
    redirect: 'manual',
  });
  expect(response.status).toBe(303);
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** The draft row as stored: what "nothing was written" compares. */
function stored(editor: Editor): { yaml: string; version: number; changes: number } {
  const db = new Database(editor.db, { readonly: true });
  try {
    const row = db.prepare('SELECT yaml, version FROM drafts WHERE period = ? AND mission = ?').get('2567-Q3', MISSION) as { yaml: string; version: number };
    const changes = db.prepare("SELECT COUNT(*) FROM audit WHERE mission = ? AND action = 'change'").pluck().get(MISSION) as number;
    return { ...row, changes };
  } finally {
    db.close();
  }
}

/** Posts the save action as the page does: multipart form data. */
async function save(editor: Editor, cookie: string, yaml: string, version: number): Promise<{ status: number; type: string; data: string }> {
  const form = new FormData();
  form.set('yaml', yaml);
  form.set('version', String(version));
  const response = await fetch(`${editor.base}${PATH}?/save`, {
    method: 'POST',
    body: form,
    headers: { origin: editor.base, cookie, 'x-sveltekit-action': 'true', accept: 'application/json' },
  });
  const body = (await response.json()) as { type: string; status?: number; data?: string; error?: { message: string } };
  return { status: body.status ?? response.status, type: body.type, data: body.data ?? JSON.stringify(body.error ?? '') };
}

/** The seeded draft with a Thai note of `chars` characters appended to its notes. */
function withThaiNote(chars: number): string {
  const line = 'หมายเหตุภาษาไทยสำหรับทดสอบความยาวของร่างเกณฑ์ ';
  const body = line.repeat(Math.ceil(chars / line.length)).slice(0, chars);
  return `${seed.trimEnd()}\n# ${body}\n`;
}

/** The seeded draft with `count` unknown root keys: a schema error each, for the worker to read. */
function withKeys(count: number): string {
  const lines = [seed.trimEnd()];
  for (let i = 0; i < count; i++) lines.push(`unknownKey${i}: value ${i}`);
  return lines.join('\n') + '\n';
}

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

/** Asks the public API every 5 ms until `work` settles: how many answers came meanwhile (each a 200). */
async function answersDuring<T>(base: string, work: Promise<T>): Promise<{ result: T; answered: number }> {
  let done = false;
  const settled = work.finally(() => (done = true));
  let answered = 0;
  while (!done && answered < 10_000) {
    const response = await fetch(`${base}/api/v1/periods`);
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    if (!done) answered++;
    await new Promise((r) => setTimeout(r, 5));
  }
  return { result: await settled, answered };
}

describe('saving a draft over HTTP', () => {
  let editor: Editor;
  let cookie: string;

  beforeAll(async () => {
    editor = await startEditor([{ username: 'edna', role: 'editor', password: 'amber-orchard-93' }]);
    cookie = await signIn(editor);
  }, 30_000);
  afterAll(() => editor?.stop());

  it('saves a Thai draft of 200,000 characters (600 KB as UTF-8, 1.8 MB had it been urlencoded)', async () => {
    const yaml = withThaiNote(200_000);
    expect(utf8(yaml)).toBeGreaterThan(512 * 1024);
    const before = stored(editor);
    const result = await save(editor, cookie, yaml, before.version);
    expect([result.type, result.status]).toEqual(['success', 200]);
    const after = stored(editor);
    expect(after.version).toBe(before.version + 1);
    expect(after.yaml).toBe(yaml);
  });

  it('refuses a draft over 1 MiB with 413 in Thai and English, and keeps the stored draft', async () => {
    const before = stored(editor);
    const yaml = withThaiNote(360_000); // about 1.08 MB as UTF-8
    expect(utf8(yaml)).toBeGreaterThan(1024 * 1024);
    const result = await save(editor, cookie, yaml, before.version);
    expect([result.type, result.status]).toEqual(['failure', 413]);
    expect(result.data).toContain('ร่างยาวเกินไป');
    expect(result.data).toContain('the draft is too long');
    expect(stored(editor)).toEqual(before);
  });

  it('refuses a body larger than the server takes (413) before reading it, and keeps the stored draft', async () => {
    const before = stored(editor);
    const result = await save(editor, cookie, 'x'.repeat(3 * 1024 * 1024), before.version);
    expect(result.status).toBe(413);
    expect(stored(editor)).toEqual(before);
    expect((await fetch(`${editor.base}/api/v1/periods`)).status).toBe(200);
  });

  it('refuses a text that names another mission even when it also has a schema error, and keeps the draft', async () => {
    const before = stored(editor);
    const moved = before.yaml.replace(`mission: ${MISSION}`, 'mission: otop') + 'notAField: 1\n';
    expect(moved).toContain('mission: otop');
    const result = await save(editor, cookie, moved, before.version);
    expect([result.type, result.status]).toEqual(['failure', 400]);
    expect(result.data).toContain(`ร่างนี้ต้องเป็นภารกิจ ${MISSION}`);
    expect(result.data).toContain('the text names otop');
    expect(stored(editor)).toEqual(before);
  });

  it('saves a 20,000-key draft, and opens its page, while the public API goes on answering', async () => {
    const before = stored(editor);
    const yaml = withKeys(20_000);
    // Reading the draft takes its worker a good part of a second: on the request thread it would
    // leave the API no answer until the save returned (one or two sent before it at most).
    const save20k = await answersDuring(editor.base, save(editor, cookie, yaml, before.version));
    expect([save20k.result.type, save20k.result.status]).toEqual(['success', 200]);
    expect(save20k.answered).toBeGreaterThanOrEqual(5);
    expect(stored(editor).yaml).toBe(yaml);
    // The page shows the draft's analysis, made in a worker as well.
    const page = await answersDuring(editor.base, fetch(`${editor.base}${PATH}`, { headers: { cookie } }).then(async (r) => ({ status: r.status, html: await r.text() })));
    expect(page.result.status).toBe(200);
    expect(page.result.html).toContain('unknownKey19999');
    expect(page.answered).toBeGreaterThanOrEqual(5);
  });
});

describe('a draft whose reading runs over the time limit', () => {
  let editor: Editor;
  let cookie: string;

  beforeAll(async () => {
    process.env.RUBRIC_ANALYSIS_TIMEOUT_MS = '20';
    try {
      editor = await startEditor([{ username: 'edna', role: 'editor', password: 'amber-orchard-93' }]);
    } finally {
      delete process.env.RUBRIC_ANALYSIS_TIMEOUT_MS;
    }
    cookie = await signIn(editor);
  }, 30_000);
  afterAll(() => editor?.stop());

  it('is refused with 422 in Thai and English and leaves the draft as it was, while the API answers', async () => {
    const before = stored(editor);
    const slow = await save(editor, cookie, withKeys(20_000), before.version);
    expect([slow.type, slow.status]).toEqual(['failure', 422]);
    expect(slow.data).toContain('ตรวจเกณฑ์นี้ไม่เสร็จภายใน 0.02 วินาที');
    expect(slow.data).toContain('did not finish within 0.02 s');
    expect(stored(editor)).toEqual(before);
    expect((await fetch(`${editor.base}/api/v1/periods`)).status).toBe(200);
  });
});
