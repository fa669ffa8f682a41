/**
 * Ingest benchmark (issue #3: ≥ 50,000 samples/s sustained into SQLite with
 * p99 request latency < 100 ms). The server runs as its own process
 * (`src/main.js`, a fresh data directory) so that client and server do not
 * share an event loop; this process sends sortie-CSV batches over HTTP with
 * a fixed number of requests in flight and times each one.
 *
 *   npm run bench -- ingest
 *   node packages/server/dist/bench/ingest.bench.js [--batches N] [--size S] [--inflight C]
 *
 * With NARIZ_DATABASE_URL set the server stores into that PostgreSQL.
 *
 * Defaults: 2,000 batches of 1,000 samples (three species), 4 in flight,
 * after 20 warm-up batches. Prints samples/s over the timed batches and the
 * latency percentiles, and PASS/FAIL against the targets.
 */
import { cpus } from 'node:os';
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

const BATCHES = intArg('batches', 2000);
const SIZE = intArg('size', 1000);
const INFLIGHT = intArg('inflight', 4);
const WARMUP = 20;
const TARGET_RATE = 50_000;
const TARGET_P99_MS = 100;

/** Batch k as a drone would log it (deterministic, distinct per batch). */
function batchCsv(k: number): string {
  const rows = ['time,lat,lon,alt_agl_m,wind_u_mps,wind_v_mps,acetone_ppb,toluene_ppb,hcl_ppb'];
  for (let i = 0; i < SIZE; i++) {
    const t = 1.7e9 + k * SIZE + i;
    const x = Math.sin(0.001 * t);
    rows.push(`${t},${(52.09 + 1e-5 * i).toFixed(7)},${(5.12 + 1e-3 * x).toFixed(7)},15,${(3 + x).toFixed(3)},${(0.5 * x).toFixed(3)},${(20 + 5 * x).toFixed(3)},${(8 + x).toFixed(3)},${(2 + 0.3 * x).toFixed(3)}`);
  }
  return `${rows.join('\n')}\n`;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

async function main(): Promise<void> {
  const server = await startBenchServer('ingest');
  try {
    const { base, auth } = server;
    const sid = `bench-${Date.now()}`;
    const created = await fetch(`${base}/api/sorties`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'ingest bench', id: sid, simulated: true }) });
    if (created.status !== 201) throw new Error(`create sortie: ${created.status}`);
    const bodies = Array.from({ length: WARMUP + BATCHES }, (_, k) => batchCsv(k));
    const latencies: number[] = [];
    let next = 0;
    let timedStart = 0;
    const send = async (): Promise<void> => {
      for (let k = next++; k < bodies.length; k = next++) {
        if (k === WARMUP) timedStart = performance.now();
        const t0 = performance.now();
        const res = await fetch(`${base}/api/sorties/${sid}/batches/b${k}`, { method: 'PUT', headers: { ...auth, 'content-type': 'text/csv' }, body: bodies[k]! });
        await res.arrayBuffer();
        if (res.status !== 201) throw new Error(`batch ${k}: HTTP ${res.status}`);
        if (k >= WARMUP) latencies.push(performance.now() - t0);
      }
    };
    await Promise.all(Array.from({ length: INFLIGHT }, send));
    const seconds = (performance.now() - timedStart) / 1000;
    const rec = (await (await fetch(`${base}/api/sorties/${sid}`, { headers: auth })).json()) as { sample_count: number };
    if (rec.sample_count !== (WARMUP + BATCHES) * SIZE) throw new Error(`stored ${rec.sample_count} samples, sent ${(WARMUP + BATCHES) * SIZE}`);
    latencies.sort((a, b) => a - b);
    const rate = (BATCHES * SIZE) / seconds;
    const p99 = percentile(latencies, 0.99);
    const db = process.env['NARIZ_DATABASE_URL'] !== undefined ? 'PostgreSQL (NARIZ_DATABASE_URL)' : 'SQLite WAL synchronous=FULL';
    console.log(`ingest bench: node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${db}`);
    console.log(`${BATCHES} batches of ${SIZE} samples (sortie CSV, 3 species, ${(bodies[WARMUP]!.length / 1024).toFixed(0)} KiB each), ${INFLIGHT} in flight, after ${WARMUP} warm-up batches`);
    console.log(`  throughput   ${Math.round(rate).toLocaleString('en')} samples/s (${(BATCHES / seconds).toFixed(0)} batches/s, ${seconds.toFixed(2)} s)`);
    console.log(`  latency ms   p50 ${percentile(latencies, 0.5).toFixed(1)}  p90 ${percentile(latencies, 0.9).toFixed(1)}  p99 ${p99.toFixed(1)}  max ${latencies[latencies.length - 1]!.toFixed(1)}`);
    console.log(`  ${rate >= TARGET_RATE ? 'PASS' : 'FAIL'}  sustained ingest >= ${TARGET_RATE.toLocaleString('en')} samples/s`);
    console.log(`  ${p99 < TARGET_P99_MS ? 'PASS' : 'FAIL'}  p99 request latency < ${TARGET_P99_MS} ms`);
  } finally {
    await server.stop();
  }
}

await main();
