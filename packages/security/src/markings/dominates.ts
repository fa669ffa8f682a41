/**
 * "Is this portion above the banner?", from the aggregation rules
 * (docs/security/markings.md, B1-B6).
 *
 * `outer` dominates `inner` when adding `inner` to an aggregate marked
 * `outer` leaves the aggregate's marking as restrictive as `outer` and no
 * more: `combine([outer, inner])` has `outer`'s classification rank,
 * controls and REL TO, and, when it carries an originator control (ORCON),
 * `outer`'s originator. Whoever may see `outer` may then see `inner`
 * (rules A2-A4), and the banner text already says everything `inner`
 * requires. The originator matters only through ORCON (A4): without it, a
 * portion from another organisation is not "above" the banner.
 */
import { classificationRank } from './classification.js';
import { combine } from './combine.js';
import { controlDefinition } from './controls.js';
import type { Marking } from './marking.js';
import type { SecurityPolicy } from './policy.js';

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Both markings restrict access identically: same rank, controls, REL TO, and owner where ORCON applies. */
function sameRestrictions(a: Marking, b: Marking): boolean {
  if (classificationRank(a.classification) !== classificationRank(b.classification)) return false;
  if (!sameList(a.controls, b.controls) || !sameList(a.relTo, b.relTo)) return false;
  const originatorControlled = a.controls.some((c) => controlDefinition(c)?.rule === 'originator');
  return !originatorControlled || a.originator === b.originator;
}

/** `outer` may stand as the banner over `inner` (both canonical markings, as makeMarking returns them). */
export function dominates(outer: Marking, inner: Marking, policy: SecurityPolicy): boolean {
  return sameRestrictions(combine([outer, inner], policy), outer);
}
