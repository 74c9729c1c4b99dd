// Password hashes: scrypt with a random salt, computed on libuv's thread pool (never on the event
// loop, at most two at once so file reads keep threads of the pool and the two cores stay shared).
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 64 };

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
export const DUMMY_HASH = formatHash(randomBytes(16), randomBytes(SCRYPT.keylen));

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
