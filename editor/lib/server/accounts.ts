// Accounts, roles and sessions: scrypt password hashes and random session tokens, stored hashed.
import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { now, type Db } from './db.js';

/** What an account may do: viewers read, editors save drafts, publishers also publish. */
export type Role = 'viewer' | 'editor' | 'publisher';

/** The roles, least to most. */
export const ROLES: readonly Role[] = ['viewer', 'editor', 'publisher'];

/** A signed-in person. */
export interface User {
  id: number;
  username: string;
  name: string;
  role: Role;
}

/** How long a session lasts, in milliseconds. */
export const SESSION_MS = 12 * 60 * 60 * 1000;

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 64 };
const USERNAME = /^[a-z][a-z0-9._-]{1,31}$/;

/** True when the role may do what `needed` may. */
export function hasRole(user: Pick<User, 'role'> | null | undefined, needed: Role): boolean {
  return !!user && ROLES.indexOf(user.role) >= ROLES.indexOf(needed);
}

/** Hashes a password with scrypt and a random salt, as `scrypt$N$r$p$salt$hash`. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Checks a password against a stored hash in constant time. */
export function verifyPassword(password: string, stored: string): boolean {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(actual, expected);
}

/** A problem with an account request, said in Thai and English. */
export class AccountError extends Error {
  constructor(
    readonly th: string,
    en: string,
  ) {
    super(en);
    this.name = 'AccountError';
  }
}

/** Creates an account; returns it. The password must be at least 8 characters. */
export function addUser(db: Db, options: { username: string; role: Role; password: string; name?: string }): User {
  if (!USERNAME.test(options.username)) {
    throw new AccountError('ชื่อผู้ใช้ต้องเป็นอักษรตัวเล็ก ตัวเลข . _ - ยาว 2–32 ตัว', `the username must be 2–32 of a-z, 0-9, ".", "_", "-", starting with a letter (received "${options.username}")`);
  }
  if (!ROLES.includes(options.role)) throw new AccountError('บทบาทต้องเป็น viewer, editor หรือ publisher', `the role must be viewer, editor or publisher (received "${options.role}")`);
  if (options.password.length < 8) throw new AccountError('รหัสผ่านต้องยาวอย่างน้อย 8 ตัว', 'the password must be at least 8 characters');
  if (db.prepare('SELECT 1 FROM users WHERE username = ?').get(options.username)) {
    throw new AccountError(`มีผู้ใช้ ${options.username} อยู่แล้ว`, `the user ${options.username} already exists`);
  }
  const info = db
    .prepare('INSERT INTO users (username, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(options.username, options.name ?? '', options.role, hashPassword(options.password), now());
  return { id: Number(info.lastInsertRowid), username: options.username, name: options.name ?? '', role: options.role };
}

/** Every account, oldest first. */
export function listUsers(db: Db): User[] {
  return db.prepare('SELECT id, username, name, role FROM users ORDER BY id').all() as User[];
}

/** The account for a username and password, or undefined (the same for a wrong name or password). */
export function authenticate(db: Db, username: string, password: string): User | undefined {
  const row = db.prepare('SELECT id, username, name, role, password_hash FROM users WHERE username = ?').get(username) as
    | (User & { password_hash: string })
    | undefined;
  if (!row) {
    // Spend the same time as a real check, so a response time does not tell which names exist.
    verifyPassword(password, hashPassword('not a user'));
    return undefined;
  }
  if (!verifyPassword(password, row.password_hash)) return undefined;
  return { id: row.id, username: row.username, name: row.name, role: row.role };
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Starts a session; returns the token for the cookie (only its hash is stored). */
export function createSession(db: Db, userId: number): string {
  const token = randomBytes(32).toString('base64url');
  db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(Date.now());
  db.prepare('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (?, ?, ?)').run(tokenHash(token), userId, Date.now() + SESSION_MS);
  return token;
}

/** The account a session token belongs to, if the session is still valid. */
export function sessionUser(db: Db, token: string | undefined): User | undefined {
  if (!token) return undefined;
  return db
    .prepare(
      'SELECT u.id, u.username, u.name, u.role FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ?',
    )
    .get(tokenHash(token), Date.now()) as User | undefined;
}

/** Ends a session. */
export function endSession(db: Db, token: string | undefined): void {
  if (token) db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash(token));
}

/** A random password people can type: 16 letters and digits. */
export function randomPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join('');
}
