/**
 * Password hashing with scrypt (node:crypto), encoded with its parameters
 * so they can be raised later without invalidating stored hashes:
 *
 *   scrypt$<log2 N>$<r>$<p>$<salt, base64>$<hash, base64>
 *
 * N = 2^15, r = 8, p = 1 (32 MiB, ~0.1 s on one core): the OWASP minimum
 * for scrypt. Verification compares in constant time.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { NarizError } from '@nariz/core';

const LOG_N = 15;
const R = 8;
const P = 1;
const KEY_BYTES = 32;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

function scrypt(password: string, salt: Buffer, keyLen: number, o: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCb(password.normalize('NFC'), salt, keyLen, o, (err, key) => (err === null ? resolve(key) : reject(err))));
}

const options = (logN: number, r: number, p: number): ScryptOptions => ({ N: 2 ** logN, r, p, maxmem: 256 * 2 ** logN * r + 1024 * 1024 });

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_BYTES, options(LOG_N, R, P));
  return `scrypt$${LOG_N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** True when `password` matches the encoded hash; a malformed hash is NARIZ_STORE_CORRUPT. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parts = encoded.split('$');
  const [kind, logN, r, p, salt, key] = parts;
  if (parts.length !== 6 || kind !== 'scrypt' || salt === undefined || key === undefined) throw new NarizError('NARIZ_STORE_CORRUPT', 'a stored password hash is not an scrypt hash');
  const [ln, rr, pp] = [Number(logN), Number(r), Number(p)];
  if (![ln, rr, pp].every((x) => Number.isInteger(x) && x >= 1 && x <= 32)) throw new NarizError('NARIZ_STORE_CORRUPT', 'a stored password hash has bad scrypt parameters');
  const want = Buffer.from(key, 'base64');
  const got = await scrypt(password, Buffer.from(salt, 'base64'), want.length, options(ln, rr, pp));
  return want.length === got.length && timingSafeEqual(want, got);
}

/** A password's problem, or undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  const n = [...password].length;
  if (n < PASSWORD_MIN) return `a password needs at least ${PASSWORD_MIN} characters`;
  if (n > PASSWORD_MAX) return `a password has at most ${PASSWORD_MAX} characters`;
  return undefined;
}

/** A random password for a first admin: 20 characters, about 119 bits, no look-alikes. */
export function randomPassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const out: string[] = [];
  while (out.length < 20) {
    for (const b of randomBytes(32)) {
      // Rejection sampling keeps every character equally likely.
      if (b < 256 - (256 % alphabet.length) && out.length < 20) out.push(alphabet[b % alphabet.length]!);
    }
  }
  return out.join('');
}
