/**
 * The one fact about the deployment that markings depend on: whose system
 * this is. The own country is the originating country of every marking
 * (always listed in REL TO, rule M3) and its nationals are the only ones
 * NOFORN and unmarked material are releasable to (rules M8, A3).
 */
import { NarizError } from '@nariz/core';
import { isCountryCode } from './countries.js';

export interface SecurityPolicy {
  /** ISO 3166-1 alpha-3, e.g. 'USA'. */
  readonly ownCountry: string;
}

export function securityPolicy(ownCountry: string): SecurityPolicy {
  const c = ownCountry.trim().toUpperCase();
  if (!isCountryCode(c)) throw new NarizError('NARIZ_MARKING', `the own country "${ownCountry}" is not an ISO 3166-1 alpha-3 code`, { path: 'ownCountry' });
  return { ownCountry: c };
}
