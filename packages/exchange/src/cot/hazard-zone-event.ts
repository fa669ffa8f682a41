/**
 * A hazard zone as a CoT polygon, in the TAK drawing convention ATAK writes
 * and node-cot reads: type `u-d-f` (a free-form drawn shape), one
 * `<link point="lat,lon"/>` per vertex of the outer ring including the
 * closing vertex (a closed ring is what makes it a polygon rather than a
 * line), `strokeColor`/`fillColor` as signed ARGB, `strokeWeight`,
 * `labels_on`. Inner rings cannot be drawn this way and are left out (the
 * STIX export keeps them).
 *
 *  - how `m-p`: machine-generated prediction — the zone is where a
 *    dispersion model predicts the threshold may be exceeded.
 *  - point: the area centroid of the ring, with `ce` the radius of the
 *    circle about it that holds every vertex (the MITRE reading of `ce`
 *    for an area: "a circular area around the event point").
 *  - `<nariz>` carries the marking, the chemical, tier, threshold and the
 *    uid of the laboratory event.
 */
import { LocalFrame } from '@nariz/core';
import { portionMarking } from '@nariz/security';
import type { Lead, ReleasePackage } from '../release-package.js';
import { hazardColours } from './argb-colour.js';
import { COT_UNKNOWN, cotEventXml, cotTime, decimal, type CotEvent } from './cot-event.js';
import { DEFAULT_STALE_AFTER_S, type CotOptions } from './cot-options.js';
import { hazardZoneUid, labUid } from './cot-uids.js';
import { narizDetail } from './nariz-detail.js';
import { xmlElement, xmlTextElement } from './xml-text.js';

export const HAZARD_COT_TYPE = 'u-d-f';
export const HAZARD_COT_HOW = 'm-p';

/** Area centroid of a closed lon/lat ring, and the radius (m) of the smallest circle about it holding every vertex. */
export function ringCentre(ring: ReadonlyArray<readonly [number, number]>): { lat: number; lon: number; radiusM: number } {
  const [lon0, lat0] = ring[0]!;
  const frame = new LocalFrame({ lat: lat0, lon: lon0 });
  const pts = ring.map(([lon, lat]) => frame.project(lat, lon));
  let a2 = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i + 1 < pts.length; i++) {
    const [x0, y0] = pts[i]!;
    const [x1, y1] = pts[i + 1]!;
    const cross = x0 * y1 - x1 * y0;
    a2 += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  let east: number;
  let north: number;
  if (Math.abs(a2) > 1e-9) {
    east = cx / (3 * a2);
    north = cy / (3 * a2);
  } else {
    // Degenerate (zero-area) ring: the mean of its distinct vertices.
    const n = Math.max(1, pts.length - 1);
    east = pts.slice(0, n).reduce((s, p) => s + p[0], 0) / n;
    north = pts.slice(0, n).reduce((s, p) => s + p[1], 0) / n;
  }
  const radiusM = pts.reduce((m, [x, y]) => Math.max(m, Math.hypot(x - east, y - north)), 0);
  const c = frame.unproject(east, north);
  return { lat: c.lat, lon: c.lon, radiusM };
}

export function hazardZoneEvent(pkg: ReleasePackage, lead: Lead, opts: CotOptions = {}): CotEvent | undefined {
  const zone = lead.hazardZone;
  const ring = zone?.geometry.coordinates[0];
  if (zone === undefined || ring === undefined) return undefined;
  const tier = zone.properties.tier;
  const uid = hazardZoneUid(pkg, lead, tier);
  const callsign = `${lead.title} ${tier}`;
  const centre = ringCentre(ring);
  const created = Date.parse(pkg.createdAt);
  const { stroke, fill } = hazardColours(tier);
  const p = zone.properties;
  const xml = cotEventXml({
    uid,
    type: HAZARD_COT_TYPE,
    how: HAZARD_COT_HOW,
    time: cotTime(created),
    start: cotTime(created),
    stale: cotTime(created + 1000 * (opts.staleAfterS ?? DEFAULT_STALE_AFTER_S)),
    point: { lat: centre.lat, lon: centre.lon, hae: COT_UNKNOWN, ce: centre.radiusM, le: COT_UNKNOWN },
    detail: [
      ...ring.map(([lon, lat]) => xmlElement('link', { point: `${decimal(lat, 7)},${decimal(lon, 7)}` })),
      xmlElement('strokeColor', { value: stroke }),
      xmlElement('strokeWeight', { value: '3.0' }),
      xmlElement('fillColor', { value: fill }),
      xmlElement('contact', { callsign }),
      xmlTextElement('remarks', { 'xml:lang': pkg.language }, `${portionMarking(lead.marking, pkg.policy)} ${p.chemical} ${tier} ≥ ${p.concentration} ${p.units}`),
      xmlElement('labels_on', { value: 'false' }),
      narizDetail({ packageId: pkg.id, leadId: lead.id, marking: lead.marking, policy: pkg.policy, labUid: labUid(pkg, lead), hazard: zone }),
    ],
  });
  return { uid, type: HAZARD_COT_TYPE, callsign, xml };
}
