/** Random session ids, CSRF and API tokens, and the digests stored in their place. */
import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url, with an optional prefix (API tokens carry `nzt_` so leaks are recognisable). */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
