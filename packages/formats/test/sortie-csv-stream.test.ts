import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng, isNarizError } from '@nariz/core';
import { parseSortieCsv, readSortieCsvFile, readSortieCsvStream, writeSortieCsv, type ReadSortieResult } from '../src/index.js';
import { randomSortie } from './sortie-factory.js';

/**
 * Every awkward thing a chunk boundary can split: a BOM, CRLF pairs, a quoted
 * cell with a comma, a doubled quote and a line break, 2-, 3- and 4-byte UTF-8
 * characters (which only survive decoding if split bytes are rejoined; the
 * lenient warning quotes them back, so a bad join shows up in the result).
 */
const TRICKY = '\uFEFFtime,lat,lon,alt_agl_m,wind_u_mps,wind_v_mps,stability,acetone_ppb,note\r\n' +
  '2026-03-01T12:00:00Z,1,2,3,4,5,a,6,"é, ""x""\r\nsegunda línea"\r\n' +
  '\r\n' +
  '1772366401,1,2,3,4,5,€,6,\r\n' +
  '1772366402,1,2,3,4,5,😀,6,ñ\r\n' +
  '1772366403,1.5,2,3,4,5,,7,"z"';

const OPTS = { lenient: true, fileName: 'tricky.csv' } as const;

async function* chunked(bytes: Uint8Array, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    yield bytes.subarray(from, cut);
    from = cut;
  }
}

function expected(): ReadSortieResult {
  const r = parseSortieCsv(TRICKY, OPTS);
  // Guard the fixture itself: two rows rejected for their multi-byte stability cells.
  assert.equal(r.sortie.count, 2);
  assert.deepEqual(r.sortie.lat, Float64Array.of(1, 1.5));
  const stability = r.warnings.find((w) => w.code === 'NARIZ_CSV_VALUE');
  assert.equal(stability?.count, 2);
  assert.deepEqual(stability.exampleLines, [5, 6]);
  assert.match(stability.message, /line 5, column "stability": "€" is not a Pasquill/);
  return r;
}

test('stream reader equals string reader for a split at every byte position', async () => {
  const want = expected();
  const bytes = new TextEncoder().encode(TRICKY);
  for (let cut = 0; cut <= bytes.length; cut++) {
    assert.deepEqual(await readSortieCsvStream(chunked(bytes, [cut]), OPTS), want, `cut at ${cut}`);
  }
});

test('stream reader equals string reader for every fixed chunk size 1..N bytes', async () => {
  const want = expected();
  const bytes = new TextEncoder().encode(TRICKY);
  for (let size = 1; size <= bytes.length; size++) {
    const cuts: number[] = [];
    for (let c = size; c < bytes.length; c += size) cuts.push(c);
    assert.deepEqual(await readSortieCsvStream(chunked(bytes, cuts), OPTS), want, `chunk size ${size}`);
  }
});

test('stream reader accepts string chunks split anywhere, including between CR and LF', async () => {
  const want = expected();
  for (let size = 1; size <= 7; size++) {
    const parts: string[] = [];
    for (let i = 0; i < TRICKY.length; i += size) parts.push(TRICKY.slice(i, i + size));
    assert.deepEqual(await readSortieCsvStream(parts, OPTS), want, `string chunk size ${size}`);
  }
});

test('file reader streams a multi-chunk file (> 1 MiB) and matches the string reader', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nariz-formats-'));
  try {
    const sortie = randomSortie(createRng(7), { count: 12000, withEnd: true });
    const text = writeSortieCsv(sortie, { timeAs: 'iso' });
    assert.ok(text.length > 1 << 20, 'fixture must span several read chunks');
    const path = join(dir, 'big.csv');
    writeFileSync(path, text);
    const fromFile = await readSortieCsvFile(path);
    assert.deepEqual(fromFile, parseSortieCsv(text, { fileName: path }));
    assert.equal(fromFile.sortie.count, 12000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('file reader: a missing file is NARIZ_IO naming the path; errors carry the path as file name', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nariz-formats-'));
  try {
    const missing = join(dir, 'nope.csv');
    await assert.rejects(readSortieCsvFile(missing), (e) => isNarizError(e, 'NARIZ_IO') && e.message.includes(missing));
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'time,lat,lon,alt_agl_m,wind_u_mps,wind_v_mps,acetone_ppb\n0,0,0,0,0,0,oops\n');
    await assert.rejects(readSortieCsvFile(bad), (e) => isNarizError(e, 'NARIZ_CSV_VALUE') && e.message.startsWith(`${bad}, line 2, column "acetone_ppb"`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
