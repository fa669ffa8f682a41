/**
 * The query parameters of the TAXII 2.1 object endpoints (§3.4, §5.3–5.8),
 * parsed once at the edge into an ObjectQuery. Which filters an endpoint
 * honours follows the specification (and the reference server, medallion):
 *
 *   endpoint   match[id] match[type] match[version] match[spec_version] added_after limit next
 *   objects        x         x            x                x               x         x    x
 *   manifest       x         x            x                x               x         x    x
 *   object                                x                x               x         x    x
 *   versions                                               x               x         x    x
 *
 * Filters an endpoint does not honour, and unknown parameters, are ignored.
 * Values are comma-separated lists (OR); repeated parameters are joined.
 * Malformed values are NARIZ_BAD_REQUEST with the parameter as `path`.
 */
import { NarizError } from '@nariz/core';
import { taxiiTimeNs } from './taxii-time.js';

export type TaxiiEndpoint = 'objects' | 'manifest' | 'object' | 'versions';

export type VersionSelector = { readonly kind: 'first' } | { readonly kind: 'last' } | { readonly kind: 'all' } | { readonly kind: 'at'; readonly timestamp: string };

export interface ObjectQuery {
  readonly endpoint: TaxiiEndpoint;
  /** The `{object-id}` of the object and versions endpoints. */
  readonly objectId?: string;
  readonly ids?: readonly string[];
  readonly types?: readonly string[];
  /** Default `last` (objects, manifest, object); the versions endpoint lists all. */
  readonly versions: readonly VersionSelector[];
  /** Default: each object's latest specification version. */
  readonly specVersions?: readonly string[];
  readonly addedAfter?: string;
  readonly limit?: number;
  readonly next?: string;
}

const HONOURED: Readonly<Record<TaxiiEndpoint, ReadonlySet<string>>> = {
  objects: new Set(['id', 'type', 'version', 'spec_version']),
  manifest: new Set(['id', 'type', 'version', 'spec_version']),
  object: new Set(['version', 'spec_version']),
  versions: new Set(['spec_version']),
};

function bad(param: string, message: string): NarizError {
  return new NarizError('NARIZ_BAD_REQUEST', message, { path: param });
}

function rawValue(query: Readonly<Record<string, unknown>>, param: string): string | undefined {
  const v = query[param];
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join(',');
  throw bad(param, `${param} must be a string`);
}

function list(query: Readonly<Record<string, unknown>>, param: string): string[] | undefined {
  const v = rawValue(query, param);
  if (v === undefined) return undefined;
  const items = v.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) throw bad(param, `${param} is empty`);
  return items;
}

function versionSelector(s: string): VersionSelector {
  if (s === 'first' || s === 'last' || s === 'all') return { kind: s };
  if (taxiiTimeNs(s) === undefined) throw bad('match[version]', `match[version] value ${s} is not first, last, all or an RFC 3339 UTC timestamp`);
  return { kind: 'at', timestamp: s };
}

export function parseObjectQuery(query: Readonly<Record<string, unknown>>, at: { readonly endpoint: TaxiiEndpoint; readonly objectId?: string }): ObjectQuery {
  const honoured = HONOURED[at.endpoint];
  const ids = honoured.has('id') ? list(query, 'match[id]') : undefined;
  const types = honoured.has('type') ? list(query, 'match[type]') : undefined;
  const versionList = honoured.has('version') ? list(query, 'match[version]') : undefined;
  const specVersions = honoured.has('spec_version') ? list(query, 'match[spec_version]') : undefined;
  for (const sv of specVersions ?? []) {
    if (!/^\d+\.\d+$/.test(sv)) throw bad('match[spec_version]', `match[spec_version] value ${sv} is not a version such as 2.1`);
  }
  const addedAfter = rawValue(query, 'added_after');
  if (addedAfter !== undefined && taxiiTimeNs(addedAfter) === undefined) throw bad('added_after', `added_after ${addedAfter} is not an RFC 3339 UTC timestamp`);
  const limitText = rawValue(query, 'limit');
  let limit: number | undefined;
  if (limitText !== undefined) {
    if (!/^\d+$/.test(limitText) || Number(limitText) < 1) throw bad('limit', `limit ${limitText} is not a positive integer`);
    limit = Number(limitText);
  }
  const next = rawValue(query, 'next');
  const versions: VersionSelector[] =
    at.endpoint === 'versions' ? [{ kind: 'all' }] : (versionList ?? ['last']).map(versionSelector);
  return {
    endpoint: at.endpoint,
    ...(at.objectId === undefined ? {} : { objectId: at.objectId }),
    ...(ids === undefined ? {} : { ids }),
    ...(types === undefined ? {} : { types }),
    versions,
    ...(specVersions === undefined ? {} : { specVersions }),
    ...(addedAfter === undefined ? {} : { addedAfter }),
    ...(limit === undefined ? {} : { limit }),
    ...(next === undefined ? {} : { next }),
  };
}
