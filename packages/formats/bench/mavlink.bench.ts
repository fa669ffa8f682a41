/**
 * MAVLink telemetry throughput, packets per second, on the real logs in
 * ../shared/data/mavlink (vtol.tlog: 23,894 packets; the raw v2 capture:
 * 3,412). Each contestant reads the same bytes already in memory; 2
 * warm-up runs, then REPS timed runs; min, median and max are printed.
 * The peer is node-mavlink's own pipeline (its splitter, then its parser,
 * through Node streams), measured in the same run. Like `readTlog`, its
 * parser frames packets and checks them without decoding fields; the
 * decode and assembly rows show what the rest of the chain costs.
 *
 *   npm run bench -- mavlink     (or: node packages/formats/dist/bench/mavlink.bench.js [reps])
 */
import { readFileSync } from 'node:fs';
import { arch, cpus, platform, release, totalmem } from 'node:os';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { MavLinkPacketParser, MavLinkPacketSplitter, MavLinkTLogPacketSplitter, type MavLinkPacket } from 'node-mavlink';
import { MavlinkDecoder, TlogDecoder, decodeTelemetryMessage, readTlog, tlogToSortie } from '../src/index.js';

const REPS = Number(process.argv[2] ?? 15);
const data = (name: string): Uint8Array => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../../../shared/data/mavlink/${name}`, import.meta.url))));
const vtol = data('vtol.tlog');
const v2 = data('mavlink-v2-3412-packets.bin');

/** node-mavlink: splitter + parser through streams, as its examples read a tlog. Resolves with the packet count. */
function nodeMavlink(bytes: Uint8Array, tlog: boolean, parse: boolean): Promise<number> {
  const splitter = tlog ? new MavLinkTLogPacketSplitter() : new MavLinkPacketSplitter();
  let n = 0;
  let sink = 0;
  return new Promise((resolve, reject) => {
    const source = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]).pipe(splitter);
    const out = parse ? source.pipe(new MavLinkPacketParser()) : source;
    out.on('data', (p: MavLinkPacket | { buffer: Buffer }) => {
      n++;
      sink += 'header' in p ? p.header.msgid : p.buffer.length;
    }).on('error', reject).on('end', () => resolve(n + (sink & 0)));
  });
}

function chunked(make: () => { push(c: Uint8Array): unknown[]; end(): unknown[] }, bytes: Uint8Array, size: number): number {
  const d = make();
  let n = 0;
  for (let p = 0; p < bytes.length; p += size) n += d.push(bytes.subarray(p, p + size)).length;
  return n + d.end().length;
}

async function time(label: string, packets: number, fn: () => Promise<number> | number): Promise<number> {
  let sink = 0;
  for (let w = 0; w < 2; w++) sink += await fn();
  const rates: number[] = [];
  for (let r = 0; r < REPS; r++) {
    const t0 = process.hrtime.bigint();
    sink += await fn();
    rates.push(packets / (Number(process.hrtime.bigint() - t0) / 1e9));
  }
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)]!;
  const k = (x: number): string => `${(x / 1e6).toFixed(2)} M`;
  console.log(`${label.padEnd(58)} packets/s median ${k(median)}  (min ${k(rates[0]!)}, max ${k(rates[rates.length - 1]!)})   sink ${sink % 997}`);
  return median;
}

const cpu = cpus();
console.log(`node ${process.version}, ${platform()} ${release()} ${arch()}, ${cpu.length} × ${cpu[0]?.model ?? 'cpu?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${REPS} runs after 2 warm-ups`);
console.log(`vtol.tlog: ${vtol.length} bytes, 23,894 packets (MAVLink 1)`);
const tlogPackets = readTlog(vtol).stats.packets;
const ours = await time('nariz readTlog (framing, CRC, frames)', tlogPackets, () => readTlog(vtol).frames.length);
await time('nariz TlogDecoder, 64 KiB chunks', tlogPackets, () => chunked(() => new TlogDecoder(), vtol, 65536));
await time('nariz readTlog + decode the messages Nariz reads', tlogPackets, () => {
  let n = 0;
  for (const f of readTlog(vtol).frames) if (decodeTelemetryMessage(f) !== undefined) n++;
  return n;
});
await time('nariz tlogToSortie (frames → track, assembler)', tlogPackets, () => tlogToSortie(vtol).track.count);
const peer = await time('node-mavlink TLog splitter + parser (streams)', tlogPackets, () => nodeMavlink(vtol, true, true));
await time('node-mavlink TLog splitter only', tlogPackets, () => nodeMavlink(vtol, true, false));
console.log(`readTlog / node-mavlink pipeline: ${(ours / peer).toFixed(1)} ×`);

console.log(`\nmavlink-v2-3412-packets.bin: ${v2.length} bytes, raw MAVLink 2 (3,398 verified + 14 unknown-id packets)`);
// The capture is small: each timed run reads it PASSES times, so a run lasts long enough to time.
const PASSES = 10;
const v2Packets = 3412 * PASSES;
const passes = async (fn: () => Promise<number> | number): Promise<number> => {
  let n = 0;
  for (let i = 0; i < PASSES; i++) n += await fn();
  return n;
};
const oursRaw = await time(`nariz MavlinkDecoder (one push) ×${PASSES}`, v2Packets, () => passes(() => chunked(() => new MavlinkDecoder(), v2, v2.length)));
await time(`nariz MavlinkDecoder, 1,500-byte pieces (UDP-sized) ×${PASSES}`, v2Packets, () => passes(() => chunked(() => new MavlinkDecoder(), v2, 1500)));
const peerRaw = await time(`node-mavlink splitter + parser (streams) ×${PASSES}`, v2Packets, () => passes(() => nodeMavlink(v2, false, true)));
console.log(`MavlinkDecoder / node-mavlink pipeline: ${(oursRaw / peerRaw).toFixed(1)} ×`);
