/**
 * The release checks every export makes before it writes a byte. The
 * marking rules are @nariz/security's (docs/security/markings.md); this file
 * only applies them to a release package, in this order, and refuses the
 * export at the first failure, naming the JSON path of the portion:
 *
 *  1. `pkg.policy` is a canonical SecurityPolicy whose own country is the
 *     releasing organisation's country (the ACS custodian's country);
 *  2. every marking is well formed and canonical (`makeMarking`, rules
 *     M1-M7): banners, portion marks and ids are computed from it
 *     (NARIZ_MARKING, naming the field);
 *  3. every marking is `releasableTo` the partner country (rules A3, M8):
 *     NOFORN and a missing REL TO go to own nationals only;
 *  4. the banner `pkg.marking` dominates every portion and the `combine` of
 *     all of them (rules B1-B6; security's dominates).
 *
 * Failures of 1, 3 and 4 are NARIZ_EXPORT_MARKING. Nothing is trimmed or
 * dropped to make an export pass.
 */
import { NarizError } from '@nariz/core';
import {
  combine, dominates, formatBanner, makeMarking, portionMarking, releasableTo, securityPolicy, type Marking, type SecurityPolicy,
} from '@nariz/security';
import type { ReleasePackage } from './release-package.js';

/** Every marked portion of a package with the JSON path that holds it; the banner (`marking`) first. */
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

function checkPolicy(pkg: ReleasePackage): SecurityPolicy {
  const given = pkg.policy?.ownCountry;
  if (typeof given !== 'string') throw new NarizError('NARIZ_EXPORT_MARKING', 'the package has no security policy', { path: 'policy' });
  let policy: SecurityPolicy;
  try {
    policy = securityPolicy(given);
  } catch (e) {
    throw new NarizError('NARIZ_EXPORT_MARKING', e instanceof Error ? e.message : String(e), { path: 'policy.ownCountry' });
  }
  if (policy.ownCountry !== given) {
    throw new NarizError('NARIZ_EXPORT_MARKING', `the own country "${given}" is not canonical; it is written ${policy.ownCountry}`, { path: 'policy.ownCountry' });
  }
  if (pkg.organisation.country !== policy.ownCountry) {
    throw new NarizError(
      'NARIZ_EXPORT_MARKING',
      `the releasing organisation's country ${pkg.organisation.country} is not the deployment's own country ${policy.ownCountry}`,
      { path: 'organisation.country' },
    );
  }
  return policy;
}

function sameMarking(a: Marking, b: Marking): boolean {
  const same = (x: readonly string[], y: readonly string[]): boolean => x.length === y.length && x.every((v, i) => v === y[i]);
  return a.classification === b.classification && same(a.controls, b.controls) && same(a.relTo, b.relTo) && a.originator === b.originator;
}

/** Rules M1-M7 via security's one constructor; a valid but non-canonical marking is refused with its canonical form. */
function checkCanonical(m: Marking, policy: SecurityPolicy, path: string): void {
  const canonical = makeMarking(m, policy, path);
  if (!sameMarking(canonical, m)) {
    throw new NarizError('NARIZ_MARKING', `the marking is not in canonical form; it is ${JSON.stringify(canonical)}`, { path });
  }
}

/** Throws (see the file comment), naming the first portion that may not go to the partner. */
export function assertReleasable(pkg: ReleasePackage): void {
  const policy = checkPolicy(pkg);
  const country = pkg.partner.country;
  const banner = pkg.marking;
  const portions = markedPortions(pkg);
  for (const { path, marking } of portions) checkCanonical(marking, policy, path);
  for (const { path, marking } of portions) {
    const text = path === 'marking' ? formatBanner(marking, policy) : portionMarking(marking, policy);
    if (!releasableTo(marking, country, policy)) {
      throw new NarizError('NARIZ_EXPORT_MARKING', `${text} is not releasable to ${country}`, { path });
    }
    if (path !== 'marking' && !dominates(banner, marking, policy)) {
      throw new NarizError('NARIZ_EXPORT_MARKING', `${text} is above the banner ${formatBanner(banner, policy)}`, { path });
    }
  }
  const content = portions.filter((p) => p.path !== 'marking').map((p) => p.marking);
  if (content.length > 0) {
    const together = combine(content, policy);
    if (!dominates(banner, together, policy)) {
      throw new NarizError(
        'NARIZ_EXPORT_MARKING',
        `the banner ${formatBanner(banner, policy)} is below its portions taken together, ${formatBanner(together, policy)}`,
        { path: 'marking' },
      );
    }
  }
}
