/**
 * A marking being chosen with pickers (classification, controls, REL TO
 * countries): never typed as text. The picker keeps only the combinations
 * the rules allow to be expressed at all — FOUO on U only (rule M6),
 * NOFORN or REL TO but not both (M4) — and leaves every other judgement to
 * the server, which checks the marking (M1-M8, and that the user could see
 * it) and computes its portion mark and banner.
 */
import { ACCESS_CONTROLS, CLASSIFICATIONS, CONTROLS, type AccessControl, type Classification, type Control, type Marking } from '../api/schema/marking.js';

/** The organisation new accounts belong to (store/src/accounts.ts), the default originator. */
export const DEFAULT_ORIGINATOR = 'task force';

export interface MarkingDraft {
  readonly classification: Classification;
  /** In register order. */
  readonly controls: readonly Control[];
  /** The countries chosen (ISO alpha-3, sorted); the server adds the deployment's own country. */
  readonly relTo: readonly string[];
  readonly originator: string;
}

export function emptyDraft(originator = DEFAULT_ORIGINATOR): MarkingDraft {
  return { classification: 'U', controls: [], relTo: [], originator };
}

const inRegisterOrder = (cs: readonly Control[]): Control[] => CONTROLS.filter((c) => cs.includes(c));

/** Whether the control can be chosen with this draft as it stands (FOUO only on U). */
export function controlAllowed(d: MarkingDraft, c: Control): boolean {
  return c !== 'FOUO' || d.classification === 'U';
}

export function withClassification(d: MarkingDraft, classification: Classification): MarkingDraft {
  const controls = classification === 'U' ? d.controls : d.controls.filter((c) => c !== 'FOUO');
  return { ...d, classification, controls };
}

/** Turns a control on or off; NOFORN on clears REL TO (it overrides it). */
export function toggleControl(d: MarkingDraft, c: Control): MarkingDraft {
  if (d.controls.includes(c)) return { ...d, controls: d.controls.filter((x) => x !== c) };
  if (!controlAllowed(d, c)) return d;
  return { ...d, controls: inRegisterOrder([...d.controls, c]), relTo: c === 'NOFORN' ? [] : d.relTo };
}

/** Adds a REL TO country (unique, sorted); none while NOFORN is on. */
export function addRelTo(d: MarkingDraft, code: string): MarkingDraft {
  if (d.controls.includes('NOFORN') || d.relTo.includes(code)) return d;
  return { ...d, relTo: [...d.relTo, code].sort() };
}

export function removeRelTo(d: MarkingDraft, code: string): MarkingDraft {
  return { ...d, relTo: d.relTo.filter((c) => c !== code) };
}

export function withOriginator(d: MarkingDraft, originator: string): MarkingDraft {
  return { ...d, originator };
}

/** The marking to send (the originator trimmed). */
export function draftMarking(d: MarkingDraft): Marking {
  return { classification: d.classification, controls: [...d.controls], relTo: [...d.relTo], originator: d.originator.trim() };
}

/** A draft from a marking the server sent (changing it): controls this app does not know are dropped. */
export function draftOf(m: Marking): MarkingDraft {
  return { classification: m.classification, controls: inRegisterOrder(CONTROLS.filter((c) => m.controls.includes(c))), relTo: [...m.relTo].sort(), originator: m.originator };
}

/** What the signed-in user may label with (session/label-scope.ts provides it to the pickers). */
export interface LabelScope {
  readonly clearance: Classification;
  readonly accesses: readonly AccessControl[];
  readonly organisation: string;
  readonly ownCountry: string;
}

/** Whether the user may mark at this level (no higher than the clearance). */
export function classificationWithin(c: Classification, scope: LabelScope): boolean {
  return CLASSIFICATIONS.indexOf(c) <= CLASSIFICATIONS.indexOf(scope.clearance);
}

/** Whether the user may apply this control: an access control only when read into it; the others always. */
export function controlWithin(c: Control, scope: LabelScope): boolean {
  const access = ACCESS_CONTROLS.find((a) => a === c);
  return access === undefined || scope.accesses.includes(access);
}
