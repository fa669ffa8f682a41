/**
 * The lead lifecycle (docs/leads.md): which state may follow which, and
 * through which door. Analysts move a lead with POST .../transitions; a
 * lead becomes `released` only through a release (POST .../releases), and
 * the partner's acknowledgement, action and outcome come only through the
 * partner portal, attributed to the partner official.
 *
 *   candidate → confirmed → released → acknowledged → action-taken → outcome-reported → closed
 *   (back to candidate from confirmed; released again to another unit before acknowledgement;
 *    an outcome straight after acknowledgement, or reported again as a correction;
 *    closed from any state by an analyst)
 */
import { NarizError } from '@nariz/core';
import type { LeadStatus } from '@nariz/store';

/** Who may cause a transition: an analyst's transition, a release, or the partner portal. */
export type TransitionDoor = 'transition' | 'release' | 'partner';

export interface NextState {
  readonly status: LeadStatus;
  readonly via: TransitionDoor;
}

const NEXT: Readonly<Record<LeadStatus, readonly NextState[]>> = {
  candidate: [{ status: 'confirmed', via: 'transition' }, { status: 'closed', via: 'transition' }],
  confirmed: [{ status: 'candidate', via: 'transition' }, { status: 'released', via: 'release' }, { status: 'closed', via: 'transition' }],
  released: [{ status: 'released', via: 'release' }, { status: 'acknowledged', via: 'partner' }, { status: 'closed', via: 'transition' }],
  acknowledged: [{ status: 'action-taken', via: 'partner' }, { status: 'outcome-reported', via: 'partner' }, { status: 'closed', via: 'transition' }],
  'action-taken': [{ status: 'outcome-reported', via: 'partner' }, { status: 'closed', via: 'transition' }],
  'outcome-reported': [{ status: 'outcome-reported', via: 'partner' }, { status: 'closed', via: 'transition' }],
  closed: [],
};

export function nextStates(from: LeadStatus): readonly NextState[] {
  return NEXT[from];
}

const DOOR_TEXT: Readonly<Record<TransitionDoor, string>> = {
  transition: 'POST /api/leads/:id/transitions',
  release: 'POST /api/leads/:id/releases',
  partner: 'the partner portal',
};

/** Throws NARIZ_LEAD_STATE naming the allowed next states (and their doors) unless `from → to` is allowed through `via`. */
export function assertTransition(id: string, from: LeadStatus, to: LeadStatus, via: TransitionDoor): void {
  const next = NEXT[from];
  if (next.some((n) => n.status === to && n.via === via)) return;
  const allowed = next.map((n) => `${n.status} (${DOOR_TEXT[n.via]})`).join(', ');
  const through = next.some((n) => n.status === to) ? ` through ${DOOR_TEXT[via]}` : '';
  throw new NarizError('NARIZ_LEAD_STATE', `lead "${id}" is ${from} and cannot move to ${to}${through}; allowed next states: ${allowed === '' ? 'none (closed is final)' : allowed}`);
}
