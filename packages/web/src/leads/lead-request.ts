/**
 * Leads as the app sends them: the forms' fields (strings from the inputs)
 * read into requests, or into a problem named by a message key, and the
 * JSON bodies of the lead, evidence, release and partner-portal routes.
 * The limits are the server's (packages/server/src/routes/leads.ts,
 * leads-releases.ts, partner.ts); the server checks everything again.
 */
import type { LeadId } from '../api/schema/ids.js';
import type { EvidenceKind, OutcomeKind, TextLanguage } from '../api/schema/lead.js';
import { markingJson, type Marking } from '../api/schema/marking.js';
import type { MessageKey } from '../i18n/catalogue/keys.js';
import { isCountryCode } from './countries.js';
import type { FormProblem } from '../format/form-problem.js';

export const TITLE_MAX = 300;
export const SUMMARY_MAX = 8000;
export const EVIDENCE_TEXT_MAX = 8000;
export const EVIDENCE_REF_MAX = 300;
export const NOTE_MAX = 4000;
export const UNIT_MAX = 200;
export const ARRESTS_MAX = 100_000;
export const SEIZURES_MAX = 200;
export const SEIZURE_WHAT_MAX = 200;
export const SEIZURE_UNIT_MAX = 32;

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: FormProblem };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = <T>(field: string, key: MessageKey, values?: Readonly<Record<string, string | number>>): Checked<T> => ({ ok: false, problem: values === undefined ? { field, key } : { field, key, values } });

/** Where a new lead comes from: a located source (the server reads its position), or a place on the map. */
export type LeadOrigin =
  | { readonly kind: 'source'; readonly sortieId: string; readonly jobId: string; readonly sourceIndex: number; readonly lat: number; readonly lon: number }
  | { readonly kind: 'place'; readonly lat: number; readonly lon: number };

export interface NewLead {
  readonly title: string;
  readonly summary: string;
  readonly lang: TextLanguage;
  readonly marking: Marking;
  readonly origin: LeadOrigin;
}

export function newLeadJson(n: NewLead): Record<string, unknown> {
  const common = { title: n.title, ...(n.summary === '' ? {} : { summary: n.summary }), lang: n.lang, marking: markingJson(n.marking) };
  const o = n.origin;
  return o.kind === 'source' ? { ...common, source: { sortie_id: o.sortieId, job_id: o.jobId, source_index: o.sourceIndex } } : { ...common, lat: o.lat, lon: o.lon };
}

/** A lead's title and summary as typed: the title is required (an analyst always writes it). */
export function readLeadText(title: string, summary: string): Checked<{ title: string; summary: string }> {
  const t = title.trim();
  if (t === '') return fail('title', 'leads.error.titleEmpty');
  if (t.length > TITLE_MAX) return fail('title', 'leads.error.tooLong', { max: TITLE_MAX });
  if (summary.length > SUMMARY_MAX) return fail('summary', 'leads.error.tooLong', { max: SUMMARY_MAX });
  return ok({ title: t, summary });
}

export interface LeadPatch {
  readonly title?: string;
  readonly summary?: string;
  readonly lang?: TextLanguage;
  readonly marking?: Marking;
}

export function leadPatchJson(p: LeadPatch): Record<string, unknown> {
  return {
    ...(p.title === undefined ? {} : { title: p.title }),
    ...(p.summary === undefined ? {} : { summary: p.summary }),
    ...(p.lang === undefined ? {} : { lang: p.lang }),
    ...(p.marking === undefined ? {} : { marking: markingJson(p.marking) }),
  };
}

export interface NewEvidence {
  readonly kind: EvidenceKind;
  /** Required for every kind but a note. */
  readonly ref: string | null;
  readonly text: string;
  readonly lang: TextLanguage;
  readonly marking: Marking;
}

export function evidenceJson(e: NewEvidence): Record<string, unknown> {
  return { kind: e.kind, ...(e.ref === null ? {} : { ref: e.ref }), text: e.text, lang: e.lang, marking: markingJson(e.marking) };
}

/** A piece of evidence as typed: a note needs text; anything else needs what it points at. */
export function readEvidenceForm(kind: EvidenceKind, ref: string, text: string): Checked<{ ref: string | null; text: string }> {
  const r = ref.trim();
  if (kind === 'note') {
    if (text.trim() === '') return fail('text', 'evidence.error.noteEmpty');
  } else if (r === '') {
    return fail('ref', 'evidence.error.refEmpty');
  }
  if (r.length > EVIDENCE_REF_MAX) return fail('ref', 'leads.error.tooLong', { max: EVIDENCE_REF_MAX });
  if (text.length > EVIDENCE_TEXT_MAX) return fail('text', 'leads.error.tooLong', { max: EVIDENCE_TEXT_MAX });
  return ok({ ref: kind === 'note' || r === '' ? null : r, text });
}

export interface ReleaseRequest {
  readonly partnerCountry: string;
  readonly partnerUnit: string;
  readonly language: TextLanguage;
  /** Why it is released: kept in the lead's history, not in the package. */
  readonly note: string;
}

export function releaseRequestJson(r: ReleaseRequest): Record<string, unknown> {
  return { partner_country: r.partnerCountry, partner_unit: r.partnerUnit, language: r.language, ...(r.note === '' ? {} : { note: r.note }) };
}

/** The release dialog's fields: a country from the table, a unit named. */
export function readReleaseForm(country: string, unit: string, note: string): Checked<{ country: string; unit: string; note: string }> {
  if (!isCountryCode(country)) return fail('country', 'release.error.country');
  const u = unit.trim();
  if (u === '') return fail('unit', 'release.error.unitEmpty');
  if (u.length > UNIT_MAX) return fail('unit', 'leads.error.tooLong', { max: UNIT_MAX });
  if (note.length > NOTE_MAX) return fail('note', 'leads.error.tooLong', { max: NOTE_MAX });
  return ok({ country, unit: u, note: note.trim() });
}

/**
 * A local date and time from `<input type="datetime-local">` ("2026-03-04T21:30")
 * as an ISO instant, in the browser's time zone; null when empty or not a time.
 */
export function localInputToIso(s: string): string | null {
  if (s.trim() === '') return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export interface ActionReport {
  readonly note: string;
  /** When it took place; null: now. */
  readonly at: string | null;
}

export function readActionForm(note: string, at: string): Checked<ActionReport> {
  const n = note.trim();
  if (n === '') return fail('note', 'portal.error.actionNote');
  if (n.length > NOTE_MAX) return fail('note', 'leads.error.tooLong', { max: NOTE_MAX });
  if (at.trim() !== '' && localInputToIso(at) === null) return fail('at', 'portal.error.time');
  return ok({ note: n, at: localInputToIso(at) });
}

export function actionJson(a: ActionReport): Record<string, unknown> {
  return { note: a.note, ...(a.at === null ? {} : { at: a.at }) };
}

/** One row of the seizures table as typed. */
export interface SeizureRow {
  readonly what: string;
  readonly quantity: string;
  readonly unit: string;
}

export interface OutcomeReport {
  readonly kind: OutcomeKind;
  readonly arrests: number;
  readonly seizures: readonly { readonly what: string; readonly quantity: number; readonly unit: string }[];
  readonly note: string;
  readonly at: string | null;
}

/** A number typed in either locale's way: "1,5" or "1.5" (no thousands separators). */
export function parseQuantity(s: string): number | null {
  const t = s.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/** The outcome form: whole arrests, and seizures whose rows are complete (blank rows are dropped). */
export function readOutcomeForm(kind: OutcomeKind, arrests: string, rows: readonly SeizureRow[], note: string, at: string): Checked<OutcomeReport> {
  const a = arrests.trim();
  if (!/^\d+$/.test(a) || Number(a) > ARRESTS_MAX) return fail('arrests', 'portal.error.arrests', { max: ARRESTS_MAX });
  const seizures: { what: string; quantity: number; unit: string }[] = [];
  for (const [i, r] of rows.entries()) {
    const what = r.what.trim();
    const unit = r.unit.trim();
    if (what === '' && r.quantity.trim() === '' && unit === '') continue;
    const quantity = parseQuantity(r.quantity);
    if (what === '' || what.length > SEIZURE_WHAT_MAX) return fail(`seizure-${i}`, 'portal.error.seizureWhat', { n: i + 1, max: SEIZURE_WHAT_MAX });
    if (quantity === null) return fail(`seizure-${i}`, 'portal.error.seizureQuantity', { n: i + 1 });
    if (unit === '' || unit.length > SEIZURE_UNIT_MAX) return fail(`seizure-${i}`, 'portal.error.seizureUnit', { n: i + 1, max: SEIZURE_UNIT_MAX });
    seizures.push({ what, quantity, unit });
  }
  if (seizures.length > SEIZURES_MAX) return fail('seizures', 'portal.error.seizuresMany', { max: SEIZURES_MAX });
  if (note.length > NOTE_MAX) return fail('note', 'leads.error.tooLong', { max: NOTE_MAX });
  if (at.trim() !== '' && localInputToIso(at) === null) return fail('at', 'portal.error.time');
  return ok({ kind, arrests: Number(a), seizures, note: note.trim(), at: localInputToIso(at) });
}

export function outcomeJson(o: OutcomeReport): Record<string, unknown> {
  return {
    kind: o.kind,
    arrests: o.arrests,
    seizures: o.seizures.map((s) => ({ what: s.what, quantity: s.quantity, unit: s.unit })),
    ...(o.note === '' ? {} : { note: o.note }),
    ...(o.at === null ? {} : { at: o.at }),
  };
}

/** The renderings of a release for an analyst, and of a package in the portal. */
export function releaseRenderingUrl(leadId: LeadId, releaseId: string, format: 'html' | 'pdf', lang: TextLanguage): string {
  return `/api/leads/${encodeURIComponent(leadId)}/releases/${encodeURIComponent(releaseId)}/${format}?lang=${lang}`;
}

export function packageRenderingUrl(packageId: string, format: 'html' | 'pdf', lang: TextLanguage): string {
  return `/api/partner/packages/${encodeURIComponent(packageId)}/${format}?lang=${lang}`;
}
