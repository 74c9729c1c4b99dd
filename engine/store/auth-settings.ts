// Sign-in throttling and session lengths, from environment variables with defaults (README, "Accounts").
// Read when used, so a server started with other values (a test, an office's own limits) gets them.

/** Limits for one kind of key: an account name, or a client address. */
export interface ThrottleLimits {
  /** Failed sign-ins, within the window, that cost nothing. */
  free: number;
  /** Failed sign-ins, within the window, that lock the key. */
  lockAfter: number;
}

/** How sign-ins are throttled and how long sessions last. */
export interface AuthSettings {
  /** A session ends this long after sign-in, whatever happens (seconds). */
  sessionMaxSeconds: number;
  /** A session ends after this long without a request (seconds). */
  sessionIdleSeconds: number;
  login: {
    account: ThrottleLimits;
    address: ThrottleLimits;
    /** The wait after the first failure past the free ones; it doubles with each further failure (seconds; 0: no waits). */
    delaySeconds: number;
    /** How long a lock lasts (seconds). */
    lockSeconds: number;
    /** Failures are counted over this long from the first one (seconds). */
    windowSeconds: number;
  };
}

/** Every setting: its environment variable, its default and the least value it may take. */
export const AUTH_ENV = {
  RUBRIC_SESSION_MAX_SECONDS: { default: 12 * 3600, min: 1 },
  RUBRIC_SESSION_IDLE_SECONDS: { default: 8 * 3600, min: 1 },
  RUBRIC_LOGIN_ACCOUNT_FREE: { default: 3, min: 0 },
  RUBRIC_LOGIN_ACCOUNT_LOCK_AFTER: { default: 10, min: 1 },
  RUBRIC_LOGIN_ADDRESS_FREE: { default: 10, min: 0 },
  RUBRIC_LOGIN_ADDRESS_LOCK_AFTER: { default: 30, min: 1 },
  RUBRIC_LOGIN_DELAY_SECONDS: { default: 1, min: 0 },
  RUBRIC_LOGIN_LOCK_SECONDS: { default: 15 * 60, min: 1 },
  RUBRIC_LOGIN_WINDOW_SECONDS: { default: 60 * 60, min: 1 },
} as const;

type Name = keyof typeof AUTH_ENV;

/** A setting that cannot be used: the server refuses to start rather than run unprotected. */
export class AuthSettingsError extends Error {
  constructor(
    readonly th: string,
    en: string,
  ) {
    super(en);
    this.name = 'AuthSettingsError';
  }
}

function read(env: NodeJS.ProcessEnv, name: Name, integer: boolean): number {
  const spec = AUTH_ENV[name];
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return spec.default;
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || !Number.isFinite(value) || value < spec.min || (integer && !Number.isInteger(value))) {
    throw new AuthSettingsError(
      `ค่า ${name} ต้องเป็น${integer ? 'จำนวนเต็ม' : 'ตัวเลข'}ตั้งแต่ ${spec.min} ขึ้นไป (ได้รับ "${raw}")`,
      `${name} must be ${integer ? 'a whole number' : 'a number'} of at least ${spec.min} (received "${raw}")`,
    );
  }
  return value;
}

/** The settings in force: each variable when set, else its default. Throws AuthSettingsError on a bad value. */
export function authSettings(env: NodeJS.ProcessEnv = process.env): AuthSettings {
  const limits = (free: Name, lockAfter: Name): ThrottleLimits => {
    const result = { free: read(env, free, true), lockAfter: read(env, lockAfter, true) };
    if (result.lockAfter <= result.free) {
      throw new AuthSettingsError(`ค่า ${lockAfter} ต้องมากกว่า ${free}`, `${lockAfter} must be greater than ${free}`);
    }
    return result;
  };
  return {
    sessionMaxSeconds: read(env, 'RUBRIC_SESSION_MAX_SECONDS', false),
    sessionIdleSeconds: read(env, 'RUBRIC_SESSION_IDLE_SECONDS', false),
    login: {
      account: limits('RUBRIC_LOGIN_ACCOUNT_FREE', 'RUBRIC_LOGIN_ACCOUNT_LOCK_AFTER'),
      address: limits('RUBRIC_LOGIN_ADDRESS_FREE', 'RUBRIC_LOGIN_ADDRESS_LOCK_AFTER'),
      delaySeconds: read(env, 'RUBRIC_LOGIN_DELAY_SECONDS', false),
      lockSeconds: read(env, 'RUBRIC_LOGIN_LOCK_SECONDS', false),
      windowSeconds: read(env, 'RUBRIC_LOGIN_WINDOW_SECONDS', false),
    },
  };
}
