// Accounts, roles and sessions: scrypt password hashes (computed off the event loop) and random
// session tokens, stored hashed; the password policy; the administrator's account changes.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { authSettings } from './auth-settings.js';
import { COMMON_PASSWORDS } from './common-passwords.js';
import { now, type Db } from './db.js';
import { sha256Hex } from '../node/digest.js';

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

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 64 };
const USERNAME = /^[a-z][a-z0-9._-]{1,31}$/;
/** The least length of a password, in code points (a Thai vowel mark counts as one). */
export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 1024;
const MAX_NAME_LENGTH = 100;

/** True when the role may do what `needed` may. */
export function hasRole(user: Pick<User, 'role'> | null | undefined, needed: Role): boolean {
  return !!user && ROLES.indexOf(user.role) >= ROLES.indexOf(needed);
}

// ---------------------------------------------------------------------------------------------
// Hashing. scrypt runs on libuv's thread pool, never on the event loop; at most two at once, so
// that file reads keep threads of the pool (four by default) and the two cores stay shared.

const HASHES_AT_ONCE = 2;
let hashing = 0;
const waiting: (() => void)[] = [];

async function deriveKey(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  // A slot is taken here, or handed over by the hash that ends (so no third one slips in between).
  if (hashing < HASHES_AT_ONCE) hashing++;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await new Promise<Buffer>((resolve, reject) => scrypt(password, salt, keylen, options, (e, key) => (e ? reject(e) : resolve(key))));
  } finally {
    const next = waiting.shift();
    if (next) next();
    else hashing--;
  }
}

function formatHash(salt: Buffer, hash: Buffer): string {
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/**
 * What an unknown username is checked against: made once, in the format and with the parameters
 * of a real hash, from random bytes no password derives to. A sign-in for a name that does not
 * exist therefore costs exactly one scrypt with the same parameters as one for a name that does.
 */
const DUMMY_HASH = formatHash(randomBytes(16), randomBytes(SCRYPT.keylen));

/** Hashes a password with scrypt and a random salt, as `scrypt$N$r$p$salt$hash`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return formatHash(salt, await deriveKey(password, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p }));
}

function parseHash(stored: string): { salt: Buffer; hash: Buffer; options: ScryptOptions } | undefined {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return undefined;
  const options = { N: Number(n), r: Number(r), p: Number(p) };
  if (!Object.values(options).every((v) => Number.isInteger(v) && v > 0)) return undefined;
  return { salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64'), options };
}

/** Checks a password against a stored hash in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  // A stored value that is no hash costs the same as one that is, and matches nothing.
  const parsed = parseHash(stored);
  const { salt, hash, options } = parsed ?? parseHash(DUMMY_HASH)!;
  const actual = await deriveKey(password, salt, hash.length, options);
  return timingSafeEqual(actual, hash) && parsed !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Errors, names and the password policy.

/** Which rule an account request broke. */
export type AccountRule =
  | 'username'
  | 'name'
  | 'control'
  | 'role'
  | 'exists'
  | 'unknown'
  | 'last-publisher'
  | 'password-whitespace'
  | 'password-length'
  | 'password-username'
  | 'password-common';

/** A problem with an account request, said in Thai and English, naming the rule. */
export class AccountError extends Error {
  constructor(
    readonly rule: AccountRule,
    readonly th: string,
    en: string,
  ) {
    super(en);
    this.name = 'AccountError';
  }
}

/** Control characters (C0, DEL, C1: ESC among them), line/paragraph separators and bidi overrides. */
const CONTROL = /[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const CONTROL_ALL = new RegExp(CONTROL.source, 'gu');

/** Text safe to print on a terminal: every control character written as an escape (ESC as `\x1b`). */
export function printable(text: string): string {
  return text.replace(CONTROL_ALL, (c) => {
    const code = c.codePointAt(0)!;
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

function checkUsername(username: string): void {
  if (CONTROL.test(username)) {
    throw new AccountError('control', 'ชื่อผู้ใช้ต้องไม่มีอักขระควบคุม', `the username must not contain control characters (received "${printable(username)}")`);
  }
  if (!USERNAME.test(username)) {
    throw new AccountError('username', 'ชื่อผู้ใช้ต้องเป็นอักษรตัวเล็ก ตัวเลข . _ - ยาว 2–32 ตัว', `the username must be 2–32 of a-z, 0-9, ".", "_", "-", starting with a letter (received "${printable(username)}")`);
  }
}

function checkName(name: string): void {
  if (CONTROL.test(name)) {
    throw new AccountError('control', 'ชื่อที่แสดงต้องไม่มีอักขระควบคุม', `the display name must not contain control characters (received "${printable(name)}")`);
  }
  if ([...name].length > MAX_NAME_LENGTH) {
    throw new AccountError('name', `ชื่อที่แสดงยาวได้ไม่เกิน ${MAX_NAME_LENGTH} ตัวอักษร`, `the display name may be at most ${MAX_NAME_LENGTH} characters`);
  }
}

function checkRole(role: string): asserts role is Role {
  if (!ROLES.includes(role as Role)) {
    throw new AccountError('role', 'บทบาทต้องเป็น viewer, editor หรือ publisher', `the role must be viewer, editor or publisher (received "${printable(role)}")`);
  }
}

const THAI_DIGITS = /[๐-๙]/g;
/** The Latin key under each unshifted key of the Thai Kedmanee layout. */
const KEDMANEE: Record<string, string> = Object.fromEntries(
  [...'ๅ/-ภถุึคตจขช'].map((c, i) => [c, '1234567890-='[i]!])
    .concat([...'ๆไำพะัีรนยบลฃ'].map((c, i) => [c, 'qwertyuiop[]\\'[i]!]))
    .concat([...'ฟหกดเ้่าสวง'].map((c, i) => [c, "asdfghjkl;'"[i]!]))
    .concat([...'ผปแอิืทมใฝ'].map((c, i) => [c, 'zxcvbnm,./'[i]!])),
);

/** How the deny-list compares: lower case, Thai digits as 0–9, NFKC. */
function comparable(text: string): string {
  return text
    .replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50))
    .normalize('NFKC')
    .toLowerCase();
}

const COMMON = new Set(COMMON_PASSWORDS.map(comparable));
const EDGES = /^[\p{N}\p{P}\p{S}\s]+|[\p{N}\p{P}\p{S}\s]+$/gu;

function isCommon(password: string): boolean {
  const latin = [...password].map((c) => KEDMANEE[c] ?? c).join('');
  for (const form of new Set([password, latin])) {
    const text = comparable(form);
    const core = text.replace(EDGES, '');
    if (COMMON.has(text) || (core !== '' && COMMON.has(core))) return true;
  }
  // One or two characters over and over (aaaaaaaaaaaa, 121212121212) is as easy to guess.
  return new Set(comparable(password)).size <= 2;
}

/**
 * Why a password may not be used, or undefined when it may: not only whitespace, at least
 * MIN_PASSWORD_LENGTH code points, not containing the username, not a common password.
 */
export function passwordProblem(password: string, username: string): AccountError | undefined {
  const length = [...password].length;
  if (password.trim() === '') {
    return new AccountError('password-whitespace', 'รหัสผ่านต้องไม่เป็นช่องว่างล้วน', 'the password must not be only spaces or other whitespace');
  }
  if (length < MIN_PASSWORD_LENGTH) {
    return new AccountError('password-length', `รหัสผ่านต้องยาวอย่างน้อย ${MIN_PASSWORD_LENGTH} ตัวอักษร (ได้ ${length})`, `the password must be at least ${MIN_PASSWORD_LENGTH} characters (it has ${length})`);
  }
  if (length > MAX_PASSWORD_LENGTH) {
    return new AccountError('password-length', `รหัสผ่านยาวได้ไม่เกิน ${MAX_PASSWORD_LENGTH} ตัวอักษร`, `the password may be at most ${MAX_PASSWORD_LENGTH} characters`);
  }
  if (username && comparable(password).includes(comparable(username))) {
    return new AccountError('password-username', 'รหัสผ่านต้องไม่มีชื่อผู้ใช้อยู่ในนั้น', 'the password must not contain the username');
  }
  if (isCommon(password)) {
    return new AccountError('password-common', 'รหัสผ่านนี้อยู่ในรายการรหัสผ่านที่ใช้กันทั่วไปและเดาง่าย', 'the password is on the list of common, easily guessed passwords');
  }
  return undefined;
}

function checkPassword(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw problem;
}

// ---------------------------------------------------------------------------------------------
// Accounts.

function findRow(db: Db, username: string): (User & { password_hash: string }) | undefined {
  return db.prepare('SELECT id, username, name, role, password_hash FROM users WHERE username = ?').get(username) as
    | (User & { password_hash: string })
    | undefined;
}

function existing(db: Db, username: string): User {
  const row = findRow(db, username);
  if (!row) throw new AccountError('unknown', `ไม่มีผู้ใช้ ${printable(username)}`, `there is no user ${printable(username)}`);
  return { id: row.id, username: row.username, name: row.name, role: row.role };
}

/** Creates an account; returns it. The password must pass the policy (passwordProblem). */
export async function addUser(db: Db, options: { username: string; role: Role; password: string; name?: string }): Promise<User> {
  checkUsername(options.username);
  checkName(options.name ?? '');
  checkRole(options.role);
  checkPassword(options.password, options.username);
  if (findRow(db, options.username)) {
    throw new AccountError('exists', `มีผู้ใช้ ${options.username} อยู่แล้ว`, `the user ${options.username} already exists`);
  }
  const hash = await hashPassword(options.password);
  const info = db
    .prepare('INSERT INTO users (username, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(options.username, options.name ?? '', options.role, hash, now());
  return { id: Number(info.lastInsertRowid), username: options.username, name: options.name ?? '', role: options.role };
}

/** Every account, oldest first. */
export function listUsers(db: Db): User[] {
  return db.prepare('SELECT id, username, name, role FROM users ORDER BY id').all() as User[];
}

/** Sets a new password (it must pass the policy) and ends every session of the account; returns how many. */
export async function setPassword(db: Db, username: string, password: string): Promise<number> {
  existing(db, username);
  checkPassword(password, username);
  const hash = await hashPassword(password);
  return db.transaction(() => {
    const user = existing(db, username);
    db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(hash, user.id);
    return db.prepare('DELETE FROM sessions WHERE user_id = ?').run(user.id).changes;
  }).immediate();
}

function refuseLastPublisher(db: Db, user: User, doing: { th: string; en: string }): void {
  if (user.role !== 'publisher') return;
  const publishers = db.prepare("SELECT COUNT(*) FROM users WHERE role = 'publisher'").pluck().get() as number;
  if (publishers <= 1) {
    throw new AccountError(
      'last-publisher',
      `${doing.th} ${user.username} ไม่ได้ เพราะเป็นผู้เผยแพร่คนสุดท้าย (จะไม่มีใครเผยแพร่หรือดูแลได้) ให้เพิ่มผู้เผยแพร่อีกคนก่อน`,
      `cannot ${doing.en} ${user.username}: it is the last publisher, and nobody could publish any more; make another publisher first`,
    );
  }
}

/** Changes an account's role. The last publisher keeps its role. */
export function setRole(db: Db, username: string, role: Role): User {
  checkRole(role);
  return db.transaction(() => {
    const user = existing(db, username);
    if (role !== 'publisher') refuseLastPublisher(db, user, { th: 'เปลี่ยนบทบาทของ', en: 'change the role of' });
    db.prepare('UPDATE users SET role = ? WHERE id = ?').run(role, user.id);
    return { ...user, role };
  }).immediate();
}

/** Removes an account and its sessions (what it wrote stays under its name). The last publisher stays. */
export function removeUser(db: Db, username: string): void {
  db.transaction(() => {
    const user = existing(db, username);
    refuseLastPublisher(db, user, { th: 'ลบ', en: 'remove' });
    db.prepare('DELETE FROM sessions WHERE user_id = ?').run(user.id);
    db.prepare('DELETE FROM users WHERE id = ?').run(user.id);
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
export function userSessions(db: Db, username: string, clock: Clock = {}): { started: string; lastSeen: string; ends: string }[] {
  const user = existing(db, username);
  const at = clock.at ?? Date.now();
  const { idleMs } = clock.limits ?? sessionLimits();
  const rows = db
    .prepare('SELECT created_at, last_seen_at, expires_at FROM sessions WHERE user_id = ? AND expires_at > ? AND last_seen_at > ? ORDER BY last_seen_at DESC')
    .all(user.id, at, at - idleMs) as { created_at: number; last_seen_at: number; expires_at: number }[];
  const iso = (ms: number) => new Date(ms).toISOString();
  return rows.map((r) => ({ started: iso(r.created_at), lastSeen: iso(r.last_seen_at), ends: iso(Math.min(r.expires_at, r.last_seen_at + idleMs)) }));
}

/** Ends every session of an account (it must sign in again); returns how many there were. */
export function revokeSessions(db: Db, username: string): number {
  const user = existing(db, username);
  return db.prepare('DELETE FROM sessions WHERE user_id = ?').run(user.id).changes;
}

/** A random password people can type: 16 letters and digits, one the policy accepts for this name. */
export function randomPassword(username = ''): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  for (;;) {
    const password = [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join('');
    if (!passwordProblem(password, username)) return password;
  }
}
