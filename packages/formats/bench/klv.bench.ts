/**
 * KLV decoding throughput, packets/s and MB/s, on the standard's two sample
 * ST 0601 packets (114 and 228 bytes, alternating), on a seeded stream of
 * full-motion-video packets as a drone writes them (time stamp, platform
 * attitude, sensor position and pointing, frame centre, full corners,
 * nested security set: about 260 bytes each), and on the ST 0903 VMTI
 * capture. 1,000,000 packets a run (a 10,000-packet buffer decoded 100
 * times), 2 warm-ups, REPS timed runs; min, median and max are printed.
 *
 * The peer is the copy a demuxer does anyway (what `ffmpeg -c copy`
 * costs per byte): `slice()` of every packet, measured in the same run on
 * the same bytes, and the framing alone (key and BER length).
 *
 *   npm run bench -- klv          (or: node packages/formats/dist/bench/klv.bench.js [reps])
 */
import { arch, cpus, platform, release, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import { createRng } from '@nariz/core';
import { KlvStreamParser, decodeSt0601, decodeSt0903, encodeSt0601Fields, splitKlv, uasView, vmtiView, type KlvFrame } from '../src/index.js';

const REPS = Number(process.argv[2] ?? 7);
const PACKETS_PER_BUFFER = 10_000;
const PASSES = 100;
const data = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../../../../shared/data/klv/${name}`, import.meta.url)));

function repeat(packets: readonly Uint8Array[], n: number): Uint8Array {
  const total = Array.from({ length: n }, (_, i) => packets[i % packets.length]!.length).reduce((s, x) => s + x, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const p = packets[i % packets.length]!;
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Seeded packets of a drone's flight, the items an FMV encoder sends every frame. */
function flightPackets(n: number): Uint8Array[] {
  const rng = createRng(0x0601);
  const out: Uint8Array[] = [];
  let lat = 19.43;
  let lon = -99.13;
  for (let i = 0; i < n; i++) {
    lat += rng.uniform(-1e-5, 1e-5);
    lon += rng.uniform(-1e-5, 1e-5);
    const c = (dl: number, dn: number) => ({ lat: lat + dl, lon: lon + dn });
    const [p1, p2, p3, p4] = [c(0.01, -0.01), c(0.01, 0.01), c(-0.01, 0.01), c(-0.01, -0.01)];
    out.push(encodeSt0601Fields({
      precisionTimeStampUs: 1_767_000_000_000_000 + i * 33_367, missionId: 'NARIZ-SIM', platformTailNumber: 'NZ-01', platformDesignation: 'Quad',
      platformHeadingDeg: rng.uniform(0, 360), platformPitchDeg: rng.uniform(-10, 10), platformRollDeg: rng.uniform(-20, 20),
      platformTrueAirspeedMps: 12, imageSourceSensor: 'EO', imageCoordinateSystem: 'Geodetic WGS84',
      sensorLatDeg: lat, sensorLonDeg: lon, sensorTrueAltitudeM: 120 + rng.uniform(-2, 2), sensorHfovDeg: 40, sensorVfovDeg: 22.5,
      sensorRelAzimuthDeg: rng.uniform(0, 360), sensorRelElevationDeg: rng.uniform(-90, 0), sensorRelRollDeg: 0, slantRangeM: rng.uniform(100, 400),
      targetWidthM: 150, frameCenterLatDeg: lat + 1e-3, frameCenterLonDeg: lon + 1e-3, frameCenterElevationM: 2240,
      cornerLat1Deg: p1.lat, cornerLon1Deg: p1.lon, cornerLat2Deg: p2.lat, cornerLon2Deg: p2.lon, cornerLat3Deg: p3.lat, cornerLon3Deg: p3.lon, cornerLat4Deg: p4.lat, cornerLon4Deg: p4.lon,
      sensorEllipsoidHeightExtendedM: 2360, platformCourseDeg: rng.uniform(0, 360), altitudeAglM: 120,
      securityLocalSet: { classification: 1, classifyingCountryCodingMethod: 13, classifyingCountry: '//MX', objectCountryCodingMethod: 13, objectCountryCodes: 'MX', version: 12 },
    }));
  }
  return out;
}

interface Row { readonly label: string; readonly packets: number; readonly bytes: number; readonly fn: () => number }

function time(row: Row): number {
  let sink = 0;
  for (let w = 0; w < 2; w++) sink += row.fn();
  const secs: number[] = [];
  for (let r = 0; r < REPS; r++) {
    const t0 = process.hrtime.bigint();
    sink += row.fn();
    secs.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  secs.sort((a, b) => a - b);
  const median = secs[Math.floor(secs.length / 2)]!;
  const rate = (s: number): string => `${(row.packets / s / 1e6).toFixed(2)} M`;
  console.log(
    `${row.label.padEnd(56)} packets/s median ${rate(median)} (min ${rate(secs[secs.length - 1]!)}, max ${rate(secs[0]!)})  ` +
      `${(row.bytes / median / 1e6).toFixed(0).padStart(5)} MB/s   sink ${sink % 997}`,
  );
  return row.packets / median;
}

function passes(fn: () => number): () => number {
  return () => {
    let n = 0;
    for (let i = 0; i < PASSES; i++) n += fn();
    return n;
  };
}

function suite(title: string, buffer: Uint8Array, decode: (b: Uint8Array, f: KlvFrame) => number): void {
  const frames = splitKlv(buffer);
  const packets = frames.length * PASSES;
  const bytes = buffer.length * PASSES;
  console.log(`\n${title}: ${frames.length.toLocaleString('en')} packets, ${(buffer.length / 1e6).toFixed(2)} MB a pass, ${PASSES} passes a run`);
  const copy = time({ label: 'peer: slice() every packet (the copy a demuxer makes)', packets, bytes, fn: passes(() => {
    let s = 0;
    for (const f of frames) s += buffer.slice(f.start, f.end).length;
    return s;
  }) });
  time({ label: 'nariz splitKlv (key and BER length only)', packets, bytes, fn: passes(() => splitKlv(buffer).length) });
  const ours = time({ label: 'nariz decode (items, flags, checksum)', packets, bytes, fn: passes(() => {
    let s = 0;
    for (const f of frames) s += decode(buffer, f);
    return s;
  }) });
  time({ label: 'nariz KlvStreamParser, 184-byte pieces (TS payloads)', packets, bytes, fn: passes(() => {
    const parser = new KlvStreamParser();
    let n = 0;
    for (let p = 0; p < buffer.length; p += 184) n += parser.push(buffer.subarray(p, p + 184)).length;
    return n + parser.end().length;
  }) });
  console.log(`decode / copy: ${(copy / ours).toFixed(1)} × slower than the copy`);
}

const cpu = cpus();
console.log(`node ${process.version}, ${platform()} ${release()} ${arch()}, ${cpu.length} × ${cpu[0]?.model ?? 'cpu?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${REPS} runs after 2 warm-ups`);

const samples = repeat([data('st0601-sample-114.bin'), data('st0601-sample-228.bin')], PACKETS_PER_BUFFER);
suite('ST 0601 samples (114 and 228 bytes, alternating)', samples, (b, f) => decodeSt0601(b, { offset: f.start }).items.length);

const flight = repeat(flightPackets(1000), PACKETS_PER_BUFFER);
suite('ST 0601 drone flight (seeded, 36 items with a nested ST 0102 set)', flight, (b, f) => decodeSt0601(b, { offset: f.start }).items.length);
time({ label: 'nariz decode + uasView (the platform\'s typed view)', packets: splitKlv(flight).length * PASSES, bytes: flight.length * PASSES, fn: passes(() => {
  let s = 0;
  for (const f of splitKlv(flight)) s += uasView(decodeSt0601(flight, { offset: f.start })).sensorLatDeg! > 0 ? 1 : 2;
  return s;
}) });

const vmti = repeat(splitKlv(data('st0903-vmti-650.bin')).map((f) => data('st0903-vmti-650.bin').slice(f.start, f.end)), PACKETS_PER_BUFFER);
suite('ST 0903 VMTI capture (130-byte packets, two targets each)', vmti, (b, f) => decodeSt0903(b, { offset: f.start }).items.length);
time({ label: 'nariz decode + vmtiView (targets by name, rows and columns)', packets: splitKlv(vmti).length * PASSES, bytes: vmti.length * PASSES, fn: passes(() => {
  let s = 0;
  for (const f of splitKlv(vmti)) s += vmtiView(decodeSt0903(vmti, { offset: f.start })).targets.length;
  return s;
}) });
