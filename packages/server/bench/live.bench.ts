/**
 * Live benchmark (issue #3: a detection reaches a connected browser < 1 s
 * after its samples are acknowledged). A server process; a "browser" on the
 * live WebSocket; a "drone" streaming a simulated sortie (one lab, two
 * decoys) in batches over HTTP, faster than real time. For each detection
 * pushed, the latency is its arrival minus the acknowledgement of the last
 * batch acknowledged before it (the batch whose samples revealed it). Also
 * prints how long after the last batch the final estimate arrived.
 *
 *   npm run bench -- live
 *   node packages/server/dist/bench/live.bench.js [--batch N] [--every-ms T]
 *
 * Defaults: 8,000 samples at 1 Hz in batches of 20 (20 s of flight), one
 * batch every 40 ms (500x real time).
 */
import { cpus } from 'node:os';
import WebSocket from 'ws';
import { sliceSortie } from '@nariz/core';
import { writeSortieCsv } from '@nariz/formats';
import { randomScenario, simulate } from '@nariz/sim';
import { startBenchServer } from './bench-server.js';

function intArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 1) {
    console.error(`--${name} wants a whole number >= 1`);
    process.exit(2);
  }
  return v;
}

const BATCH = intArg('batch', 20);
const EVERY_MS = intArg('every-ms', 40);
const SAMPLES = 8000;
const TARGET_MS = 1000;

const pct = (s: readonly number[], p: number): number => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;

async function main(): Promise<void> {
  const { sortie } = simulate({ ...randomScenario(21, { labs: 1, decoys: 2, samples: SAMPLES }), reportStability: false });
  const bodies: string[] = [];
  for (let a = 0; a < sortie.count; a += BATCH) bodies.push(writeSortieCsv(sliceSortie(sortie, a, Math.min(sortie.count, a + BATCH))));
  const server = await startBenchServer('live');
  try {
    const { base, auth } = server;
    const sid = 'live-bench';
    const created = await fetch(`${base}/api/sorties`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'live bench', id: sid, simulated: true }) });
    if (created.status !== 201) throw new Error(`create sortie: HTTP ${created.status}`);
    const acks: number[] = [];
    const latencies: number[] = [];
    let estimateAt: number | undefined;
    let lastAck = 0;
    const ws = new WebSocket(`${base.replace('http', 'ws')}/api/live`, { headers: auth });
    await new Promise((ok, fail) => {
      ws.once('open', ok);
      ws.once('error', fail);
    });
    ws.on('message', (d: Buffer) => {
      const t = performance.now();
      const m = JSON.parse(d.toString()) as { type: string; sortie_id?: string };
      if (m.sortie_id !== sid) return;
      if (m.type === 'detection' && acks.length > 0) latencies.push(t - acks[acks.length - 1]!);
      if (m.type === 'estimate') estimateAt = t;
    });
    const t0 = performance.now();
    for (const [k, body] of bodies.entries()) {
      const due = t0 + k * EVERY_MS;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const res = await fetch(`${base}/api/sorties/${sid}/batches/b${k}`, { method: 'PUT', headers: { ...auth, 'content-type': 'text/csv' }, body });
      await res.arrayBuffer();
      if (res.status !== 201) throw new Error(`batch ${k}: HTTP ${res.status}`);
      lastAck = performance.now();
      acks.push(lastAck);
    }
    // Let the last detections and a final estimate arrive.
    const deadline = performance.now() + 60_000;
    while (performance.now() < deadline) {
      const jobs = (await (await fetch(`${base}/api/jobs?sortie_id=${sid}`, { headers: auth })).json()) as { jobs: Array<{ state: string }> };
      if (jobs.jobs.every((j) => j.state !== 'queued' && j.state !== 'running') && estimateAt !== undefined && estimateAt > lastAck) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    ws.close();
    latencies.sort((a, b) => a - b);
    console.log(`live bench: node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), SQLite`);
    console.log(`${SAMPLES} simulated samples in ${bodies.length} HTTP batches of ${BATCH}, one every ${EVERY_MS} ms (${((BATCH * 1000) / EVERY_MS).toFixed(0)}x real time at 1 Hz)`);
    if (latencies.length === 0) {
      console.log('  no detection was pushed');
      console.log('  FAIL  detection to browser < 1 s');
      return;
    }
    console.log(`  detections pushed   ${latencies.length}`);
    console.log(`  ack -> browser ms   p50 ${pct(latencies, 0.5).toFixed(1)}  p95 ${pct(latencies, 0.95).toFixed(1)}  max ${latencies[latencies.length - 1]!.toFixed(1)}`);
    if (estimateAt !== undefined) console.log(`  final estimate       ${((estimateAt - lastAck) / 1000).toFixed(2)} s after the last batch's acknowledgement`);
    console.log(`  ${latencies[latencies.length - 1]! < TARGET_MS ? 'PASS' : 'FAIL'}  every detection reached the browser < ${TARGET_MS} ms after its samples were acknowledged`);
  } finally {
    await server.stop();
  }
}

await main();
