/**
 * `nariz simulate --seed N --out DIR`: a seeded scenario (labs, decoys,
 * meandering wind, drone survey, sensor noise, lag and drift) written as a
 * sortie CSV plus the truth as JSON. Output is marked as simulated.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeSortieCsv } from '@nariz/formats';
import { randomScenario, simulate as runSimulation, type RandomScenarioOptions, type Scenario, type Truth } from '@nariz/sim';
import type { CliIo, Command } from '../command.js';
import { integerFlag, numberFlag, parseFlags, requireFlag, stabilityFlag } from '../flags.js';

const USAGE = `Usage: nariz simulate --seed N --out DIR [options]

Writes DIR/sortie.csv (the drone's log) and DIR/truth.json (the simulated
sources, wind and settings). Same seed, same bytes.

  --seed N               scenario seed (integer >= 0)
  --out DIR              output folder (created)
  --labs N               number of labs (default 1)
  --decoys N             number of decoys: paint shops, solvent users (default 2)
  --samples N            number of samples (default: the full survey)
  --wind-mps U           mean wind speed (default random 2..8)
  --wind-from-deg D      mean wind direction, from (default random)
  --stability S          Pasquill–Gifford class A..F (default random, plausible for the wind)
  --no-stability-column  leave the stability column out (the estimator infers it)`;

const OPTIONS = {
  seed: { type: 'string' },
  out: { type: 'string' },
  labs: { type: 'string' },
  decoys: { type: 'string' },
  samples: { type: 'string' },
  'wind-mps': { type: 'string' },
  'wind-from-deg': { type: 'string' },
  stability: { type: 'string' },
  'no-stability-column': { type: 'boolean' },
} as const;

export interface SimulatedSortie {
  readonly scenario: Scenario;
  readonly truth: Truth;
  readonly csvPath: string;
  readonly truthPath: string;
}

/** Simulate and write; shared with `nariz demo`. */
export function writeSimulation(seed: number, out: string, opts: RandomScenarioOptions, reportStability = true): SimulatedSortie {
  const scenario = { ...randomScenario(seed, opts), reportStability };
  const { sortie, truth } = runSimulation(scenario);
  mkdirSync(out, { recursive: true });
  const csvPath = join(out, 'sortie.csv');
  const truthPath = join(out, 'truth.json');
  writeFileSync(csvPath, writeSortieCsv(sortie));
  writeFileSync(truthPath, JSON.stringify({ simulated: true, ...truth }, null, 1) + '\n');
  return { scenario, truth, csvPath, truthPath };
}

export const simulate: Command = {
  name: 'simulate',
  summary: 'write a seeded simulated sortie CSV and its truth',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const v = parseFlags(args, OPTIONS, USAGE);
    const seed = integerFlag(requireFlag(v.seed, 'seed', 'an integer >= 0'), 'seed', 0, Number.MAX_SAFE_INTEGER);
    const out = requireFlag(v.out, 'out', 'an output folder');
    const opts: RandomScenarioOptions = {};
    const int = (raw: string | undefined, flag: string, min: number, max: number): number | undefined => (raw === undefined ? undefined : integerFlag(raw, flag, min, max));
    const labs = int(v.labs, 'labs', 0, 10);
    const decoys = int(v.decoys, 'decoys', 0, 10);
    const samples = int(v.samples, 'samples', 100, 5_000_000);
    const stability = v.stability === undefined ? undefined : stabilityFlag(v.stability);
    const full: RandomScenarioOptions = {
      ...opts,
      ...(labs !== undefined ? { labs } : {}),
      ...(decoys !== undefined ? { decoys } : {}),
      ...(samples !== undefined ? { samples } : {}),
      ...(v['wind-mps'] !== undefined ? { speedMps: numberFlag(v['wind-mps'], 'wind-mps', 'm/s', { min: 0.5, max: 30 }) } : {}),
      ...(v['wind-from-deg'] !== undefined ? { fromDeg: numberFlag(v['wind-from-deg'], 'wind-from-deg', 'degrees', { min: 0, max: 360 }) } : {}),
      ...(stability !== undefined ? { stability } : {}),
    };
    const r = writeSimulation(seed, out, full, v['no-stability-column'] !== true);
    io.stdout(`SIMULATED sortie (seed ${seed}): ${r.csvPath}\ntruth: ${r.truthPath}\n`);
    for (const s of r.truth.sources) {
      io.stdout(`  ${s.id.padEnd(14)} ${s.lat.toFixed(6)}, ${s.lon.toFixed(6)}  ${Object.entries(s.rateGps).map(([k, q]) => `${k} ${q.toFixed(2)} g/s`).join(', ')}\n`);
    }
    return 0;
  },
};
