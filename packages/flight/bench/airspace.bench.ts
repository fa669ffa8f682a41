/**
 * Airspace benchmark: building the default authorities from the embedded
 * Natural Earth data, and checking a 100,000-sample track and a survey plan
 * against the national authority; the peer is Turf's point-in-polygon on
 * every sample against every area, measured in the same run.
 *
 *   npm run bench -- airspace
 *   node packages/flight/dist/bench/airspace.bench.js [--samples N] [--repeat R]
 *
 * The track is a seeded random walk (mulberry32, core createRng) at 15 m/s,
 * 1 Hz, 30–140 m above ground, starting in Enschede and wandering across the
 * Dutch–German border, so the scanner meets real crossings.
 */
import { arch, cpus, platform } from 'node:os';
import { createRng, LocalFrame } from '@nariz/core';
import * as turf from '@turf/turf';
import { authoritySummary, checkPlan, checkTrack, defaultAuthority, surveyPlan, type Authority } from '../src/index.js';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

const SAMPLES = arg('--samples', 100_000);
const REPEAT = arg('--repeat', 7);

function stats(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const mean = ms.reduce((s, x) => s + x, 0) / ms.length;
  const sd = Math.sqrt(ms.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, ms.length - 1));
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return `min ${sorted[0]!.toFixed(1)} ms, median ${median.toFixed(1)} ms, mean ${mean.toFixed(1)} ± ${sd.toFixed(1)} ms (n=${ms.length})`;
}

function randomWalk(n: number, seed: number): { timeS: Float64Array; lat: Float64Array; lon: Float64Array; altAglM: Float64Array } {
  const rng = createRng(seed);
  const frame = new LocalFrame({ lat: 52.215, lon: 6.9 });
  const timeS = new Float64Array(n);
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  const altAglM = new Float64Array(n);
  let e = 0;
  let nn = 0;
  let heading = Math.PI / 2;
  let z = 60;
  for (let i = 0; i < n; i++) {
    heading += rng.normal() * 0.05;
    // Stay within ~20 km of the start: turn back toward it when far out.
    if (Math.hypot(e, nn) > 20_000) heading = Math.atan2(-nn, -e);
    e += 15 * Math.cos(heading);
    nn += 15 * Math.sin(heading);
    z = Math.min(140, Math.max(30, z + rng.normal()));
    const g = frame.unproject(e, nn);
    timeS[i] = 1_717_750_800 + i;
    lat[i] = g.lat;
    lon[i] = g.lon;
    altAglM[i] = z;
  }
  return { timeS, lat, lon, altAglM };
}

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
}

console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${platform()} ${arch()}, Node ${process.version}`);

// ---- building the authorities (first use: reads the TopoJSON, buffers every neighbour)
const [national, nationalMs] = time(() => defaultAuthority('national-nl'));
const [partner, partnerMs] = time(() => defaultAuthority('partner-nl-example'));
const s = authoritySummary(national);
console.log(`build national-nl (cold, incl. loading countries-50m): ${nationalMs.toFixed(0)} ms — ${s.forbiddenAreas.length} forbidden areas, ${s.vertexCount} vertices`);
console.log(`build partner-nl-example (data already loaded): ${partnerMs.toFixed(0)} ms — ${authoritySummary(partner).vertexCount} vertices`);

// ---- track check
const track = randomWalk(SAMPLES, 42);
let sink = 0;
const run = (a: Authority): number => {
  const r = checkTrack(track, a);
  return r.excursions.length;
};
for (let w = 0; w < 2; w++) sink += run(national);
const ms: number[] = [];
for (let k = 0; k < REPEAT; k++) {
  const [c, t] = time(() => run(national));
  sink += c;
  ms.push(t);
}
const best = Math.min(...ms);
const excursions = checkTrack(track, national).excursions;
console.log(`checkTrack, ${SAMPLES} samples (${excursions.length} excursions, ${excursions.filter((e) => e.kind === 'inside-forbidden').length} into Germany): ${stats(ms)} → ${((SAMPLES / best) * 1000).toExponential(2)} points/s`);

// ---- peer: Turf point-in-polygon on every sample against every area (a subset, extrapolated)
const PEER = Math.min(SAMPLES, 20_000);
const areas = [...national.permitted, ...national.forbidden];
const peerMs: number[] = [];
for (let k = 0; k < 3; k++) {
  const [c, t] = time(() => {
    let bad = 0;
    for (let i = 0; i < PEER; i++) {
      const pt = turf.point([track.lon[i]!, track.lat[i]!]);
      const outside = !national.permitted.some((f) => turf.booleanPointInPolygon(pt, f));
      let forbidden = 0;
      for (const f of national.forbidden) if (turf.booleanPointInPolygon(pt, f)) forbidden++;
      if (outside || forbidden > 0) bad++;
    }
    return bad;
  });
  sink += c;
  peerMs.push(t);
}
const peerBest = Math.min(...peerMs);
console.log(`peer (turf.booleanPointInPolygon per sample × ${areas.length} areas), ${PEER} samples: ${stats(peerMs)} → ${((PEER / peerBest) * 1000).toExponential(2)} points/s`);

// ---- plan check: a survey over Utrecht, sampled every 10 m
const frame = new LocalFrame({ lat: 52.0907, lon: 5.1214 });
const ring = [[-700, -700], [700, -700], [700, 700], [-700, 700], [-700, -700]].map(([e, n]) => {
  const g = frame.unproject(e!, n!);
  return [g.lon, g.lat];
});
const survey = surveyPlan({
  area: { type: 'Polygon', coordinates: [ring] },
  wind: { speedMps: 4, fromDeg: 270 },
  stability: 'D',
  altitudesM: [30, 50],
  vehicle: { type: 'multirotor', cruiseSpeedMps: 12, turnRadiusM: 0, enduranceS: 1800, reserveFraction: 0.25 },
});
const planMs: number[] = [];
for (let k = 0; k < 5; k++) {
  const [c, t] = time(() => checkPlan(survey.plan, national).length);
  sink += c;
  planMs.push(t);
}
console.log(`checkPlan, survey of ${(survey.estimate.distanceM / 1000).toFixed(1)} km (${survey.plan.waypoints.length} waypoints, ~${Math.round(survey.estimate.distanceM / 10)} checked points): ${stats(planMs)}`);
console.log(`(sink ${sink})`);
