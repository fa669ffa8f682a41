/**
 * Response bodies and headers of the object endpoints from a selected page
 * (TAXII 2.1 §3.7 envelope, §5.4 manifest, §5.8 versions). An empty page
 * is an empty JSON object and carries no date-added headers, as the
 * specification's optional members and the reference server have it.
 */
import { stixMediaType } from './media-types.js';
import type { TaxiiPage } from './object-selection.js';
import { specVersionOfRecord, versionOf, type TaxiiRecord } from './taxii-record.js';

export interface TaxiiEnvelope<O = unknown> {
  readonly more?: boolean;
  readonly next?: string;
  readonly objects?: readonly O[];
}

export interface TaxiiManifestRecord {
  readonly id: string;
  readonly date_added: string;
  readonly version: string;
  readonly media_type: string;
}

export interface TaxiiManifest {
  readonly more?: boolean;
  readonly next?: string;
  readonly objects?: readonly TaxiiManifestRecord[];
}

export interface TaxiiVersions {
  readonly more?: boolean;
  readonly next?: string;
  readonly versions?: readonly string[];
}

function paging(page: TaxiiPage): { more: boolean; next?: string } {
  return page.next === undefined ? { more: page.more } : { more: page.more, next: page.next };
}

export function taxiiEnvelope<R extends TaxiiRecord>(page: TaxiiPage<R>): TaxiiEnvelope<R['object']> {
  return page.records.length === 0 ? {} : { ...paging(page), objects: page.records.map((r) => r.object) };
}

export function taxiiManifest(page: TaxiiPage): TaxiiManifest {
  return page.records.length === 0
    ? {}
    : {
        ...paging(page),
        objects: page.records.map((r) => ({ id: r.object.id, date_added: r.dateAdded, version: versionOf(r), media_type: stixMediaType(specVersionOfRecord(r)) })),
      };
}

export function taxiiVersions(page: TaxiiPage): TaxiiVersions {
  return page.records.length === 0 ? {} : { ...paging(page), versions: page.records.map(versionOf) };
}

/** `X-TAXII-Date-Added-First` / `-Last`: the date added of the first and last record of the page. */
export function taxiiDateAddedHeaders(page: TaxiiPage): Record<string, string> {
  const first = page.records[0];
  const last = page.records[page.records.length - 1];
  return first === undefined || last === undefined
    ? {}
    : { 'X-TAXII-Date-Added-First': first.dateAdded, 'X-TAXII-Date-Added-Last': last.dateAdded };
}
