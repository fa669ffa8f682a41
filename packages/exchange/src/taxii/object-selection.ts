/**
 * The selection behind every TAXII 2.1 object endpoint, as one pure
 * function over the stored records, in the reference server's order
 * (medallion, filters/basic_filter.py): id and type, then added_after, then
 * spec_version (default: each object's latest specification version), then
 * version (default: last); the result sorted by date added, oldest first
 * (ties by id and version), then paged with `limit` and `next`.
 */
import { NarizError } from '@nariz/core';
import type { ObjectQuery } from './object-query.js';
import { compareSortKeys, decodeCursor, encodeCursor, type SortKey } from './page-cursor.js';
import { specVersionOfRecord, storedTimeNs, versionOf, type TaxiiRecord } from './taxii-record.js';
import { taxiiTimeNs } from './taxii-time.js';

export const DEFAULT_MAX_PAGE_SIZE = 100;

export interface SelectionOptions {
  /** Largest page the server returns, whatever `limit` asks (default 100, as medallion). */
  readonly maxPageSize?: number;
}

export interface TaxiiPage<R extends TaxiiRecord = TaxiiRecord> {
  readonly records: readonly R[];
  /** True when records remain after this page. */
  readonly more: boolean;
  /** Token for the next page, when `more`. */
  readonly next?: string;
}

/** A query timestamp (valid when the query came from parseObjectQuery). */
function timestamp(s: string, param: string): bigint {
  const t = taxiiTimeNs(s);
  if (t === undefined) throw new NarizError('NARIZ_BAD_REQUEST', `${param} ${s} is not an RFC 3339 UTC timestamp`, { path: param });
  return t;
}

function specRank(v: string): number {
  const [major, minor] = v.split('.').map(Number);
  return (major ?? 0) * 1000 + (minor ?? 0);
}

interface Keyed<R> {
  readonly record: R;
  readonly key: SortKey;
}

function byId<R extends TaxiiRecord>(xs: readonly Keyed<R>[]): Map<string, Keyed<R>[]> {
  const m = new Map<string, Keyed<R>[]>();
  for (const x of xs) {
    const list = m.get(x.record.object.id);
    if (list === undefined) m.set(x.record.object.id, [x]);
    else list.push(x);
  }
  return m;
}

export function selectRecords<R extends TaxiiRecord>(records: readonly R[], q: ObjectQuery, opts: SelectionOptions = {}): TaxiiPage<R> {
  let xs: Keyed<R>[] = records.map((record) => ({
    record,
    key: { dateAddedNs: storedTimeNs(record.dateAdded), id: record.object.id, versionNs: storedTimeNs(versionOf(record)) },
  }));

  if (q.objectId !== undefined) xs = xs.filter((x) => x.record.object.id === q.objectId);
  if (q.ids !== undefined) {
    const ids = new Set(q.ids);
    xs = xs.filter((x) => ids.has(x.record.object.id));
  }
  if (q.types !== undefined) {
    const types = new Set(q.types);
    xs = xs.filter((x) => types.has(x.record.object.type));
  }
  if (q.addedAfter !== undefined) {
    const after = timestamp(q.addedAfter, 'added_after');
    xs = xs.filter((x) => x.key.dateAddedNs > after);
  }
  if (q.specVersions !== undefined) {
    const wanted = new Set(q.specVersions);
    xs = xs.filter((x) => wanted.has(specVersionOfRecord(x.record)));
  } else {
    const latest = new Map<string, number>();
    for (const x of xs) {
      const r = specRank(specVersionOfRecord(x.record));
      latest.set(x.record.object.id, Math.max(latest.get(x.record.object.id) ?? -1, r));
    }
    xs = xs.filter((x) => specRank(specVersionOfRecord(x.record)) === latest.get(x.record.object.id));
  }
  if (!q.versions.some((v) => v.kind === 'all')) {
    const keep = new Set<Keyed<R>>();
    const at = q.versions.flatMap((v) => (v.kind === 'at' ? [timestamp(v.timestamp, 'match[version]')] : []));
    for (const x of xs) if (at.includes(x.key.versionNs)) keep.add(x);
    const wantFirst = q.versions.some((v) => v.kind === 'first');
    const wantLast = q.versions.some((v) => v.kind === 'last');
    if (wantFirst || wantLast) {
      for (const group of byId(xs).values()) {
        const ordered = [...group].sort((a, b) => (a.key.versionNs === b.key.versionNs ? compareSortKeys(a.key, b.key) : a.key.versionNs < b.key.versionNs ? -1 : 1));
        if (wantFirst) keep.add(ordered[0]!);
        if (wantLast) {
          const top = ordered[ordered.length - 1]!.key.versionNs;
          keep.add(ordered.find((x) => x.key.versionNs === top)!);
        }
      }
    }
    xs = xs.filter((x) => keep.has(x));
  }

  xs.sort((a, b) => compareSortKeys(a.key, b.key));
  if (q.next !== undefined) {
    const cursor = decodeCursor(q.next, q);
    xs = xs.filter((x) => compareSortKeys(x.key, cursor) > 0);
  }
  const max = opts.maxPageSize ?? DEFAULT_MAX_PAGE_SIZE;
  const size = Math.min(q.limit ?? max, max);
  const page = xs.slice(0, size);
  const more = xs.length > size;
  const last = page[page.length - 1];
  return {
    records: page.map((x) => x.record),
    more,
    ...(more && last !== undefined ? { next: encodeCursor(last.key, q) } : {}),
  };
}
