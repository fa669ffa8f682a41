import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { builtinChemicals, concatSorties, isNarizError, sortieColumns, toKgM3Factor, type Sortie } from '@nariz/core';
import {
  MAVLINK_SPECIES_CODES, MAVLINK_WARNING_CODES as W, MSG, MavlinkDecoder, TelemetryAssembler, encodeFrame, parseSensorMap, parseSortieCsv, readTlog,
  resolveReadingName, summariseTrack, tlogToSortie, writeSortieCsv, type MavlinkFrame, type VehicleTrack,
} from '../src/index.js';
import { VTOL_TLOG } from './mavlink-oracle.js';
import {
  AIR_PRESSURE_HPA, AIR_TEMP_C, MIN_DELAY_MS, SENSOR_MAP_JSON, T0_UNIX_S, syntheticTlog, truthAlt, truthLat, truthLon, truthUnixS,
} from './telemetry-factory.js';
import { concat } from './bytes.js';

const chemicals = builtinChemicals();
const sensorMap = parseSensorMap(SENSOR_MAP_JSON);
const M = (key: string): number => chemicals.require(key).molarMassGmol;

function assertClose(actual: number, expected: number, tol: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: ${actual} vs ${expected} (tolerance ${tol})`);
}

function allFinite(s: Sortie): void {
  for (const [name, col] of sortieColumns(s)) for (let i = 0; i < col.length; i++) assert.ok(Number.isFinite(col[i]!), `${name}[${i}] = ${col[i]}`);
}

test('synthetic tlog → sortie: interpolated positions, wind, air state and species in kg/m³ match the known answer', () => {
  const syn = syntheticTlog({ durationS: 30 });
  const r = tlogToSortie(syn.bytes, { sensorMap });
  const s = r.sortie!;
  assert.equal(r.sysid, 1);
  assert.equal(s.count, syn.gas.length);
  assert.equal(s.count, 145);
  assert.deepEqual(s.species.map((x) => [x.key, x.unit, x.chemical]), [['hcl', 'ppb', 'HYDROGEN CHLORIDE'], ['acetone', 'ppb', 'ACETONE'], ['toluene', 'ppb', 'TOLUENE']]);
  allFinite(s);
  const f = (key: string): number => toKgM3Factor('ppb', M(key), AIR_TEMP_C, AIR_PRESSURE_HPA);
  syn.gas.forEach((g, i) => {
    assertClose(s.timeS[i]!, truthUnixS(g.bootMs), 1e-6, `time ${i}`);
    assertClose(s.lat[i]!, truthLat(g.bootMs), 2e-7, `lat ${i}`);
    assertClose(s.lon[i]!, truthLon(g.bootMs), 2e-7, `lon ${i}`);
    assertClose(s.altAglM[i]!, truthAlt(g.bootMs), 2e-3, `alt ${i}`);
    // WIND from 270° at 5 m/s: air moving east.
    assertClose(s.windU[i]!, 5, 1e-12, `u ${i}`);
    assertClose(s.windV[i]!, 0, 1e-12, `v ${i}`);
    assert.equal(s.tempC[i], AIR_TEMP_C);
    assert.equal(s.pressureHpa[i], AIR_PRESSURE_HPA);
    assertClose(s.species[0]!.kgM3[i]!, g.hclPpb * f('hcl'), 1e-12 * g.hclPpb * f('hcl'), `hcl ${i}`);
    assertClose(s.species[1]!.kgM3[i]!, g.acetPpb * f('acetone'), 1e-12 * g.acetPpb * f('acetone'), `acetone ${i}`);
    assertClose(s.species[2]!.kgM3[i]!, g.toluPpb * f('toluene'), 1e-12 * g.toluPpb * f('toluene'), `toluene ${i}`);
  });
  // 1 ppb of HCl at 18.5 °C and 780 hPa, by hand: 1e-9 · 78000 Pa · 0.03646 kg/mol / (8.314462618 · 291.65 K).
  assertClose(f('hcl'), 1e-9 * 78_000 * 0.03646 / (8.314462618 * 291.65), 1e-22, 'ppb factor');
  assert.equal(r.assembly!.epochSource, 'system_time');
  assert.deepEqual(r.warnings.map((w) => [w.code, w.count]), [[W.namedValueIgnored, 15]]);
  assert.equal(r.track.count, 121);
  assert.ok(r.track.rollRad.every((x) => x === Math.fround(0.1)));
});

test('WIND_COV (NED: north 1 m/s, east 2 m/s) is wind u = 2, v = 1', () => {
  const s = tlogToSortie(syntheticTlog({ durationS: 10, wind: 'wind_cov' }).bytes, { sensorMap }).sortie!;
  assert.ok(s.count > 30);
  assert.ok(s.windU.every((u) => u === 2) && s.windV.every((v) => v === 1));
});

test('without SYSTEM_TIME the time base comes from the receive times: the smallest delivery delay (15 ms) is the offset error', () => {
  const syn = syntheticTlog({ durationS: 30, systemTime: false });
  const r = tlogToSortie(syn.bytes, { sensorMap });
  assert.equal(r.assembly!.epochSource, 'receive_time');
  const s = r.sortie!;
  assert.equal(s.count, syn.gas.length);
  syn.gas.forEach((g, i) => assertClose(s.timeS[i]!, truthUnixS(g.bootMs) + MIN_DELAY_MS / 1000, 1e-6, `time ${i}`));
});

test('a species missing from a sample takes its last value within 2 s; beyond, the sample is dropped (a Sortie holds no NaN)', () => {
  const gap = (k: number): boolean => k === 20 || (k >= 40 && k < 55);
  const syn = syntheticTlog({ durationS: 30, skipAcet: gap });
  const r = tlogToSortie(syn.bytes, { sensorMap });
  const s = r.sortie!;
  const a = r.assembly!;
  // k = 20: one held; k = 40..49 are within 2 s of k = 39 (5 Hz): held; k = 50..54 dropped.
  assert.equal(a.heldValues, 11);
  assert.equal(a.dropped.missingSpecies, 5);
  assert.equal(s.count, syn.gas.length - 5);
  allFinite(s);
  const f = toKgM3Factor('ppb', M('acetone'), AIR_TEMP_C, AIR_PRESSURE_HPA);
  assertClose(s.species[1]!.kgM3[20]!, syn.gas[19]!.acetPpb * f, 1e-20, 'acetone held at k = 20');
  assertClose(s.species[1]!.kgM3[49]!, syn.gas[39]!.acetPpb * f, 1e-20, 'acetone held at k = 49');
  assertClose(s.timeS[50]!, truthUnixS(syn.gas[55]!.bootMs), 1e-6, 'k = 50..54 are gone');
  assert.equal(r.warnings.find((w) => w.code === W.valueHeld)?.count, 11);
  assert.equal(r.warnings.find((w) => w.code === W.sampleDropped)?.count, 5);
});

function frames(bytes: Uint8Array): MavlinkFrame[] {
  return readTlog(bytes).frames;
}

test('live: take() every few frames, concatenated, equals the sortie of one finish(); so does the track', () => {
  const syn = syntheticTlog({ durationS: 30, skipAcet: (k) => k % 17 === 3 });
  const all = frames(syn.bytes);
  const batch = new TelemetryAssembler({ sysid: 1, sensorMap });
  for (const f of all) batch.push(f);
  const whole = batch.finish()!;
  const wholeTrack = batch.takeTrack()!;

  const live = new TelemetryAssembler({ sysid: 1, sensorMap });
  const parts: Sortie[] = [];
  const trackParts: VehicleTrack[] = [];
  all.forEach((f, i) => {
    live.push(f);
    if (i % 25 === 24) {
      const p = live.take();
      if (p !== undefined) {
        assert.ok(p.count > 0);
        parts.push(p);
      }
      const t = live.takeTrack();
      if (t !== undefined) trackParts.push(t);
    }
  });
  const last = live.finish();
  if (last !== undefined) parts.push(last);
  const t = live.takeTrack();
  if (t !== undefined) trackParts.push(t);
  assert.ok(parts.length > 20, `${parts.length} live batches`);
  const joined = concatSorties(parts, live.shape()!);
  assert.deepEqual(sortieColumns(joined), sortieColumns(whole));
  assert.deepEqual(trackParts.flatMap((p) => [...p.lat]), [...wholeTrack.lat]);
  assert.deepEqual(trackParts.flatMap((p) => [...p.timeS]), [...wholeTrack.timeS]);
});

test('the sortie written as CSV reads back the same (species keys from short codes resolve: acet → acetone)', () => {
  const s = tlogToSortie(syntheticTlog({ durationS: 10 }).bytes, { sensorMap }).sortie!;
  const csv = writeSortieCsv(s);
  assert.match(csv.split('\n')[0]!, /,hcl_ppb,acetone_ppb,toluene_ppb$/);
  const back = parseSortieCsv(csv).sortie;
  const a = sortieColumns(s);
  const b = sortieColumns(back);
  assert.deepEqual(a.map(([n]) => n), b.map(([n]) => n));
  a.forEach(([name, col], j) => {
    const other = b[j]![1];
    for (let i = 0; i < col.length; i++) assertClose(other[i]!, col[i]!, 1e-12 * Math.abs(col[i]!), `${name}[${i}]`);
  });
});

test('a species first seen after the species were fixed is ignored with a warning; NaN readings are ignored', () => {
  const syn = syntheticTlog({ durationS: 20 });
  const decoder = new MavlinkDecoder();
  const extra = (t: number, name: string, value: number): MavlinkFrame =>
    ({ ...decoder.push(encodeFrame(MSG.NAMED_VALUE_FLOAT, { time_boot_ms: t, name, value }))[0]! });
  const late = syn.gas[40]!.bootMs;
  const a = new TelemetryAssembler({ sysid: 1, sensorMap });
  let injected = false;
  for (const f of frames(syn.bytes)) {
    a.push(f);
    if (!injected && a.stats.gasSets === 40) {
      a.push(extra(late, 'nh3_ppm', 3));
      a.push(extra(late, 'hcl_ppb', NaN));
      injected = true;
    }
  }
  assert.ok(injected);
  const s = a.finish()!;
  assert.deepEqual(s.species.map((x) => x.key), ['hcl', 'acetone', 'toluene']);
  const w = a.warnings();
  assert.equal(w.find((x) => x.code === W.lateSpecies)?.count, 1);
  assert.match(w.find((x) => x.code === W.lateSpecies)!.message, /AMMONIA first appeared after/);
  assert.equal(w.find((x) => x.code === W.badValue)?.count, 1);
});

test('several vehicles: the one with samples is read and the choice is reported; an absent --sysid is NARIZ_MAVLINK', () => {
  const timeOf = (rec: Uint8Array): number => Number(new DataView(rec.buffer, rec.byteOffset).getBigUint64(0));
  const one = syntheticTlog({ durationS: 10, sysid: 1 }).records;
  const two = syntheticTlog({ durationS: 10, sysid: 2 }).records;
  const merged = concat(...[...one, ...two].map((r, i) => ({ r, i, t: timeOf(r) })).sort((x, y) => x.t - y.t || x.i - y.i).map((x) => x.r));
  const r = tlogToSortie(merged, { sensorMap });
  assert.deepEqual(r.vehicles, [1, 2]);
  assert.equal(r.sysid, 1);
  assert.match(r.warnings.find((w) => w.code === W.multipleVehicles)!.message, /systems 1, 2/);
  assert.equal(tlogToSortie(merged, { sensorMap, sysid: 2 }).sysid, 2);
  assert.throws(() => tlogToSortie(merged, { sysid: 3 }), (e: unknown) => isNarizError(e, 'NARIZ_MAVLINK') && /systems in the input: 1, 2/.test(e.message));
});

test('a reboot (the boot clock going back) places what it can and starts positions, wind and time base again', () => {
  const first = syntheticTlog({ durationS: 12 });
  const second = syntheticTlog({ durationS: 12, t0UnixS: T0_UNIX_S + 3600 });
  const r = tlogToSortie(concat(first.bytes, second.bytes), { sensorMap });
  assert.equal(r.assembly!.reboots, 1);
  assert.equal(r.warnings.find((w) => w.code === W.reboot)?.count, 1);
  const s = r.sortie!;
  assert.equal(s.count, first.gas.length + second.gas.length);
  first.gas.forEach((g, i) => assertClose(s.timeS[i]!, truthUnixS(g.bootMs), 1e-6, `first flight ${i}`));
  second.gas.forEach((g, i) => assertClose(s.timeS[first.gas.length + i]!, truthUnixS(g.bootMs) + 3600, 1e-6, `second flight ${i}`));
  allFinite(s);
});

test('vtol.tlog: no gas readings → no sortie (MAVLINK_NO_GAS) but a plausible track: 804 fixes, time increasing, a small box, below 60 m/s', () => {
  const r = tlogToSortie(new Uint8Array(readFileSync(VTOL_TLOG)));
  assert.equal(r.sortie, undefined);
  assert.ok(r.warnings.some((w) => w.code === W.noGas));
  assert.equal(r.warnings.find((w) => w.code === W.fixOutOfOrder)?.count, 3);
  const t = r.track;
  assert.equal(t.count, 804);
  assert.equal(r.assembly!.epochSource, 'system_time');
  assert.equal(new Date(t.timeS[0]! * 1000).toISOString(), '2018-08-08T14:05:45.465Z');
  for (let i = 1; i < t.count; i++) assert.ok(t.timeS[i]! > t.timeS[i - 1]!, `time increases at ${i}`);
  const sum = summariseTrack(t)!;
  assert.ok(sum.maxLat - sum.minLat < 0.01 && sum.maxLon - sum.minLon < 0.01, 'within about a kilometre');
  assert.ok(sum.minLat > -35.37 && sum.maxLat < -35.36 && sum.minLon > 149.16 && sum.maxLon < 149.17, 'at the ArduPilot SITL home (CMAC, Canberra)');
  assert.ok(sum.maxSpeedBetweenFixesMps < 60, `${sum.maxSpeedBetweenFixesMps} m/s`);
  assert.ok(sum.maxSpeedBetweenFixesMps > 10, 'the aircraft does fly');
  assert.ok(sum.lengthM > 1000 && sum.lengthM < 3000, `${sum.lengthM} m`);
  assert.ok(sum.minAltAboveHomeM > -5 && sum.maxAltAboveHomeM < 100);
  assert.ok(t.rollRad.every(Number.isFinite) && t.yawRad.every(Number.isFinite), 'an ATTITUDE for every fix');
});

test('the naming convention: short codes fit 10 characters with any unit and resolve in the chemical table', () => {
  for (const [code, key] of Object.entries(MAVLINK_SPECIES_CODES)) {
    assert.ok(`${code}_ugm3`.length <= 10, code);
    assert.ok(chemicals.lookup(key) !== undefined, `${code} → ${key}`);
    const m = resolveReadingName(`${code}_ppb`, chemicals);
    assert.ok(m.kind === 'gas' && m.key === key && chemicals.lookup(m.key) === m.chemical);
  }
  const hcl = resolveReadingName(' HCL_PPB ', chemicals);
  assert.ok(hcl.kind === 'gas' && hcl.key === 'hcl' && hcl.unit === 'ppb' && hcl.chemical.name === 'HYDROGEN CHLORIDE');
  assert.equal(resolveReadingName('temp_c', chemicals).kind, 'temp');
  assert.equal(resolveReadingName('PRES_HPA', chemicals).kind, 'pressure');
  assert.deepEqual(resolveReadingName('foo_ppb', chemicals), { kind: 'unknown-species', species: 'foo', unit: 'ppb' });
  assert.equal(resolveReadingName('BATT_T', chemicals).kind, 'other');
  assert.equal(resolveReadingName('hcl_ppt', chemicals).kind, 'other');
});

test('sensor maps: renamed named values, and every mistake named by its field', () => {
  const m = parseSensorMap({ named_value_float: { HCL: 'hcl_ppb' }, debug_float_array: { arrays: { '3': ['nh3_ppm', null, 'pres_hpa'] } } });
  assert.equal(m.debugArrayName, 'gas');
  assert.equal(m.namedValues.get('hcl')?.kind, 'gas');
  assert.deepEqual(m.arrays.get(3)!.map((c) => c?.kind), ['gas', undefined, 'pressure']);
  const bad = (json: unknown, code: string, re: RegExp): void =>
    assert.throws(() => parseSensorMap(json, { fileName: 'map.json' }), (e: unknown) => isNarizError(e) && e.code === code && re.test(e.message) && e.location?.file === 'map.json');
  bad([], 'NARIZ_MAVLINK', /must be a JSON object/);
  bad({ version: 2 }, 'NARIZ_MAVLINK', /version: 2 is not supported/);
  bad({ arrays: {} }, 'NARIZ_MAVLINK', /arrays: is not a sensor map field/);
  bad({ debug_float_array: { arrays: { x: ['hcl_ppb'] } } }, 'NARIZ_MAVLINK', /arrays\.x: the key must be an array_id/);
  bad({ debug_float_array: { arrays: { '1': ['hcl_ppb', 'hcl_ppm'] } } }, 'NARIZ_MAVLINK', /HYDROGEN CHLORIDE appears twice/);
  bad({ debug_float_array: { arrays: { '1': ['unobtainium_ppb'] } } }, 'NARIZ_UNKNOWN_SPECIES', /arrays\.1\[0\]: species "unobtainium"/);
  bad({ debug_float_array: { arrays: { '1': ['hcl'] } } }, 'NARIZ_MAVLINK', /"hcl" is neither/);
  bad({ named_value_float: { HCL: 3 } }, 'NARIZ_MAVLINK', /named_value_float\.HCL: expected a column name/);
});
