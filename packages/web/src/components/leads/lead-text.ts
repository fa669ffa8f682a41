/** Words for a lead's states, outcomes, evidence kinds and transition doors, shared by the leads screens and the portal. */
import type { EvidenceKind, LeadStatus, OutcomeKind } from '../../api/schema/lead.js';
import type { Classification, Control } from '../../api/schema/marking.js';
import type { MessageKey } from '../../i18n/catalogue/keys.js';

export const STATUS_KEY: Readonly<Record<LeadStatus, MessageKey>> = {
  candidate: 'leadStatus.candidate',
  confirmed: 'leadStatus.confirmed',
  released: 'leadStatus.released',
  acknowledged: 'leadStatus.acknowledged',
  'action-taken': 'leadStatus.actionTaken',
  'outcome-reported': 'leadStatus.outcomeReported',
  closed: 'leadStatus.closed',
};

/** The button that moves a lead into the state (an analyst's transition). */
export const TRANSITION_KEY: Readonly<Record<LeadStatus, MessageKey>> = {
  candidate: 'transition.candidate',
  confirmed: 'transition.confirmed',
  released: 'transition.released',
  acknowledged: 'transition.acknowledged',
  'action-taken': 'transition.actionTaken',
  'outcome-reported': 'transition.outcomeReported',
  closed: 'transition.closed',
};

export const OUTCOME_KEY: Readonly<Record<OutcomeKind, MessageKey>> = {
  dismantled: 'outcome.dismantled',
  'nothing-found': 'outcome.nothingFound',
  other: 'outcome.other',
};

export const EVIDENCE_KIND_KEY: Readonly<Record<EvidenceKind, MessageKey>> = {
  note: 'evidenceKind.note',
  'source-estimate': 'evidenceKind.sourceEstimate',
  detection: 'evidenceKind.detection',
  'video-annotation': 'evidenceKind.videoAnnotation',
  entity: 'evidenceKind.entity',
};

/** What each classification and control means, next to its (never translated) marking text. */
export const CLASSIFICATION_KEY: Readonly<Record<Classification, MessageKey>> = {
  U: 'marking.class.U',
  C: 'marking.class.C',
  S: 'marking.class.S',
  TS: 'marking.class.TS',
};

export const CONTROL_KEY: Readonly<Record<Control, MessageKey>> = {
  FOUO: 'marking.control.FOUO',
  ORCON: 'marking.control.ORCON',
  NOFORN: 'marking.control.NOFORN',
  PROPIN: 'marking.control.PROPIN',
  LES: 'marking.control.LES',
};
