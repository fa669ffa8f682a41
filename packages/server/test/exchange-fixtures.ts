/**
 * What the STIX, TAXII and CoT route tests share: a lead from a located
 * source (a simulated sortie uploaded and localised, so it has hazard
 * zones), the shared reference data beside the repository (the OASIS STIX
 * schemas, the MITRE CoT schema), a STIX validator compiled from the shared
 * schemas (independent of the server's vendored copy), and xmllint.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { xmllintValidate, type XmllintResult } from '@nariz/core/testing';
import { createStixValidator, readStixSchemas, type StixValidator } from '@nariz/exchange';
import { call, until, type TestServer } from './harness.js';
import type { Cleared, LeadJson, MarkingJson } from './lead-fixtures.js';
import { labSortie } from './scenario.js';

const SHARED = new URL('../../../../../shared/data/', import.meta.url);
export const SHARED_STIX_SCHEMAS = fileURLToPath(new URL('stix/schemas/', SHARED));
export const COT_XSD = fileURLToPath(new URL('cot/mitre/CoT-Base-Event-Schema.xsd', SHARED));

let shared: StixValidator | undefined;
/** A validator compiled from the shared OASIS schemas (every file), not the server's subset. */
export function sharedStixValidator(): StixValidator {
  shared ??= createStixValidator(readStixSchemas(SHARED_STIX_SCHEMAS));
  return shared;
}

export interface Estimate {
  readonly job_id: string;
  readonly result: { sources: Array<{ lat: number; lon: number; position_ci95_m: number; lab_probability: number }> };
}

/** Uploads the simulated lab sortie, waits for its localisation, and makes a confirmed lead of its likeliest lab. */
export async function locatedLead(
  s: TestServer,
  by: Cleared,
  o: { sortieId: string; title: string; summary?: string; lang?: 'en' | 'es'; marking: MarkingJson },
): Promise<{ lead: LeadJson; estimate: Estimate }> {
  const { csv } = labSortie(3);
  const up = await call(s.base, 'POST', `/api/sortie-uploads?name=Halcon-7%20ridge%20survey&simulated=true&id=${o.sortieId}`, csv, { type: 'text/csv', auth: by.auth });
  assert.equal(up.status, 201, JSON.stringify(up.json));
  const estimate = await until(async () => {
    const r = await call(s.base, 'GET', `/api/sorties/${o.sortieId}/estimate`, undefined, { auth: by.auth });
    return r.status === 200 ? (r.json as Estimate) : undefined;
  }, 'the localisation', 180_000);
  const index = estimate.result.sources.reduce((best, x, i) => (x.lab_probability > estimate.result.sources[best]!.lab_probability ? i : best), 0);
  const made = await call(s.base, 'POST', '/api/leads', {
    title: o.title, summary: o.summary ?? 'Vapores ácidos de noche.', lang: o.lang ?? 'es', marking: o.marking, source: { sortie_id: o.sortieId, source_index: index },
  }, { auth: by.auth });
  assert.equal(made.status, 201, JSON.stringify(made.json));
  const lead = made.json as LeadJson;
  const c = await call(s.base, 'POST', `/api/leads/${lead.id}/transitions`, { to: 'confirmed' }, { auth: by.auth });
  assert.equal(c.status, 200, JSON.stringify(c.json));
  return { lead: (c.json as { lead: LeadJson }).lead, estimate };
}

/** A GET whose body is kept as bytes (zip) as well as text. */
export async function fetchRaw(base: string, path: string, headers: Record<string, string>): Promise<{ status: number; headers: Headers; text: string; bytes: Uint8Array }> {
  const res = await fetch(base + path, { headers });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, text: Buffer.from(bytes).toString('utf8'), bytes };
}

export const bearer = (c: Cleared): Record<string, string> => ({ authorization: `Bearer ${c.auth.token}` });

/** One result per XML document: valid against the MITRE CoT base event schema (Debian's xmllint; tests fail without it). */
export function xmllintCot(documents: readonly string[]): XmllintResult[] {
  return xmllintValidate(documents, COT_XSD);
}
