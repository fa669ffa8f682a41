/**
 * The fixed release package the golden files are made from, and factories
 * for variants. A task force releases two suspected laboratories in
 * Sinaloa to a Mexican unit: Spanish primary texts, English machine
 * translations, mixed portion markings, one hazard zone.
 */
import { makeMarking, securityPolicy, type Classification, type Marking } from '@nariz/security';
import type { HazardZoneFeature, Lead, ReleasePackage } from '../src/release-package.js';

/** The deployment of every fixture: a US task force. */
export const POLICY = securityPolicy('USA');

/** A canonical marking (security's makeMarking, so invalid combinations throw here). */
export function marking(
  classification: Classification,
  relTo: readonly string[] = ['USA', 'MEX'],
  controls: readonly string[] = [],
  originator = 'USA.NARIZTF',
): Marking {
  return makeMarking({ classification, controls, relTo, originator }, POLICY);
}

/** A closed octagon of `radiusM` around (lat, lon), displaced `downwindM` to the north-east. */
export function octagonZone(lat: number, lon: number, radiusM: number, downwindM: number): HazardZoneFeature {
  const mPerDegLat = 110_574;
  const mPerDegLon = 111_320 * Math.cos((lat * Math.PI) / 180);
  const c = downwindM / Math.SQRT2;
  const ring: Array<[number, number]> = [];
  for (let k = 0; k < 8; k++) {
    const a = (k * Math.PI) / 4;
    ring.push([
      Number((lon + (c + radiusM * Math.cos(a)) / mPerDegLon).toFixed(7)),
      Number((lat + (c + radiusM * Math.sin(a)) / mPerDegLat).toFixed(7)),
    ]);
  }
  ring.push(ring[0]!);
  return {
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [ring] },
    properties: { chemical: 'HYDROGEN CHLORIDE', tier: 'AEGL-2', concentration: 22, units: 'ppm' },
  };
}

export function fixtureLeads(): Lead[] {
  return [
    {
      id: 'L-0017',
      title: 'Rancho El Mirador — posible laboratorio',
      status: 'open',
      location: { lat: 24.80912, lon: -107.39417, ci95M: 85 },
      labProbability: 0.874,
      detectedAt: '2027-03-01T09:41:07.250Z',
      marking: marking('C'),
      notes: [
        { text: 'Firma de HCl y acetona a sotavento; el viento del suroeste era estable (clase D).', lang: 'es', marking: marking('C'), machineTranslated: false },
        { text: 'HCl & acetone signature downwind; the south-west wind was steady (class D).', lang: 'en', marking: marking('C'), machineTranslated: true },
        { text: 'Acceso por camino de terracería <sin nombre> al norte.', lang: 'es', marking: marking('U'), machineTranslated: false },
      ],
      hazardZone: octagonZone(24.80912, -107.39417, 180, 260),
    },
    {
      id: 'L-0021',
      title: 'Bodega junto al canal',
      status: 'confirmed',
      location: { lat: 24.77301, lon: -107.45122, ci95M: 140 },
      labProbability: 0.612,
      detectedAt: '2027-03-02T14:03:55.000Z',
      marking: marking('U'),
      notes: [],
    },
  ];
}

export function fixturePackage(overrides: Partial<ReleasePackage> = {}): ReleasePackage {
  return {
    id: 'REL-2027-0042',
    createdAt: '2027-03-03T18:00:00.000Z',
    releasedBy: { name: 'María Fernández', organisation: 'Nariz Task Force', country: 'USA' },
    organisation: { name: 'Nariz Joint Task Force', country: 'USA', acsToken: 'NARIZTF' },
    policy: POLICY,
    partner: { country: 'MEX', unit: 'FGR Sinaloa laboratory-dismantling unit' },
    marking: marking('C'),
    tlp: 'amber',
    language: 'es',
    texts: {
      es: {
        title: { text: 'Posibles laboratorios clandestinos en Culiacán', marking: marking('U'), machineTranslated: false },
        summary: { text: 'Dos fuentes de HCl y acetona localizadas por vuelos del 1 y 2 de marzo.', marking: marking('C'), machineTranslated: false },
      },
      en: {
        title: { text: 'Possible clandestine laboratories in Culiacán', marking: marking('U'), machineTranslated: true },
        summary: { text: 'Two HCl and acetone sources located by the flights of 1 and 2 March.', marking: marking('C'), machineTranslated: true },
      },
    },
    leads: fixtureLeads(),
    ...overrides,
  };
}
