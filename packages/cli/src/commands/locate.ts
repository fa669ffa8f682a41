/**
 * `nariz locate SORTIE.csv`: where the emitting sources are, how strong,
 * which look like a lab, and how sure we are.
 */
import { writeFileSync } from 'node:fs';
import { NarizError, STABILITY_CLASSES } from '@nariz/core';
import { readSortieCsvFile } from '@nariz/formats';
import { locateJson, locateSortie, sourcesGeoJson, SIGMA_SETS, type LocateResult } from '@nariz/plume';
import type { CliIo, Command } from '../command.js';
import { chemicalTable, integerFlag, numberFlag, parseFlagsWithPositionals, sigmaFlag, stabilityFlag } from '../flags.js';

const USAGE = `Usage: nariz locate SORTIE.csv [options]

Detects plumes, estimates every source's position (with a 95 % credible
region), per-species emission rate (g/s, with a 95 % interval), the
probability that it exists and its class (lab or decoy).

  --json                 print one JSON object (see docs/cli.md)
  --geojson OUT          write sources and 95 % ellipses as GeoJSON
  --lenient              skip bad CSV rows (counted) instead of failing
  --stability S          force Pasquill–Gifford class A..F (default: the
                         sortie's column, else inferred)
  --sigma SET            ${SIGMA_SETS.join(' | ')} (default briggs-rural)
  --source-height H      known vent height above ground, m (default: marginalised
                         over 1.5, 3, 6 and 12 m)
  --max-sources N        upper bound on the number of sources (default 6)
  --sensor-lag-s T       the sensors' response time (first-order lag), s
                         (default: chosen by the fit, reported in diagnostics)
  --seed N               seed of the posterior draws (default 1)
  --threads N            threads for the plume scans, this one included
                         (default: the machine's cores, at most 8; the result
                         does not depend on it)
  --chemicals PATH       full chemical table CSV instead of the built-in subset
  --quiet                no progress on stderr`;

const OPTIONS = {
  json: { type: 'boolean' },
  geojson: { type: 'string' },
  lenient: { type: 'boolean' },
  stability: { type: 'string' },
  sigma: { type: 'string' },
  'source-height': { type: 'string' },
  'max-sources': { type: 'string' },
  'sensor-lag-s': { type: 'string' },
  seed: { type: 'string' },
  threads: { type: 'string' },
  chemicals: { type: 'string' },
  quiet: { type: 'boolean' },
} as const;

function fmt(x: number): string {
  return x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toPrecision(2);
}

export function locateTable(r: LocateResult): string {
  const lines: string[] = [];
  lines.push(`${r.samples} samples; stability (${r.stability.source}): ${STABILITY_CLASSES.filter((c) => r.stability.posterior[c] > 0.005).map((c) => `${c} ${(100 * r.stability.posterior[c]).toFixed(0)} %`).join(', ')}`);
  if (r.sources.length === 0) {
    lines.push('No source found with probability above the prior. (Quiet sortie, or signals within noise.)');
    return lines.join('\n') + '\n';
  }
  r.sources.forEach((s, i) => {
    const top = Object.entries(s.classProbabilities).sort((a, b) => b[1] - a[1])[0];
    const cls = s.classified ? `lab ${(100 * s.labProbability).toFixed(0)} %${top !== undefined ? `  (most likely ${top[0]})` : ''}` : 'unclassified (fits no profile)';
    lines.push(`S${i + 1}  ${s.lat.toFixed(6)}, ${s.lon.toFixed(6)}  ±${s.positionCi95M.toFixed(0)} m (95 %)  exists ${(100 * s.probability).toFixed(0)} %  ${cls}`);
    for (const [k, v] of Object.entries(s.rateGps)) {
      const ci = s.rateCi95Gps[k]!;
      lines.push(`      ${k.padEnd(10)} ${fmt(v)} g/s  [${fmt(ci[0])}, ${fmt(ci[1])}]`);
    }
  });
  return lines.join('\n') + '\n';
}

export const locate: Command = {
  name: 'locate',
  summary: 'find, quantify and classify emission sources in a sortie CSV',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseFlagsWithPositionals(args, OPTIONS, USAGE);
    if (positionals.length !== 1) throw new NarizError('NARIZ_USAGE', `locate takes exactly one sortie CSV, got ${positionals.length}\n${USAGE.split('\n')[0]}`);
    const file = positionals[0]!;
    const stability = values.stability === undefined ? undefined : stabilityFlag(values.stability);
    const sigmaSet = values.sigma === undefined ? undefined : sigmaFlag(values.sigma);
    const t0 = performance.now();
    const read = await readSortieCsvFile(file, { lenient: values.lenient === true, chemicals: chemicalTable(values.chemicals) });
    for (const w of read.warnings) io.stderr(`warning: ${w.message}${w.count > 1 ? ` (${w.count} times)` : ''}\n`);
    const quiet = values.quiet === true || values.json === true;
    const result = locateSortie(read.sortie, {
      ...(sigmaSet !== undefined ? { sigmaSet } : {}),
      ...(stability !== undefined ? { stability } : {}),
      ...(values['source-height'] !== undefined ? { sourceHeightM: numberFlag(values['source-height'], 'source-height', 'metres above ground', { min: 0, max: 300 }) } : {}),
      ...(values['max-sources'] !== undefined ? { maxSources: integerFlag(values['max-sources'], 'max-sources', 1, 20) } : {}),
      ...(values['sensor-lag-s'] !== undefined ? { sensorLagS: numberFlag(values['sensor-lag-s'], 'sensor-lag-s', 'seconds, 0..600', { min: 0, max: 600 }) } : {}),
      ...(values.seed !== undefined ? { seed: integerFlag(values.seed, 'seed', 0, 2 ** 32 - 1) } : {}),
      ...(values.threads !== undefined ? { threads: integerFlag(values.threads, 'threads', 1, 64) } : {}),
      onProgress: quiet ? undefined : (f, m) => io.stderr(`[${(100 * f).toFixed(0).padStart(3)} %] ${m}\n`),
    });
    const seconds = (performance.now() - t0) / 1000;
    if (values.geojson !== undefined) writeFileSync(values.geojson, JSON.stringify(sourcesGeoJson(result), null, 1) + '\n');
    if (values.json === true) io.stdout(JSON.stringify(locateJson(result, seconds)) + '\n');
    else io.stdout(locateTable(result) + `(${seconds.toFixed(2)} s)\n`);
    return 0;
  },
};
