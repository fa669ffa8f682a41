/** SortieBuilder: samples committed whole, handed over in order by take and finish, with or without path columns. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SortieBuilder, sortieColumns } from '../src/index.js';

const species = [
  { key: 'acetone', chemical: 'ACETONE', molarMassGmol: 58.08, unit: 'ppm' as const },
  { key: 'hcl', chemical: 'HYDROGEN CHLORIDE', molarMassGmol: 36.46, unit: 'mgm3' as const },
];

function fill(b: SortieBuilder, i: number): void {
  const n = b.next;
  n.timeS = 1000 + i; n.lat = 19 + i / 100; n.lon = -99 - i / 100; n.altAglM = 30 + i; n.windU = i; n.windV = -i; n.stability = i % 6;
  n.tempC = 20; n.pressureHpa = 1000; n.endLat = i % 2 === 0 ? NaN : 19.5; n.endLon = i % 2 === 0 ? NaN : -99.5; n.endAltAglM = i % 2 === 0 ? NaN : 40;
  n.kgM3[0] = i * 1e-6; n.kgM3[1] = -i * 1e-7;
  b.commit();
}

test('take then finish hand over every sample once, in order, equal to one finish of the same samples', () => {
  const whole = new SortieBuilder(species, { pathIntegrated: true });
  const parts = new SortieBuilder(species, { pathIntegrated: true });
  for (let i = 0; i < 2500; i++) {
    fill(whole, i);
    fill(parts, i);
  }
  const first = parts.take(1200);
  assert.equal(first.count, 1200);
  assert.equal(parts.count, 1300);
  const rest = parts.finish();
  const all = whole.finish();
  assert.equal(all.count, 2500);
  for (const [[name, a], [, x], [, y]] of sortieColumns(all).map((c, k) => [c, sortieColumns(first)[k]!, sortieColumns(rest)[k]!] as const)) {
    assert.deepEqual(Array.from(a), [...Array.from(x), ...Array.from(y)], name);
  }
  assert.deepEqual(all.species.map((s) => [s.key, s.chemical, s.unit]), [['acetone', 'ACETONE', 'ppm'], ['hcl', 'HYDROGEN CHLORIDE', 'mgm3']]);
  assert.ok(Number.isNaN(all.endLat![0]!) && all.endLat![1] === 19.5, 'NaN in point samples, the end in path samples');
  assert.equal(all.stability[7], 1);
});

test('without path columns the sortie has no end columns; an empty builder takes an empty sortie', () => {
  const b = new SortieBuilder(species);
  assert.equal(b.take().count, 0);
  fill(b, 3);
  const s = b.finish();
  assert.equal(s.endLat, undefined);
  assert.deepEqual(Array.from(s.species[1]!.kgM3), [-3e-7]);
});
