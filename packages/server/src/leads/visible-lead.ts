/**
 * A lead as the caller may see it: read through their predicate (the store
 * filters in the query) and re-checked here at the exit. A lead they may
 * not see is NARIZ_NOT_FOUND, word for word the answer for a lead that does
 * not exist (docs/security/markings.md, assertAccess).
 */
import { NarizError } from '@nariz/core';
import { assertAccess } from '@nariz/security';
import { leadId, type LeadRecord } from '@nariz/store';
import type { Platform } from '../platform.js';
import type { Access } from './acting-subject.js';

const LEAD_ID = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$' } as const;
export const leadParams = { type: 'object', properties: { id: LEAD_ID }, required: ['id'] } as const;

export async function visibleLead(p: Platform, a: Access, id: string): Promise<LeadRecord> {
  const lead = await p.store.leads.getLead(leadId(id), a.who);
  if (lead === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no lead "${id}"`);
  assertAccess(a.subject, lead.marking, p.security, `lead "${id}"`);
  return lead;
}
