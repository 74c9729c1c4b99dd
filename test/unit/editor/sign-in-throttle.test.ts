import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authSettings } from '../../../engine/store/auth-settings.js';
import { addressKey, SignInThrottle } from '../../../editor/lib/server/sign-in.js';

// The throttle's arithmetic on a fake clock; over HTTP against the built server: sign-in.test.ts.

describe('the sign-in and session settings', () => {
  it('default to 12 hours a session, 8 hours idle, and read other values from the environment', () => {
    expect(authSettings({})).toMatchObject({ sessionMaxSeconds: 43_200, sessionIdleSeconds: 28_800 });
    expect(authSettings({ RUBRIC_SESSION_IDLE_SECONDS: '900' }).sessionIdleSeconds).toBe(900);
    expect(() => authSettings({ RUBRIC_SESSION_IDLE_SECONDS: 'eight hours' })).toThrow(/RUBRIC_SESSION_IDLE_SECONDS must be a number/);
    expect(() => authSettings({ RUBRIC_LOGIN_ACCOUNT_FREE: '5', RUBRIC_LOGIN_ACCOUNT_LOCK_AFTER: '5' })).toThrow(/must be greater/);
  });

  it('default the throttle to 3 free failures per name and 10 to a lock, 10 and 30 per address, waits from 1 s, 15-minute locks', () => {
    expect(authSettings({}).login).toEqual({
      account: { free: 3, lockAfter: 10 },
      address: { free: 10, lockAfter: 30 },
      delaySeconds: 1,
      lockSeconds: 900,
      windowSeconds: 3600,
    });
  });
});

describe('the sign-in throttle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const settings = { account: { free: 2, lockAfter: 6 }, address: { free: 20, lockAfter: 40 }, delaySeconds: 1, lockSeconds: 900, windowSeconds: 3600 };
  const keys = { account: 'somchai', address: '10.0.0.1' };

  /** One failed attempt, if the throttle lets it through; else the hold that refused it. */
  async function fail(throttle: SignInThrottle) {
    const hold = await throttle.begin(keys);
    if (hold) return hold;
    return (await throttle.finish(keys, false)) ?? 'failed';
  }

  it('lets the free failures through, then makes each wait twice as long, then locks', async () => {
    const throttle = new SignInThrottle(settings);
    expect([await fail(throttle), await fail(throttle)]).toEqual(['failed', 'failed']);
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      expect(await fail(throttle)).toBe('failed');
      const hold = await throttle.begin(keys);
      expect(hold).toMatchObject({ scope: 'account', kind: 'delay' });
      waits.push(hold!.ms);
      vi.advanceTimersByTime(hold!.ms);
    }
    expect(waits).toEqual([1000, 2000, 4000]);
    expect(await fail(throttle)).toEqual({ scope: 'account', kind: 'lock', ms: 900_000 });
    vi.advanceTimersByTime(899_000);
    expect(await throttle.begin(keys)).toMatchObject({ kind: 'lock', ms: 1000 });
    // After the lock the count starts again, and a success clears the name.
    vi.advanceTimersByTime(1000);
    expect(await fail(throttle)).toBe('failed');
    expect(await throttle.begin(keys)).toBeUndefined();
    expect(await throttle.finish(keys, true)).toBeUndefined();
    expect([await fail(throttle), await fail(throttle)]).toEqual(['failed', 'failed']);
  });

  it('refuses attempts sent together past the free ones, before any password is checked', async () => {
    const throttle = new SignInThrottle(settings);
    const started = await Promise.all(Array.from({ length: 10 }, () => throttle.begin(keys)));
    expect(started.filter((h) => h === undefined)).toHaveLength(3);
  });

  it('keys IPv6 clients by their /64 network and IPv4-mapped ones by the IPv4 address', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
  });
});
