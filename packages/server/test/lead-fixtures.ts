/**
 * The people and labels of the lead and partner tests: users with a
 * clearance, nationality, organisation and accesses (made straight in the
 * store, like harness.ts's users), markings as the API takes them, and a
 * lead made by hand and brought to `confirmed`.
 */
import assert from 'node:assert/strict';
import type { SqliteStore } from '@nariz/store';
import { call, makeUser, type Reply } from './harness.js';

export interface Cleared {
  readonly username: string;
  readonly auth: { readonly token: string };
  readonly password: string;
}

export interface Clearance {
  readonly clearance: 'U' | 'C' | 'S' | 'TS';
  /** Undefined: the deployment's own country (USA in the tests). */
  readonly nationality?: string;
  readonly organisation?: string;
  readonly accesses?: readonly string[];
}

export async function cleared(store: SqliteStore, username: string, role: string, c: Clearance): Promise<Cleared> {
  const { token, password } = await makeUser(store, username, role);
  await store.accounts.updateUser(username, {
    clearance: c.clearance, organisation: c.organisation ?? 'task force', accesses: c.accesses ?? [], ...(c.nationality !== undefined ? { nationality: c.nationality } : {}),
  });
  return { username, auth: { token }, password };
}

export interface MarkingJson {
  readonly classification: string;
  readonly controls?: readonly string[];
  readonly relTo?: readonly string[];
  readonly originator: string;
}

export const mark = (classification: string, relTo: readonly string[] = [], controls: readonly string[] = [], originator = 'task force'): MarkingJson => ({
  classification, controls, relTo, originator,
});

export const errorCode = (r: Reply): string | undefined => (r.json as { error?: { code: string } } | undefined)?.error?.code;
export const errorMessage = (r: Reply): string => (r.json as { error?: { message: string } } | undefined)?.error?.message ?? '';

export interface LeadJson {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly lat: number;
  readonly lon: number;
  readonly ci95_m: number | null;
  readonly lab_probability: number | null;
  readonly detected_at: string | null;
  readonly source: { sortie_id: string; job_id: string; source_index: number } | null;
  readonly portion: string;
  readonly partner_unit: string | null;
  readonly next_states: Array<{ status: string; via: string }>;
}

/** A lead made by hand (201 checked), optionally confirmed. */
export async function leadByHand(
  base: string,
  by: Cleared,
  o: { title?: string; summary?: string; lang?: 'en' | 'es'; marking: MarkingJson; lat?: number; lon?: number; detected_at?: string; confirm?: boolean },
): Promise<LeadJson> {
  const r = await call(base, 'POST', '/api/leads', {
    title: o.title ?? 'Rancho con vapores ácidos', summary: o.summary ?? 'Strong acid odour at night.', lang: o.lang ?? 'en', marking: o.marking,
    lat: o.lat ?? 19.4326, lon: o.lon ?? -99.1332, ci95_m: 35, lab_probability: 0.87, ...(o.detected_at !== undefined ? { detected_at: o.detected_at } : {}),
  }, { auth: by.auth });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  const lead = r.json as LeadJson;
  if (o.confirm === true) {
    const c = await call(base, 'POST', `/api/leads/${lead.id}/transitions`, { to: 'confirmed' }, { auth: by.auth });
    assert.equal(c.status, 200, JSON.stringify(c.json));
    return (c.json as { lead: LeadJson }).lead;
  }
  return lead;
}

export interface ReleaseReply {
  readonly release: { id: string; banner: string; sha256: string; partner_country: string; partner_unit: string; marking: MarkingJson };
  readonly package: Record<string, unknown> & { banner: string; notes: unknown[]; versions: Record<'en' | 'es', { notes: Array<{ text: string; translation: string }> }> };
  readonly withheld: { notes: number; other_evidence: number };
  readonly lead: LeadJson;
}

export async function release(base: string, by: Cleared, leadId: string, country: string, unit: string, language?: 'en' | 'es'): Promise<ReleaseReply> {
  const r = await call(base, 'POST', `/api/leads/${leadId}/releases`, { partner_country: country, partner_unit: unit, ...(language !== undefined ? { language } : {}) }, { auth: by.auth });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  return r.json as ReleaseReply;
}
