/**
 * Seeded fuzzing: valid sortie CSVs are mutated (bytes flipped, inserted,
 * deleted; lines duplicated, swapped, dropped; text truncated) and read. The
 * reader must either return a sortie that keeps every invariant of the
 * `Sortie` type or throw a NarizError; any other exception is a bug. When
 * the mutated bytes are valid UTF-8 the streaming reader, fed random chunk
 * sizes, must reach the same outcome as the string reader.
 * A failure message names the iteration; rerun with that seed to reproduce.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { NarizError, STABILITY_UNKNOWN, createRng, type Rng } from '@nariz/core';
import { parseSortieCsv, readSortieCsvStream, writeSortieCsv, type ReadSortieResult } from '../src/index.js';
import { randomSortie, sortieColumns } from './sortie-factory.js';

const ITERATIONS = 2500;
const SEED = 0x5eed;
const GOLDEN = readFileSync(new URL('../../test/in/golden-sortie.csv', import.meta.url));

/** Bytes that matter to the grammar, plus UTF-8 lead/continuation bytes and junk. */
const INTERESTING = [...',"\n\r -+.eE0123456789ZT:xAF'].map((c) => c.charCodeAt(0)).concat([0x00, 0x80, 0xbf, 0xc3, 0xe2, 0xf0, 0xff, 0xef, 0xbb]);

function mutate(rng: Rng, src: Uint8Array): Uint8Array {
  let b = Array.from(src);
  const rounds = rng.int(1, 4);
  for (let r = 0; r < rounds; r++) {
    const at = rng.int(0, Math.max(0, b.length - 1));
    switch (rng.int(0, 7)) {
      case 0: b[at] = rng.int(0, 255); break;
      case 1: b.splice(at, 0, rng.pick(INTERESTING)); break;
      case 2: b.splice(at, rng.int(1, 3)); break;
      case 3: b = b.slice(0, rng.int(0, b.length)); break;
      case 4: b[at] = rng.pick(INTERESTING); break;
      default: {
        const lines = Buffer.from(b).toString('latin1').split('\n');
        const i = rng.int(0, lines.length - 1);
        const j = rng.int(0, lines.length - 1);
        const op = rng.int(0, 2);
        if (op === 0) lines.splice(j, 0, lines[i]!);
        else if (op === 1) [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        else lines.splice(i, 1);
        b = Array.from(Buffer.from(lines.join('\n'), 'latin1'));
      }
    }
  }
  return Uint8Array.from(b);
}

function checkInvariants(r: ReadSortieResult, where: string): void {
  const s = r.sortie;
  assert.ok(s.count >= 1, where);
  assert.equal(r.rowsRead - r.rowsSkipped, s.count, where);
  for (const [name, xs] of sortieColumns(s)) {
    assert.equal(xs.length, s.count, `${where}: ${name} length`);
    const isEnd = name.startsWith('end');
    for (let i = 0; i < s.count; i++) {
      const x = xs[i]!;
      if (isEnd && Number.isNaN(x)) continue;
      assert.ok(Number.isFinite(x), `${where}: ${name}[${i}] = ${x}`);
    }
  }
  for (let i = 0; i < s.count; i++) {
    const st = s.stability[i]!;
    assert.ok(st <= 5 || st === STABILITY_UNKNOWN, `${where}: stability ${st}`);
    assert.ok(s.lat[i]! >= -90 && s.lat[i]! <= 90 && s.altAglM[i]! >= 0, where);
    if (i > 0) assert.ok(s.timeS[i]! >= s.timeS[i - 1]!, `${where}: time order at ${i}`);
    if (s.endLat !== undefined) {
      const nan = [s.endLat[i]!, s.endLon![i]!, s.endAltAglM![i]!].map(Number.isNaN);
      assert.ok(nan.every((x) => x) || nan.every((x) => !x), `${where}: partial end triple at ${i}`);
    }
  }
}

type Outcome = { ok: true; result: ReadSortieResult } | { ok: false; code: string; message: string };

function outcomeOf(fn: () => ReadSortieResult, where: string): Outcome {
  try {
    return { ok: true, result: fn() };
  } catch (e) {
    if (!(e instanceof NarizError)) assert.fail(`${where}: threw ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e)}`);
    return { ok: false, code: e.code, message: e.message };
  }
}

async function* randomChunks(rng: Rng, bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length;) {
    const n = rng.int(1, 64);
    yield bytes.subarray(i, i + n);
    i += n;
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
function isValidUtf8(b: Uint8Array): boolean {
  try {
    strictUtf8.decode(b);
    return true;
  } catch {
    return false;
  }
}

test(`fuzz: ${ITERATIONS} mutated CSVs either read with all invariants or throw NarizError`, async () => {
  const rng = createRng(SEED);
  const seeds: Uint8Array[] = [GOLDEN];
  for (let k = 0; k < 12; k++) {
    const s = randomSortie(rng, { count: rng.int(1, 8) });
    seeds.push(Buffer.from(writeSortieCsv(s, { windAs: k % 2 === 0 ? 'uv' : 'speed-dir', timeAs: k % 3 === 0 ? 'iso' : 'unix' })));
  }
  let accepted = 0;
  let rejected = 0;
  for (let it = 0; it < ITERATIONS; it++) {
    const bytes = mutate(rng, rng.pick(seeds));
    const lenient = it % 2 === 1;
    const where = `iteration ${it} (lenient ${lenient}) input ${JSON.stringify(Buffer.from(bytes).toString('utf8').slice(0, 400))}`;
    const text = Buffer.from(bytes).toString('utf8');
    const fromString = outcomeOf(() => parseSortieCsv(text, { lenient }), where);
    if (fromString.ok) {
      checkInvariants(fromString.result, where);
      accepted++;
    } else rejected++;
    if (isValidUtf8(bytes)) {
      let fromStream: Outcome;
      try {
        fromStream = { ok: true, result: await readSortieCsvStream(randomChunks(rng, bytes), { lenient }) };
      } catch (e) {
        if (!(e instanceof NarizError)) assert.fail(`${where}: stream threw ${String(e)}`);
        fromStream = { ok: false, code: e.code, message: e.message };
      }
      assert.deepEqual(fromStream, fromString, `${where}: stream and string readers disagree`);
    }
  }
  // A fuzzer that only ever hits one branch tests little: both must be common.
  assert.ok(accepted > ITERATIONS / 10 && rejected > ITERATIONS / 10, `accepted ${accepted}, rejected ${rejected}`);
});

test('fuzz: random printable garbage never escapes as a non-Nariz exception', () => {
  const rng = createRng(SEED + 1);
  const alphabet = 'time,lat,lon,alt_agl_m,wind_u_mps,wind_v_mps,acetone_ppb,end_lat,end_lon,end_alt_agl_m,stability\n\r",.-e0123456789 ZT:';
  for (let it = 0; it < 500; it++) {
    let text = 'time,lat,lon,alt_agl_m,wind_u_mps,wind_v_mps,acetone_ppb\n';
    const n = rng.int(0, 300);
    for (let i = 0; i < n; i++) text += alphabet[rng.int(0, alphabet.length - 1)];
    const out = outcomeOf(() => parseSortieCsv(text, { lenient: it % 2 === 0 }), `garbage ${it}: ${JSON.stringify(text)}`);
    if (out.ok) checkInvariants(out.result, `garbage ${it}`);
  }
});
