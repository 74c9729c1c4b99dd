import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { authenticate, createSession, sessionUser } from '../../../engine/store/accounts.js';
import { openDb } from '../../../engine/store/db.js';

import { tempDir } from '../../temp.js';
import { runCli, type CliRun } from './run.js';

// `rubric user` as an administrator runs it, through main() with the password on its standard
// input, and a real database file (bin.test.ts runs the built bin itself).
const dir = tempDir('rubric-user-');

let db = '';
let count = 0;
beforeEach(() => {
  db = join(dir, `editor-${++count}.db`);
});

function rubric(args: string[], input?: string): Promise<CliRun> {
  return runCli(['user', ...args, '--db', db], input === undefined ? {} : { input });
}

function add(username: string, role: string, password: string, ...more: string[]): Promise<CliRun> {
  return rubric(['add', username, '--role', role, '--password-stdin', ...more], password + '\n');
}

const GOOD = 'correct horse battery';

describe('rubric user add and passwd enforce the password policy', () => {
  const cases: [string, RegExp, RegExp][] = [
    ['password', /at least 12 characters/, /อย่างน้อย 12 ตัวอักษร/],
    ['12345678', /at least 12 characters/, /อย่างน้อย 12 ตัวอักษร/],
    ['        ', /only spaces/, /ช่องว่างล้วน/],
    ['qwertyuiop12', /list of common, easily guessed passwords/, /รหัสผ่านที่ใช้กันทั่วไป/],
    ['ฟหกดเ้่าสวง12', /list of common, easily guessed passwords/, /รหัสผ่านที่ใช้กันทั่วไป/],
    ['somchai-at-home', /must not contain the username/, /ต้องไม่มีชื่อผู้ใช้/],
  ];

  it.each(cases)('user add refuses %j with exit 1 and the rule in Thai and English', async (password, en, th) => {
    const run = await add('somchai', 'editor', password);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(en);
    expect(run.stderr).toMatch(th);
  });

  it('user passwd refuses them too', async () => {
    expect((await add('somchai', 'editor', GOOD)).code).toBe(0);
    for (const [password, en, th] of cases.filter((_, i) => i % 2 === 0)) {
      const passwd = await rubric(['passwd', 'somchai', '--password-stdin'], password + '\n');
      expect(passwd.code).toBe(1);
      expect(passwd.stderr).toMatch(en);
      expect(passwd.stderr).toMatch(th);
    }
    expect((await rubric(['list'])).stdout).toBe('somchai\teditor\t\n');
  });
});

describe('rubric user names', () => {
  it('refuses control characters in a username or display name, and never echoes them raw', async () => {
    for (const run of [
      await add('evil\x1b[2J', 'viewer', GOOD),
      await add('somchai', 'viewer', GOOD, '--name', 'Somchai\x1b]0;owned\x07'),
      await add('somchai', 'viewer', GOOD, '--name', 'csi\u009b2J'),
    ]) {
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/must not contain control characters/);
      expect(run.stderr).toMatch(/อักขระควบคุม/);
      expect(run.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    }
    expect((await rubric(['list'])).stdout).toBe('');
  });

  it('user list prints a control character stored by other means as an escape', async () => {
    expect((await add('somchai', 'editor', GOOD, '--name', 'สมชาย ใจดี')).code).toBe(0);
    openDb(db).prepare('UPDATE users SET name = ? WHERE username = ?').run('Somchai\x1b[31m\u009b\ttab', 'somchai');
    const run = await rubric(['list']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('somchai\teditor\tSomchai\\x1b[31m\\x9b\\x09tab\n');
  });
});

describe('rubric user passwd, role, remove, sessions', () => {
  it('changes a password from standard input or to a made-up one, ending the sessions', async () => {
    expect((await add('somchai', 'editor', GOOD)).code).toBe(0);
    const store = openDb(db);
    const token = createSession(store, (await authenticate(store, 'somchai', GOOD))!.id);
    const run = await rubric(['passwd', 'somchai', '--password-stdin'], 'a brand new passphrase\n');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/changed the password of somchai; ended 1 session/);
    expect(sessionUser(store, token)).toBeUndefined();
    expect(await authenticate(store, 'somchai', GOOD)).toBeUndefined();
    expect(await authenticate(store, 'somchai', 'a brand new passphrase')).toBeDefined();
    const made = await rubric(['passwd', 'somchai']);
    const password = /password \(shown once\): (\S+)/.exec(made.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(await authenticate(store, 'somchai', password!)).toBeDefined();
  });

  it('changes roles and removes users, but keeps the last publisher', async () => {
    expect((await add('pat', 'publisher', GOOD)).code).toBe(0);
    expect((await add('edna', 'editor', GOOD)).code).toBe(0);
    const last = await rubric(['remove', 'pat']);
    expect([last.code, last.stderr]).toEqual([1, expect.stringMatching(/ผู้เผยแพร่คนสุดท้าย.* \/ cannot remove pat: it is the last publisher/)]);
    expect((await rubric(['role', 'pat', '--role', 'viewer'])).stderr).toMatch(/cannot change the role of pat: it is the last publisher/);
    const role = await rubric(['role', 'edna', '--role', 'publisher']);
    expect([role.code, role.stdout]).toEqual([0, 'บทบาทของ edna เป็น publisher แล้ว / edna is now publisher\n']);
    expect((await rubric(['role', 'edna', '--role', 'admin'])).stderr).toMatch(/the role must be viewer, editor or publisher/);
    expect((await rubric(['role', 'edna'])).code).toBe(2);
    expect((await rubric(['remove', 'pat'])).code).toBe(0);
    expect((await rubric(['list'])).stdout).toBe('edna\tpublisher\t\n');
  });

  it('lists and ends every session of a user', async () => {
    expect((await add('edna', 'editor', GOOD)).code).toBe(0);
    expect((await add('vic', 'viewer', GOOD)).code).toBe(0);
    const store = openDb(db);
    const id = (name: string) => (store.prepare('SELECT id FROM users WHERE username = ?').pluck().get(name) as number);
    const edna = [createSession(store, id('edna')), createSession(store, id('edna'))];
    const vic = createSession(store, id('vic'));
    expect((await rubric(['sessions', 'edna'])).stdout).toMatch(/^edna: 2 เซสชันที่ยังใช้ได้ \/ 2 active sessions\n/);
    const run = await rubric(['sessions', 'edna', '--revoke']);
    expect([run.code, run.stdout]).toEqual([0, 'ออกจากระบบ 2 เซสชันของ edna แล้ว / ended 2 sessions of edna\n']);
    expect(edna.map((t) => sessionUser(store, t))).toEqual([undefined, undefined]);
    expect(sessionUser(store, vic)?.username).toBe('vic');
  });

  it('refuses every change to an unknown user with exit 1', async () => {
    expect((await add('pat', 'publisher', GOOD)).code).toBe(0);
    for (const [args, input] of [
      [['passwd', 'ghost', '--password-stdin'], 'a brand new passphrase\n'],
      [['role', 'ghost', '--role', 'editor']],
      [['remove', 'ghost']],
      [['sessions', 'ghost', '--revoke']],
      [['sessions', 'ghost']],
    ] as [string[], string?][]) {
      const run = await rubric(args, input);
      expect([run.code, run.stderr], args.join(' ')).toEqual([1, 'rubric: ไม่มีผู้ใช้ ghost / there is no user ghost\n']);
    }
  });

  it('refuses options that belong to another action', async () => {
    expect((await rubric(['remove', 'pat', '--revoke'])).stderr).toMatch(/user remove does not take --revoke/);
    expect((await rubric(['frobnicate', 'pat'])).code).toBe(2);
  });
});
