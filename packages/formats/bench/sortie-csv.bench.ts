/**
 * Sortie CSV read throughput. Generates a seeded 1,000,000-row, 10-column
 * file in a temp dir, then reads it 3 times (after one warm-up) with the
 * streaming file reader and with the in-memory string reader. The peer is a
 * naive `split` + `Number` pass over the same text with no validation, the
 * floor any reader pays. Prints min and median rows/s.
 *
 *   npm run bench -- formats        (or: node packages/formats/dist/bench/sortie-csv.bench.js [rows])
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '@nariz/core';
import { parseSortieCsv, readSortieCsvFile } from '../src/index.js';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const REPS = 3;

function generate(rows: number, seed: number): string {
  const rng = createRng(seed);
  const parts: string[] = ['time,lat,lon,alt_agl_m,wind_u_mps,wind_v_mps,temp_c,pressure_hpa,acetone_ppb,hcl_ppb'];
  let t = 1772366400;
  let lat = 19.4326;
  let lon = -99.1332;
  for (let i = 0; i < rows; i++) {
    t += 0.1;
    lat += rng.uniform(-1e-5, 1e-5);
    lon += rng.uniform(-1e-5, 1e-5);
    parts.push(
      `${t.toFixed(1)},${lat.toFixed(7)},${lon.toFixed(7)},${rng.uniform(20, 60).toFixed(2)},${rng.uniform(-5, 5).toFixed(3)},${rng.uniform(-5, 5).toFixed(3)},` +
        `${rng.uniform(15, 30).toFixed(2)},${rng.uniform(780, 1013).toFixed(2)},${(rng.normal() * 3 + 10).toFixed(3)},${(rng.normal() * 0.5).toFixed(3)}`,
    );
  }
  return `${parts.join('\n')}\n`;
}

function naivePeer(text: string): number {
  let sink = 0;
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    for (const cell of line.split(',')) sink += Number(cell);
  }
  return sink;
}

function stats(xs: number[]): { min: number; median: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0]!, median: s[Math.floor(s.length / 2)]! };
}

async function time(label: string, fn: () => Promise<number> | number): Promise<void> {
  let sink = await fn(); // warm-up
  const rates: number[] = [];
  for (let r = 0; r < REPS; r++) {
    const t0 = process.hrtime.bigint();
    sink += await fn();
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    rates.push(ROWS / s);
  }
  const { min, median } = stats(rates);
  const k = (x: number): string => `${Math.round(x / 1000)}k`;
  console.log(`${label.padEnd(34)} rows/s min ${k(min)}  median ${k(median)}   (sink ${sink % 997})`);
}

const dir = mkdtempSync(join(tmpdir(), 'nariz-bench-'));
try {
  const path = join(dir, 'sortie.csv');
  writeFileSync(path, generate(ROWS, 20260301));
  const text = readFileSync(path, 'utf8');
  console.log(`${ROWS} rows, ${(text.length / 1e6).toFixed(1)} MB, 10 columns; node ${process.version}, ${cpus()[0]?.model ?? 'cpu?'}`);
  await time('readSortieCsvFile (stream, 1 MiB)', async () => (await readSortieCsvFile(path)).sortie.count);
  await time('parseSortieCsv (string)', () => parseSortieCsv(text).sortie.count);
  await time('peer: split + Number, no checks', () => naivePeer(text));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
