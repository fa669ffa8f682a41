/**
 * The demo region: simulated sorties over two neighbouring survey areas
 * (labs and decoys placed by the simulator), stored as sorties marked
 * simulated, each with a localisation job queued, so that a first start
 * shows sources, credible regions and hazard zones within seconds. Seeded
 * only into a database without sorties. Every record it makes is SIMULATED.
 */
import { sliceSortie, sortieId, type SortieId } from '@nariz/core';
import { randomScenario, simulate, RANDOM_SCENARIO_ORIGIN } from '@nariz/sim';
import type { Platform } from '../platform.js';
import { sortieJson } from '../routes/sortie-json.js';

interface DemoArea {
  readonly id: string;
  readonly name: string;
  readonly seed: number;
  readonly labs: number;
  readonly decoys: number;
  /** Offset of the area's centre from the simulator's origin, m east and north. */
  readonly eastM: number;
  readonly northM: number;
}

export const DEMO_AREAS: readonly DemoArea[] = [
  { id: 'demo-west', name: 'DEMO (simulated): west survey', seed: 7, labs: 2, decoys: 2, eastM: 0, northM: 0 },
  { id: 'demo-east', name: 'DEMO (simulated): east survey', seed: 12, labs: 1, decoys: 2, eastM: 2200, northM: 600 },
];

/** Samples per demo sortie: enough for a confident fit, quick to locate. */
const DEMO_SAMPLES = 6000;
const BATCH = 2000;

/** Seeds the demo into an empty store; the ids seeded (none when there were sorties already). */
export async function seedDemo(p: Platform): Promise<SortieId[]> {
  if ((await p.store.listSorties()).length > 0) return [];
  const out: SortieId[] = [];
  for (const a of DEMO_AREAS) {
    const lat = RANDOM_SCENARIO_ORIGIN.lat + a.northM / 111_320;
    const lon = RANDOM_SCENARIO_ORIGIN.lon + a.eastM / (111_320 * Math.cos((RANDOM_SCENARIO_ORIGIN.lat * Math.PI) / 180));
    const { sortie } = simulate({ ...randomScenario(a.seed, { labs: a.labs, decoys: a.decoys, samples: DEMO_SAMPLES, origin: { lat, lon } }), reportStability: false });
    const id = sortieId(a.id);
    await p.store.createSortie({ id, name: a.name, simulated: true });
    for (let from = 0, k = 0; from < sortie.count; from += BATCH, k++) {
      await p.store.appendBatch(id, `demo-${k}`, sliceSortie(sortie, from, Math.min(sortie.count, from + BATCH)));
    }
    const rec = await p.store.getSortie(id);
    if (rec !== undefined) p.hub.publish({ type: 'sortie', sortie: sortieJson(rec) });
    await p.jobs.ensureLocate(id);
    out.push(id);
  }
  return out;
}
