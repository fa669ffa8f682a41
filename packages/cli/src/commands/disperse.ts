/**
 * `nariz disperse`: the steady Gaussian plume concentration at one receptor,
 * in the wind frame (x downwind, y crosswind, z height; metres).
 */
import { CONCENTRATION_UNITS, fromKgM3, isConcentrationUnit, NarizError, stabilityIndex, STANDARD_PRESSURE_HPA, STANDARD_TEMP_C } from '@nariz/core';
import { MIN_DOWNWIND_M, plumeUnit, SIGMA_SET_INDEX } from '@nariz/plume';
import type { CliIo, Command } from '../command.js';
import { chemicalTable, numberFlag, optionalNumberFlag, parseFlags, requireFlag, sigmaFlag, stabilityFlag } from '../flags.js';

const USAGE = `Usage: nariz disperse --rate-gps Q --wind-mps U --stability A-F --at x,y,z [options]

Steady Gaussian plume (ground reflection) concentration at a receptor x m
downwind, y m crosswind, z m above ground.

  --rate-gps Q           continuous emission rate, g/s (> 0)
  --wind-mps U           wind speed, m/s (>= 1; the plume model fails in calm air)
  --stability S          Pasquill–Gifford class A..F
  --at x,y,z             receptor, metres (x > 0 downwind)
  --source-height H      effective source height, m (default 0)
  --sigma SET            briggs-rural (default) | briggs-urban | pasquill-gifford
  --species NAME         chemical (name, alias such as hcl/nh3, or CAS) to add a mixing ratio
  --unit U               ${CONCENTRATION_UNITS.join(' | ')} for --species (default ppm)
  --temp-c T             air temperature for ppm conversion (default ${STANDARD_TEMP_C})
  --pressure-hpa P       air pressure for ppm conversion (default ${STANDARD_PRESSURE_HPA})
  --chemicals PATH       full chemical table CSV instead of the built-in subset
  --json                 print one JSON object`;

const OPTIONS = {
  'rate-gps': { type: 'string' },
  'wind-mps': { type: 'string' },
  stability: { type: 'string' },
  at: { type: 'string' },
  'source-height': { type: 'string' },
  sigma: { type: 'string' },
  species: { type: 'string' },
  unit: { type: 'string' },
  'temp-c': { type: 'string' },
  'pressure-hpa': { type: 'string' },
  chemicals: { type: 'string' },
  json: { type: 'boolean' },
} as const;

function receptor(raw: string | undefined): [number, number, number] {
  const s = requireFlag(raw, 'at', 'receptor x,y,z in metres, e.g. --at 500,0,1.5');
  const parts = s.split(',');
  if (parts.length !== 3) throw new NarizError('NARIZ_USAGE', `--at "${s}" must be three comma-separated numbers x,y,z (metres downwind, crosswind, height), e.g. --at 500,0,1.5`);
  const x = numberFlag(parts[0]!, 'at', 'x > 0 m downwind', { above: 0 });
  const y = numberFlag(parts[1]!, 'at', 'y in m crosswind');
  const z = numberFlag(parts[2]!, 'at', 'z >= 0 m above ground', { min: 0 });
  return [x, y, z];
}

export const disperse: Command = {
  name: 'disperse',
  summary: 'Gaussian plume concentration at a receptor',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const v = parseFlags(args, OPTIONS, USAGE);
    const rateGps = numberFlag(requireFlag(v['rate-gps'], 'rate-gps', 'emission rate in g/s'), 'rate-gps', 'a positive emission rate in g/s', { above: 0 });
    const windMps = numberFlag(requireFlag(v['wind-mps'], 'wind-mps', 'wind speed in m/s'), 'wind-mps', 'a wind speed of at least 1 m/s', { min: 1 });
    const stability = stabilityFlag(v.stability);
    const [x, y, z] = receptor(v.at);
    const sourceHeightM = optionalNumberFlag(v['source-height'], 'source-height', 'a source height >= 0 m', 0, { min: 0 });
    const sigma = sigmaFlag(v.sigma);
    const tempC = optionalNumberFlag(v['temp-c'], 'temp-c', 'a temperature in °C', STANDARD_TEMP_C, { above: -273.15 });
    const pressureHpa = optionalNumberFlag(v['pressure-hpa'], 'pressure-hpa', 'a pressure in hPa', STANDARD_PRESSURE_HPA, { above: 0 });
    const unitRaw = (v.unit ?? 'ppm').trim().toLowerCase();
    if (!isConcentrationUnit(unitRaw)) throw new NarizError('NARIZ_UNKNOWN_UNIT', `--unit "${v.unit}" is not one of ${CONCENTRATION_UNITS.join(', ')}`);
    if (v.unit !== undefined && v.species === undefined) throw new NarizError('NARIZ_USAGE', '--unit needs --species (the molar mass converts kg/m3 to a mixing ratio)');
    const chem = v.species === undefined ? undefined : chemicalTable(v.chemicals).require(v.species);

    const kgM3 = (rateGps / 1000) * plumeUnit({ sigmaSet: SIGMA_SET_INDEX[sigma], stability: stabilityIndex(stability), sourceHeightM }, x, y, z, windMps);
    const mgM3 = kgM3 * 1e6;
    const species = chem === undefined ? undefined : { name: chem.name, cas: chem.cas, unit: unitRaw, value: fromKgM3(kgM3, unitRaw, chem.molarMassGmol, tempC, pressureHpa) };

    if (v.json === true) {
      io.stdout(
        JSON.stringify({
          receptor: { xM: x, yM: y, zM: z },
          rateGps,
          windSpeedMps: windMps,
          stability,
          sigmaSet: sigma,
          sourceHeightM,
          tempC,
          pressureHpa,
          kgM3,
          mgM3,
          ...(species === undefined ? {} : { species }),
        }) + '\n',
      );
      return 0;
    }
    const lines = [
      `Gaussian plume, ${rateGps} g/s, ${windMps} m/s, class ${stability}, ${sigma}, source height ${sourceHeightM} m`,
      `receptor ${x} m downwind, ${y} m crosswind, ${z} m above ground`,
      `  ${kgM3.toExponential(4)} kg/m3`,
      `  ${mgM3.toPrecision(5)} mg/m3`,
    ];
    if (species !== undefined) lines.push(`  ${species.value.toPrecision(5)} ${species.unit} ${species.name} (at ${tempC} °C, ${pressureHpa} hPa)`);
    if (x < MIN_DOWNWIND_M) lines.push(`note: sigmas are held at their ${MIN_DOWNWIND_M} m value closer to the source`);
    io.stdout(lines.join('\n') + '\n');
    return 0;
  },
};
