import assert from 'node:assert/strict';
import test from 'node:test';
import { createRng, isNarizError, LocalFrame } from '@nariz/core';
import { randomScenario, simulate } from '@nariz/sim';
import * as turf from '@turf/turf';
import { checkTrack, defaultAuthority, nationalAuthority, parseAuthority, type Authority, type Excursion, type TrackInput } from '../src/index.js';

const nl = nationalAuthority('528');
/** 2024-06-07 (a Friday) 12:00 UTC. */
const FRIDAY_NOON = Date.UTC(2024, 5, 7, 12) / 1000;

/** A track along straight segments between ENU waypoints (m, from `origin`), sampled every dtS at speedMps. */
function track(origin: { lat: number; lon: number }, waypoints: Array<[number, number, number]>, speedMps: number, dtS: number, t0 = FRIDAY_NOON): TrackInput & { count: number } {
  const f = new LocalFrame(origin);
  const timeS: number[] = [];
  const lat: number[] = [];
  const lon: number[] = [];
  const alt: number[] = [];
  let t = t0;
  for (let k = 1; k < waypoints.length; k++) {
    const [e0, n0, z0] = waypoints[k - 1]!;
    const [e1, n1, z1] = waypoints[k]!;
    const len = Math.hypot(e1 - e0, n1 - n0, z1 - z0);
    const steps = Math.max(1, Math.round(len / (speedMps * dtS)));
    for (let s = k === 1 ? 0 : 1; s <= steps; s++) {
      const g = f.unproject(e0 + ((e1 - e0) * s) / steps, n0 + ((n1 - n0) * s) / steps);
      lat.push(g.lat);
      lon.push(g.lon);
      alt.push(z0 + ((z1 - z0) * s) / steps);
      timeS.push(t);
      t += dtS;
    }
  }
  return { count: timeS.length, timeS, lat, lon, altAglM: alt };
}

/** Brute-force per-sample status with Turf's point-in-polygon over every area. */
function bruteStatus(a: Authority, lat: number, lon: number): { outside: boolean; forbidden: boolean } {
  const pt = turf.point([lon, lat]);
  const inside = (f: (typeof a.permitted)[number]): boolean => turf.booleanPointInPolygon(pt, f);
  return { outside: a.permitted.length > 0 && !a.permitted.some(inside), forbidden: a.forbidden.some(inside) };
}

function covered(ex: readonly Excursion[], kind: Excursion['kind'], i: number): boolean {
  return ex.some((e) => e.kind === kind && e.fromIndex <= i && i <= e.toIndex);
}

test('a track into Germany and back: exactly one excursion, exit and re-entry within one sample', () => {
  // From Enschede east across the border near Gronau and back, 1 Hz at 15 m/s, 60 m above ground.
  const tr = track({ lat: 52.215, lon: 6.85 }, [[0, 0, 60], [15000, 0, 60], [0, 300, 60]], 15, 1);
  const r = checkTrack(tr, nl);
  assert.equal(r.excursions.length, 1, JSON.stringify(r.excursions.map((e) => e.message)));
  const e = r.excursions[0]!;
  assert.equal(e.kind, 'inside-forbidden');
  assert.deepEqual(e.areas, ['Germany (land and 12 nm territorial sea)']);
  const bad = Array.from({ length: tr.count }, (_, i) => bruteStatus(nl, tr.lat[i]!, tr.lon[i]!).forbidden);
  const first = bad.indexOf(true);
  const last = bad.lastIndexOf(true);
  assert.equal(e.fromIndex, first);
  assert.equal(e.toIndex, last);
  assert.ok(e.fromTimeS > tr.timeS[first - 1]! && e.fromTimeS <= tr.timeS[first]!, 'exit between the last Dutch and the first German sample');
  assert.ok(e.toTimeS >= tr.timeS[last]! && e.toTimeS < tr.timeS[last + 1]!, 're-entry between the last German and the first Dutch sample');
  assert.ok(e.reentry !== null);
  assert.match(e.message, /entered forbidden airspace \(Germany/);
  assert.equal(r.boundarySource.kind, 'embedded');
});

test('altitude: the excursion starts and ends where the climb crosses the ceiling', () => {
  const tr = track({ lat: 52.09, lon: 5.12 }, [[0, 0, 50], [1000, 0, 200], [2000, 0, 50]], 10, 1);
  const r = checkTrack(tr, nl);
  assert.equal(r.excursions.length, 1);
  const e = r.excursions[0]!;
  assert.equal(e.kind, 'altitude');
  assert.ok(Math.abs(e.exit.altM - 120) < 1e-9 && Math.abs(e.reentry!.altM - 120) < 1e-9);
  // Linear climb of 150 m over 1011 m (101 one-second samples): 120 m is reached 70/150 of the way, at 47.13 s.
  const climbS = Math.round(Math.hypot(1000, 150) / 10);
  assert.ok(Math.abs(e.fromTimeS - FRIDAY_NOON - (70 / 150) * climbS) < 1e-6, `${e.fromTimeS - FRIDAY_NOON}`);
  assert.match(e.message, /reached 200\.0 m/);
  // Below a minimum: only when the authority sets one.
  const low = checkTrack(track({ lat: 52.09, lon: 5.12 }, [[0, 0, 50], [500, 0, 10], [1000, 0, 50]], 10, 1), { ...nl, altitude: { minM: 20, maxM: 120 } });
  assert.equal(low.excursions.length, 1);
  assert.ok(Math.abs(low.excursions[0]!.exit.altM - 20) < 1e-9);
});

test('time windows: flying on a closed day, and past the closing time', () => {
  const weekdays: Authority = { ...nl, timeWindows: [{ days: [1, 2, 3, 4, 5], startUtc: '08:00', endUtc: '18:00' }] };
  const saturday = checkTrack(track({ lat: 52.09, lon: 5.12 }, [[0, 0, 50], [600, 0, 50]], 10, 1, FRIDAY_NOON + 86400), weekdays);
  assert.equal(saturday.excursions.length, 1);
  assert.equal(saturday.excursions[0]!.kind, 'time-window');
  assert.equal(saturday.excursions[0]!.fromIndex, 0);
  assert.equal(saturday.excursions[0]!.reentry, null);
  // Friday 17:58 for 4 minutes at 5 s: closes at 18:00:00.
  const late = checkTrack(track({ lat: 52.09, lon: 5.12 }, [[0, 0, 50], [2400, 0, 50]], 10, 5, FRIDAY_NOON + 6 * 3600 - 120), weekdays);
  assert.equal(late.excursions.length, 1);
  assert.ok(Math.abs(late.excursions[0]!.fromTimeS - (FRIDAY_NOON + 6 * 3600)) < 0.002, `${late.excursions[0]!.fromTimeS - FRIDAY_NOON}`);
  // An overnight window (Sat 22:00 – Sun 02:00) is open at Sunday 01:00.
  const night: Authority = { ...nl, timeWindows: [{ days: [6], startUtc: '22:00', endUtc: '02:00' }] };
  assert.equal(checkTrack(track({ lat: 52.09, lon: 5.12 }, [[0, 0, 50], [600, 0, 50]], 10, 1, FRIDAY_NOON + 86400 + 13 * 3600), night).excursions.length, 0);
});

test('seeded random walks over the Dutch–German–Belgian tripoint agree with brute-force point-in-polygon on every sample', () => {
  for (let seed = 1; seed <= 12; seed++) {
    const rng = createRng(seed);
    const pts: Array<[number, number, number]> = [[rng.uniform(-4000, 4000), rng.uniform(-4000, 4000), 60]];
    for (let k = 0; k < 25; k++) {
      const [e, n] = pts[pts.length - 1]!;
      pts.push([e + rng.uniform(-1500, 1500), n + rng.uniform(-1500, 1500), rng.uniform(20, 140)]);
    }
    const tr = track({ lat: 50.754, lon: 6.021 }, pts, rng.uniform(5, 20), rng.pick([0.5, 1, 2]));
    const authorities = [nl, defaultAuthority('partner-nl-example')];
    for (const a of authorities) {
      const r = checkTrack(tr, a);
      for (let i = 0; i < tr.count; i++) {
        const b = bruteStatus(a, tr.lat[i]!, tr.lon[i]!);
        assert.equal(covered(r.excursions, 'outside-permitted', i), b.outside, `seed ${seed} ${a.id} sample ${i}: outside-permitted`);
        assert.equal(covered(r.excursions, 'inside-forbidden', i), b.forbidden, `seed ${seed} ${a.id} sample ${i}: inside-forbidden`);
        assert.equal(covered(r.excursions, 'altitude', i), tr.altAglM[i]! > 120, `seed ${seed} sample ${i}: altitude`);
      }
    }
  }
});

test('a simulated sortie over Utrecht stays within both default authorities', () => {
  const { sortie } = simulate(randomScenario(7, { samples: 4000 }));
  for (const id of ['national-nl', 'partner-nl-example']) {
    const r = checkTrack(sortie, defaultAuthority(id));
    assert.equal(r.samples, sortie.count);
    assert.deepEqual(r.excursions.map((e) => e.message), [], id);
  }
  // The same track moved 60 km east lies in Germany.
  const moved = { ...sortie, lon: sortie.lon.map((x) => x + 1.9) };
  const r = checkTrack(moved, defaultAuthority('national-nl'));
  assert.ok(r.excursions.some((e) => e.kind === 'inside-forbidden'));
});

test('columns shorter than the count are a usage error', () => {
  assert.throws(() => checkTrack({ count: 3, timeS: [0, 1, 2], lat: [52, 52], lon: [5, 5, 5], altAglM: [1, 1, 1] }, nl), (e: unknown) => isNarizError(e, 'NARIZ_USAGE'));
});

test('an excursion between two samples: exact crossing points, no sample inside', () => {
  // Only a forbidden box (no permitted areas: everywhere else is allowed); the track jumps over it in one step.
  const box = parseAuthority({
    id: 'box',
    name: 'Box',
    permitted: [],
    forbidden: [{ type: 'Polygon', coordinates: [[[5.1, 52.1], [5.11, 52.1], [5.11, 52.11], [5.1, 52.11], [5.1, 52.1]]] }],
    altitude: { maxM: 120 },
  });
  const r = checkTrack({ timeS: [0, 10, 20], lat: [52.105, 52.105, 52.105], lon: [5.09, 5.12, 5.13], altAglM: [50, 50, 50] }, box);
  assert.equal(r.excursions.length, 1);
  const e = r.excursions[0]!;
  assert.equal(e.fromIndex, 1);
  assert.equal(e.toIndex, 0, 'no sample inside');
  assert.ok(Math.abs(e.exit.lon - 5.1) < 1e-12 && Math.abs(e.reentry!.lon - 5.11) < 1e-12);
  assert.ok(Math.abs(e.fromTimeS - 10 / 3) < 1e-9 && Math.abs(e.toTimeS - 20 / 3) < 1e-9);
});
