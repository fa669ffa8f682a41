/**
 * Name-based UUIDs, version 5 (SHA-1), RFC 9562 §5.5. Exports derive every
 * identifier this way so that exporting the same package twice gives the
 * same bytes.
 */
import { createHash } from 'node:crypto';
import { NarizError } from '@nariz/core';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The Nariz exchange namespace (a random version-4 UUID fixed once). Not the
 * STIX SCO namespace 00abedb4-…, which STIX 2.1 §2.9 forbids for other objects.
 */
export const NARIZ_EXCHANGE_NAMESPACE = '37249508-4241-4f8b-95ed-4258b692957c';

export function uuidV5(namespace: string, name: string): string {
  if (!UUID_RE.test(namespace)) throw new NarizError('NARIZ_USAGE', `uuidV5: namespace ${namespace} is not a UUID`);
  const b = createHash('sha1').update(Buffer.from(namespace.replaceAll('-', ''), 'hex')).update(name, 'utf8').digest();
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
