import * as crypto from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  addUser,
  authenticate,
  createSession,
  endSession,
  hashPassword,
  hasRole,
  listUsers,
  printable,
  randomPassword,
  removeUser,
  revokeSessions,
  sessionUser,
  setPassword,
  setRole,
  userSessions,
  verifyPassword,
  type AccountSettled,
} from '../../../engine/store/accounts.js';
import { openDb, type Db } from '../../../engine/store/db.js';
import { valueOf } from '../../settled.js';
import { tempDir } from '../../temp.js';

// Every key derivation goes through node:crypto; count them, whichever function is used.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, scrypt: vi.fn(actual.scrypt), scryptSync: vi.fn(actual.scryptSync) };
});

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function freshDb(): Db {
  const dir = tempDir('rubric-accounts-');
  dirs.push(dir);
  return openDb(join(dir, 'editor.db'));
}

/** A refused account change as the tests read it: the rule broken, its code and status, and its English and Thai words. */
interface AccountRefusal {
  rule: string;
  code: string;
  status: number;
  message: string;
  th: string;
}

/** The refusal an account change returns (a change never throws one). */
async function refusal(attempt: () => AccountSettled<unknown> | Promise<AccountSettled<unknown>>): Promise<AccountRefusal> {
  const settled = await attempt();
  if (settled.ok) throw new Error('expected a refusal');
  const { problem, status, detail } = settled;
  return { rule: detail.rule, code: problem.code, status, message: problem.message.en, th: problem.message.th };
}

const GOOD = 'correct horse battery';

describe('accounts', () => {
  it('hashes passwords with scrypt and a salt, and checks them', async () => {
    const a = await hashPassword('correct horse');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(await hashPassword('correct horse'));
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct hors', a)).toBe(false);
    expect(await verifyPassword('correct horse', 'not a hash')).toBe(false);
  });

  it('signs in, keeps a session by a token stored only as a hash, and ends it', async () => {
    const db = freshDb();
    const user = valueOf(await addUser(db, { username: 'somchai', role: 'editor', password: GOOD }));
    expect(await authenticate(db, 'somchai', 'wrong-password-here')).toBeUndefined();
    expect(await authenticate(db, 'nobody', GOOD)).toBeUndefined();
    expect(await authenticate(db, 'somchai', GOOD)).toMatchObject({ username: 'somchai', role: 'editor' });
    const token = createSession(db, user.id);
    expect(db.prepare('SELECT token_hash FROM sessions').pluck().all()).not.toContain(token);
    expect(sessionUser(db, token)?.username).toBe('somchai');
    endSession(db, token);
    expect(sessionUser(db, token)).toBeUndefined();
  });

  it('refuses bad names, unknown roles and duplicates', async () => {
    const db = freshDb();
    expect((await refusal(() => addUser(db, { username: 'a', role: 'editor', password: GOOD }))).rule).toBe('username');
    expect((await refusal(() => addUser(db, { username: 'ok', role: 'admin' as 'editor', password: GOOD }))).rule).toBe('role');
    valueOf(await addUser(db, { username: 'ok', role: 'viewer', password: GOOD }));
    expect((await refusal(() => addUser(db, { username: 'ok', role: 'viewer', password: GOOD }))).message).toMatch(/already exists/);
    expect((await refusal(() => addUser(db, { username: 'ok', role: 'viewer', password: GOOD }))).code).toBe('USER_EXISTS');
  });

  it('orders roles viewer < editor < publisher', () => {
    expect(hasRole({ role: 'publisher' }, 'editor')).toBe(true);
    expect(hasRole({ role: 'editor' }, 'publisher')).toBe(false);
    expect(hasRole(null, 'viewer')).toBe(false);
  });
});

describe('signing in costs the same for a known and an unknown username', () => {
  const scrypt = vi.mocked(crypto.scrypt);
  const scryptSync = vi.mocked(crypto.scryptSync);

  /** The key derivations one call made: [function, N, r, p, key length]. */
  async function derivations(call: () => Promise<unknown>): Promise<unknown[][]> {
    scrypt.mockClear();
    scryptSync.mockClear();
    await call();
    const options = (o: unknown) => {
      const { N, r, p } = o as crypto.ScryptOptions;
      return [N, r, p];
    };
    return [
      ...scrypt.mock.calls.map((c) => ['scrypt', ...options(c[3]), c[2]]),
      ...scryptSync.mock.calls.map((c) => ['scryptSync', ...options(c[3]), c[2]]),
    ];
  }

  it('runs exactly one asynchronous scrypt, with the same parameters, for a known or an unknown name', async () => {
    const db = freshDb();
    valueOf(await addUser(db, { username: 'somchai', role: 'editor', password: GOOD }));
    const known = await derivations(() => authenticate(db, 'somchai', 'wrong-password-here'));
    const right = await derivations(() => authenticate(db, 'somchai', GOOD));
    const unknown = await derivations(() => authenticate(db, 'nobody', 'wrong-password-here'));
    const unknownAgain = await derivations(() => authenticate(db, 'nobody-else', GOOD));
    expect(unknown).toEqual(known);
    expect(unknownAgain).toEqual(known);
    expect(right).toEqual(known);
    // One scrypt, off the event loop (the callback form runs on libuv's thread pool).
    expect(known).toEqual([['scrypt', 16384, 8, 1, 64]]);
  });
});

describe('the password policy', () => {
  const refused: [string, string, RegExp, RegExp][] = [
    // password, its rule, the English and the Thai that name the rule
    ['password', 'password-length', /at least 12 characters/, /อย่างน้อย 12 ตัวอักษร/],
    ['12345678', 'password-length', /at least 12 characters/, /อย่างน้อย 12 ตัวอักษร/],
    ['        ', 'password-whitespace', /only spaces/, /ช่องว่างล้วน/],
    [' \t\u00a0 '.repeat(4), 'password-whitespace', /only spaces/, /ช่องว่างล้วน/],
    // Eleven code points, twenty-two UTF-16 units: too short.
    [String.fromCodePoint(...Array.from({ length: 11 }, (_, i) => 0x1d4d0 + i)), 'password-length', /at least 12 characters \(it has 11\)/, /ได้ 11/],
    ['qwertyuiop12', 'password-common', /common/, /ใช้กันทั่วไป/],
    ['password1234', 'password-common', /common/, /ใช้กันทั่วไป/],
    ['PASSWORD!!2567', 'password-common', /common/, /ใช้กันทั่วไป/],
    ['123456789012', 'password-common', /common/, /ใช้กันทั่วไป/],
    ['๑๒๓๔๕๖๗๘๙๐๑๒', 'password-common', /common/, /ใช้กันทั่วไป/],
    // The Thai keyboard's qwertyuiop[] row, and "password" typed with the keyboard left in Thai.
    ['ๆไำพะัีรนยบล', 'password-common', /common/, /ใช้กันทั่วไป/],
    ['ยฟหหไนพก1234', 'password-common', /common/, /ใช้กันทั่วไป/],
    ['รักคุณ123456', 'password-common', /common/, /ใช้กันทั่วไป/],
    ['aaaaaaaaaaaaaa', 'password-common', /common/, /ใช้กันทั่วไป/],
    ['somchai-garden-2567', 'password-username', /must not contain the username/, /ชื่อผู้ใช้/],
    ['My-SOMCHAI-garden', 'password-username', /must not contain the username/, /ชื่อผู้ใช้/],
  ];

  it.each(refused)('refuses %j (%s) in user add, with a Thai and English message naming the rule', async (password, rule, en, th) => {
    const db = freshDb();
    const error = await refusal(() => addUser(db, { username: 'somchai', role: 'editor', password }));
    expect(error.rule).toBe(rule);
    expect(error.message).toMatch(en);
    expect(error.th).toMatch(th);
    expect(listUsers(db)).toEqual([]);
  });

  it('refuses the same in passwd, and keeps the old password', async () => {
    const db = freshDb();
    valueOf(await addUser(db, { username: 'somchai', role: 'editor', password: GOOD }));
    for (const [password, rule] of refused) expect((await refusal(() => setPassword(db, 'somchai', password))).rule).toBe(rule);
    expect(await authenticate(db, 'somchai', GOOD)).toBeDefined();
  });

  it('accepts long passphrases, Thai ones counted in code points, and the passwords it makes up', async () => {
    const db = freshDb();
    valueOf(await addUser(db, { username: 'somchai', role: 'editor', password: GOOD }));
    valueOf(await addUser(db, { username: 'malee', role: 'editor', password: 'ข้าวเหนียวมะม่วง' }));
    valueOf(await addUser(db, { username: 'ab', role: 'viewer', password: randomPassword('ab') }));
    expect(await authenticate(db, 'malee', 'ข้าวเหนียวมะม่วง')).toBeDefined();
  });
});

describe('names', () => {
  it('refuses control characters (C0, C1, ESC, bidi overrides) in usernames and display names', async () => {
    const db = freshDb();
    for (const username of ['evil\x1b[31m', 'evil\n', 'evil\u009b', 'ev\u0000il']) {
      const error = await refusal(() => addUser(db, { username, role: 'viewer', password: GOOD }));
      expect(error.rule).toBe('control');
      expect(error.message).not.toMatch(/[\x00-\x1f\x7f-\x9f]/);
    }
    for (const name of ['Somchai\x1b]0;pwned\x07', 'line\nbreak', 'csi\u009b2J', 'ab\u202ecd', 'tab\there', 'del\x7f']) {
      const error = await refusal(() => addUser(db, { username: 'somchai', role: 'viewer', password: GOOD, name }));
      expect(error.rule).toBe('control');
      expect(error.th).toMatch(/อักขระควบคุม/);
    }
    valueOf(await addUser(db, { username: 'somchai', role: 'viewer', password: GOOD, name: 'สมชาย ใจดี' }));
    expect(listUsers(db).map((u) => u.name)).toEqual(['สมชาย ใจดี']);
  });

  it('prints control characters as escapes', () => {
    expect(printable('a\x1b[31mb\u009bc\u202ed\te')).toBe('a\\x1b[31mb\\x9bc\\u{202e}d\\x09e');
    expect(printable('สมชาย ใจดี')).toBe('สมชาย ใจดี');
  });
});

describe('changing accounts', () => {
  it('changes a password and ends the sessions of the account', async () => {
    const db = freshDb();
    const user = valueOf(await addUser(db, { username: 'somchai', role: 'editor', password: GOOD }));
    const token = createSession(db, user.id);
    expect(valueOf(await setPassword(db, 'somchai', 'a brand new passphrase'))).toBe(1);
    expect(sessionUser(db, token)).toBeUndefined();
    expect(await authenticate(db, 'somchai', GOOD)).toBeUndefined();
    expect(await authenticate(db, 'somchai', 'a brand new passphrase')).toBeDefined();
  });

  it('changes roles, removes users, ends sessions; refuses unknown users', async () => {
    const db = freshDb();
    valueOf(await addUser(db, { username: 'pat', role: 'publisher', password: GOOD }));
    const edna = valueOf(await addUser(db, { username: 'edna', role: 'editor', password: GOOD }));
    const [a, b] = [createSession(db, edna.id), createSession(db, edna.id)];
    expect(valueOf(userSessions(db, 'edna'))).toHaveLength(2);
    expect(valueOf(revokeSessions(db, 'edna'))).toBe(2);
    expect([sessionUser(db, a), sessionUser(db, b)]).toEqual([undefined, undefined]);
    expect(valueOf(setRole(db, 'edna', 'publisher')).role).toBe('publisher');
    const token = createSession(db, edna.id);
    expect(valueOf(removeUser(db, 'edna')).username).toBe('edna');
    expect(sessionUser(db, token)).toBeUndefined();
    expect(listUsers(db).map((u) => u.username)).toEqual(['pat']);
    for (const change of [
      () => setPassword(db, 'ghost', 'a brand new passphrase'),
      () => setRole(db, 'ghost', 'viewer'),
      () => removeUser(db, 'ghost'),
      () => revokeSessions(db, 'ghost'),
      () => userSessions(db, 'ghost'),
    ]) {
      const error = await refusal(change);
      expect([error.rule, error.code, error.status, error.message, error.th]).toEqual(['unknown', 'NO_SUCH_USER', 404, 'there is no user ghost', 'ไม่มีผู้ใช้ ghost']);
    }
  });

  it('keeps the last publisher: it can be neither removed nor demoted', async () => {
    const db = freshDb();
    valueOf(await addUser(db, { username: 'pat', role: 'publisher', password: GOOD }));
    valueOf(await addUser(db, { username: 'edna', role: 'editor', password: GOOD }));
    for (const change of [() => removeUser(db, 'pat'), () => setRole(db, 'pat', 'editor')]) {
      const error = await refusal(change);
      expect([error.rule, error.code, error.status]).toEqual(['last-publisher', 'LAST_PUBLISHER', 409]);
      expect(error.message).toMatch(/last publisher/);
      expect(error.th).toMatch(/ผู้เผยแพร่คนสุดท้าย/);
    }
    valueOf(setRole(db, 'edna', 'publisher'));
    valueOf(setRole(db, 'pat', 'editor'));
    valueOf(removeUser(db, 'pat'));
    expect(listUsers(db).map((u) => [u.username, u.role])).toEqual([['edna', 'publisher']]);
  });
});

describe('sessions', () => {
  const HOUR = 3_600_000;
  const limits = { maxMs: 12 * HOUR, idleMs: HOUR };

  it('end after the idle timeout without use, and after the absolute length however used', async () => {
    const db = freshDb();
    const user = valueOf(await addUser(db, { username: 'somchai', role: 'editor', password: GOOD }));
    const t0 = Date.UTC(2024, 5, 30, 8);
    const idle = createSession(db, user.id, { at: t0, limits });
    expect(sessionUser(db, idle, { at: t0 + 50 * 60_000, limits })?.username).toBe('somchai');
    // Used at 0:50, so still valid at 1:40; then not used for over an hour.
    expect(sessionUser(db, idle, { at: t0 + 100 * 60_000, limits })?.username).toBe('somchai');
    expect(sessionUser(db, idle, { at: t0 + 161 * 60_000, limits })).toBeUndefined();

    const busy = createSession(db, user.id, { at: t0, limits });
    for (let at = t0 + 30 * 60_000; at < t0 + 12 * HOUR; at += 30 * 60_000) expect(sessionUser(db, busy, { at, limits })).toBeDefined();
    expect(sessionUser(db, busy, { at: t0 + 12 * HOUR, limits })).toBeUndefined();
  });

  it('of a database made before the idle timeout are kept, counted as used at the upgrade, then idle out', () => {
    const dir = tempDir('rubric-accounts-');
    dirs.push(dir);
    const path = join(dir, 'old.db');
    const old = new Database(path);
    old.exec(`CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE, name TEXT NOT NULL DEFAULT '', role TEXT NOT NULL, password_hash TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE, expires_at INTEGER NOT NULL);
      INSERT INTO users VALUES (1, 'somchai', '', 'editor', 'x', '2024-01-01');`);
    old.prepare('INSERT INTO sessions VALUES (?, 1, ?)').run(crypto.createHash('sha256').update('old-token').digest('hex'), Date.now() + 10 * HOUR);
    old.close();
    const db = openDb(path);
    const upgraded = Date.now();
    expect(sessionUser(db, 'old-token', { at: upgraded + 10 * 60_000, limits })?.username).toBe('somchai');
    expect(sessionUser(db, 'old-token', { at: upgraded + 71 * 60_000, limits })).toBeUndefined();
  });
});
