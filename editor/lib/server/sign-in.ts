// Sign-in with throttling: failed attempts are counted per account name and per client address;
// past a few free ones each further failure makes the next attempt wait (1 s, 2 s, 4 s… by
// default), and enough of them lock the name or the address for a while. The counters live in
// memory (rate-limiter-flexible's RateLimiterMemory), which is enough for the one server process;
// a restart forgets them. Settings: auth-settings.ts.
import { isIPv6 } from 'node:net';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { authenticate, type User } from '$engine/store/accounts.js';
import { authSettings, type AuthSettings } from '$engine/store/auth-settings.js';
import type { Db } from '$engine/store/db.js';

/** What a key names: the account name typed, or the client's address. */
export type Scope = 'account' | 'address';

/** Why an attempt may not be made now, and for how long. */
export interface Hold {
  scope: Scope;
  kind: 'delay' | 'lock';
  ms: number;
}

const SCOPES: readonly Scope[] = ['account', 'address'];
/** The value a hold is stored with: a delay, or a lock. */
const DELAY = 1;
const LOCK = 2;

/** The counters of failed sign-ins, with the waits and locks they lead to. */
export class SignInThrottle {
  readonly #failures: Record<Scope, RateLimiterMemory>;
  readonly #holds: Record<Scope, RateLimiterMemory>;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(readonly settings: AuthSettings['login']) {
    const limiter = (prefix: string, points: number, duration: number) => new RateLimiterMemory({ keyPrefix: prefix, points, duration });
    this.#failures = {
      account: limiter('failures-account', settings.account.lockAfter, settings.windowSeconds),
      address: limiter('failures-address', settings.address.lockAfter, settings.windowSeconds),
    };
    this.#holds = { account: limiter('holds-account', LOCK, settings.lockSeconds), address: limiter('holds-address', LOCK, settings.lockSeconds) };
  }

  /** Runs one step after the previous one, so that a check and its count are never split by another request's. */
  #serial<T>(step: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(step);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Before checking a password: the hold that refuses this attempt, or undefined when it may go
   * ahead. An attempt that goes ahead is counted as a failure at once (and past the free ones sets
   * the next wait), so that attempts sent together cannot all slip past the count; success undoes it.
   */
  begin(keys: Record<Scope, string>): Promise<Hold | undefined> {
    return this.#serial(async () => {
      const holds: Hold[] = [];
      for (const scope of SCOPES) {
        const held = await this.#holds[scope].get(keys[scope]);
        if (held && held.msBeforeNext > 0) holds.push({ scope, kind: held.consumedPoints >= LOCK ? 'lock' : 'delay', ms: held.msBeforeNext });
      }
      if (holds.length > 0) return holds.sort((a, b) => Number(b.kind === 'lock') - Number(a.kind === 'lock') || b.ms - a.ms)[0];
      const { delaySeconds, lockSeconds } = this.settings;
      for (const scope of SCOPES) {
        const failed = (await this.#failures[scope].penalty(keys[scope], 1)).consumedPoints;
        const past = failed - this.settings[scope].free;
        if (past > 0 && delaySeconds > 0) await this.#holds[scope].set(keys[scope], DELAY, Math.min(delaySeconds * 2 ** (past - 1), lockSeconds));
      }
      return undefined;
    });
  }

  /** After checking the password: the lock this failure set, if it set one. */
  finish(keys: Record<Scope, string>, succeeded: boolean): Promise<Hold | undefined> {
    return this.#serial(async () => {
      if (succeeded) {
        // The name is cleared; the address gets back the failure counted in advance, and a wait it
        // no longer deserves (a lock stays: others may have failed from the same address).
        await this.#failures.account.delete(keys.account);
        await this.#holds.account.delete(keys.account);
        const counted = await this.#failures.address.get(keys.address);
        if (counted && counted.consumedPoints > 0) {
          const left = (await this.#failures.address.reward(keys.address, 1)).consumedPoints;
          const held = await this.#holds.address.get(keys.address);
          if (left <= this.settings.address.free && held && held.consumedPoints < LOCK) await this.#holds.address.delete(keys.address);
        }
        return undefined;
      }
      let lock: Hold | undefined;
      for (const scope of SCOPES) {
        const counted = await this.#failures[scope].get(keys[scope]);
        if (counted && counted.consumedPoints >= this.settings[scope].lockAfter) {
          // Locked; when the lock ends the count starts again.
          await this.#holds[scope].set(keys[scope], LOCK, this.settings.lockSeconds);
          await this.#failures[scope].delete(keys[scope]);
          lock ??= { scope, kind: 'lock', ms: this.settings.lockSeconds * 1000 };
        }
      }
      return lock;
    });
  }
}

/** The key of an account name: as typed, trimmed, lower case, at most 64 characters. */
export function accountKey(username: string): string {
  return username.trim().toLowerCase().slice(0, 64);
}

/**
 * The key of a client address: an IPv4 address as it is, an IPv6 address by its /64 network (one
 * machine is usually given a whole /64, so single addresses would be free to change).
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':') + '::/64';
}

/** A refused sign-in: the HTTP status, the message in Thai and English, and when to try again. */
export interface Refusal {
  status: 400 | 429;
  th: string;
  en: string;
  retryAfterSeconds?: number;
}

const WRONG: Refusal = { status: 400, th: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง', en: 'wrong username or password' };

/** "ลองใหม่ได้ในอีก N นาที" / "try again in N minutes" (seconds under a minute). */
function tryAgain(ms: number): { th: string; en: string } {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return { th: `ลองใหม่ได้ในอีก ${seconds} วินาที`, en: `try again in ${seconds} second${seconds === 1 ? '' : 's'}` };
  const minutes = Math.ceil(seconds / 60);
  return { th: `ลองใหม่ได้ในอีก ${minutes} นาที`, en: `try again in ${minutes} minute${minutes === 1 ? '' : 's'}` };
}

function refusal(hold: Hold): Refusal {
  const when = tryAgain(hold.ms);
  const retryAfterSeconds = Math.max(1, Math.ceil(hold.ms / 1000));
  if (hold.kind === 'delay') {
    return { status: 429, th: `ใส่รหัสผ่านผิดหลายครั้งแล้ว โปรดรอสักครู่ ${when.th}`, en: `Several wrong passwords: please wait, ${when.en}.`, retryAfterSeconds };
  }
  if (hold.scope === 'account') {
    return {
      status: 429,
      th: `ใส่รหัสผ่านผิดหลายครั้ง ชื่อผู้ใช้นี้จึงถูกล็อกชั่วคราว ${when.th}`,
      en: `Too many wrong passwords: this username is locked for now; ${when.en}.`,
      retryAfterSeconds,
    };
  }
  return {
    status: 429,
    th: `เข้าสู่ระบบผิดจากที่อยู่เครือข่ายนี้หลายครั้ง จึงถูกล็อกชั่วคราว ${when.th}`,
    en: `Too many failed sign-ins from this network address: it is locked for now; ${when.en}.`,
    retryAfterSeconds,
  };
}

let shared: SignInThrottle | undefined;

/** The server's throttle, made from the settings in force on first use. */
export function serverThrottle(): SignInThrottle {
  return (shared ??= new SignInThrottle(authSettings().login));
}

/**
 * Signs in: refused at once while the name or the address is held (no password is checked
 * then), else the password is checked (one scrypt, off the event loop, for a known or an unknown
 * name alike) and the outcome counted.
 */
export async function signIn(
  db: Db,
  attempt: { username: string; password: string; address: string },
  throttle: SignInThrottle = serverThrottle(),
): Promise<{ user: User } | { refused: Refusal }> {
  const keys = { account: accountKey(attempt.username), address: addressKey(attempt.address) };
  const hold = await throttle.begin(keys);
  if (hold) return { refused: refusal(hold) };
  let user: User | undefined;
  try {
    user = await authenticate(db, attempt.username, attempt.password);
  } catch (error) {
    await throttle.finish(keys, false);
    throw error;
  }
  const lock = await throttle.finish(keys, user !== undefined);
  if (user) return { user };
  return { refused: lock ? refusal(lock) : WRONG };
}
