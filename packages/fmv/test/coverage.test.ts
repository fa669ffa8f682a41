import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LocalFrame, createRng } from '@nariz/core';
import { coverageOf, footprintBounds, frameAt, groundToPixel, type CoverageRange, type VideoFrames } from '../src/index.js';
import { allocateFrames } from '../src/video-frames.js';
import { framesFromQuads, type QuadFrame } from './geometry-oracle.js';

const ORIGIN = { lat: 51.5007, lon: -0.1246 };

/** Seeded random frames: convex footprints wandering around the origin, some missing, irregular times with occasional dropouts. */
function randomFrames(seed: number, n: number): VideoFrames {
  const rng = createRng(seed);
  const list: QuadFrame[] = [];
  let t = rng.uniform(0, 5);
  let cx = rng.uniform(-200, 200), cy = rng.uniform(-200, 200);
  for (let i = 0; i < n; i++) {
    t += rng.next() < 0.05 ? rng.uniform(1.2, 4) : rng.uniform(0.02, 0.3);
    cx += rng.normal() * 30;
    cy += rng.normal() * 30;
    if (Math.hypot(cx, cy) > 600) [cx, cy] = [cx * 0.5, cy * 0.5];
    if (rng.next() < 0.08) {
      list.push({ tS: t });
      continue;
    }
    const w = rng.uniform(60, 250), h = rng.uniform(60, 250), skew = rng.uniform(0.4, 1), rot = rng.uniform(0, 2 * Math.PI);
    const local = [[-w * skew, h], [w * skew, h], [w, -h], [-w, -h]];
    list.push({
      tS: t,
      east: local.map(([x, y]) => cx + x! * Math.cos(rot) - y! * Math.sin(rot)),
      north: local.map(([x, y]) => cy + x! * Math.sin(rot) + y! * Math.cos(rot)),
      ...(rng.next() < 0.7 ? { centre: [cx, cy] as const } : {}),
    });
  }
  return framesFromQuads(ORIGIN, list);
}

/** The oracle: frame i contains the point when its inverse homography lands in the unit square; ranges built from the list of covering frames. */
function bruteCoverage(f: VideoFrames, lat: number, lon: number, maxGapS: number): CoverageRange[] {
  const plane = new LocalFrame({ lat, lon });
  const hits: Array<{ i: number; covers: boolean }> = [];
  for (let i = 0; i < f.count; i++) {
    const uv = groundToPixel(f, i, lat, lon);
    if (uv === undefined) continue;
    hits.push({ i, covers: uv.u >= 0 && uv.u <= 1 && uv.v >= 0 && uv.v <= 1 });
  }
  const out: CoverageRange[] = [];
  let run: number[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const d = run.map((i) => {
      const la = f.centreLatDeg[i]!, lo = f.centreLonDeg[i]!;
      const [e, n] = Number.isNaN(la) ? centreByImage(f, i, plane) : plane.project(la, lo);
      return Math.hypot(e, n);
    });
    out.push({ startS: f.tS[run[0]!]!, endS: f.tS[run[run.length - 1]!]!, frames: run.length, minDistanceToCentreM: Math.min(...d) });
    run = [];
  };
  for (const h of hits) {
    if (!h.covers) {
      flush();
      continue;
    }
    if (run.length > 0 && f.tS[h.i]! - f.tS[run[run.length - 1]!]! > maxGapS) flush();
    run.push(h.i);
  }
  flush();
  return out;
}

/** The image centre's ground point: where the footprint's diagonals cross (a projective map keeps incidence). */
function centreByImage(f: VideoFrames, i: number, plane: LocalFrame): [number, number] {
  const p = [0, 1, 2, 3].map((k) => plane.project(f.cornerLatDeg[4 * i + k]!, f.cornerLonDeg[4 * i + k]!));
  const [a, b, c, d] = p as [[number, number], [number, number], [number, number], [number, number]];
  // Intersection of a–c and b–d.
  const den = (a[0] - c[0]) * (b[1] - d[1]) - (a[1] - c[1]) * (b[0] - d[0]);
  const t = ((a[0] - b[0]) * (b[1] - d[1]) - (a[1] - b[1]) * (b[0] - d[0])) / den;
  return [a[0] + t * (c[0] - a[0]), a[1] + t * (c[1] - a[1])];
}

test('coverageOf agrees with a brute-force point-in-footprint over every frame (seeded: 3 videos × 25 points × 2 gap settings)', () => {
  const rng = createRng(604);
  let ranges = 0;
  for (const seed of [11, 12, 13]) {
    const f = randomFrames(seed, 400);
    const plane = new LocalFrame(ORIGIN);
    for (let p = 0; p < 25; p++) {
      const g = plane.unproject(rng.uniform(-500, 500), rng.uniform(-500, 500));
      for (const maxGapS of [1, 0.15]) {
        const got = coverageOf(f, g.lat, g.lon, { maxGapS });
        const want = bruteCoverage(f, g.lat, g.lon, maxGapS);
        assert.equal(got.length, want.length, `seed ${seed} point ${p} gap ${maxGapS}`);
        got.forEach((r, k) => {
          const w = want[k]!;
          assert.deepEqual([r.startS, r.endS, r.frames], [w.startS, w.endS, w.frames]);
          assert.ok(Math.abs(r.minDistanceToCentreM - w.minDistanceToCentreM) < 1e-3, `${r.minDistanceToCentreM} vs ${w.minDistanceToCentreM}`);
        });
        ranges += got.length;
      }
    }
  }
  assert.ok(ranges > 50, `${ranges} ranges compared`);
});

test('coverageOf: a point under a still camera is one range; the default gap is 1 s; frames without footprint neither split nor extend', () => {
  const sq = { east: [-50, 50, 50, -50], north: [50, 50, -50, -50], centre: [10, 0] as const };
  const f = framesFromQuads(ORIGIN, [
    { tS: 0, ...sq }, { tS: 0.5, ...sq }, { tS: 0.7 }, { tS: 1.4, ...sq }, { tS: 2.6, ...sq }, { tS: 2.7, east: [100, 200, 200, 100], north: [50, 50, -50, -50] }, { tS: 3, ...sq },
  ]);
  const r = coverageOf(f, ORIGIN.lat, ORIGIN.lon);
  assert.deepEqual(r.map((x) => [x.startS, x.endS, x.frames]), [[0, 1.4, 3], [2.6, 2.6, 1], [3, 3, 1]]);
  assert.ok(Math.abs(r[0]!.minDistanceToCentreM - 10) < 1e-6);
  assert.deepEqual(coverageOf(f, ORIGIN.lat + 0.01, ORIGIN.lon), []);
});

test('footprintBounds: the box of every corner, none without footprints', () => {
  const f = randomFrames(21, 200);
  const b = footprintBounds(f)!;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < 4 * f.count; i++) {
    if (Number.isNaN(f.cornerLatDeg[i]!)) continue;
    w = Math.min(w, f.cornerLonDeg[i]!);
    e = Math.max(e, f.cornerLonDeg[i]!);
    s = Math.min(s, f.cornerLatDeg[i]!);
    n = Math.max(n, f.cornerLatDeg[i]!);
  }
  assert.deepEqual(b, { west: w, south: s, east: e, north: n });
  assert.equal(footprintBounds(framesFromQuads(ORIGIN, [{ tS: 0 }])), undefined);
  assert.equal(footprintBounds(allocateFrames(0)), undefined);
});

test('frameAt: the last frame at or before t (binary search against a linear scan, seeded), −1 before the first', () => {
  const f = randomFrames(31, 500);
  const rng = createRng(605);
  for (let k = 0; k < 2000; k++) {
    const t = k % 10 === 0 ? f.tS[rng.int(0, f.count - 1)]! : rng.uniform(-1, f.tS[f.count - 1]! + 1);
    let want = -1;
    for (let i = 0; i < f.count; i++) if (f.tS[i]! <= t) want = i;
    assert.equal(frameAt(f, t), want, `t = ${t}`);
  }
  assert.equal(frameAt(f, NaN), -1);
  assert.equal(frameAt(allocateFrames(0), 0), -1);
});
