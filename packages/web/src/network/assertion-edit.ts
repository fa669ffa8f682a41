/**
 * Editing one assertion by hand (analysts): the form starts from the
 * assertion as stored — its relation, direction, source report, when it
 * held (undated, one UTC day, or the days of an interval), grading, count,
 * note and marking — and the PATCH of /api/network/assertions/:id carries
 * only the fields that changed, since the server audits the names of the
 * fields sent. The ends do not change (the server refuses that: delete the
 * assertion and add the new link instead). Making it undated sends
 * `valid_from` and `valid_to` null.
 */
import { markingJson } from '../api/schema/marking.js';
import type { NetworkAssertion } from '../api/schema/network.js';
import { draftMarking, draftOf } from '../leads/marking-draft.js';
import { checkAssertionFields, type AssertionDraft, type AssertionProblem } from './assertion-form.js';
import { sameMarking } from './entity-form.js';

export type AssertionEditCheck = { readonly ok: true; readonly patch: Record<string, unknown> } | { readonly ok: false; readonly problem: AssertionProblem };

/** The UTC day of an ISO instant, or '' when there is none or it does not parse. */
function dayOf(iso: string | null): string {
  if (iso === null) return '';
  const t = Date.parse(iso);
  return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : '';
}

/** The form of an existing assertion: one day when it starts and ends on the same UTC day, else an interval of days. */
export function assertionDraftOf(a: NetworkAssertion): AssertionDraft {
  const from = dayOf(a.validFrom);
  const to = dayOf(a.validTo ?? a.validFrom);
  const when = from === '' ? 'none' : from === to ? 'date' : 'interval';
  return {
    from: a.from, to: a.to, relation: a.type, directed: a.directed, sourceRef: a.sourceRef, sourceTitle: a.sourceTitle, when,
    date: when === 'date' ? from : '', validFrom: from, validTo: to, grading: a.grading, count: String(a.count), note: a.note, marking: draftOf(a.marking),
  };
}

/** What the "when" part of a form says, to tell whether it was changed. */
function whenKey(d: AssertionDraft): string {
  if (d.when === 'none') return 'none';
  return d.when === 'date' ? `date ${d.date}` : `interval ${d.validFrom} ${d.validTo}`;
}

/** The PATCH of an edit: checked like a new assertion, then only what differs from the assertion as it is; empty when nothing does. */
export function assertionPatch(a: NetworkAssertion, d: AssertionDraft): AssertionEditCheck {
  const c = checkAssertionFields(d);
  if (!c.ok) return c;
  const f = c.value;
  const out: Record<string, unknown> = {};
  if (f.relation !== a.type) out['type'] = f.relation;
  if (f.directed !== a.directed) out['directed'] = f.directed;
  if (f.sourceRef !== a.sourceRef) out['source_ref'] = f.sourceRef;
  if (f.sourceTitle !== a.sourceTitle.trim()) out['source_title'] = f.sourceTitle;
  // Compared with the form as it opened: an instant that is not a whole day is left alone unless the analyst changes the days.
  if (whenKey(d) !== whenKey(assertionDraftOf(a))) Object.assign(out, d.when === 'none' ? { valid_from: null, valid_to: null } : f.when);
  if (f.grading !== a.grading.toUpperCase()) out['grading'] = f.grading;
  if (f.count !== a.count) out['count'] = f.count;
  if (f.note !== a.note.trim()) out['note'] = f.note;
  if (!sameMarking(d.marking, draftOf(a.marking))) out['marking'] = markingJson(draftMarking(d.marking));
  return { ok: true, patch: out };
}
