/**
 * The `<nariz>` detail element: what TAK has no element for, kept with the
 * event so a Nariz-aware receiver (or a person reading the XML) has the
 * marking and the estimate's numbers. TAK Server and ATAK pass unknown
 * detail elements through unchanged; the MITRE base schema validates
 * `detail` children laxly.
 *
 *   <nariz version="1" package="REL-…" lead="L-0017" status="open"
 *          labProbability="0.874" ci95M="85.0">
 *     <marking classification="C" banner="CONFIDENTIAL//REL TO USA, MEX"
 *              controls="" relTo="USA MEX" originator="USA.NARIZTF"/>
 *     <hazard chemical="HYDROGEN CHLORIDE" tier="AEGL-2" concentration="22" units="ppm"/>
 *   </nariz>
 *
 * `banner` is @nariz/security's `formatBanner`; `controls` (register
 * order) and `relTo` (banner order, own country first) are space-separated
 * lists; `originator` is the marking's own, not an ACS token. `hazard` only
 * on hazard zones, `labProbability` and `ci95M` only on laboratories.
 */
import { formatBanner, type Marking, type SecurityPolicy } from '@nariz/security';
import { relToList } from '../marking-fields.js';
import type { HazardZoneFeature } from '../release-package.js';
import { decimal } from './cot-event.js';
import { xmlElement, type XmlAttributes } from './xml-text.js';

export const NARIZ_DETAIL_VERSION = 1;

export function markingElement(m: Marking, policy: SecurityPolicy): string {
  return xmlElement('marking', {
    classification: m.classification,
    banner: formatBanner(m, policy),
    controls: m.controls.join(' '),
    relTo: relToList(m, policy).join(' '),
    originator: m.originator,
  });
}

export function hazardElement(zone: HazardZoneFeature): string {
  const p = zone.properties;
  return xmlElement('hazard', { chemical: p.chemical, tier: p.tier, concentration: p.concentration, units: p.units });
}

export interface NarizDetailFields {
  readonly packageId: string;
  readonly leadId: string;
  readonly marking: Marking;
  /** The policy the marking is relative to (the release package's). */
  readonly policy: SecurityPolicy;
  readonly status?: string;
  readonly labProbability?: number;
  readonly ci95M?: number;
  /** The uid of the laboratory event a hazard zone belongs to. */
  readonly labUid?: string;
  readonly hazard?: HazardZoneFeature;
}

export function narizDetail(f: NarizDetailFields): string {
  const attributes: XmlAttributes = {
    version: NARIZ_DETAIL_VERSION,
    package: f.packageId,
    lead: f.leadId,
    status: f.status,
    labProbability: f.labProbability === undefined ? undefined : decimal(f.labProbability, 3),
    ci95M: f.ci95M === undefined ? undefined : decimal(f.ci95M, 1),
    labUid: f.labUid,
  };
  const children = [markingElement(f.marking, f.policy)];
  if (f.hazard !== undefined) children.push(hazardElement(f.hazard));
  return xmlElement('nariz', attributes, children);
}
