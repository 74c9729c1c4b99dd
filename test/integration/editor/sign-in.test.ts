import { request } from 'node:http';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startEditor, type Editor } from '../../browser/harness.js';

// Sign-in over HTTP against the built server (`npm run build` first), each server started with
// the throttle and session settings its tests need, as an office would set them in the environment.

/** Starts the built editor with these environment variables (the harness passes its own on). */
async function editorWith(env: Record<string, string>, users: { username: string; role: string; password: string }[]): Promise<Editor> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await startEditor(users);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

const servers: Editor[] = [];
afterAll(() => {
  for (const server of servers) {
    server.stop();
    rmSync(dirname(server.db), { recursive: true, force: true });
  }
});

interface Answer {
  status: number;
  location: string | undefined;
  retryAfter: string | undefined;
  cookie: string | undefined;
  body: string;
  /** performance.now() when the answer had arrived. */
  at: number;
}

/**
 * One HTTP request from a chosen loopback address (127.0.0.x all reach the server on 127.0.0.1),
 * so that the server sees different clients.
 */
function call(editor: Editor, path: string, options: { method?: string; from?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Answer> {
  const url = new URL(path, editor.base);
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: options.method ?? (body ? 'POST' : 'GET'),
        localAddress: options.from ?? '127.0.0.1',
        agent: false,
        headers: {
          accept: 'text/html',
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded', origin: editor.base } : {}),
          ...options.headers,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            location: response.headers.location,
            retryAfter: response.headers['retry-after'],
            cookie: response.headers['set-cookie']?.[0]?.split(';')[0],
            body: text,
            at: performance.now(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const signIn = (editor: Editor, username: string, password: string, from = '127.0.0.1', headers: Record<string, string> = {}) =>
  call(editor, '/login', { form: { username, password }, from, headers });

/** The sign-in page's message, as a person reads it (in the page's one language). */
function alert(answer: Answer): string {
  const match = /<p class="error[^"]*" role="alert"[^>]*>([\s\S]*?)<\/p>/.exec(answer.body);
  return (match?.[1] ?? '').replace(/<[^>]*>/g, '').replace(/&amp;/g, '&');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The first wait past the free failures: long enough that a loaded machine still answers the next attempt within it. */
const DELAY_SECONDS = 2;

const SOMCHAI = { username: 'somchai', role: 'editor', password: 'garden-river-2567' };
const MALEE = { username: 'malee', role: 'viewer', password: 'mango-sticky-rice' };

describe('sign-in throttling', () => {
  let editor: Editor;
  beforeAll(async () => {
    editor = await editorWith(
      {
        RUBRIC_LOGIN_ACCOUNT_FREE: '2',
        RUBRIC_LOGIN_ACCOUNT_LOCK_AFTER: '4',
        RUBRIC_LOGIN_ADDRESS_FREE: '5',
        RUBRIC_LOGIN_ADDRESS_LOCK_AFTER: '8',
        RUBRIC_LOGIN_DELAY_SECONDS: String(DELAY_SECONDS),
        RUBRIC_LOGIN_LOCK_SECONDS: '900',
      },
      [SOMCHAI, MALEE],
    );
    servers.push(editor);
  }, 60_000);

  it('locks an account after repeated wrong passwords, says so in Thai (or English when asked in English), and refuses the right password meanwhile', async () => {
    const from = '127.0.0.3';
    for (let i = 1; i <= 2; i++) {
      const wrong = await signIn(editor, 'somchai', `wrong-password-${i}`, from);
      expect([wrong.status, alert(wrong)]).toEqual([400, 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง']);
    }
    // Past the free failures each one makes the next attempt wait, growing.
    expect((await signIn(editor, 'somchai', 'wrong-password-3', from)).status).toBe(400);
    // Asked in English, answered in English only.
    const early = await signIn(editor, 'somchai', SOMCHAI.password, from, { cookie: 'lang=en' });
    expect(early.status).toBe(429);
    expect(alert(early)).toMatch(/try again in [12] seconds?/);
    expect(alert(early)).not.toMatch(/[\u0e00-\u0e7f]/);
    await sleep(DELAY_SECONDS * 1000 + 100);
    const locking = await signIn(editor, 'somchai', 'wrong-password-4', from);
    expect(locking.status).toBe(429);
    expect(alert(locking)).toMatch(/ลองใหม่ได้ในอีก 15 นาที/);
    expect(alert(locking)).not.toMatch(/try again/);
    expect(locking.body).toContain('data-locked="true"');

    // The right password is refused while the lock lasts, from this address or another.
    for (const client of [from, '127.0.0.4']) {
      // Thai from the office's address; English from the other, which chose English.
      const english = client !== from;
      const right = await signIn(editor, 'somchai', SOMCHAI.password, client, english ? { cookie: 'lang=en' } : {});
      expect(right.status, client).toBe(429);
      expect(right.cookie, client).toBeUndefined();
      expect(alert(right)).toBe(
        english
          ? 'Too many wrong passwords: this username is locked for now; try again in 15 minutes.'
          : 'ใส่รหัสผ่านผิดหลายครั้ง ชื่อผู้ใช้นี้จึงถูกล็อกชั่วคราว ลองใหม่ได้ในอีก 15 นาที',
      );
      expect(Number(right.retryAfter)).toBeGreaterThan(890);
    }
    // Another account is not held by this one's lock.
    expect((await signIn(editor, 'malee', MALEE.password, '127.0.0.4')).status).toBe(303);
  });

  it('throttles each client address on its own, and does not believe X-Forwarded-For', async () => {
    const from = '127.0.0.5';
    // Wrong passwords for many names, a few each: no one name is locked, the address is.
    const answers: Answer[] = [];
    for (let i = 1; i <= 8; i++) {
      answers.push(await signIn(editor, `nobody-${i}`, 'wrong-password', from));
      if (i > 5) await sleep(DELAY_SECONDS * 1000 * 2 ** (i - 6) + 100);
    }
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 400, 400, 400, 429]);
    expect(alert(answers[7]!)).toMatch(/ที่อยู่เครือข่ายนี้.*ลองใหม่ได้ในอีก 15 นาที$/);

    const held = await signIn(editor, 'malee', MALEE.password, from);
    expect([held.status, held.cookie]).toEqual([429, undefined]);
    const spoofed = await signIn(editor, 'malee', MALEE.password, from, { 'x-forwarded-for': '203.0.113.9' });
    expect([spoofed.status, spoofed.cookie]).toEqual([429, undefined]);

    const elsewhere = await signIn(editor, 'malee', MALEE.password, '127.0.0.6');
    expect(elsewhere.status).toBe(303);
    expect(elsewhere.cookie).toMatch(/^session=/);
  });
});

describe('sign-in under load, and sessions', () => {
  let editor: Editor;
  beforeAll(async () => {
    // Limits high enough that every attempt below reaches the password check; sessions idle out after 2 s.
    editor = await editorWith(
      {
        RUBRIC_LOGIN_ACCOUNT_FREE: '1000',
        RUBRIC_LOGIN_ACCOUNT_LOCK_AFTER: '2000',
        RUBRIC_LOGIN_ADDRESS_FREE: '1000',
        RUBRIC_LOGIN_ADDRESS_LOCK_AFTER: '2000',
        RUBRIC_SESSION_IDLE_SECONDS: '2',
      },
      [SOMCHAI, MALEE],
    );
    servers.push(editor);
  }, 60_000);

  it('answers the public API while 20 sign-ins are checked', async () => {
    await call(editor, '/api/v1/periods');
    // Baseline, measured here: one sign-in alone.
    let start = performance.now();
    await signIn(editor, 'nobody', 'wrong-password');
    const single = performance.now() - start;

    start = performance.now();
    const burst = Array.from({ length: 20 }, (_, i) => signIn(editor, i % 2 ? `nobody-${i}` : 'somchai', `wrong-password-${i}`));
    // Once the first sign-in has been answered the burst is under way: ask the API then.
    const first = await Promise.race(burst);
    expect(first.status).toBe(400);
    const asked = performance.now();
    const api = await call(editor, '/api/v1/periods', { headers: { accept: 'application/json' } });
    const answers = await Promise.all(burst);
    const lastSignIn = Math.max(...answers.map((a) => a.at));

    expect(api.status).toBe(200);
    expect(answers.every((a) => a.status === 400)).toBe(true);
    // The API answered before the burst was over, in less time than three sign-ins take alone
    // (with scrypt on the event loop it waits for every sign-in queued before it).
    expect(api.at).toBeLessThan(lastSignIn);
    expect(api.at - asked).toBeLessThan(3 * single);
    console.log(`one sign-in ${single.toFixed(0)} ms; API during the burst ${(api.at - asked).toFixed(0)} ms; burst ${(lastSignIn - start).toFixed(0)} ms`);
  });

  it('ends a session left idle past RUBRIC_SESSION_IDLE_SECONDS, but not one in use', async () => {
    const signedIn = await signIn(editor, 'somchai', SOMCHAI.password);
    expect(signedIn.status).toBe(303);
    const cookie = signedIn.cookie!;
    const home = () => call(editor, '/', { headers: { cookie } });
    // In use every half second: still signed in after more than the idle timeout in all.
    for (let i = 0; i < 6; i++) {
      expect((await home()).status).toBe(200);
      await sleep(500);
    }
    expect((await home()).status).toBe(200);
    // Then left alone for longer than the timeout.
    await sleep(2500);
    const idle = await home();
    expect([idle.status, idle.location]).toEqual([303, '/login?next=%2F']);
  });

  it('ends every session of a user at `rubric user sessions <name> --revoke`', async () => {
    const signedIn = await signIn(editor, 'malee', MALEE.password);
    const cookie = signedIn.cookie!;
    expect((await call(editor, '/', { headers: { cookie } })).status).toBe(200);
    const run = await runCli('user', 'sessions', 'malee', '--revoke', '--db', editor.db);
    expect([run.code, run.stdout]).toEqual([0, 'ออกจากระบบ 1 เซสชันของ malee แล้ว / ended 1 session of malee\n']);
    const after = await call(editor, '/', { headers: { cookie } });
    expect([after.status, after.location]).toEqual([303, '/login?next=%2F']);
  });
});
