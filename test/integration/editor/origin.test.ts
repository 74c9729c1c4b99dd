// ORIGIN behind TLS, against the built server (`npm run build` first). A server left at the default
// http ORIGIN behind an https proxy would give sign-in cookies without Secure: it answers such a
// request with an error naming the fix instead, and logs it once. A server on a public HOST does not
// start without ORIGIN.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, freePort, startEditor, type Editor } from '../../browser/harness.js';
import { tempDir } from '../../temp.js';

const root = join(import.meta.dirname, '../../..');
const USER = { username: 'somchai', role: 'editor', password: 'garden-river-2567' };
const FIX = 'ORIGIN=https://';

const openapi = parse(readFileSync(join(root, 'schemas/openapi.yaml'), 'utf8')) as { components: { schemas: Record<string, object> } };
const ajv = new Ajv2020({ strict: false });
ajv.addSchema({ $id: 'api', components: openapi.components });
const isApiError = ajv.getSchema('api#/components/schemas/Error')!;

describe('a request that came over https to a server whose ORIGIN is http', () => {
  let editor: Editor;
  beforeAll(async () => {
    editor = await startEditor([USER]);
  }, 60_000);
  afterAll(() => editor?.stop());

  const request = (path: string, init: RequestInit = {}) => fetch(`${editor.base}${path}`, { redirect: 'manual', ...init });
  const signIn = (headers: Record<string, string>) =>
    request('/login', {
      method: 'POST',
      body: new URLSearchParams({ username: USER.username, password: USER.password }),
      headers: { origin: editor.base, accept: 'text/html', ...headers },
    });

  it('gets a page in Thai and English telling the operator to set ORIGIN=https://…, and no session cookie', async () => {
    const page = await request('/login', { headers: { 'x-forwarded-proto': 'https', accept: 'text/html' } });
    expect(page.status).toBe(500);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('<html lang="th">');
    expect(html).toContain('ตั้งค่าเซิร์ฟเวอร์ไม่ถูกต้อง');
    expect(html).toContain('The server is misconfigured: this request came over https (X-Forwarded-Proto: https)');
    expect(html).toContain(FIX);

    // The right password over https: refused, and no cookie at all, let alone one without Secure.
    for (const headers of [{ 'x-forwarded-proto': 'https' }, { forwarded: 'for=192.0.2.60;proto=https;by=203.0.113.43' }, { 'x-forwarded-proto': 'https, http' }, { forwarded: 'for=192.0.2.60, for=198.51.100.17;Proto="HTTPS"' }]) {
      const answer = await signIn(headers);
      expect(answer.status, JSON.stringify(headers)).toBe(500);
      expect(answer.headers.get('set-cookie'), JSON.stringify(headers)).toBeNull();
      expect(await answer.text()).toContain(FIX);
    }
  });

  it('gets the API\'s JSON error on the API (fast path included) and when it asks for JSON', async () => {
    for (const [path, accept] of [
      ['/api/v1/periods', '*/*'],
      ['/api/v1/periods/2567-Q3/missions/otop/r1.yaml', '*/*'],
      ['/p/2567-Q3/otop/__data.json', 'application/json'],
    ] as const) {
      const answer = await request(path, { headers: { forwarded: 'proto=https', accept } });
      expect(answer.status, path).toBe(500);
      expect(answer.headers.get('content-type'), path).toBe('application/json; charset=utf-8');
      const body = await answer.json();
      expect(isApiError(body), path).toBe(true);
      expect(body.error).toMatchObject({ status: 500, code: 'ORIGIN_NOT_HTTPS' });
      expect(body.error.message.th).toContain(FIX);
      expect(body.error.message.en).toContain(`came over https (Forwarded: proto=https) but ORIGIN is ${editor.base}`);
    }
  });

  it('escapes what the client sent when it shows it', async () => {
    const html = await (await request('/', { headers: { 'x-forwarded-proto': 'https,<script>alert(1)</script>' } })).text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
  });

  it('is served as usual without such a header, or when the proxy says http', async () => {
    expect((await request('/login', { headers: { 'x-forwarded-proto': 'http' } })).status).toBe(200);
    const answer = await signIn({});
    expect(answer.status).toBe(303);
    expect(answer.headers.get('set-cookie')).toMatch(/^session=/);
  });

  it('is logged once to stderr, in Thai and English', async () => {
    await expect.poll(() => editor.output()).toContain('The server is misconfigured');
    expect(editor.output().split('The server is misconfigured').length - 1).toBe(1);
    expect(editor.output()).toContain('ตั้งค่าเซิร์ฟเวอร์ไม่ถูกต้อง');
  });
});

/** Servers started below, stopped after the file's tests if one is still running. */
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) child.kill();
});

/** Runs `node editor/serve.js` with these settings until it exits or prints that it listens; then stops it. */
async function serve(env: Record<string, string | undefined>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const dir = tempDir('rubric-origin-');
  const db = join(dir, 'editor.db');
  addUser(db, USER.username, USER.role, USER.password);
  const settings: Record<string, string | undefined> = { ...process.env, PORT: String(await freePort()), RUBRIC_DB: db, HOST: undefined, ORIGIN: undefined, ...env };
  const child = spawn(process.execPath, [join(root, 'editor/serve.js')], {
    env: Object.fromEntries(Object.entries(settings).filter((e): e is [string, string] => e[1] !== undefined)),
  });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => {
    child.stdout.on('data', () => {
      if (stdout.includes('Listening on')) child.kill();
    });
    child.on('close', (code) => {
      children.delete(child);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('starting the server', () => {
  it('refuses a public HOST without ORIGIN, saying why in Thai and English', async () => {
    const run = await serve({ HOST: '0.0.0.0' });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('Listening on');
    expect(run.stderr).toContain('ตัวแก้ไขไม่เริ่มทำงาน: HOST=0.0.0.0 ไม่ใช่ที่อยู่ภายในเครื่องนี้ จึงต้องกำหนด ORIGIN');
    expect(run.stderr).toContain('The editor did not start: HOST=0.0.0.0 is not a loopback address, so ORIGIN must be set');
  });

  it('refuses an ORIGIN that is not an http or https address', async () => {
    const run = await serve({ ORIGIN: 'rubrics.cdd.go.th' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('ORIGIN ต้องเป็นที่อยู่ที่ขึ้นต้นด้วย https:// หรือ http://');
    expect(run.stderr).toContain('ORIGIN must be an address starting with https:// or http://, e.g. ORIGIN=https://rubrics.cdd.go.th (received "rubrics.cdd.go.th")');
  });

  it('starts on 127.0.0.1 with the defaults, and on a public HOST once ORIGIN is set', async () => {
    const defaults = await serve({});
    expect(defaults.stdout).toMatch(/Listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(defaults.stderr).not.toContain('ORIGIN');
    const public_ = await serve({ HOST: '0.0.0.0', ORIGIN: 'https://rubrics.example' });
    expect(public_.stdout).toContain('rubric editor: https://rubrics.example');
    expect(public_.stdout).toMatch(/Listening on http:\/\/0\.0\.0\.0:\d+/);
  });
});
