import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isNarizError, windFromToUv } from '@nariz/core';
import { randomScenario, validateScenario, SOURCE_PROFILES, MIN_SOURCE_SEPARATION_M, PROFILE_JITTER_LN_SD, PROFILE_JITTER_CLAMP_SD } from '../src/index.js';
import { asJson, quietScenario } from './fixtures.js';

test('randomScenario respects lab and decoy counts, profiles and kinds', () => {
  for (let seed = 0; seed < 40; seed++) {
    const labs = seed % 4;
    const decoys = seed % 5;
    const s = randomScenario(seed, { labs, decoys });
    assert.equal(s.sources.filter((x) => x.kind === 'target' && x.profile === 'lab').length, labs, `seed ${seed}`);
    const dec = s.sources.filter((x) => x.kind === 'decoy');
    assert.equal(dec.length, decoys);
    assert.equal(dec.filter((x) => x.profile === 'paint_shop').length, Math.ceil(decoys / 2));
    assert.equal(dec.filter((x) => x.profile === 'solvent_use').length, Math.floor(decoys / 2));
    assert.equal(new Set(s.sources.map((x) => x.id)).size, s.sources.length, 'unique ids');
  }
  const d = randomScenario(5);
  assert.equal(d.sources.filter((x) => x.kind === 'target').length, 1, 'default 1 lab');
  assert.equal(d.sources.filter((x) => x.kind === 'decoy').length, 2, 'default 2 decoys');
});

test('randomScenario: sources >= 80 m apart, inside the area, upwind/central; labs 2-8 m; wind 2-8 m/s', () => {
  for (let seed = 100; seed < 160; seed++) {
    const s = randomScenario(seed, { labs: 3, decoys: 4 });
    const [we, wn] = windFromToUv(1, s.wind.fromDeg);
    for (let i = 0; i < s.sources.length; i++) {
      const a = s.sources[i]!;
      assert.ok(Math.abs(a.east) <= 0.4 * s.areaM.width && Math.abs(a.north) <= 0.4 * s.areaM.height, 'inside');
      assert.ok(a.east * we + a.north * wn <= 0.1 * 0.5 * Math.min(s.areaM.width, s.areaM.height) + 1e-9, 'upwind/central');
      if (a.profile === 'lab') assert.ok(a.heightM >= 2 && a.heightM <= 8, `lab height ${a.heightM}`);
      for (let j = i + 1; j < s.sources.length; j++) {
        const b = s.sources[j]!;
        assert.ok(Math.hypot(a.east - b.east, a.north - b.north) >= MIN_SOURCE_SEPARATION_M, `seed ${seed}: ${a.id}-${b.id}`);
      }
    }
    assert.ok(s.wind.speedMps >= 2 && s.wind.speedMps <= 8);
    assert.ok(s.wind.meanderSdDeg > 0 && s.wind.meanderTimescaleS >= 60);
    assert.deepEqual(s.areaM, { width: 1400, height: 1400 });
  }
});

test('randomScenario: species ratios follow the profiles within the clamped log-normal jitter; lab acetone ~0.5-5 g/s', () => {
  // Each fraction is jittered by exp(±sd·clamp); a ratio of two moves at most twice that.
  const bound = Math.exp(2 * PROFILE_JITTER_LN_SD * PROFILE_JITTER_CLAMP_SD);
  let sumLogDev = 0;
  let m = 0;
  for (let seed = 0; seed < 60; seed++) {
    for (const src of randomScenario(seed, { labs: 2, decoys: 2 }).sources) {
      const profile = SOURCE_PROFILES[src.profile]!;
      assert.deepEqual(Object.keys(src.rateKgS).sort(), Object.keys(profile).sort(), `${src.profile} species`);
      const keys = Object.keys(profile);
      for (const k of keys.slice(1)) {
        const expected = profile[k]! / profile[keys[0]!]!;
        const got = src.rateKgS[k]! / src.rateKgS[keys[0]!]!;
        assert.ok(got <= expected * bound && got >= expected / bound, `${src.profile} ${k}/${keys[0]}: ${got} vs ${expected}`);
        sumLogDev += Math.log(got / expected);
        m++;
      }
      if (src.profile === 'lab') {
        const acetoneGs = src.rateKgS['acetone']! * 1000;
        assert.ok(acetoneGs > 0.2 && acetoneGs < 10, `lab acetone ${acetoneGs} g/s`);
      }
    }
  }
  assert.ok(Math.abs(sumLogDev / m) < 0.15, `ratios unbiased in log: mean ${sumLogDev / m}`);
});

test('randomScenario is deterministic, and seeds differ; options are honoured and validated', () => {
  assert.deepEqual(randomScenario(42), randomScenario(42));
  assert.notDeepEqual(randomScenario(42), randomScenario(43));
  const s = randomScenario(9, { speedMps: 3.5, fromDeg: 90, stability: 'F', origin: { lat: -34.6, lon: -58.4 } });
  assert.equal(s.wind.speedMps, 3.5);
  assert.equal(s.wind.fromDeg, 90);
  assert.equal(s.stability, 'F');
  assert.deepEqual(s.origin, { lat: -34.6, lon: -58.4 });
  assert.throws(() => randomScenario(1, { labs: 4 }), (e) => isNarizError(e, 'NARIZ_USAGE') && /labs/.test(e.message));
  assert.throws(() => randomScenario(1, { speedMps: -1 }), (e) => isNarizError(e, 'NARIZ_BAD_SCENARIO') && /wind\.speedMps/.test(e.message));
  assert.throws(() => randomScenario(-1), (e) => isNarizError(e, 'NARIZ_USAGE'));
});

test('validateScenario accepts its own output (round trip through JSON) and fills the default area', () => {
  const s = randomScenario(3, { samples: 2000 });
  assert.deepEqual(validateScenario(JSON.parse(JSON.stringify(s))), s);
  const j = asJson(quietScenario());
  delete j['areaM'];
  assert.deepEqual(validateScenario(j).areaM, { width: 1400, height: 1400 });
});

test('validateScenario names the bad field path', () => {
  const cases: Array<[string, (j: Record<string, unknown>) => void, RegExp]> = [
    ['not an object', () => undefined, /^scenario: must be an object/],
    ['negative wind', (j) => ((j['wind'] as Record<string, unknown>)['speedMps'] = -2), /^wind\.speedMps: must be >= 0\.5/],
    ['calm wind', (j) => ((j['wind'] as Record<string, unknown>)['speedMps'] = 0.1), /^wind\.speedMps/],
    ['NaN-ish', (j) => ((j['wind'] as Record<string, unknown>)['fromDeg'] = 'north'), /^wind\.fromDeg: must be a finite number, got "north"/],
    ['missing', (j) => delete (j['survey'] as Record<string, unknown>)['altitudesM'], /^survey\.altitudesM: is required/],
    ['empty altitudes', (j) => ((j['survey'] as Record<string, unknown>)['altitudesM'] = []), /^survey\.altitudesM: must have at least 1/],
    ['bad altitude', (j) => ((j['survey'] as Record<string, unknown>)['altitudesM'] = [10, -5]), /^survey\.altitudesM\[1\]: must be > 0/],
    ['bad unit', (j) => (((j['sensor'] as Record<string, unknown>)['species'] as Array<Record<string, unknown>>)[2]!['unit'] = 'ppt'), /^sensor\.species\[2\]\.unit: must be one of ppb, ppm, ugm3, mgm3, got "ppt"/],
    ['unknown species', (j) => (((j['sources'] as Array<Record<string, unknown>>)[0]!['rateKgS'] as Record<string, unknown>)['unobtainium'] = 1), /^sources\[0\]\.rateKgS\.unobtainium: species "unobtainium" is not in the chemical table/],
    ['negative rate', (j) => (((j['sources'] as Array<Record<string, unknown>>)[0]!['rateKgS'] as Record<string, unknown>)['toluene'] = -1), /^sources\[0\]\.rateKgS\.toluene: must be >= 0/],
    ['bad kind', (j) => ((j['sources'] as Array<Record<string, unknown>>)[0]!['kind'] = 'suspect'), /^sources\[0\]\.kind: must be one of target, decoy/],
    ['duplicate id', (j) => (j['sources'] as unknown[]).push((j['sources'] as unknown[])[0]), /^sources\[1\]\.id: duplicate source id "lab-1"/],
    ['stability', (j) => (j['stability'] = 'G'), /^stability: must be one of A, B, C, D, E, F/],
    ['sigma set', (j) => (j['sigmaSet'] = 'briggs'), /^sigmaSet: must be one of briggs-rural/],
    ['typo', (j) => ((j['wind'] as Record<string, unknown>)['meanderSD'] = 3), /^wind\.meanderSD: unknown field/],
    ['fractional maxSamples', (j) => ((j['survey'] as Record<string, unknown>)['maxSamples'] = 10.5), /^survey\.maxSamples: must be an integer/],
    ['bad flag', (j) => (j['reportStability'] = 'yes'), /^reportStability: must be true or false/],
    ['bad lag', (j) => ((j['sensor'] as Record<string, unknown>)['lagS'] = -1), /^sensor\.lagS: must be >= 0/],
    ['bad path', (j) => ((j['sensor'] as Record<string, unknown>)['pathLengthM'] = 0), /^sensor\.pathLengthM: must be > 0/],
    ['bad origin', (j) => ((j['origin'] as Record<string, unknown>)['lat'] = 95), /^origin\.lat: must be <= 89\.9/],
  ];
  for (const [name, mutate, re] of cases) {
    const j = asJson(quietScenario());
    mutate(j);
    const input: unknown = name === 'not an object' ? [j] : j;
    assert.throws(() => validateScenario(input), (e) => isNarizError(e, 'NARIZ_BAD_SCENARIO') && re.test(e.message), name);
  }
});
