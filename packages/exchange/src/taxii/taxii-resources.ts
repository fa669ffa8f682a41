/**
 * The TAXII 2.1 resources that are not object lists: discovery (§4.1),
 * API root (§4.2), collections and collection (§5.1, §5.2), status (§4.3).
 * Builders take named, typed fields and leave out empty optional members.
 */
import { STIX_MEDIA_TYPE, TAXII_MEDIA_TYPE } from './media-types.js';

export interface TaxiiDiscovery {
  readonly title: string;
  readonly description?: string;
  readonly contact?: string;
  readonly default?: string;
  readonly api_roots?: readonly string[];
}

export function taxiiDiscovery(o: { title: string; description?: string; contact?: string; defaultApiRoot?: string; apiRoots: readonly string[] }): TaxiiDiscovery {
  return {
    title: o.title,
    ...(o.description === undefined ? {} : { description: o.description }),
    ...(o.contact === undefined ? {} : { contact: o.contact }),
    ...(o.defaultApiRoot === undefined ? {} : { default: o.defaultApiRoot }),
    ...(o.apiRoots.length === 0 ? {} : { api_roots: o.apiRoots }),
  };
}

export interface TaxiiApiRoot {
  readonly title: string;
  readonly description?: string;
  readonly versions: readonly string[];
  readonly max_content_length: number;
}

export function taxiiApiRoot(o: { title: string; description?: string; maxContentLength: number }): TaxiiApiRoot {
  return {
    title: o.title,
    ...(o.description === undefined ? {} : { description: o.description }),
    versions: [TAXII_MEDIA_TYPE],
    max_content_length: o.maxContentLength,
  };
}

export interface TaxiiCollection {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly alias?: string;
  readonly can_read: boolean;
  readonly can_write: boolean;
  readonly media_types: readonly string[];
}

/** `canRead`/`canWrite` are for the requesting user (§5.2), not the collection in general. */
export function taxiiCollection(o: { id: string; title: string; description?: string; alias?: string; canRead: boolean; canWrite: boolean }): TaxiiCollection {
  return {
    id: o.id,
    title: o.title,
    ...(o.description === undefined ? {} : { description: o.description }),
    ...(o.alias === undefined ? {} : { alias: o.alias }),
    can_read: o.canRead,
    can_write: o.canWrite,
    media_types: [STIX_MEDIA_TYPE],
  };
}

export function taxiiCollections(collections: readonly TaxiiCollection[]): { readonly collections?: readonly TaxiiCollection[] } {
  return collections.length === 0 ? {} : { collections };
}

export interface TaxiiStatusDetail {
  readonly id: string;
  readonly version?: string;
  readonly message?: string;
}

export interface TaxiiStatus {
  readonly id: string;
  readonly status: 'complete' | 'pending';
  readonly request_timestamp?: string;
  readonly total_count: number;
  readonly success_count: number;
  readonly successes?: readonly TaxiiStatusDetail[];
  readonly failure_count: number;
  readonly failures?: readonly TaxiiStatusDetail[];
  readonly pending_count: number;
  readonly pendings?: readonly TaxiiStatusDetail[];
}

/** Counts derive from the lists, so they cannot disagree; `status` is pending while anything is. */
export function taxiiStatus(o: {
  id: string;
  requestTimestamp?: string;
  successes: readonly TaxiiStatusDetail[];
  failures: readonly TaxiiStatusDetail[];
  pendings: readonly TaxiiStatusDetail[];
}): TaxiiStatus {
  return {
    id: o.id,
    status: o.pendings.length > 0 ? 'pending' : 'complete',
    ...(o.requestTimestamp === undefined ? {} : { request_timestamp: o.requestTimestamp }),
    total_count: o.successes.length + o.failures.length + o.pendings.length,
    success_count: o.successes.length,
    ...(o.successes.length === 0 ? {} : { successes: o.successes }),
    failure_count: o.failures.length,
    ...(o.failures.length === 0 ? {} : { failures: o.failures }),
    pending_count: o.pendings.length,
    ...(o.pendings.length === 0 ? {} : { pendings: o.pendings }),
  };
}
