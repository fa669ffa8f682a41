/**
 * The `next` token of TAXII paging, stateless: the sort key of the last
 * record of the page (date added, id, version) and a fingerprint of the
 * filters, base64url JSON. The next page is the records after that key, so
 * objects added meanwhile appear at the end rather than shifting pages. A
 * token used with different filters is refused (400), as the reference
 * server does; the page size may change between pages.
 */
import { createHash } from 'node:crypto';
import { NarizError } from '@nariz/core';
import type { ObjectQuery } from './object-query.js';

export interface SortKey {
  readonly dateAddedNs: bigint;
  readonly id: string;
  readonly versionNs: bigint;
}

export function compareSortKeys(a: SortKey, b: SortKey): number {
  if (a.dateAddedNs !== b.dateAddedNs) return a.dateAddedNs < b.dateAddedNs ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  if (a.versionNs !== b.versionNs) return a.versionNs < b.versionNs ? -1 : 1;
  return 0;
}

export function queryFingerprint(q: ObjectQuery): string {
  const sorted = (xs: readonly string[] | undefined): string[] | null => (xs === undefined ? null : [...xs].sort());
  const canonical = JSON.stringify([
    q.endpoint,
    q.objectId ?? null,
    sorted(q.ids),
    sorted(q.types),
    sorted(q.versions.map((v) => (v.kind === 'at' ? `at:${v.timestamp}` : v.kind))),
    sorted(q.specVersions),
    q.addedAfter ?? null,
  ]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

export function encodeCursor(key: SortKey, q: ObjectQuery): string {
  const body = JSON.stringify({ v: 1, a: key.dateAddedNs.toString(), i: key.id, r: key.versionNs.toString(), q: queryFingerprint(q) });
  return Buffer.from(body, 'utf8').toString('base64url');
}

export function decodeCursor(token: string, q: ObjectQuery): SortKey {
  const fail = (why: string): NarizError => new NarizError('NARIZ_BAD_REQUEST', `next: ${why}`, { path: 'next' });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw fail('not a token this server issued');
  }
  const t = parsed as { v?: unknown; a?: unknown; i?: unknown; r?: unknown; q?: unknown };
  if (t === null || typeof t !== 'object' || t.v !== 1 || typeof t.a !== 'string' || typeof t.i !== 'string' || typeof t.r !== 'string' || typeof t.q !== 'string' || !/^\d+$/.test(t.a) || !/^\d+$/.test(t.r)) {
    throw fail('not a token this server issued');
  }
  if (t.q !== queryFingerprint(q)) throw fail('the token belongs to a request with other filters');
  return { dateAddedNs: BigInt(t.a), id: t.i, versionNs: BigInt(t.r) };
}
