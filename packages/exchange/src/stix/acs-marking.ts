/**
 * A @nariz/security `Marking` as an ISA ACS 3.0 marking definition: the
 * STIX 2.1 ACS marking extension of the OASIS CTI TC
 * (oasis-open/cti-stix-common-objects,
 * extension-definition-specifications/acs-marking-definition-3a6; content
 * schema isa-acs-3-0.json). Only the vocabulary mapping lives here; the
 * marking's meaning and text are security's (docs/security/markings.md).
 *
 * Mapping (docs/exchange/stix.md §Markings):
 *  - classification  → control_set.classification (U, C, S, TS: same codes);
 *  - relTo           → control_set.permitted_nationalities (GENC trigraphs,
 *                      which are the ISO 3166-1 alpha-3 codes for countries),
 *                      own country first as in the banner;
 *  - controls        → NOFORN → formal_determination NF; FOUO → formal_determination FOUO;
 *                      LES → sensitivity LES. Any other control (ORCON, PROPIN)
 *                      has no mapping here and the export is refused;
 *  - originator      → responsible_entity_originator, an ACS organisation
 *                      token (acsOriginator below); left out for MULTIPLE SOURCES;
 *  - the releasing organisation → responsible_entity_custodian (`COUNTRY.TOKEN`);
 *  - policy_reference: deny by default for privileges and further sharing, so
 *    only what the control set grants is allowed;
 *  - name: the banner line (security's formatBanner), for people.
 */
import { NarizError } from '@nariz/core';
import { formatBanner, isCountryCode, MULTIPLE_ORIGINATORS, type Marking, type SecurityPolicy } from '@nariz/security';
import { markingKey, relToList } from '../marking-fields.js';
import type { ReleasePackage } from '../release-package.js';
import { stixId, stixTimestamp } from './stix-ids.js';
import type { StixId, StixMarkingDefinition } from './stix-types.js';

export const ACS_EXTENSION_ID = 'extension-definition--3a65884d-005a-4290-8335-cb2d778a83ce';

export const ACS_POLICY_REFERENCE = 'urn:isa:policy:acs:ns:v3.0?privdefault=deny&sharedefault=deny';

/** ACS organisation token: `COUNTRY.ORG` or `COUNTRY.ORG.UNIT` (isa-acs-3-0.json, `custodian`). */
const ACS_ORGANISATION = /^[A-Z0-9]+\.[A-Z0-9]+(\.[A-Z0-9][A-Z0-9-]+)?$/;

const FORMAL_DETERMINATION: Readonly<Record<string, string>> = { NOFORN: 'NF', FOUO: 'FOUO' };
const SENSITIVITY: Readonly<Record<string, string>> = { LES: 'LES' };

export function acsMarkingId(pkg: ReleasePackage, m: Marking): StixId<'marking-definition'> {
  return stixId('marking-definition', pkg.id, `acs/${markingKey(m, pkg.policy)}`);
}

/**
 * The ACS organisation token of a marking's originator (ACS requires tokens;
 * security's originator is any organisation name, rule M7):
 *  - an originator that already is a token, a country code and an
 *    organisation (`MEX.FGR`, `usa.dhs.us-cert`), is that token upper-cased;
 *  - any other name is taken to be an organisation of the own country:
 *    `<ownCountry>.<NAME>`, NAME upper-cased with accents removed and every
 *    character but A-Z and 0-9 dropped (`Nariz task force` → `USA.NARIZTASKFORCE`,
 *    `Fiscalía` → `USA.FISCALIA`);
 *  - `MULTIPLE SOURCES` (an aggregate, rule B6) has no originating
 *    organisation: undefined, and the optional property is left out ("the
 *    origin is unspecified").
 * A name with nothing left after that cannot be named in ACS and the export
 * is refused rather than the originator invented.
 */
export function acsOriginator(originator: string, policy: SecurityPolicy): string | undefined {
  if (originator === MULTIPLE_ORIGINATORS) return undefined;
  const upper = originator.trim().toUpperCase();
  if (ACS_ORGANISATION.test(upper) && isCountryCode(upper.split('.')[0]!)) return upper;
  const name = originator.normalize('NFKD').toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (name === '') {
    throw new NarizError('NARIZ_EXPORT_MARKING', `originator "${originator}" cannot be written as an ACS organisation token (COUNTRY.ORG, e.g. MEX.FGR)`);
  }
  return `${policy.ownCountry}.${name}`;
}

export function acsCustodian(pkg: ReleasePackage): string {
  const custodian = `${pkg.organisation.country}.${pkg.organisation.acsToken}`;
  if (!ACS_ORGANISATION.test(custodian)) {
    throw new NarizError('NARIZ_EXPORT_MARKING', `custodian ${custodian} is not an ACS organisation token (COUNTRY.ORG)`, { path: 'organisation.acsToken' });
  }
  return custodian;
}

/** The ACS control set of a canonical marking; throws NARIZ_EXPORT_MARKING for a control ACS cannot carry. */
export function acsControlSet(m: Marking, policy: SecurityPolicy): Record<string, unknown> {
  const formal: string[] = [];
  const sensitivity: string[] = [];
  for (const c of m.controls) {
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
    ...(m.relTo.length > 0 ? { permitted_nationalities: relToList(m, policy) } : {}),
  };
}

export function acsMarkingDefinition(pkg: ReleasePackage, m: Marking, createdBy: StixId<'identity'>): StixMarkingDefinition {
  const originator = acsOriginator(m.originator, pkg.policy);
  const banner = formatBanner(m, pkg.policy);
  const id = acsMarkingId(pkg, m);
  const created = stixTimestamp(pkg.createdAt);
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id,
    created,
    name: banner,
    created_by_ref: createdBy,
    extensions: {
      [ACS_EXTENSION_ID]: {
        extension_type: 'property-extension',
        identifier: `isa:nariz.${id.slice('marking-definition--'.length)}`,
        name: banner,
        create_date_time: created,
        responsible_entity_custodian: acsCustodian(pkg),
        ...(originator === undefined ? {} : { responsible_entity_originator: originator }),
        policy_reference: ACS_POLICY_REFERENCE,
        control_set: acsControlSet(m, pkg.policy),
      },
    },
  };
}
