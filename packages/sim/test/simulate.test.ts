import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LocalFrame, STABILITY_UNKNOWN, fromKgM3, sortieColumns, toKgM3Factor, uvToWindFrom, windFromToUv, type Sortie } from '@nariz/core';
import { SIGMA_SET_INDEX, plumeUnitEnu, plumeUnitPathEnu } from '@nariz/plume';
import { applyFirstOrderLag, flySurvey, planSurvey, randomScenario, simulate, type Scenario } from '../src/index.js';
import { labSource, quietScenario } from './fixtures.js';

/** Every numeric column as bytes, in a fixed order. */
function sortieBytes(s: Sortie): Buffer {
  const cols: ArrayBufferView[] = [s.timeS, s.lat, s.lon, s.altAglM, s.windU, s.windV, s.stability, s.tempC, s.pressureHpa];
  if (s.endLat !== undefined && s.endLon !== undefined && s.endAltAglM !== undefined) cols.push(s.endLat, s.endLon, s.endAltAglM);
  for (const sp of s.species) cols.push(sp.kgM3);
  return Buffer.concat(cols.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength)));
}


test('determinism: the same seed gives byte-identical sorties and truth; different seeds differ', () => {
  const a = simulate(randomScenario(21, { labs: 2, decoys: 2, samples: 3000 }));
  const b = simulate(randomScenario(21, { labs: 2, decoys: 2, samples: 3000 }));
  assert.equal(Buffer.compare(sortieBytes(a.sortie), sortieBytes(b.sortie)), 0);
  assert.deepEqual(a.truth, b.truth);
  const c = simulate(randomScenario(22, { labs: 2, decoys: 2, samples: 3000 }));
  assert.notEqual(Buffer.compare(sortieBytes(a.sortie), sortieBytes(c.sortie)), 0);
  // Same world, different noise seed: positions identical, readings differ.
  const s = randomScenario(21, { samples: 3000 });
  const d = simulate({ ...s, seed: 99 });
  const e = simulate(s);
  assert.deepEqual(d.sortie.lat, e.sortie.lat);
  assert.notDeepEqual(d.sortie.species[0]!.kgM3, e.sortie.species[0]!.kgM3);
});

test('every column is finite and has length count; metadata defaults are filled', () => {
  for (const seed of [1, 2, 3]) {
    const r = simulate(randomScenario(seed, { samples: 2500 }));
    const s = r.sortie;
    assert.equal(s.count, 2500);
    for (const [name, col] of sortieColumns(s)) {
      assert.equal(col.length, s.count, name);
      for (let k = 0; k < col.length; k++) assert.ok(Number.isFinite(col[k]), `${name}[${k}]`);
    }
    assert.ok(s.tempC.every((t) => t === 25) && s.pressureHpa.every((p) => p === 1013.25));
    assert.equal(s.endLat, undefined);
    assert.deepEqual(s.species.map((x) => [x.key, x.chemical, x.unit]), [['acetone', 'ACETONE', 'ppb'], ['toluene', 'TOLUENE', 'ppb'], ['hcl', 'HYDROGEN CHLORIDE', 'ppb']]);
    for (let k = 1; k < s.count; k++) assert.ok(s.timeS[k]! > s.timeS[k - 1]!);
  }
});

test('oracle: with no meander, gusts, intermittency, background, noise or lag the sortie is rate x plumeUnitEnu exactly', () => {
  const sc = quietScenario();
  const r = simulate(sc);
  const tr = flySurvey(planSurvey(sc), sc.survey);
  const src = sc.sources[0]!;
  const p = { sigmaSet: SIGMA_SET_INDEX['briggs-rural'], stability: 3, sourceHeightM: src.heightM };
  const [u, v] = windFromToUv(sc.wind.speedMps, sc.wind.fromDeg);
  let seen = 0;
  for (const sp of r.sortie.species) {
    const rate = src.rateKgS[sp.key]!;
    for (let k = 0; k < tr.count; k++) {
      const expected = rate * plumeUnitEnu(p, src.east, src.north, tr.east[k]!, tr.north[k]!, tr.up[k]!, u, v);
      assert.equal(sp.kgM3[k], expected, `${sp.key}[${k}]`);
      if (expected > 1e-9) seen++;
    }
  }
  assert.ok(seen > 50, `the survey crosses the plume (${seen} samples above 1 ug/m3)`);
  // Reported wind is the true wind when the wind sensor is perfect.
  assert.ok(Math.abs(r.sortie.windU[17]! - u) < 1e-12 && Math.abs(r.sortie.windV[17]! - v) < 1e-12);
  // Positions: lat/lon project back onto the track to a millimetre.
  const frame = new LocalFrame(sc.origin);
  for (let k = 0; k < tr.count; k += 97) {
    const [e, n] = frame.project(r.sortie.lat[k]!, r.sortie.lon[k]!);
    assert.ok(Math.hypot(e - tr.east[k]!, n - tr.north[k]!) < 1e-3);
  }
  assert.ok(r.sortie.stability.every((x) => x === 3));
});

test('sensor lag in the simulator is the exact first-order filter of the lag-free signal', () => {
  const base = quietScenario();
  const lagged = simulate({ ...base, sensor: { ...base.sensor, lagS: 4 } });
  const fast = simulate(base);
  for (let j = 0; j < fast.sortie.species.length; j++) {
    const expected = applyFirstOrderLag(fast.sortie.species[j]!.kgM3, fast.sortie.timeS, 4);
    assert.deepEqual(lagged.sortie.species[j]!.kgM3, expected);
  }
});

test('the maximum concentration along the survey lies downwind of the source, with realistic meander and noise', () => {
  for (const fromDeg of [0, 75, 160, 250, 330]) {
    const sc: Scenario = {
      ...randomScenario(fromDeg + 1, { labs: 1, decoys: 0, fromDeg, samples: 6000 }),
    };
    const r = simulate(sc);
    const src = r.truth.sources[0]!;
    const acetone = r.sortie.species.find((x) => x.key === 'acetone')!;
    let best = 0;
    for (let k = 1; k < r.sortie.count; k++) if (acetone.kgM3[k]! > acetone.kgM3[best]!) best = k;
    const frame = new LocalFrame(sc.origin);
    const [e, n] = frame.project(r.sortie.lat[best]!, r.sortie.lon[best]!);
    const [we, wn] = windFromToUv(1, sc.wind.fromDeg);
    const along = (e - src.east) * we + (n - src.north) * wn;
    assert.ok(along > 0, `from ${fromDeg}: peak ${along.toFixed(1)} m along the wind from the source`);
    const peakPpb = fromKgM3(acetone.kgM3[best]!, 'ppb', acetone.molarMassGmol);
    assert.ok(peakPpb > 10 * 3, `peak ${peakPpb} ppb stands well above the 3 ppb noise`);
  }
});

test('truth: sources carry lat/lon and g/s; stability column follows reportStability', () => {
  const sc = randomScenario(8, { labs: 2, decoys: 1, samples: 500 });
  const r = simulate({ ...sc, reportStability: false });
  assert.ok(r.sortie.stability.every((x) => x === STABILITY_UNKNOWN));
  const frame = new LocalFrame(sc.origin);
  for (const [i, t] of r.truth.sources.entries()) {
    const src = sc.sources[i]!;
    const [e, n] = frame.project(t.lat, t.lon);
    assert.ok(Math.hypot(e - src.east, n - src.north) < 1e-3);
    for (const [k, v] of Object.entries(src.rateKgS)) assert.equal(t.rateGps[k], v * 1000);
    assert.equal(t.id, src.id);
  }
});

test('reported wind scatters about the truth by the wind sensor error', () => {
  const base = quietScenario();
  const r = simulate({ ...base, windSensor: { speedSdMps: 0.4, dirSdDeg: 6 } });
  let ds = 0;
  let dd = 0;
  for (let k = 0; k < r.sortie.count; k++) {
    const w = uvToWindFrom(r.sortie.windU[k]!, r.sortie.windV[k]!);
    ds += (w.speedMps - 4) ** 2;
    dd += (((w.fromDeg - 250 + 540) % 360) - 180) ** 2;
  }
  const sdS = Math.sqrt(ds / r.sortie.count);
  const sdD = Math.sqrt(dd / r.sortie.count);
  assert.ok(Math.abs(sdS - 0.4) < 0.05 && Math.abs(sdD - 6) < 0.6, `speed sd ${sdS}, dir sd ${sdD}`);
});

test('noise and background: a sensor far from any plume reads background + drift with the stated noise', () => {
  const base = quietScenario({ sources: [] });
  const sc: Scenario = { ...base, sensor: { ...base.sensor, species: [{ key: 'acetone', unit: 'ppb', noiseSd: 3, background: 4, driftPerHour: 0 }] } };
  const r = simulate(sc);
  const sp = r.sortie.species[0]!;
  const f = toKgM3Factor('ppb', sp.molarMassGmol);
  const ppb = Array.from(sp.kgM3, (x) => x / f);
  const diffs = ppb.slice(1).map((x, k) => x - ppb[k]!);
  const sdDiff = Math.sqrt(diffs.reduce((s, d) => s + d * d, 0) / diffs.length);
  // Successive differences of white noise have sd sqrt(2)·sigma (the walk adds a negligible amount).
  assert.ok(Math.abs(sdDiff / Math.SQRT2 - 3) < 0.2, `noise sd ${sdDiff / Math.SQRT2}`);
  const mean = ppb.reduce((s, x) => s + x, 0) / ppb.length;
  assert.ok(Math.abs(mean - 4) < 3, `mean ${mean}`);
});

test('path receptors: end points along the flight direction, concentration = rate x plumeUnitPathEnu', () => {
  const base = quietScenario();
  const sc: Scenario = { ...base, sensor: { ...base.sensor, pathLengthM: 50 } };
  const r = simulate(sc);
  const s = r.sortie;
  assert.ok(s.endLat !== undefined && s.endLon !== undefined && s.endAltAglM !== undefined);
  const frame = new LocalFrame(sc.origin);
  const tr = flySurvey(planSurvey(sc), sc.survey);
  const src = sc.sources[0]!;
  const p = { sigmaSet: 0, stability: 3, sourceHeightM: src.heightM };
  const [u, v] = windFromToUv(sc.wind.speedMps, sc.wind.fromDeg);
  const acetone = s.species[0]!;
  let seen = 0;
  for (let k = 0; k < s.count; k++) {
    const e1 = tr.east[k]! + 50 * tr.headingE[k]!;
    const n1 = tr.north[k]! + 50 * tr.headingN[k]!;
    if (k % 50 === 0) {
      const [e, n] = frame.project(s.endLat[k]!, s.endLon[k]!);
      assert.ok(Math.hypot(e - e1, n - n1) < 1e-3);
      assert.equal(s.endAltAglM[k], s.altAglM[k]);
    }
    const expected = src.rateKgS['acetone']! * plumeUnitPathEnu(p, src.east, src.north, tr.east[k]!, tr.north[k]!, tr.up[k]!, e1, n1, tr.up[k]!, u, v);
    assert.equal(acetone.kgM3[k], expected);
    if (expected > 1e-9) seen++;
  }
  assert.ok(seen > 50);
});

test('sources outside the sensor species list are ignored; a rate of zero emits nothing', () => {
  const base = quietScenario({ sources: [labSource({ rateKgS: { acetone: 0, methane: 5e-3 } })] });
  const r = simulate(base);
  for (const sp of r.sortie.species) assert.ok(sp.kgM3.every((x) => x === 0), sp.key);
});

test('a 10,000-sample scenario can be produced', () => {
  const r = simulate(randomScenario(77, { labs: 3, decoys: 3, samples: 10_000 }));
  assert.equal(r.sortie.count, 10_000);
  assert.equal(r.truth.sources.length, 6);
});
