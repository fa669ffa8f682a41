/**
 * A Nariz `Marking` as an ISA ACS 3.0 marking definition: the STIX 2.1 ACS
 * marking extension of the OASIS CTI TC (oasis-open/cti-stix-common-objects,
 * extension-definition-specifications/acs-marking-definition-3a6; content
 * schema isa-acs-3-0.json).
 *
 * Mapping (docs/exchange/stix.md §Markings):
 *  - classification  → control_set.classification (U, C, S, TS: same codes);
 *  - relTo           → control_set.permitted_nationalities (GENC trigraphs,
 *                      which are the ISO 3166-1 alpha-3 codes for countries);
 *  - controls        → NOFORN → formal_determination NF; FOUO → formal_determination FOUO;
 *                      PUBREL → formal_determination PUBREL; LES → sensitivity LES.
 *                      Any other control has no ACS equivalent and the export is refused;
 *  - originator      → responsible_entity_originator (an ACS organisation token);
 *  - the releasing organisation → responsible_entity_custodian (`COUNTRY.TOKEN`);
 *  - policy_reference: deny by default for privileges and further sharing, so
 *    only what the control set grants is allowed;
 *  - name: the banner line, for people.
 */
import { NarizError } from '@nariz/core';
import type { Marking } from '../marking-input.js';
import { markingBanner, markingKey, relToOrder } from '../marking-banner.js';
import type { ReleasePackage } from '../release-package.js';
import { stixId, stixTimestamp } from './stix-ids.js';
import type { StixId, StixMarkingDefinition } from './stix-types.js';

export const ACS_EXTENSION_ID = 'extension-definition--3a65884d-005a-4290-8335-cb2d778a83ce';

export const ACS_POLICY_REFERENCE = 'urn:isa:policy:acs:ns:v3.0?privdefault=deny&sharedefault=deny';

/** ACS organisation token: `COUNTRY.ORG` or `COUNTRY.ORG.UNIT` (isa-acs-3-0.json, `custodian`). */
const ACS_ORGANISATION = /^[A-Z0-9]+\.[A-Z0-9]+(\.[A-Z0-9][A-Z0-9-]+)?$/;

const FORMAL_DETERMINATION: Readonly<Record<string, string>> = { NOFORN: 'NF', FOUO: 'FOUO', PUBREL: 'PUBREL' };
const SENSITIVITY: Readonly<Record<string, string>> = { LES: 'LES' };

export function acsMarkingId(pkg: ReleasePackage, m: Marking): StixId<'marking-definition'> {
  return stixId('marking-definition', pkg.id, `acs/${markingKey(m)}`);
}

export function acsCustodian(pkg: ReleasePackage): string {
  const custodian = `${pkg.organisation.country}.${pkg.organisation.acsToken}`;
  if (!ACS_ORGANISATION.test(custodian)) {
    throw new NarizError('NARIZ_EXPORT_MARKING', `custodian ${custodian} is not an ACS organisation token (COUNTRY.ORG)`, { path: 'organisation.acsToken' });
  }
  return custodian;
}

/** The ACS control set of a marking; throws NARIZ_EXPORT_MARKING for a control ACS cannot carry. */
export function acsControlSet(m: Marking): Record<string, unknown> {
  const formal: string[] = [];
  const sensitivity: string[] = [];
  for (const c of [...new Set(m.controls)].sort()) {
    const f = FORMAL_DETERMINATION[c];
    const s = SENSITIVITY[c];
    if (f !== undefined) formal.push(f);
    else if (s !== undefined) sensitivity.push(s);
    else throw new NarizError('NARIZ_EXPORT_MARKING', `control ${c} has no ISA ACS 3.0 equivalent; the export is refused rather than drop it`);
  }
  return {
    classification: m.classification,
    ...(formal.length > 0 ? { formal_determination: formal } : {}),
    ...(sensitivity.length > 0 ? { sensitivity } : {}),
    ...(m.relTo.length > 0 ? { permitted_nationalities: relToOrder(m.relTo) } : {}),
  };
}

export function acsMarkingDefinition(pkg: ReleasePackage, m: Marking, createdBy: StixId<'identity'>): StixMarkingDefinition {
  if (!ACS_ORGANISATION.test(m.originator)) {
    throw new NarizError('NARIZ_EXPORT_MARKING', `originator ${m.originator} is not an ACS organisation token (COUNTRY.ORG, e.g. MEX.FGR)`);
  }
  const id = acsMarkingId(pkg, m);
  const created = stixTimestamp(pkg.createdAt);
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id,
    created,
    name: markingBanner(m),
    created_by_ref: createdBy,
    extensions: {
      [ACS_EXTENSION_ID]: {
        extension_type: 'property-extension',
        identifier: `isa:nariz.${id.slice('marking-definition--'.length)}`,
        name: markingBanner(m),
        create_date_time: created,
        responsible_entity_custodian: acsCustodian(pkg),
        responsible_entity_originator: m.originator,
        policy_reference: ACS_POLICY_REFERENCE,
        control_set: acsControlSet(m),
      },
    },
  };
}
