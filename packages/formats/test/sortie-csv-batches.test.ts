/**
 * The batch reader: for any batch size and any chunking, the batches put
 * together are exactly what the whole-file reader returns (time-ordered
 * input), every batch but the last is full, bad rows fail at the same line
 * and column, and a file whose time goes backwards is reported, kept in
 * file order.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { concatSorties, createRng, sortieColumns, sortieShape, type Sortie } from '@nariz/core';
import { parseSortieCsv, readSortieCsvBatches, writeSortieCsv } from '../src/index.js';
import { randomSortie } from './sortie-factory.js';

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

function assertSame(a: Sortie, b: Sortie): void {
  assert.equal(a.count, b.count);
  const ca = sortieColumns(a);
  const cb = sortieColumns(b);
  assert.deepEqual(ca.map(([n]) => n), cb.map(([n]) => n));
  ca.forEach(([name, x], c) => {
    for (let i = 0; i < a.count; i++) if (!Object.is(x[i], cb[c]![1][i])) assert.fail(`${name}[${i}]: ${x[i]} vs ${cb[c]![1][i]}`);
  });
}

test('batches put together are the whole-file read, for any batch size and chunking', async () => {
  const rng = createRng(17);
  for (let trial = 0; trial < 12; trial++) {
    const s = randomSortie(rng, { count: 1 + Math.floor(rng.uniform(0, 400)), withEnd: trial % 3 === 0 });
    const bytes = new TextEncoder().encode(writeSortieCsv(s));
    const whole = parseSortieCsv(new TextDecoder().decode(bytes)).sortie;
    for (const batchRows of [1, 7, 64, 1000]) {
      const got: Sortie[] = [];
      const r = await readSortieCsvBatches(chunked(bytes, 1 + Math.floor(rng.uniform(0, 5000))), { batchRows }, (b) => {
        got.push(b);
      });
      assert.equal(r.samples, whole.count);
      assert.equal(r.batches, got.length);
      got.slice(0, -1).forEach((b) => assert.equal(b.count, batchRows, 'every batch but the last is full'));
      assert.ok(got[got.length - 1]!.count <= batchRows);
      assertSame(concatSorties(got, sortieShape(whole)), whole);
    }
  }
});

test('bad rows fail where the whole-file reader fails; backwards time is reported and kept in file order', async () => {
  const header = 'time,lat,lon,alt_agl_m,wind_u_mps,wind_v_mps,acetone_ppb';
  const rows = Array.from({ length: 30 }, (_, i) => `${1.7e9 + i},52,5,15,3,0,${i}`);
  rows[20] = rows[20]!.replace(',52,', ',north,');
  const bad = [header, ...rows].join('\n');
  const handed: number[] = [];
  await assert.rejects(
    // One line per chunk: the batches before the bad row are read and handed over first.
    readSortieCsvBatches(bad.split('\n').map((l) => `${l}\n`), { batchRows: 8, fileName: 'b.csv' }, (b) => {
      handed.push(b.count);
    }),
    /b\.csv, line 22, column "lat"/,
  );
  assert.deepEqual(handed, [8, 8], 'the batches before the bad row were handed over');
  const back = [header, ...Array.from({ length: 10 }, (_, i) => `${1.7e9 + (i === 5 ? 0 : i)},52,5,15,3,0,${i}`)].join('\n');
  const got: Sortie[] = [];
  const r = await readSortieCsvBatches([back], { batchRows: 4 }, (b) => {
    got.push(b);
  });
  assert.match(r.warnings.find((w) => w.code === 'CSV_UNSORTED_TIME')?.message ?? '', /kept in file order/);
  assert.deepEqual(Array.from(concatSorties(got, sortieShape(got[0]!)).species[0]!.kgM3.map((_, i) => i)), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  await assert.rejects(readSortieCsvBatches([header], { batchRows: 4 }, () => undefined), /no sample rows/);
  await assert.rejects(readSortieCsvBatches([''], { batchRows: 0 }, () => undefined), /batchRows/);
});
