/**
 * The release checks every export makes before it writes a byte: each
 * portion must be releasable to the partner country, and no portion may be
 * marked above the banner. An export that fails is refused
 * (NARIZ_EXPORT_MARKING), never trimmed silently.
 *
 * Interim rules, conservative on purpose, until @nariz/security exports its
 * access decisions (then this file delegates to them):
 *  - releasable to country X: no NOFORN, and either X is in REL TO, or the
 *    portion is UNCLASSIFIED with no REL TO list (no foreign-release limit);
 *  - `outer` dominates `inner`: classification at least as high, every control
 *    of `inner` present in `outer`, and `outer` releasable to no country that
 *    `inner` is not (an unrestricted UNCLASSIFIED `inner` is dominated by any
 *    marking).
 */
import { NarizError } from '@nariz/core';
import type { Marking } from './marking-input.js';
import { CLASSIFICATION_RANK, markingBanner } from './marking-banner.js';
import type { ReleasePackage } from './release-package.js';

function unrestricted(m: Marking): boolean {
  return m.classification === 'U' && m.controls.length === 0 && m.relTo.length === 0;
}

export function isReleasableTo(m: Marking, country: string): boolean {
  if (m.controls.includes('NOFORN')) return false;
  if (m.relTo.length === 0) return m.classification === 'U';
  return m.relTo.includes(country);
}

export function dominates(outer: Marking, inner: Marking): boolean {
  if (unrestricted(inner)) return true;
  if (CLASSIFICATION_RANK[outer.classification] < CLASSIFICATION_RANK[inner.classification]) return false;
  if (!inner.controls.every((c) => outer.controls.includes(c))) return false;
  if (inner.relTo.length === 0) return outer.relTo.length === 0 || inner.classification === 'U';
  return outer.relTo.length > 0 && outer.relTo.every((c) => inner.relTo.includes(c));
}

/** Every marked portion of a package with the JSON path that holds it. */
export function markedPortions(pkg: ReleasePackage): Array<{ path: string; marking: Marking }> {
  const out: Array<{ path: string; marking: Marking }> = [{ path: 'marking', marking: pkg.marking }];
  for (const [lang, t] of Object.entries(pkg.texts)) {
    if (t === undefined) continue;
    out.push({ path: `texts.${lang}.title.marking`, marking: t.title.marking });
    out.push({ path: `texts.${lang}.summary.marking`, marking: t.summary.marking });
  }
  pkg.leads.forEach((lead, i) => {
    out.push({ path: `leads[${i}].marking`, marking: lead.marking });
    lead.notes.forEach((n, j) => out.push({ path: `leads[${i}].notes[${j}].marking`, marking: n.marking }));
  });
  return out;
}

/** Throws NARIZ_EXPORT_MARKING, naming the first portion that may not go to the partner. */
export function assertReleasable(pkg: ReleasePackage): void {
  const country = pkg.partner.country;
  for (const { path, marking } of markedPortions(pkg)) {
    if (!isReleasableTo(marking, country)) {
      throw new NarizError('NARIZ_EXPORT_MARKING', `${markingBanner(marking)} is not releasable to ${country}`, { path });
    }
    if (path !== 'marking' && !dominates(pkg.marking, marking)) {
      throw new NarizError('NARIZ_EXPORT_MARKING', `${markingBanner(marking)} is above the banner ${markingBanner(pkg.marking)}`, { path });
    }
  }
}
