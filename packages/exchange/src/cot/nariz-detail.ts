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
 * `controls` and `relTo` are space-separated lists; `hazard` only on hazard
 * zones, `labProbability` and `ci95M` only on laboratories.
 */
import type { Marking } from '../marking-input.js';
import { markingBanner, relToOrder } from '../marking-banner.js';
import type { HazardZoneFeature } from '../release-package.js';
import { decimal } from './cot-event.js';
import { xmlElement, type XmlAttributes } from './xml-text.js';

export const NARIZ_DETAIL_VERSION = 1;

export function markingElement(m: Marking): string {
  return xmlElement('marking', {
    classification: m.classification,
    banner: markingBanner(m),
    controls: [...new Set(m.controls)].sort().join(' '),
    relTo: relToOrder(m.relTo).join(' '),
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
  const children = [markingElement(f.marking)];
  if (f.hazard !== undefined) children.push(hazardElement(f.hazard));
  return xmlElement('nariz', attributes, children);
}
