/**
 * What every network route does at its exits (docs/security/markings.md,
 * "Re-checked at every exit"): records read through the caller's predicate
 * are re-checked with canAccess before they leave; one the caller may not
 * see is NARIZ_NOT_FOUND worded exactly like one that does not exist; a
 * response carries the banner of everything in it; a change is announced
 * live with the marking of what changed (live-routes.ts sends it only to
 * sockets whose user may see it) and audited with ids, counts and
 * markings, never free text (the audit log goes to partners).
 */
import { NarizError } from '@nariz/core';
import { assertAccess, bannerMarking, canAccess, combine, type Marking } from '@nariz/security';
import type { NetworkAssertionRecord, NetworkEntityRecord } from '@nariz/store';
import type { Access } from '../leads/acting-subject.js';
import { markingJson } from '../leads/lead-json.js';
import type { LiveMessage } from '../live/hub.js';
import type { Platform } from '../platform.js';

type NetworkWhat = Extract<LiveMessage, { type: 'network' }>['what'];

export async function visibleEntity(p: Platform, a: Access, id: string): Promise<NetworkEntityRecord> {
  const e = await p.store.network.getEntity(id, a.who);
  if (e === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no entity "${id}"`);
  assertAccess(a.subject, e.marking, p.security, `entity "${id}"`);
  return e;
}

export async function visibleAssertion(p: Platform, a: Access, id: string): Promise<NetworkAssertionRecord> {
  const x = await p.store.network.getAssertion(id, a.who);
  if (x === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no assertion "${id}"`);
  assertAccess(a.subject, x.marking, p.security, `assertion "${id}"`);
  return x;
}

export const allowedFor = (p: Platform, a: Access) => (m: Marking): boolean => canAccess(a.subject, m, p.security).allowed;

/** The banner of everything a response holds (B1-B6); null for nothing. */
export function bannerOf(p: Platform, markings: readonly Marking[]): string | null {
  return markings.length === 0 ? null : bannerMarking(markings, p.security);
}

/** One marking over several (a merge, an import): what whoever hears of it must be allowed to see. */
export const combined = (p: Platform, markings: readonly Marking[]): Marking => combine(markings, p.security);

export function publishNetwork(p: Platform, what: NetworkWhat, id: string, change: string, marking: Marking): void {
  p.hub.publish({ type: 'network', what, id, change, marking });
}

export async function auditNetwork(p: Platform, actor: string, action: string, target: string, details: Record<string, unknown>, marking: Marking): Promise<void> {
  await p.store.audit.append({ actor, action, target, details: { ...details, marking: markingJson(marking) } });
}
