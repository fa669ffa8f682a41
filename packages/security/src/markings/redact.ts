/**
 * Portion-level redaction, shape-agnostic: the caller lists the labelled
 * portions of whatever it is about to send (fields by path, rows by id) and
 * gets back only those the subject may see, with the banner recomputed from
 * them (never from what was withheld, whose markings would leak).
 */
import { canAccess } from './access.js';
import { combine } from './combine.js';
import { formatBanner } from './format.js';
import type { Marking } from './marking.js';
import type { SecurityPolicy } from './policy.js';
import type { Subject } from './subject.js';

export interface LabelledPortion<T> {
  /** A path into the object ("lead.notes[2]") or a row id. */
  readonly id: string;
  readonly marking: Marking;
  readonly value: T;
}

export interface Redaction<T> {
  /** The visible portions, in their original order. */
  readonly portions: readonly LabelledPortion<T>[];
  /** combine() of the visible portions; null when none is visible. */
  readonly banner: Marking | null;
  readonly bannerText: string | null;
}

export function redact<T>(portions: readonly LabelledPortion<T>[], subject: Subject, policy: SecurityPolicy): Redaction<T> {
  const visible = portions.filter((p) => canAccess(subject, p.marking, policy).allowed);
  if (visible.length === 0) return { portions: [], banner: null, bannerText: null };
  const banner = combine(visible.map((p) => p.marking), policy);
  return { portions: visible, banner, bannerText: formatBanner(banner, policy) };
}
