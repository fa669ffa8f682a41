import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NarizError, createRng, type Sortie } from '@nariz/core';
import { parseSortieCsv, writeSortieCsv, type WriteSortieOptions } from '../src/index.js';
import { randomSortie, sortieColumns } from './sortie-factory.js';

const REL = 1e-9;

function assertSortiesClose(a: Sortie, b: Sortie, opts: WriteSortieOptions, where: string): void {
  assert.equal(b.count, a.count, where);
  assert.deepEqual(b.species.map((s) => [s.key, s.chemical, s.unit, s.molarMassGmol]), a.species.map((s) => [s.key, s.chemical, s.unit, s.molarMassGmol]), where);
  const colsA = sortieColumns(a);
  const colsB = new Map(sortieColumns(b));
  assert.deepEqual([...colsB.keys()], colsA.map(([k]) => k), where);
  for (const [name, xs] of colsA) {
    const ys = colsB.get(name)!;
    for (let i = 0; i < a.count; i++) {
      const x = xs[i]!;
      const y = ys[i]!;
      if (Number.isNaN(x)) {
        assert.ok(Number.isNaN(y), `${where} ${name}[${i}]: ${y} should be NaN`);
        continue;
      }
      // Speed/direction goes through sin/cos: the error scales with the speed, not the component.
      const scale = opts.windAs === 'speed-dir' && (name === 'windU' || name === 'windV') ? Math.hypot(a.windU[i]!, a.windV[i]!) : Math.abs(x);
      const exactColumn = opts.windAs !== 'speed-dir' || (name !== 'windU' && name !== 'windV');
      if (exactColumn && !name.startsWith('species:') && !(name === 'timeS' && opts.timeAs === 'iso')) {
        assert.equal(y, x, `${where} ${name}[${i}] must be exact`);
      } else {
        assert.ok(Math.abs(y - x) <= REL * scale + 1e-300, `${where} ${name}[${i}]: ${y} vs ${x}`);
      }
    }
  }
}

test('round trip: writeSortieCsv -> parseSortieCsv reproduces random sorties (all option combinations)', () => {
  const rng = createRng(20260301);
  const combos: WriteSortieOptions[] = [{}, { windAs: 'speed-dir' }, { timeAs: 'iso' }, { windAs: 'speed-dir', timeAs: 'iso' }];
  for (let k = 0; k < 200; k++) {
    const opts = combos[k % combos.length]!;
    const original = randomSortie(rng);
    const text = writeSortieCsv(original, opts);
    const back = parseSortieCsv(text);
    assert.equal(back.rowsSkipped, 0);
    assert.deepEqual(back.warnings, [], `iteration ${k}`);
    assertSortiesClose(original, back.sortie, opts, `iteration ${k} ${JSON.stringify(opts)}`);
  }
});

test('writer output: header, units kept, empty cells for unknown stability and point rows, ISO times', () => {
  const s = parseSortieCsv(
    'time,lat,lon,alt_agl_m,wind_speed_mps,wind_from_deg,stability,end_lat,end_lon,end_alt_agl_m,hcl_ppb,toluene_mgm3\n' +
      '2026-03-01T12:00:00.5Z,1,2,3,2,90,,,,,10,0.5\n' +
      '2026-03-01T12:00:01Z,1,2,3,2,90,e,1.5,2.5,4,-1,0\n',
  ).sortie;
  const text = writeSortieCsv(s, { timeAs: 'iso', windAs: 'speed-dir' });
  const lines = text.trimEnd().split('\n');
  assert.equal(lines[0], 'time,lat,lon,alt_agl_m,wind_speed_mps,wind_from_deg,temp_c,pressure_hpa,stability,end_lat,end_lon,end_alt_agl_m,hcl_ppb,toluene_mgm3');
  const r1 = lines[1]!.split(',');
  assert.equal(r1[0], '2026-03-01T12:00:00.5Z');
  assert.equal(r1[8], '');
  assert.deepEqual(r1.slice(9, 12), ['', '', '']);
  assert.ok(Math.abs(Number(r1[12]) - 10) < 1e-12);
  assert.ok(Math.abs(Number(r1[5]) - 90) < 1e-9);
  const r2 = lines[2]!.split(',');
  assert.equal(r2[0], '2026-03-01T12:00:01Z');
  assert.equal(r2[8], 'E');
  assert.deepEqual(r2.slice(9, 12), ['1.5', '2.5', '4']);
  assert.equal(text.endsWith('\n'), true);
});

test('writer refuses ISO for times outside years 0000..9999', () => {
  const s = randomSortie(createRng(3), { count: 1, withEnd: false });
  const far = { ...s, timeS: Float64Array.of(1e12) };
  assert.throws(() => writeSortieCsv(far, { timeAs: 'iso' }), (e) => e instanceof NarizError && e.code === 'NARIZ_USAGE');
  assert.doesNotThrow(() => writeSortieCsv(far));
});
