/**
 * What the lifecycle means for the screens, read from the server's
 * `next_states` (docs/leads.md, "Lifecycle"): the analyst's transitions
 * become buttons, a `release` door opens the release dialog, and `partner`
 * doors are waited for (they come through the partner portal). The app
 * never decides which state may follow which: the server lists them, and
 * refuses the rest with the reason (409 NARIZ_LEAD_STATE).
 */
import type { LeadStatus, NextState, OutcomeKind } from '../api/schema/lead.js';

/** The states an analyst may move the lead to with a transition, in the server's order. */
export function analystTransitions(next: readonly NextState[]): LeadStatus[] {
  return next.filter((n) => n.via === 'transition').map((n) => n.status);
}

/** Whether the lead may be released (again) now. */
export function releasable(next: readonly NextState[]): boolean {
  return next.some((n) => n.via === 'release');
}

/** The states only the partner official can bring (acknowledgement, action, outcome). */
export function awaitedFromPartner(next: readonly NextState[]): LeadStatus[] {
  return next.filter((n) => n.via === 'partner').map((n) => n.status);
}

/** Closing is final: the screens ask before doing it. */
export function isFinal(to: LeadStatus): boolean {
  return to === 'closed';
}

/** Map and badge colours of each state: cool while the task force works on it, warm once with the partner, green when they report. */
export const STATUS_COLOURS: Readonly<Record<LeadStatus, string>> = {
  candidate: '#90a4ae',
  confirmed: '#4fb3ff',
  released: '#ffb74d',
  acknowledged: '#ffd54f',
  'action-taken': '#ce93d8',
  'outcome-reported': '#66d19e',
  closed: '#5f6b76',
};

/** The ring drawn around a lead whose outcome is reported. */
export const OUTCOME_COLOURS: Readonly<Record<OutcomeKind, string>> = {
  dismantled: '#00e676',
  'nothing-found': '#eceff1',
  other: '#ff8a65',
};

/** What a partner official can report on a package. */
export type PartnerUpdate = 'acknowledge' | 'action' | 'outcome';

/** The report that moves a lead to each state a partner may report. */
const UPDATE_OF: Readonly<Partial<Record<LeadStatus, PartnerUpdate>>> = { acknowledged: 'acknowledge', 'action-taken': 'action', 'outcome-reported': 'outcome' };

/**
 * The report forms to show, from the package's `next_states` (the server
 * is the one authority on the lifecycle: docs/leads.md): acknowledge a
 * released package; then an action, or an outcome straight away; an
 * outcome after the action; a corrected outcome. A state this app has no
 * form for is left out (the server would refuse it anyway).
 */
export function partnerUpdatesFrom(nextStates: readonly LeadStatus[]): PartnerUpdate[] {
  const out: PartnerUpdate[] = [];
  for (const s of nextStates) {
    const u = UPDATE_OF[s];
    if (u !== undefined && !out.includes(u)) out.push(u);
  }
  return out;
}
