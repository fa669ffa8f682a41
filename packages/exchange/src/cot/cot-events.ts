/**
 * Every CoT event of a release package: per lead, its laboratory point and,
 * when it has one, its hazard-zone polygon. Refuses a package the release
 * checks refuse (release-guard.ts): a portion not releasable to the partner,
 * or above the banner.
 */
import type { ReleasePackage } from '../release-package.js';
import { assertReleasable } from '../release-guard.js';
import type { CotEvent } from './cot-event.js';
import type { CotOptions } from './cot-options.js';
import { hazardZoneEvent } from './hazard-zone-event.js';
import { labEvent } from './lab-event.js';

export function cotEvents(pkg: ReleasePackage, opts: CotOptions = {}): CotEvent[] {
  assertReleasable(pkg);
  const out: CotEvent[] = [];
  for (const lead of pkg.leads) {
    out.push(labEvent(pkg, lead, opts));
    const zone = hazardZoneEvent(pkg, lead, opts);
    if (zone !== undefined) out.push(zone);
  }
  return out;
}
