/**
 * `nariz hazard`: ALOHA-style threat zones (AEGL-3/2/1, with PAC/ERPG
 * fallback) for a continuous release at a located source, as a table, JSON
 * and a GeoJSON file for a map.
 */
import { writeFileSync } from 'node:fs';
import { NarizError, STANDARD_PRESSURE_HPA, STANDARD_TEMP_C } from '@nariz/core';
import { computeHazardZones, hazardGeoJson, isTierSelection, TIER_SELECTIONS, type HazardResult, type HazardZone } from '@nariz/plume';
import type { CliIo, Command } from '../command.js';
import { chemicalTable, numberFlag, optionalNumberFlag, parseFlags, requireFlag, sigmaFlag, stabilityFlag } from '../flags.js';

const USAGE = `Usage: nariz hazard --lat LAT --lon LON --chemical NAME --rate-gps Q --wind-mps U --wind-from-deg D --stability A-F [options]

Downwind threat zones where the steady Gaussian plume exceeds the 60-minute
AEGL-3/2/1 (PAC, then ERPG, where a chemical has no AEGL), and the same zones
swept through the wind-direction uncertainty. Read the printed assumptions.

  --lat, --lon           source position, WGS84 degrees
  --chemical NAME        chemical name, alias (hcl, nh3, ph3, ...) or CAS number
  --rate-gps Q           continuous emission rate, g/s (> 0)
  --wind-mps U           wind speed, m/s (>= 1)
  --wind-from-deg D      direction the wind blows FROM, degrees clockwise from north
  --stability S          Pasquill–Gifford class A..F
  --source-height H      effective source height, m (default 0)
  --receptor-height Z    receptor height, m (default 0 = ground, as ALOHA; 1.5 = breathing height)
  --sigma SET            briggs-rural (default) | briggs-urban | pasquill-gifford
  --tiers T              ${TIER_SELECTIONS.join(' | ')} (default auto: AEGL, else PAC, else ERPG)
  --direction-uncertainty-deg A   95 % wind-direction half-angle (default from wind speed)
  --temp-c T             air temperature for ppm conversion (default ${STANDARD_TEMP_C})
  --pressure-hpa P       air pressure for ppm conversion (default ${STANDARD_PRESSURE_HPA})
  --max-range-m R        downwind search limit, m (default 50000)
  --chemicals PATH       full chemical table CSV instead of the built-in subset
  --geojson OUT          write the zones as a GeoJSON FeatureCollection
  --json                 print a JSON summary instead of the table`;

const OPTIONS = {
  lat: { type: 'string' },
  lon: { type: 'string' },
  chemical: { type: 'string' },
  'rate-gps': { type: 'string' },
  'wind-mps': { type: 'string' },
  'wind-from-deg': { type: 'string' },
  stability: { type: 'string' },
  'source-height': { type: 'string' },
  'receptor-height': { type: 'string' },
  sigma: { type: 'string' },
  tiers: { type: 'string' },
  'direction-uncertainty-deg': { type: 'string' },
  'temp-c': { type: 'string' },
  'pressure-hpa': { type: 'string' },
  'max-range-m': { type: 'string' },
  chemicals: { type: 'string' },
  geojson: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const g3 = (v: number): string => (v === 0 ? '0' : v >= 1e5 || v < 1e-2 ? v.toExponential(2) : String(Number(v.toPrecision(3))));
const metres = (v: number): string => (v >= 1000 ? `${(v / 1000).toFixed(2)} km` : `${v.toFixed(0)} m`);

function summary(z: HazardZone): Record<string, unknown> {
  return {
    level: z.level,
    tier: z.label,
    fallback: z.fallback,
    thresholdPpm: z.thresholdPpm,
    thresholdMgM3: z.thresholdMgM3,
    exceeded: z.exceeded,
    startDownwindM: z.startDownwindM,
    maxDownwindM: z.maxDownwindM,
    maxHalfWidthM: z.maxHalfWidthM,
    areaM2: z.areaM2,
    envelopeAreaM2: z.envelopeAreaM2,
    envelopeMaxHalfWidthM: z.envelopeMaxHalfWidthM,
    maxConcentrationPpm: z.maxConcentrationPpm,
    xAtMaxConcentrationM: z.xAtMaxConcentrationM,
    truncated: z.truncated,
  };
}

function table(r: HazardResult): string {
  const s = r.scenario;
  const head = ['tier', 'threshold', 'from', 'to (max downwind)', 'max width', 'area', 'with direction uncertainty'];
  const rows = r.zones.map((z) => [
    z.label + (z.fallback ? '*' : ''),
    `${g3(z.thresholdPpm)} ppm (${g3(z.thresholdMgM3)} mg/m3)`,
    ...(z.exceeded
      ? [
          metres(z.startDownwindM),
          metres(z.maxDownwindM) + (z.truncated ? ' (cut off)' : ''),
          metres(2 * z.maxHalfWidthM),
          `${g3(z.areaM2 / 1e4)} ha`,
          `±${r.directionUncertaintyDeg.toFixed(0)}°: ${metres(2 * z.envelopeMaxHalfWidthM)} wide, ${g3(z.envelopeAreaM2 / 1e4)} ha`,
        ]
      : [`no zone: max ${g3(z.maxConcentrationPpm)} ppm at ${metres(z.xAtMaxConcentrationM)} < threshold`, '', '', '', '']),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const out = [
    `Hazard zones for ${s.chemicalName} (CAS ${s.chemicalCas}), ${s.rateGps} g/s continuous, at ${s.lat.toFixed(6)}, ${s.lon.toFixed(6)}, source height ${s.sourceHeightM} m`,
    `Wind ${s.windSpeedMps} m/s from ${s.windFromDeg}°, class ${s.stability}, ${s.sigmaSet}, receptor height ${s.receptorHeightM} m`,
    '',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ];
  if (r.zones.some((z) => z.fallback)) out.push('* no AEGL for this level in the table: fallback threshold used');
  for (const m of r.missing) out.push(`Level ${m.level}: ${m.reason}`);
  out.push('', 'Assumptions:', ...r.assumptions.map((a) => `  - ${a}`));
  if (r.warnings.length > 0) out.push('', 'Warnings:', ...r.warnings.map((w) => `  ! ${w}`));
  return out.join('\n') + '\n';
}

export const hazard: Command = {
  name: 'hazard',
  summary: 'ALOHA-style downwind threat zones (AEGL) as a table and GeoJSON',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const v = parseFlags(args, OPTIONS, USAGE);
    const num = (flag: keyof typeof OPTIONS, what: string, rule: Parameters<typeof numberFlag>[3] = {}): number => {
      const raw = v[flag];
      return numberFlag(requireFlag(typeof raw === 'string' ? raw : undefined, flag, what), flag, what, rule);
    };
    const lat = num('lat', 'latitude in degrees, -90..90', { min: -90, max: 90 });
    const lon = num('lon', 'longitude in degrees, -180..180', { min: -180, max: 180 });
    const chemicalKey = requireFlag(v.chemical, 'chemical', 'a chemical name, alias such as hcl, or CAS number');
    const rateGps = num('rate-gps', 'a positive emission rate in g/s', { above: 0 });
    const windSpeedMps = num('wind-mps', 'a wind speed of at least 1 m/s', { min: 1 });
    const windFromDeg = num('wind-from-deg', 'the direction the wind blows from, 0..360 degrees', { min: 0, max: 360 });
    const stability = stabilityFlag(v.stability);
    const sourceHeightM = optionalNumberFlag(v['source-height'], 'source-height', 'a source height >= 0 m', 0, { min: 0 });
    const receptorHeightM = optionalNumberFlag(v['receptor-height'], 'receptor-height', 'a receptor height >= 0 m', 0, { min: 0 });
    const sigmaSet = sigmaFlag(v.sigma);
    const tiers = (v.tiers ?? 'auto').trim().toLowerCase();
    if (!isTierSelection(tiers)) throw new NarizError('NARIZ_USAGE', `--tiers "${v.tiers}" is not one of ${TIER_SELECTIONS.join(', ')}`);
    const tempC = optionalNumberFlag(v['temp-c'], 'temp-c', 'a temperature in °C', STANDARD_TEMP_C, { above: -273.15 });
    const pressureHpa = optionalNumberFlag(v['pressure-hpa'], 'pressure-hpa', 'a pressure in hPa', STANDARD_PRESSURE_HPA, { above: 0 });
    const maxRangeM = optionalNumberFlag(v['max-range-m'], 'max-range-m', 'a search range of 100..200000 m', 50_000, { min: 100, max: 200_000 });
    const dirRaw = v['direction-uncertainty-deg'];
    const directionUncertaintyDeg = dirRaw === undefined ? undefined : numberFlag(dirRaw, 'direction-uncertainty-deg', 'a half-angle of 0..90 degrees', { min: 0, max: 90 });
    const chemical = chemicalTable(v.chemicals).require(chemicalKey);

    const result = computeHazardZones({
      lat,
      lon,
      chemical,
      rateGps,
      windSpeedMps,
      windFromDeg,
      stability,
      sourceHeightM,
      receptorHeightM,
      sigmaSet,
      tiers,
      tempC,
      pressureHpa,
      maxRangeM,
      ...(directionUncertaintyDeg === undefined ? {} : { directionUncertaintyDeg }),
    });
    if (result.zones.length === 0) {
      throw new NarizError('NARIZ_NO_THRESHOLD', `${chemical.name} has no ${tiers === 'auto' ? 'AEGL, PAC or ERPG' : tiers.toUpperCase()} thresholds in the chemical table; try --tiers auto or a fuller table with --chemicals`);
    }
    if (v.geojson !== undefined) {
      try {
        writeFileSync(v.geojson, JSON.stringify(hazardGeoJson(result)) + '\n');
      } catch (e) {
        throw new NarizError('NARIZ_IO', `cannot write --geojson ${v.geojson}: ${e instanceof Error ? e.message : String(e)}`, { file: v.geojson }, { cause: e });
      }
    }
    if (v.json === true) {
      io.stdout(
        JSON.stringify({
          scenario: result.scenario,
          directionUncertaintyDeg: result.directionUncertaintyDeg,
          zones: result.zones.map(summary),
          missing: result.missing,
          assumptions: result.assumptions,
          warnings: result.warnings,
          ...(v.geojson === undefined ? {} : { geojson: v.geojson }),
        }) + '\n',
      );
      return 0;
    }
    io.stdout(table(result) + (v.geojson === undefined ? '' : `\nGeoJSON written to ${v.geojson}\n`));
    return 0;
  },
};
