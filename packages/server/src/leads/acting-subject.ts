/**
 * The acting user as access decisions see them: the signed-in principal's
 * user record read as a @nariz/security Subject, and the AccessPredicate
 * the store filters rows with. An API token acts as its user, so it has the
 * user's subject. It is read from the store on each request (the principal
 * carries only name and role), so a clearance lowered by an admin applies
 * to the very next request. A user with no nationality set is of the
 * deployment's own country (store migration 5).
 *
 * A stored record that does not read as a subject (a value written by
 * hand in the database) is refused with NARIZ_FORBIDDEN rather than read
 * generously: access is denied unless every condition holds.
 */
import type { FastifyRequest } from 'fastify';
import { NarizError } from '@nariz/core';
import { accessPredicate, canAccess, parseMarking, parseSubject, portionMarking, type AccessPredicate, type Marking, type SecurityPolicy, type Subject } from '@nariz/security';
import type { Store, UserRecord } from '@nariz/store';
import { principalOf } from '../auth/auth-plugin.js';

export interface Access {
  readonly subject: Subject;
  /** What the store's WHERE clauses need (computed from the subject, never from request parameters). */
  readonly who: AccessPredicate;
}

/** The subject of a stored user; throws NARIZ_MARKING naming the field when the record does not read as one. */
export function subjectOfUser(u: UserRecord, policy: SecurityPolicy): Subject {
  return parseSubject({
    username: u.username, clearance: u.clearance, nationality: u.nationality ?? policy.ownCountry, organisation: u.organisation, roles: [u.role], accesses: [...u.accesses],
  });
}

const cache = new WeakMap<FastifyRequest, Promise<Access>>();

/** The caller's subject and predicate, read once per request. */
export function accessOf(req: FastifyRequest, store: Store, policy: SecurityPolicy): Promise<Access> {
  let a = cache.get(req);
  if (a === undefined) {
    a = readAccess(req, store, policy);
    cache.set(req, a);
  }
  return a;
}

async function readAccess(req: FastifyRequest, store: Store, policy: SecurityPolicy): Promise<Access> {
  const p = principalOf(req);
  const u = await store.accounts.getUser(p.username);
  if (u === undefined) throw new NarizError('NARIZ_AUTH', 'sign in first');
  let subject: Subject;
  try {
    subject = subjectOfUser(u, policy);
  } catch (err) {
    req.log.error({ err, username: u.username }, 'stored user does not read as a security subject');
    throw new NarizError('NARIZ_FORBIDDEN', `the account "${u.username}" has no valid clearance, nationality or organisation; an admin must set them`, undefined, { cause: err });
  }
  return { subject, who: accessPredicate(subject, policy) };
}

/**
 * A marking from a request, canonical (rules M1-M8, NARIZ_MARKING naming the
 * field), that the acting user may see themselves: nobody labels
 * information above their own access, which would also hide it from them.
 */
export function markingFromRequest(value: unknown, a: Access, policy: SecurityPolicy, path: string): Marking {
  const m = parseMarking(value, policy, path);
  const d = canAccess(a.subject, m, policy);
  if (!d.allowed) throw new NarizError('NARIZ_MARKING', `you could not see what you mark ${portionMarking(m, policy)} (${d.reasons.join('; ')})`, { path });
  return m;
}
