/**
 * The demo region: simulated sorties over two neighbouring survey areas
 * (labs and decoys placed by the simulator), stored as sorties marked
 * simulated, each with a localisation job queued, so that a first start
 * shows sources, credible regions and hazard zones within seconds. Seeded
 * only into a database without sorties. With ffmpeg, a simulated drone
 * video orbits the west area's first lab (seeded into a deployment without
 * videos). Every record it makes is SIMULATED.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalFrame, sliceSortie, sortieId, type SortieId } from '@nariz/core';
import { randomScenario, simulate, RANDOM_SCENARIO_ORIGIN, type Scenario } from '@nariz/sim';
import type { VideoRecord } from '@nariz/store';
import type { Platform } from '../platform.js';
import { sortieJson } from '../routes/sortie-json.js';
import { ffmpegAvailable } from '../video/ffmpeg.js';
import { renderSimulatedVideo, type RenderVideoOptions } from '../video/fmv-bridge.js';

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

function demoScenario(a: DemoArea): Scenario {
  const lat = RANDOM_SCENARIO_ORIGIN.lat + a.northM / 111_320;
  const lon = RANDOM_SCENARIO_ORIGIN.lon + a.eastM / (111_320 * Math.cos((RANDOM_SCENARIO_ORIGIN.lat * Math.PI) / 180));
  return randomScenario(a.seed, { labs: a.labs, decoys: a.decoys, samples: DEMO_SAMPLES, origin: { lat, lon } });
}

/** Seeds the demo into an empty store; the ids seeded (none when there were sorties already). */
export async function seedDemo(p: Platform): Promise<SortieId[]> {
  if ((await p.store.listSorties()).length > 0) return [];
  const out: SortieId[] = [];
  for (const a of DEMO_AREAS) {
    const { sortie } = simulate({ ...demoScenario(a), reportStability: false });
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

/** What the demo video is made of (renderSimulatedVideo's options less the place and the file). */
export type DemoVideoOptions = Omit<RenderVideoOptions, 'outPath' | 'centreLatDeg' | 'centreLonDeg' | 'ffmpegPath'>;

/**
 * The demo video: 30 s of 640×360 at 10 frames a second, orbiting 300 m out
 * at 120 m and 5 m/s (slow enough that the picture's rotation stays below
 * what the motion cue tolerates), a vehicle passing the point mid-clip.
 */
export const DEMO_VIDEO: DemoVideoOptions = { seed: 7, durationS: 30, frameRate: 10, altitudeAglM: 120, orbitRadiusM: 300, groundSpeedMps: 5, groundElevM: 0, hfovDeg: 30, width: 640, height: 360 };
export const DEMO_VIDEO_NAME = 'DEMO (simulated): drone orbit over the west survey lab';

/**
 * Renders the demo video and takes it in like an upload, into a deployment
 * without videos; undefined when skipped (there are videos, no video
 * directory, or no ffmpeg: said in one log line). `video` changes the
 * render (tests make a short one).
 */
export async function seedDemoVideo(p: Platform, log: (line: string) => void, video: Partial<DemoVideoOptions> = {}): Promise<VideoRecord | undefined> {
  if (!p.video.canIngest || (await p.store.videos.listVideos({ limit: 1 })).length > 0) return undefined;
  if (!(await ffmpegAvailable(p.video.tools))) {
    log(`demo video skipped: ffmpeg not found at "${p.video.tools.ffmpeg}" (scripts/setup-ffmpeg.sh, or set NARIZ_FFMPEG)`);
    return undefined;
  }
  const west = demoScenario(DEMO_AREAS[0]!);
  const lab = west.sources.find((s) => s.profile === 'lab') ?? west.sources[0];
  const poi = lab === undefined ? west.origin : new LocalFrame(west.origin).unproject(lab.east, lab.north);
  const dir = await mkdtemp(join(tmpdir(), 'nariz-demo-video-'));
  try {
    const outPath = join(dir, 'demo.ts');
    await renderSimulatedVideo({ ...DEMO_VIDEO, ...video, outPath, centreLatDeg: poi.lat, centreLonDeg: poi.lon, ffmpegPath: p.video.tools.ffmpeg });
    return await p.video.ingest(createReadStream(outPath), DEMO_VIDEO_NAME, 'system');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
