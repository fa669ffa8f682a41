/**
 * `nariz demo`: the whole chain on simulated data — simulate a sortie over
 * a demo region, locate and classify the sources, compare with the truth,
 * and write hazard zones for the suspected labs. Everything is SIMULATED.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { distanceM } from '@nariz/core';
import { readSortieCsvFile } from '@nariz/formats';
import { labHazards, locateSortie, sourcesGeoJson, type LocateResult } from '@nariz/plume';
import type { CliIo, Command } from '../command.js';
import { numberFlag, parseFlags } from '../flags.js';
import { locateTable } from './locate.js';
import { writeSimulation } from './simulate.js';

const USAGE = `Usage: nariz demo [--seed N] [--out DIR]

Simulates a sortie (two labs, two decoys) over a demo region, locates and
classifies the sources, compares them with the simulated truth, and writes
GeoJSON of sources, credible ellipses and hazard zones to DIR
(default ./nariz-demo). All data are SIMULATED.`;

const OPTIONS = { seed: { type: 'string' }, out: { type: 'string' } } as const;

export const demo: Command = {
  name: 'demo',
  summary: 'simulate a sortie, locate the labs, compare with the truth (simulated data)',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const v = parseFlags(args, OPTIONS, USAGE);
    const seed = v.seed === undefined ? 7 : numberFlag(v.seed, 'seed', 'an integer >= 0', { min: 0 });
    const out = v.out ?? 'nariz-demo';
    io.stdout(`Nariz demo — SIMULATED DATA (seed ${seed})\n\n`);
    const sim = writeSimulation(seed, out, { labs: 2, decoys: 2, samples: 10000 }, false);
    const w = sim.scenario.wind;
    io.stdout(`Simulated survey: ${sim.csvPath} (wind ${w.speedMps.toFixed(1)} m/s from ${w.fromDeg.toFixed(0)}°, class ${sim.scenario.stability}; the CSV omits stability)\n\n`);
    const t0 = performance.now();
    const read = await readSortieCsvFile(sim.csvPath);
    const result: LocateResult = locateSortie(read.sortie, { onProgress: (f, m) => io.stderr(`[${(100 * f).toFixed(0).padStart(3)} %] ${m}\n`) });
    const seconds = (performance.now() - t0) / 1000;
    io.stdout(locateTable(result) + `(${seconds.toFixed(2)} s)\n\nAgainst the simulated truth:\n`);
    for (const t of sim.truth.sources) {
      let best = -1;
      let bestD = Infinity;
      result.sources.forEach((s, i) => {
        const d = distanceM(s, t);
        if (d < bestD) {
          bestD = d;
          best = i;
        }
      });
      const hit = best >= 0 && bestD <= Math.max(30, 2 * result.sources[best]!.positionCi95M);
      io.stdout(`  ${t.id.padEnd(14)} ${hit ? `found as S${best + 1}, ${bestD.toFixed(0)} m away` : 'not found'}\n`);
    }
    // Hazard zones for suspected labs: HCl at the upper 95 % rate (err on the side of residents).
    const hz = labHazards(read.sortie, result);
    for (const n of hz.notes) io.stdout(`  hazard ${n}\n`);
    const features: unknown[] = [...sourcesGeoJson(result).features, ...hz.features];
    const gj = join(out, 'demo.geojson');
    writeFileSync(gj, JSON.stringify({ type: 'FeatureCollection', simulated: true, features }, null, 1) + '\n');
    io.stdout(`\nMap layers (sources, 95 % ellipses, hazard zones): ${gj}\n`);
    return 0;
  },
};
