/**
 * The demo's counter-network: a small, invented cell around the demo
 * region's two survey areas (people, a front company, phones, a vehicle, a
 * precursor store and the two areas as laboratories), linked by dated,
 * graded assertions from invented reports, so that the Network tab has a
 * chart, analyses and a timeline on a first start. Every label starts with
 * DEMO, every report reference with DEMO-INF, every entity carries the
 * attribute `simulated: true`, and all of it is UNCLASSIFIED for the own
 * country's users. Seeded only into a network without entities.
 */
import { randomUUID } from 'node:crypto';
import { RANDOM_SCENARIO_ORIGIN } from '@nariz/sim';
import { accessPredicate, parseSubject, type Marking } from '@nariz/security';
import type { EntityType, InformationCredibilityCode, SourceReliabilityCode } from '@nariz/store';
import type { Platform } from '../platform.js';
import { DEMO_AREAS } from './seed-demo.js';

const SEEDER = 'system:demo';

interface DemoEntity {
  readonly key: string;
  readonly type: EntityType;
  readonly label: string;
  readonly aliases?: readonly string[];
  /** Metres east and north of the simulator's origin. */
  readonly at?: readonly [number, number];
}

/** [from, to, relation, report, day (2024-mm-dd), grading, directed, count] */
type DemoLink = readonly [string, string, string, string, string, `${SourceReliabilityCode}${InformationCredibilityCode}`, boolean, number];

const west = DEMO_AREAS[0]!;
const east = DEMO_AREAS[1]!;

export const DEMO_ENTITIES: readonly DemoEntity[] = [
  { key: 'contador', type: 'person', label: 'DEMO El Contador', aliases: ['DEMO Contador'] },
  { key: 'quimica', type: 'person', label: 'DEMO La Química' },
  { key: 'chofer1', type: 'person', label: 'DEMO Chofer Uno' },
  { key: 'chofer2', type: 'person', label: 'DEMO Chofer Dos' },
  { key: 'proveedor', type: 'person', label: 'DEMO El Proveedor' },
  { key: 'vigia', type: 'person', label: 'DEMO El Vigía' },
  { key: 'empresa', type: 'organisation', label: 'DEMO Transportes del Norte' },
  { key: 'tel1', type: 'phone', label: 'DEMO +00 000 000 0001' },
  { key: 'tel2', type: 'phone', label: 'DEMO +00 000 000 0002' },
  { key: 'pickup', type: 'vehicle', label: 'DEMO white pickup DEMO-000' },
  { key: 'bodega', type: 'place', label: 'DEMO precursor store', at: [1100, -900] },
  { key: 'labwest', type: 'lab', label: 'DEMO lab, west survey area', at: [west.eastM, west.northM] },
  { key: 'labeast', type: 'lab', label: 'DEMO lab, east survey area', at: [east.eastM, east.northM] },
];

export const DEMO_LINKS: readonly DemoLink[] = [
  ['contador', 'quimica', 'meets', 'DEMO-INF-001', '2024-04-03', 'B2', false, 1],
  ['contador', 'tel1', 'uses', 'DEMO-INF-002', '2024-04-05', 'A1', true, 1],
  ['quimica', 'tel2', 'uses', 'DEMO-INF-002', '2024-04-05', 'A1', true, 1],
  ['tel1', 'tel2', 'calls', 'DEMO-INF-003', '2024-04-20', 'A1', true, 14],
  ['quimica', 'labwest', 'seen-at', 'DEMO-INF-004', '2024-05-02', 'B2', true, 1],
  ['quimica', 'labeast', 'seen-at', 'DEMO-INF-005', '2024-05-19', 'C3', true, 1],
  ['contador', 'empresa', 'owns', 'DEMO-INF-006', '2024-04-11', 'B1', true, 1],
  ['chofer1', 'empresa', 'works-at', 'DEMO-INF-006', '2024-04-11', 'B2', true, 1],
  ['chofer2', 'empresa', 'works-at', 'DEMO-INF-006', '2024-04-11', 'B2', true, 1],
  ['empresa', 'pickup', 'owns', 'DEMO-INF-007', '2024-04-14', 'A2', true, 1],
  ['chofer1', 'pickup', 'drives', 'DEMO-INF-008', '2024-05-06', 'B3', true, 1],
  ['pickup', 'bodega', 'seen-at', 'DEMO-INF-009', '2024-05-06', 'B2', true, 1],
  ['pickup', 'labwest', 'seen-at', 'DEMO-INF-009', '2024-05-07', 'B2', true, 1],
  ['chofer2', 'labeast', 'seen-at', 'DEMO-INF-010', '2024-05-21', 'C2', true, 1],
  ['proveedor', 'bodega', 'works-at', 'DEMO-INF-011', '2024-04-28', 'B2', true, 1],
  ['proveedor', 'tel1', 'calls', 'DEMO-INF-003', '2024-04-22', 'A1', true, 6],
  ['vigia', 'labwest', 'seen-at', 'DEMO-INF-012', '2024-05-30', 'D3', true, 1],
  ['vigia', 'tel2', 'calls', 'DEMO-INF-013', '2024-05-31', 'B2', true, 3],
  ['contador', 'proveedor', 'meets', 'DEMO-INF-014', '2024-06-02', 'C3', false, 1],
];

const UNCLASSIFIED: Marking = { classification: 'U', controls: [], relTo: [], originator: 'task force' };

function offset(eastM: number, northM: number): { lat: number; lon: number } {
  const o = RANDOM_SCENARIO_ORIGIN;
  return { lat: o.lat + northM / 111_320, lon: o.lon + eastM / (111_320 * Math.cos((o.lat * Math.PI) / 180)) };
}

/** Seeds the demo network into a network without entities; how many entities and assertions were made (0, 0 when there were entities). */
export async function seedDemoNetwork(p: Platform): Promise<{ entities: number; assertions: number }> {
  const everyone = accessPredicate(parseSubject({ username: SEEDER, clearance: 'TS', nationality: p.security.ownCountry, organisation: 'task force', roles: [], accesses: ['PROPIN', 'LES'] }), p.security);
  if ((await p.store.network.countEntities(everyone)) > 0) return { entities: 0, assertions: 0 };
  const at = p.now().toISOString();
  const ids = new Map<string, string>();
  for (const e of DEMO_ENTITIES) {
    const id = randomUUID();
    ids.set(e.key, id);
    const place = e.at === undefined ? undefined : offset(e.at[0], e.at[1]);
    await p.store.network.createEntity({
      id, type: e.type, label: e.label, aliases: e.aliases ?? [], attributes: { simulated: true }, lat: place?.lat, lon: place?.lon, leadId: undefined,
      marking: UNCLASSIFIED, createdBy: SEEDER, at,
    });
  }
  for (const [from, to, relation, report, day, grading, directed, count] of DEMO_LINKS) {
    await p.store.network.createAssertion({
      id: randomUUID(), from: ids.get(from)!, to: ids.get(to)!, type: relation, directed, sourceRef: report, sourceTitle: `${report} (simulated report)`,
      validFrom: `${day}T00:00:00.000Z`, validTo: `${day}T23:59:59.999Z`, reliability: grading[0] as SourceReliabilityCode, credibility: Number(grading[1]) as InformationCredibilityCode,
      count, note: 'SIMULATED demo data', marking: UNCLASSIFIED, createdBy: SEEDER, at,
    });
  }
  return { entities: DEMO_ENTITIES.length, assertions: DEMO_LINKS.length };
}
