// Accounts and sessions: adding, changing and removing accounts (the administrator's changes, each
// returning its refusal), signing in, and random session tokens stored hashed. The rules and the
// password policy are account-rules.ts.
import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../node/digest.js';
import { accountRefusal, nameProblem, passwordProblem, printable, roleProblem, usernameProblem, type AccountRefused } from './account-rules.js';
import { authSettings } from './auth-settings.js';
import { now, type Db } from './db.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password-hash.js';
import { done } from './refusal.js';
import type { Role, User } from './roles.js';

export { MIN_PASSWORD_LENGTH, passwordProblem, printable, type AccountRefused, type AccountRule } from './account-rules.js';
export { hashPassword, verifyPassword } from './password-hash.js';
export { hasRole, ROLES, type Role, type User } from './roles.js';

// ---------------------------------------------------------------------------------------------
// Accounts.

function findRow(db: Db, username: string): (User & { password_hash: string }) | undefined {
  return db.prepare('SELECT id, username, name, role, password_hash FROM users WHERE username = ?').get(username) as
    | (User & { password_hash: string })
    | undefined;
}

/** What an account change returns: its value, or the refusal naming the rule broken. */
export type AccountSettled<T> = { ok: true; value: T } | AccountRefused;

/** The account of a username, or the refusal NO_SUCH_USER. */
function existing(db: Db, username: string): AccountSettled<User> {
  const row = findRow(db, username);
  if (!row) return accountRefusal('NO_SUCH_USER', { username: printable(username) });
  return done({ id: row.id, username: row.username, name: row.name, role: row.role });
}

/** Creates an account; returns it. The password must pass the policy (passwordProblem). */
export async function addUser(db: Db, options: { username: string; role: Role; password: string; name?: string }): Promise<AccountSettled<User>> {
  const refused =
    usernameProblem(options.username) ?? nameProblem(options.name ?? '') ?? roleProblem(options.role) ?? passwordProblem(options.password, options.username);
  if (refused) return refused;
  if (findRow(db, options.username)) {
    return accountRefusal('USER_EXISTS', { username: options.username });
  }
  const hash = await hashPassword(options.password);
  const info = db
    .prepare('INSERT INTO users (username, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(options.username, options.name ?? '', options.role, hash, now());
  return done({ id: Number(info.lastInsertRowid), username: options.username, name: options.name ?? '', role: options.role });
}

/** Every account, oldest first. */
export function listUsers(db: Db): User[] {
  return db.prepare('SELECT id, username, name, role FROM users ORDER BY id').all() as User[];
}

/** Sets a new password (it must pass the policy) and ends every session of the account; returns how many. */
export async function setPassword(db: Db, username: string, password: string): Promise<AccountSettled<number>> {
  const before = existing(db, username);
  if (!before.ok) return before;
  const weak = passwordProblem(password, username);
  if (weak) return weak;
  const hash = await hashPassword(password);
  return db.transaction((): AccountSettled<number> => {
    const user = existing(db, username);
    if (!user.ok) return user;
    db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(hash, user.value.id);
    return done(db.prepare('DELETE FROM sessions WHERE user_id = ?').run(user.value.id).changes);
  }).immediate();
}

/** The refusal LAST_PUBLISHER when the account is the only publisher; undefined otherwise. */
function lastPublisher(db: Db, user: User, doing: { th: string; en: string }): AccountRefused | undefined {
  if (user.role !== 'publisher') return undefined;
  const publishers = db.prepare("SELECT COUNT(*) FROM users WHERE role = 'publisher'").pluck().get() as number;
  return publishers <= 1 ? accountRefusal('LAST_PUBLISHER', { doing, username: user.username }) : undefined;
}

/** Changes an account's role. The last publisher keeps its role. */
export function setRole(db: Db, username: string, role: Role): AccountSettled<User> {
  const badRole = roleProblem(role);
  if (badRole) return badRole;
  return db.transaction((): AccountSettled<User> => {
    const user = existing(db, username);
    if (!user.ok) return user;
    const refused = role !== 'publisher' ? lastPublisher(db, user.value, { th: 'เปลี่ยนบทบาทของ', en: 'change the role of' }) : undefined;
    if (refused) return refused;
    db.prepare('UPDATE users SET role = ? WHERE id = ?').run(role, user.value.id);
    return done({ ...user.value, role });
  }).immediate();
}

/** Removes an account and its sessions (what it wrote stays under its name); returns the removed account. The last publisher stays. */
export function removeUser(db: Db, username: string): AccountSettled<User> {
  return db.transaction((): AccountSettled<User> => {
    const user = existing(db, username);
    if (!user.ok) return user;
    const refused = lastPublisher(db, user.value, { th: 'ลบ', en: 'remove' });
    if (refused) return refused;
    db.prepare('DELETE FROM sessions WHERE user_id = ?').run(user.value.id);
    db.prepare('DELETE FROM users WHERE id = ?').run(user.value.id);
    return user;
  }).immediate();
}

/** The account for a username and password, or undefined (the same work for a wrong name or password). */
export async function authenticate(db: Db, username: string, password: string): Promise<User | undefined> {
  const row = findRow(db, username);
  // An unknown name is checked against the dummy hash: one scrypt, as for a name that exists.
  const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
  if (!row || !ok) return undefined;
  return { id: row.id, username: row.username, name: row.name, role: row.role };
}

// ---------------------------------------------------------------------------------------------
// Sessions: an absolute length and an idle timeout (auth-settings.ts).

function tokenHash(token: string): string {
  return sha256Hex(token);
}

/** The session settings in force, in milliseconds. */
export function sessionLimits(): { maxMs: number; idleMs: number } {
  const settings = authSettings();
  return { maxMs: settings.sessionMaxSeconds * 1000, idleMs: settings.sessionIdleSeconds * 1000 };
}

interface Clock {
  /** The time, in ms since the epoch (Date.now() unless a test says otherwise). */
  at?: number;
  limits?: { maxMs: number; idleMs: number };
}

/** Starts a session; returns the token for the cookie (only its hash is stored). */
export function createSession(db: Db, userId: number, clock: Clock = {}): string {
  const at = clock.at ?? Date.now();
  const { maxMs, idleMs } = clock.limits ?? sessionLimits();
  const token = randomBytes(32).toString('base64url');
  db.prepare('DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?').run(at, at - idleMs);
  db.prepare('INSERT INTO sessions (token_hash, user_id, expires_at, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)').run(tokenHash(token), userId, at + maxMs, at, at);
  return token;
}

/**
 * The account a session token belongs to, if the session is still valid: before its absolute end
 * and used within the idle timeout. Using it counts as activity (recorded at most every minute, or
 * every quarter of the idle timeout when that is shorter, so the timeout is never longer than set).
 */
export function sessionUser(db: Db, token: string | undefined, clock: Clock = {}): User | undefined {
  if (!token) return undefined;
  const at = clock.at ?? Date.now();
  const { idleMs } = clock.limits ?? sessionLimits();
  const hash = tokenHash(token);
  const row = db
    .prepare(
      'SELECT u.id, u.username, u.name, u.role, s.last_seen_at AS lastSeen FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ? AND s.last_seen_at > ?',
    )
    .get(hash, at, at - idleMs) as (User & { lastSeen: number }) | undefined;
  if (!row) return undefined;
  if (at - row.lastSeen >= Math.min(60_000, idleMs / 4)) db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(at, hash);
  return { id: row.id, username: row.username, name: row.name, role: row.role };
}

/** Ends a session. */
export function endSession(db: Db, token: string | undefined): void {
  if (token) db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash(token));
}

/** An account's sessions still valid: when each started and was last used, and when it ends at the latest. */
export function userSessions(db: Db, username: string, clock: Clock = {}): AccountSettled<{ started: string; lastSeen: string; ends: string }[]> {
  const user = existing(db, username);
  if (!user.ok) return user;
  const at = clock.at ?? Date.now();
  const { idleMs } = clock.limits ?? sessionLimits();
  const rows = db
    .prepare('SELECT created_at, last_seen_at, expires_at FROM sessions WHERE user_id = ? AND expires_at > ? AND last_seen_at > ? ORDER BY last_seen_at DESC')
    .all(user.value.id, at, at - idleMs) as { created_at: number; last_seen_at: number; expires_at: number }[];
  const iso = (ms: number) => new Date(ms).toISOString();
  return done(rows.map((r) => ({ started: iso(r.created_at), lastSeen: iso(r.last_seen_at), ends: iso(Math.min(r.expires_at, r.last_seen_at + idleMs)) })));
}

/** Ends every session of an account (it must sign in again); returns how many there were. */
export function revokeSessions(db: Db, username: string): AccountSettled<number> {
  const user = existing(db, username);
  if (!user.ok) return user;
  return done(db.prepare('DELETE FROM sessions WHERE user_id = ?').run(user.value.id).changes);
}

/** A random password people can type: 16 letters and digits, one the policy accepts for this name. */
export function randomPassword(username = ''): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  for (;;) {
    const password = [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join('');
    if (!passwordProblem(password, username)) return password;
  }
}
