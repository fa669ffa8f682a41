/**
 * TLP 2.0 marking definitions, as published by the OASIS CTI TC in
 * oasis-open/cti-stix-common-objects, extension-definition-specifications/
 * tlp-2.0 (the TLP 2.0 property extension
 * extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d). These ids are
 * fixed world-wide: every producer uses the same objects, byte for byte.
 * (The TLP 1.0 ids in the STIX 2.1 specification and in the JSON schemas'
 * `tlp_*` definitions — 613f2e26…, 34098fce… — are for WHITE/GREEN/AMBER/RED
 * and are not used.)
 */
import type { TlpLevel } from '../release-package.js';
import type { StixId, StixMarkingDefinition } from './stix-types.js';

export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

const TLP2_IDS: Readonly<Record<TlpLevel, StixId<'marking-definition'>>> = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

export function tlpMarkingId(level: TlpLevel): StixId<'marking-definition'> {
  return TLP2_IDS[level];
}

export function tlpMarkingDefinition(level: TlpLevel): StixMarkingDefinition {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP2_IDS[level],
    created: '2022-10-01T00:00:00.000Z',
    name: `TLP:${level.toUpperCase()}`,
    extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: level } },
  };
}
