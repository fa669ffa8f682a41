/**
 * The TAXII collections (docs/exchange/taxii.md, "In the platform"): one
 * per partner country, holding the STIX objects of every release to that
 * country, each with the release's time as its date added. Nothing is
 * stored for TAXII: a collection is computed from the releases the caller
 * may see, read through their access predicate (the store filters in the
 * query), re-checked at the exit release by release (release-exit.ts).
 *
 *  - which collections: a partner official (`own-country`) has their own
 *    country's, and no other; every other reader (`every-country`: viewers,
 *    analysts, admins) has one for each country that a release they may see
 *    went to.
 *  - ids: UUIDv5 of the country in the exchange namespace, so a
 *    collection keeps its id across restarts and servers; the alias
 *    `releases-<country>` (lower case) names it too.
 *  - objects: a world-wide constant (the TLP definitions, the Nariz
 *    identity and extension definition) is in many releases with the same
 *    id and version; it is listed once, with the earliest date added among
 *    the releases the caller may see.
 *  - a release whose objects cannot be exported (a lead made by hand
 *    without a 95 % radius; an ACS control the format cannot carry) is left
 *    out and counted as withheld.
 */
import type { FastifyBaseLogger } from 'fastify';
import { NarizError } from '@nariz/core';
import { NARIZ_EXCHANGE_NAMESPACE, taxiiCollection, uuidV5, versionOf, type StixObject, type TaxiiCollection, type TaxiiRecord } from '@nariz/exchange';
import { ISO_3166_ALPHA3 } from '@nariz/security';
import type { ReleaseQuery, ReleaseSummary } from '@nariz/store';
import type { Access } from '../leads/acting-subject.js';
import type { Platform } from '../platform.js';
import { isRefusal } from './export-guard.js';
import { releaseExports } from './release-exports.js';
import { throughExit } from './release-exit.js';
import type { TaxiiScope } from './taxii-auth.js';

export interface TaxiiReader {
  readonly access: Access;
  readonly scope: TaxiiScope;
}

export interface CollectionRecords {
  readonly records: ReadonlyArray<TaxiiRecord<StixObject>>;
  /** Releases whose objects are in `records`. */
  readonly releases: number;
  /** Releases left out: their objects cannot be exported, or the re-check refused them. */
  readonly withheld: number;
}

const PAGE = 1000;

export function collectionId(country: string): string {
  return uuidV5(NARIZ_EXCHANGE_NAMESPACE, `taxii/collection/${country}`);
}

export const collectionAlias = (country: string): string => `releases-${country.toLowerCase()}`;

/** Every release `who` may see matching `q`, newest first (paged through the store; a release added meanwhile is listed once). */
async function visibleReleases(p: Platform, a: Access, q: ReleaseQuery): Promise<ReleaseSummary[]> {
  const seen = new Map<string, ReleaseSummary>();
  for (let offset = 0; ; offset += PAGE) {
    const page = await p.store.releases.listReleases(a.who, { ...q, limit: PAGE, offset });
    for (const r of page) if (!seen.has(r.id)) seen.set(r.id, r);
    if (page.length < PAGE) return [...seen.values()];
  }
}

export async function readableCountries(p: Platform, reader: TaxiiReader): Promise<string[]> {
  if (reader.scope === 'own-country') return [reader.access.subject.nationality];
  const countries = new Set((await visibleReleases(p, reader.access, {})).map((r) => r.partnerCountry));
  return [...countries].sort();
}

export function collectionResource(country: string): TaxiiCollection {
  return taxiiCollection({
    id: collectionId(country),
    alias: collectionAlias(country),
    title: `Nariz releases to ${country}`,
    description: `STIX 2.1 objects of every Nariz release to ${country} that you may see (suspected laboratories, their locations and hazard zones); date added is the time of the release. Read-only.`,
    canRead: true,
    canWrite: false,
  });
}

let byId: Map<string, string> | undefined;

/** The country a collection id or alias names, if any (ids are UUIDv5 of a country code: a table of all 249). */
function countryNamed(idOrAlias: string): string | undefined {
  byId ??= new Map([...ISO_3166_ALPHA3].map((c) => [collectionId(c), c]));
  const fromAlias = /^releases-([a-z]{3})$/.exec(idOrAlias)?.[1]?.toUpperCase();
  return byId.get(idOrAlias) ?? (fromAlias !== undefined && ISO_3166_ALPHA3.has(fromAlias) ? fromAlias : undefined);
}

/** The country of a collection the reader may read, by id or alias; NARIZ_NOT_FOUND otherwise (one of another country reads as missing). */
export async function collectionCountry(p: Platform, reader: TaxiiReader, idOrAlias: string): Promise<string> {
  const country = countryNamed(idOrAlias);
  const readable = country !== undefined && (reader.scope === 'own-country'
    ? country === reader.access.subject.nationality
    : (await p.store.releases.countReleases(reader.access.who, { partnerCountry: country })) > 0);
  if (!readable) throw new NarizError('NARIZ_NOT_FOUND', `no collection "${idOrAlias}"`);
  return country;
}

export async function collectionRecords(p: Platform, reader: TaxiiReader, country: string, log: FastifyBaseLogger): Promise<CollectionRecords> {
  const a = reader.access;
  const x = releaseExports(p);
  const byVersion = new Map<string, TaxiiRecord<StixObject>>();
  let releases = 0;
  let withheld = 0;
  for (const s of await visibleReleases(p, a, { partnerCountry: country })) {
    let objects: readonly StixObject[];
    try {
      const exp = await x.ofSummary(s, () => p.store.releases.getRelease(s.id, a.who, country));
      if (exp === undefined) continue;
      objects = await throughExit(p, a.subject, s, exp, { format: 'stix', via: 'taxii', auditUnexportable: false }, (e) => e.stixBundle().objects);
    } catch (err) {
      // One release that cannot go out (or does not read) does not take the partner's feed down with it.
      withheld += 1;
      if (isRefusal(err)) log.info({ err, release: s.id }, 'release left out of a TAXII collection');
      else log.error({ err, release: s.id }, 'release left out of a TAXII collection');
      continue;
    }
    releases += 1;
    const dateAdded = new Date(Date.parse(s.createdAt)).toISOString();
    for (const object of objects) {
      const record: TaxiiRecord<StixObject> = { object, dateAdded };
      const key = `${object.id}\n${versionOf(record)}`;
      const kept = byVersion.get(key);
      if (kept === undefined || Date.parse(record.dateAdded) < Date.parse(kept.dateAdded)) byVersion.set(key, record);
    }
  }
  return { records: [...byVersion.values()], releases, withheld };
}
