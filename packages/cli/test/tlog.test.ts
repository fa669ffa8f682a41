import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeFrame, MSG, parseSortieCsv, tlogRecord, type FieldValue } from '@nariz/formats';
import { nariz, withTmp } from './run-cli.js';

const DATA = (name: string): string => fileURLToPath(new URL(`../../../../../shared/data/mavlink/${name}`, import.meta.url));
const VTOL = DATA('vtol.tlog');
const V2 = DATA('mavlink-v2-3412-packets.bin');

interface TlogJson {
  packets: number; v1: number; v2: number; crc_errors: number; unknown_ids: number; dropped_bytes: number;
  messages: Array<{ id: number; name: string; count: number }>;
  unknown_messages: Array<{ id: number; count: number }>;
  vehicle: { sysid: number; fixes: number; time_base: string | null; start: string | null; track_km: number; max_speed_mps: number } | null;
  gas: { samples: number; species: Array<{ key: string; unit: string }>; readings: number } | null;
  out: string | null;
  warnings: Array<{ code: string; message: string; count: number }>;
}

/** 20 s of a vehicle flying east with NAMED_VALUE_FLOAT hcl/acet at 2 Hz and toluene in a DEBUG_FLOAT_ARRAY. */
function gasTlog(): Uint8Array {
  const t0Us = 1_772_366_400_000_000;
  const boot0 = 50_000;
  const parts: Uint8Array[] = [];
  let seq = 0;
  const put = (bootMs: number, msgid: number, fields: Record<string, FieldValue>): void => {
    parts.push(tlogRecord(t0Us + (bootMs - boot0) * 1000 + 20_000, encodeFrame(msgid, fields, { seq: seq++ & 0xff })));
  };
  for (let t = boot0; t <= boot0 + 20_000; t += 250) {
    put(t, MSG.GLOBAL_POSITION_INT, { time_boot_ms: t, lat: 194_326_000, lon: -991_332_000 + (t - boot0), alt: 2_270_000, relative_alt: 40_000 });
    put(t, MSG.WIND, { direction: 90, speed: 3 });
    if (t % 1000 === 0) put(t, MSG.SYSTEM_TIME, { time_unix_usec: BigInt(t0Us + (t - boot0) * 1000), time_boot_ms: t });
    if (t % 500 === 0 && t < boot0 + 20_000) {
      put(t + 100, MSG.NAMED_VALUE_FLOAT, { time_boot_ms: t + 100, name: 'hcl_ppb', value: 1.5 });
      put(t + 100, MSG.NAMED_VALUE_FLOAT, { time_boot_ms: t + 100, name: 'acet_ppb', value: 20 });
      put(t + 100, MSG.DEBUG_FLOAT_ARRAY, { time_usec: BigInt((t + 100) * 1000), array_id: 4, name: 'GAS', data: [7.25] });
    }
  }
  return new Uint8Array(Buffer.concat(parts));
}

test('tlog --json on vtol.tlog: every packet, no damage, the track, no gas', () => {
  const r = nariz('tlog', VTOL, '--json');
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout) as TlogJson;
  assert.deepEqual([j.packets, j.v1, j.v2, j.crc_errors, j.unknown_ids, j.dropped_bytes], [23_894, 23_894, 0, 0, 0, 0]);
  assert.equal(j.messages.find((m) => m.name === 'GLOBAL_POSITION_INT')?.count, 807);
  assert.equal(j.messages.reduce((n, m) => n + m.count, 0), 23_894);
  assert.equal(j.vehicle!.sysid, 1);
  assert.equal(j.vehicle!.fixes, 804);
  assert.equal(j.vehicle!.time_base, 'system_time');
  assert.equal(j.vehicle!.start, '2018-08-08T14:05:45.465Z');
  assert.ok(j.vehicle!.track_km > 1 && j.vehicle!.track_km < 3 && j.vehicle!.max_speed_mps < 60);
  assert.equal(j.gas, null);
  assert.ok(j.warnings.some((w) => w.code === 'MAVLINK_NO_GAS'));
});

test('tlog on vtol.tlog prints the table; --out without gas readings is exit 2 and writes nothing', () => {
  const r = nariz('tlog', VTOL);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /vtol\.tlog: 957,331 bytes, 23,894 MAVLink packets \(v1 23,894, v2 0, signed 0\)/);
  assert.match(r.stdout, /checksum errors 0, unknown ids 0, dropped 0 bytes in 0 places/);
  assert.match(r.stdout, /time 2018-08-08T14:05:45\.465Z … 2018-08-08T14:09:13\.877Z \(208\.4 s, time base SYSTEM_TIME\)/);
  assert.match(r.stdout, /gas: none/);
  withTmp((dir) => {
    const out = join(dir, 'sortie.csv');
    const w = nariz('tlog', VTOL, '--out', out);
    assert.equal(w.code, 2);
    assert.match(w.stderr, /nariz tlog: NARIZ_MAVLINK: .*vtol\.tlog: no sortie to write to .*sortie\.csv: system 1 sent no gas readings/);
    assert.equal(existsSync(out), false);
  });
});

test('tlog --raw on the MAVLink 2 capture: 3,398 verified + 14 unknown-id packets; without --raw, a hint', () => {
  const r = nariz('tlog', V2, '--raw', '--json');
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout) as TlogJson;
  assert.deepEqual([j.packets, j.v2, j.unknown_ids, j.crc_errors, j.dropped_bytes], [3398, 3398, 14, 0, 0]);
  assert.deepEqual(j.unknown_messages, [{ id: 8, count: 10 }, { id: 411, count: 4 }]);
  assert.equal(j.vehicle!.time_base, null);
  const t = nariz('tlog', V2);
  assert.equal(t.code, 0, t.stderr);
  assert.match(t.stderr, /TLOG_NO_RECORDS: .*read it with --raw/);
});

test('tlog --out with gas readings and a sensor map writes a sortie CSV the reader accepts', () => {
  withTmp((dir) => {
    const log = join(dir, 'gas.tlog');
    const map = join(dir, 'map.json');
    const out = join(dir, 'sortie.csv');
    writeFileSync(log, gasTlog());
    writeFileSync(map, JSON.stringify({ version: 1, debug_float_array: { name: 'GAS', arrays: { '4': ['tolu_ppb'] } } }));
    const r = nariz('tlog', log, '--sensor-map', map, '--out', out, '--json');
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout) as TlogJson;
    assert.equal(j.gas!.samples, 40);
    assert.deepEqual(j.gas!.species.map((s) => `${s.key}_${s.unit}`), ['hcl_ppb', 'acetone_ppb', 'toluene_ppb']);
    assert.equal(j.out, out);
    const back = parseSortieCsv(readFileSync(out, 'utf8'), { fileName: out });
    assert.equal(back.sortie.count, 40);
    assert.deepEqual(readFileSync(out, 'utf8').split('\n')[0], 'time,lat,lon,alt_agl_m,wind_u_mps,wind_v_mps,temp_c,pressure_hpa,stability,hcl_ppb,acetone_ppb,toluene_ppb');
    // WIND from 90° (east) at 3 m/s: the air moves west.
    assert.ok(back.sortie.windU.every((u) => Math.abs(u + 3) < 1e-12));
    assert.ok(back.sortie.altAglM.every((a) => Math.abs(a - 40) < 1e-9));
    // Without the map the toluene array is ignored (with a warning) and two species remain.
    const plain = nariz('tlog', log, '--json');
    const pj = JSON.parse(plain.stdout) as TlogJson;
    assert.deepEqual(pj.gas!.species.map((s) => s.key), ['hcl', 'acetone']);
    assert.ok(pj.warnings.some((w) => w.code === 'MAVLINK_DEBUG_ARRAY_IGNORED'));
  });
});

test('a tlog cut inside a record is exit 2 naming the byte; --lenient reads it with a warning; usage errors are exit 2', () => {
  withTmp((dir) => {
    const cut = join(dir, 'cut.tlog');
    const bytes = readFileSync(VTOL);
    writeFileSync(cut, bytes.subarray(0, bytes.length - 10));
    const r = nariz('tlog', cut);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^nariz tlog: NARIZ_MAVLINK: .*cut\.tlog, byte \d+: the file ends inside a record/);
    const l = nariz('tlog', cut, '--lenient', '--json');
    assert.equal(l.code, 0, l.stderr);
    const j = JSON.parse(l.stdout) as TlogJson;
    assert.equal(j.packets, 23_893);
    assert.ok(j.warnings.some((w) => w.code === 'TLOG_TRUNCATED'));
  });
  const none = nariz('tlog');
  assert.equal(none.code, 2);
  assert.match(none.stderr, /NARIZ_USAGE: tlog takes exactly one telemetry file/);
  const sysid = nariz('tlog', VTOL, '--sysid', '0');
  assert.equal(sysid.code, 2);
  assert.match(sysid.stderr, /--sysid/);
  const absent = nariz('tlog', VTOL, '--sysid', '7');
  assert.equal(absent.code, 2);
  assert.match(absent.stderr, /no position or gas reading from system 7; systems in the input: 1/);
  const missing = nariz('tlog', '/nonexistent.tlog');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /NARIZ_IO/);
});
