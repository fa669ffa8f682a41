/**
 * The Nariz hazard-zone property extension (STIX 2.1 §7.3): a `location`
 * may carry the polygon where the airborne concentration of a chemical
 * released there may exceed a threshold tier. Its normative schema (JSON
 * Schema 2020-12) travels in the extension definition's `schema` property,
 * so a consumer needs nothing else to validate it.
 *
 * The definition and its author (the Nariz system identity) are the same
 * objects in every export: fixed ids, fixed timestamps, TLP:CLEAR.
 */
import type { HazardZoneFeature } from '../release-package.js';
import { constantStixId } from './stix-ids.js';
import { tlpMarkingId } from './tlp.js';
import type { StixExtensionDefinition, StixIdentity } from './stix-types.js';

/** When version 1.0.0 of the definition was written. */
const DEFINED_AT = '2026-11-27T00:00:00.000Z';

export const NARIZ_IDENTITY_ID = constantStixId('identity', 'nariz');

export const HAZARD_ZONE_EXTENSION_ID = constantStixId('extension-definition', 'hazard-zone/1');

export const HAZARD_ZONE_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:nariz:stix:extension:hazard-zone:1.0.0',
  title: 'Nariz hazard zone: a property extension of location',
  type: 'object',
  required: ['extension_type', 'geometry', 'chemical', 'threshold_tier', 'threshold_concentration', 'threshold_units'],
  additionalProperties: false,
  properties: {
    extension_type: { const: 'property-extension' },
    geometry: {
      description: 'GeoJSON Polygon (RFC 7946): closed rings of [longitude, latitude] in WGS84 degrees, outer ring first.',
      type: 'object',
      required: ['type', 'coordinates'],
      additionalProperties: false,
      properties: {
        type: { const: 'Polygon' },
        coordinates: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'array',
            minItems: 4,
            items: {
              type: 'array',
              minItems: 2,
              maxItems: 2,
              prefixItems: [
                { type: 'number', minimum: -180, maximum: 180 },
                { type: 'number', minimum: -90, maximum: 90 },
              ],
            },
          },
        },
      },
    },
    chemical: { description: 'Chemical name as in the Nariz chemical table (e.g. HYDROGEN CHLORIDE).', type: 'string', minLength: 1 },
    threshold_tier: { description: '60-minute AEGL, ERPG or PAC level bounding the zone.', type: 'string', pattern: '^(AEGL|ERPG|PAC)-[123]$' },
    threshold_concentration: { description: 'The threshold concentration, in threshold_units.', type: 'number', exclusiveMinimum: 0 },
    threshold_units: { enum: ['ppb', 'ppm', 'ugm3', 'mgm3'] },
  },
} as const;

export function narizIdentity(): StixIdentity {
  return {
    type: 'identity',
    spec_version: '2.1',
    id: NARIZ_IDENTITY_ID,
    created: DEFINED_AT,
    modified: DEFINED_AT,
    name: 'Nariz',
    description: 'The Nariz airborne chemical-signature platform, author of the Nariz STIX extensions.',
    identity_class: 'system',
    object_marking_refs: [tlpMarkingId('clear')],
  };
}

export function hazardZoneExtensionDefinition(): StixExtensionDefinition {
  return {
    type: 'extension-definition',
    spec_version: '2.1',
    id: HAZARD_ZONE_EXTENSION_ID,
    created: DEFINED_AT,
    modified: DEFINED_AT,
    created_by_ref: NARIZ_IDENTITY_ID,
    name: 'Nariz hazard zone',
    description:
      'On a location: the polygon where the airborne concentration of a chemical released at that location may exceed a threshold tier (60-minute AEGL, else ERPG or PAC), from a Gaussian-plume estimate.',
    schema: JSON.stringify(HAZARD_ZONE_SCHEMA),
    version: '1.0.0',
    extension_types: ['property-extension'],
    object_marking_refs: [tlpMarkingId('clear')],
  };
}

/** The extension's property value for one zone. */
export function hazardZoneExtension(zone: HazardZoneFeature): Record<string, unknown> {
  return {
    extension_type: 'property-extension',
    geometry: { type: 'Polygon', coordinates: zone.geometry.coordinates.map((ring) => ring.map(([lon, lat]) => [lon, lat])) },
    chemical: zone.properties.chemical,
    threshold_tier: zone.properties.tier,
    threshold_concentration: zone.properties.concentration,
    threshold_units: zone.properties.units,
  };
}
