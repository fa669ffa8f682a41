/**
 * Deterministic STIX identifiers: `type--UUIDv5(package namespace, type/role)`,
 * where the package namespace is UUIDv5(Nariz namespace, package id). The
 * same package exported twice gives the same ids; two packages never share
 * one. STIX 2.1 §2.9 recommends UUIDv4 for SDOs but allows other versions
 * with a namespace of the producer's own, which this is.
 */
import { NarizError } from '@nariz/core';
import { NARIZ_EXCHANGE_NAMESPACE, uuidV5 } from '../uuid-v5.js';
import type { StixId } from './stix-types.js';

export function packageNamespace(packageId: string): string {
  return uuidV5(NARIZ_EXCHANGE_NAMESPACE, `release-package/${packageId}`);
}

/** `role` names the object within the package, e.g. `lead/L-17/location`. */
export function stixId<T extends string>(type: T, packageId: string, role: string): StixId<T> {
  return `${type}--${uuidV5(packageNamespace(packageId), `${type}/${role}`)}`;
}

/** Ids of objects that are the same in every export (the Nariz extension and its author). */
export function constantStixId<T extends string>(type: T, role: string): StixId<T> {
  return `${type}--${uuidV5(NARIZ_EXCHANGE_NAMESPACE, `constant/${type}/${role}`)}`;
}

/** STIX timestamps: RFC 3339 UTC with exactly millisecond precision (§3.2 requires it for created/modified). */
export function stixTimestamp(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) throw new NarizError('NARIZ_USAGE', `not an ISO 8601 timestamp: ${iso}`);
  return new Date(t).toISOString();
}
