/**
 * Every change to a lead leaves the same three traces: the store's own
 * record (an append-only event, or the changed row), an audit-log entry,
 * and a live message (to the sockets whose user may see the lead). Audit
 * details carry ids, states, counts and the marking of what was acted on
 * (so that an export of the log can be filtered by it), never the free
 * text itself: the audit log is handed to partners (docs/security/audit.md),
 * and a lead's text may be marked higher than they may see.
 */
import type { LeadEvent, LeadEventDetails, LeadRecord, LeadStatus } from '@nariz/store';
import type { LiveHub } from '../live/hub.js';
import type { Platform } from '../platform.js';
import { markingJson } from './lead-json.js';
import { assertTransition, type TransitionDoor } from './lifecycle.js';

export function publishLead(hub: LiveHub, lead: LeadRecord): void {
  hub.publish({ type: 'lead', id: lead.id, status: lead.status, updated_at: lead.updatedAt, marking: lead.marking });
}

export interface LeadMove {
  readonly to: LeadStatus;
  readonly via: TransitionDoor;
  readonly actor: string;
  readonly note: string;
  readonly occurredAt?: string;
  readonly details: LeadEventDetails;
  /** 'lead.transition' for analysts, 'partner.update' for the portal. */
  readonly auditAction: string;
}

/** Checks the lifecycle, records the transition (atomically, from the state read), audits and announces it. */
export async function moveLead(p: Platform, lead: LeadRecord, m: LeadMove): Promise<LeadEvent> {
  assertTransition(lead.id, lead.status, m.to, m.via);
  const at = p.now().toISOString();
  const event = await p.store.leads.transition(lead.id, {
    from: lead.status, to: m.to, actor: m.actor, at, ...(m.occurredAt !== undefined ? { occurredAt: m.occurredAt } : {}), note: m.note, details: m.details,
  });
  await p.store.audit.append({
    actor: m.actor,
    action: m.auditAction,
    target: lead.id,
    details: {
      from: lead.status, to: m.to, seq: event.seq, occurred_at: event.occurredAt, marking: markingJson(lead.marking),
      ...(m.details.releaseId !== undefined ? { release_id: m.details.releaseId } : {}),
      ...(m.details.outcome !== undefined ? { outcome: m.details.outcome.kind, arrests: m.details.outcome.arrests, seizures: m.details.outcome.seizures.length } : {}),
    },
  });
  publishLead(p.hub, { ...lead, status: m.to, updatedAt: at });
  return event;
}
