/**
 * A suspected laboratory as a CoT point event (docs/exchange/cot.md).
 *
 *  - type `a-u-G-I`: an atom of unknown affiliation, ground installation
 *    (MIL-STD-2525 battle dimension G, function I: a fixed structure). The
 *    estimate is a probability, not an identification, so the affiliation
 *    is unknown — not suspect or hostile, which mark targets — and a
 *    laboratory is a building, not a unit or equipment.
 *  - how `m-f`: machine-generated, fused — the position is inferred from
 *    many gas and wind samples by the source-term estimator. (`m-p` is a
 *    tracker's prediction of a future position; `h-e` a person's guess.)
 *  - point: `ce` is the 1-sigma circular error the MITRE schema asks for,
 *    from the 95 % radius of a circular normal: r95 = σ·√(−2 ln 0.05) =
 *    2.4477 σ. The 95 % radius itself is in the `<nariz>` detail. Height
 *    unknown (9999999.0).
 *  - detail: `contact callsign` (the lead title), `remarks` (the title and
 *    the notes in the package language that the event's marking dominates,
 *    each with its portion mark from @nariz/security, `xml:lang`),
 *    `<nariz>` (marking, lead status, probability, 95 % radius).
 */
import { dominates, portionMarking } from '@nariz/security';
import type { ReleasePackage, Lead } from '../release-package.js';
import { COT_UNKNOWN, cotEventXml, cotTime, type CotEvent } from './cot-event.js';
import { DEFAULT_STALE_AFTER_S, MACHINE_TRANSLATION_TAG, type CotOptions } from './cot-options.js';
import { labUid } from './cot-uids.js';
import { narizDetail } from './nariz-detail.js';
import { xmlElement, xmlTextElement } from './xml-text.js';

export const LAB_COT_TYPE = 'a-u-G-I';
export const LAB_COT_HOW = 'm-f';

/** σ of a circular normal from the radius of its 95 % circle. */
export const SIGMA_PER_R95 = 1 / Math.sqrt(-2 * Math.log(0.05));

/** Remarks: the portion-marked title, then each note in the package language the lead's marking covers. */
export function labRemarks(pkg: ReleasePackage, lead: Lead): string {
  const lines = [`${portionMarking(lead.marking, pkg.policy)} ${lead.title}`];
  for (const n of lead.notes) {
    if (n.lang !== pkg.language || !dominates(lead.marking, n.marking, pkg.policy)) continue;
    lines.push(`${portionMarking(n.marking, pkg.policy)}${n.machineTranslated ? ` ${MACHINE_TRANSLATION_TAG[n.lang]}` : ''} ${n.text}`);
  }
  return lines.join('\n');
}

export function labEvent(pkg: ReleasePackage, lead: Lead, opts: CotOptions = {}): CotEvent {
  const created = Date.parse(pkg.createdAt);
  const uid = labUid(pkg, lead);
  const xml = cotEventXml({
    uid,
    type: LAB_COT_TYPE,
    how: LAB_COT_HOW,
    time: cotTime(created),
    start: cotTime(created),
    stale: cotTime(created + 1000 * (opts.staleAfterS ?? DEFAULT_STALE_AFTER_S)),
    point: { lat: lead.location.lat, lon: lead.location.lon, hae: COT_UNKNOWN, ce: lead.location.ci95M * SIGMA_PER_R95, le: COT_UNKNOWN },
    detail: [
      xmlElement('contact', { callsign: lead.title }),
      xmlTextElement('remarks', { 'xml:lang': pkg.language }, labRemarks(pkg, lead)),
      narizDetail({
        packageId: pkg.id,
        leadId: lead.id,
        marking: lead.marking,
        policy: pkg.policy,
        status: lead.status,
        labProbability: lead.labProbability,
        ci95M: lead.location.ci95M,
      }),
    ],
  });
  return { uid, type: LAB_COT_TYPE, callsign: lead.title, xml };
}
