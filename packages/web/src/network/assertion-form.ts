/**
 * Adding one assertion by hand between two entities: the relation, the
 * source report (its reference, and a title if given), when it held — no
 * date, one day, or an interval of whole days (UTC, both ends included, as
 * the server reads dates) — the Admiralty grading, whether it has a
 * direction, how many contacts it stands for, a note, and its marking.
 * Checked before sending, and turned into the body of
 * POST /api/network/assertions.
 */
import { markingJson } from '../api/schema/marking.js';
import { draftMarking, emptyDraft, type MarkingDraft } from '../leads/marking-draft.js';
import { normaliseGrading } from './admiralty.js';

export type WhenKind = 'none' | 'date' | 'interval';

export interface AssertionDraft {
  readonly from: string;
  readonly to: string;
  readonly relation: string;
  readonly directed: boolean;
  readonly sourceRef: string;
  readonly sourceTitle: string;
  readonly when: WhenKind;
  /** "YYYY-MM-DD" (an <input type="date">). */
  readonly date: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly grading: string;
  readonly count: string;
  readonly note: string;
  readonly marking: MarkingDraft;
}

export type AssertionProblem = 'to' | 'same' | 'relation' | 'source' | 'date' | 'interval' | 'order' | 'grading' | 'count';

export type AssertionCheck = { readonly ok: true; readonly body: Record<string, unknown> } | { readonly ok: false; readonly problem: AssertionProblem };

/** The server's limits (routes/network.ts). */
const RELATION_MAX = 64;
const SOURCE_MAX = 300;
const NOTE_MAX = 4000;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isDay(s: string): boolean {
  if (!DAY.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === s;
}

/** A new assertion from an entity: a meeting on one day, graded F6 ("cannot be judged") until the analyst says otherwise. */
export function assertionDraftFrom(from: string, originator: string): AssertionDraft {
  return {
    from, to: '', relation: 'meeting', directed: false, sourceRef: '', sourceTitle: '', when: 'date', date: '', validFrom: '', validTo: '',
    grading: 'F6', count: '1', note: '', marking: emptyDraft(originator),
  };
}

/** The fields an assertion's form checks, as the server reads them (the ends aside). */
export interface AssertionFields {
  readonly relation: string;
  readonly directed: boolean;
  readonly sourceRef: string;
  readonly sourceTitle: string;
  /** { date } or { valid_from, valid_to } or {} (undated). */
  readonly when: Readonly<Record<string, string>>;
  readonly grading: string;
  readonly count: number;
  readonly note: string;
}

export type AssertionFieldsCheck = { readonly ok: true; readonly value: AssertionFields } | { readonly ok: false; readonly problem: AssertionProblem };

/** Everything but the ends: shared by a new assertion and an edit (network/assertion-edit.ts). */
export function checkAssertionFields(d: AssertionDraft): AssertionFieldsCheck {
  const relation = d.relation.trim();
  if (relation === '' || relation.length > RELATION_MAX) return { ok: false, problem: 'relation' };
  const sourceRef = d.sourceRef.trim();
  const sourceTitle = d.sourceTitle.trim();
  if (sourceRef === '' || sourceRef.length > SOURCE_MAX || sourceTitle.length > SOURCE_MAX) return { ok: false, problem: 'source' };
  let when: Record<string, string> = {};
  if (d.when === 'date') {
    if (!isDay(d.date)) return { ok: false, problem: 'date' };
    when = { date: d.date };
  } else if (d.when === 'interval') {
    if (!isDay(d.validFrom) || !isDay(d.validTo)) return { ok: false, problem: 'interval' };
    if (d.validTo < d.validFrom) return { ok: false, problem: 'order' };
    when = { valid_from: d.validFrom, valid_to: d.validTo };
  }
  const grading = normaliseGrading(d.grading);
  if (grading === null) return { ok: false, problem: 'grading' };
  const count = Number(d.count.trim());
  if (d.count.trim() === '' || !Number.isFinite(count) || count <= 0 || count > 1e9) return { ok: false, problem: 'count' };
  return { ok: true, value: { relation, directed: d.directed, sourceRef, sourceTitle, when, grading, count, note: d.note.trim().slice(0, NOTE_MAX) } };
}

export function checkAssertion(d: AssertionDraft): AssertionCheck {
  if (d.to === '') return { ok: false, problem: 'to' };
  if (d.to === d.from) return { ok: false, problem: 'same' };
  const c = checkAssertionFields(d);
  if (!c.ok) return c;
  const f = c.value;
  return {
    ok: true,
    body: {
      from: d.from,
      to: d.to,
      type: f.relation,
      ...(f.directed ? { directed: true } : {}),
      source_ref: f.sourceRef,
      ...(f.sourceTitle !== '' ? { source_title: f.sourceTitle } : {}),
      ...f.when,
      grading: f.grading,
      ...(f.count !== 1 ? { count: f.count } : {}),
      ...(f.note !== '' ? { note: f.note } : {}),
      marking: markingJson(draftMarking(d.marking)),
    },
  };
}
