/**
 * What a TAXII collection stores: each version of each object with the
 * time the server added it. The server's routes pass the records a
 * requester may see (after the marking checks) to the selection functions.
 */
import { NarizError } from '@nariz/core';
import { specVersionOf } from './spec-version.js';
import { taxiiTimeNs } from './taxii-time.js';

/** The fields of a STIX object the TAXII filters read; the rest is carried untouched. */
export interface TaxiiStixObject {
  readonly id: string;
  readonly type: string;
  readonly spec_version?: string;
  readonly created?: string;
  readonly modified?: string;
}

export interface TaxiiRecord<O extends TaxiiStixObject = TaxiiStixObject> {
  readonly object: O;
  /** When the server added this version (RFC 3339 UTC). */
  readonly dateAdded: string;
}

/** The version of a record: `modified`, else `created`, else its date added (TAXII 2.1 §3.6). */
export function versionOf(r: TaxiiRecord): string {
  return r.object.modified ?? r.object.created ?? r.dateAdded;
}

export function specVersionOfRecord(r: TaxiiRecord): string {
  return specVersionOf(r.object);
}

/** Nanoseconds of a stored timestamp (date added, version); a malformed one is NARIZ_STORE_CORRUPT. */
export function storedTimeNs(s: string): bigint {
  const t = taxiiTimeNs(s);
  if (t === undefined) throw new NarizError('NARIZ_STORE_CORRUPT', `a stored TAXII timestamp is not RFC 3339 UTC: ${s}`);
  return t;
}
