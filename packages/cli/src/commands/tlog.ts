/**
 * `nariz tlog LOG.tlog`: what a MAVLink telemetry log holds (packets by
 * message, damage, time span, the vehicle's track) and, when the vehicle
 * sent gas readings, the sortie CSV they make. docs/formats/mavlink.md.
 */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { NarizError } from '@nariz/core';
import {
  defaultDialect, readSensorMapFile, summariseTrack, telemetryFileToSortie, writeSortieCsv,
  type DecoderStats, type MavlinkWarning, type TelemetrySortieResult,
} from '@nariz/formats';
import type { CliIo, Command } from '../command.js';
import { chemicalTable, integerFlag, parseFlagsWithPositionals } from '../flags.js';

const USAGE = `Usage: nariz tlog LOG.tlog [options]

Reads MAVLink telemetry (a ground station's .tlog, or a raw capture with
--raw): packets by message, checksum errors and dropped bytes, the time
span and the vehicle's track; and, when the vehicle sent gas readings
(NAMED_VALUE_FLOAT named like hcl_ppb, or DEBUG_FLOAT_ARRAY with a sensor
map), the sortie they make.

  --out SORTIE.csv     write the sortie CSV (an error when there are no gas readings)
  --sensor-map MAP     JSON sensor map: DEBUG_FLOAT_ARRAY elements, renamed
                       NAMED_VALUE_FLOAT readings (docs/formats/mavlink.md)
  --sysid N            the vehicle's MAVLink system id (default: the system
                       with the most samples, then the most fixes)
  --raw                the file is a raw MAVLink byte stream, not a tlog
  --lenient            a cut-off last record or impossible record times are
                       warnings, not errors
  --json               print one JSON object (see docs/cli.md)
  --chemicals PATH     full chemical table CSV instead of the built-in subset`;

const OPTIONS = {
  out: { type: 'string' },
  'sensor-map': { type: 'string' },
  sysid: { type: 'string' },
  raw: { type: 'boolean' },
  lenient: { type: 'boolean' },
  json: { type: 'boolean' },
  chemicals: { type: 'string' },
} as const;

const TIME_BASE: Readonly<Record<string, string>> = { system_time: 'SYSTEM_TIME', receive_time: 'record times' };

function messages(s: DecoderStats): Array<{ id: number; name: string; count: number }> {
  const d = defaultDialect();
  return [...s.byMsgid].sort((a, b) => a[0] - b[0]).map(([id, count]) => ({ id, name: d.message(id)?.name ?? String(id), count }));
}

const iso = (s: number): string | null => (Number.isFinite(s) ? new Date(Math.round(s * 1000)).toISOString() : null);
const n = (x: number): string => x.toLocaleString('en-US');

/** The `--json` object: a contract (docs/cli.md). */
export function tlogJson(file: string, format: 'tlog' | 'raw', r: TelemetrySortieResult, out: string | null): unknown {
  const s = r.stats;
  const sum = summariseTrack(r.track);
  const a = r.assembly;
  return {
    file, format, bytes: s.bytes,
    packets: s.packets, v1: s.v1, v2: s.v2, signed: s.signed,
    crc_errors: s.crcErrors, unknown_ids: s.unknownIds, unknown_bytes: s.unknownBytes, dropped_bytes: s.droppedBytes, resyncs: s.resyncs, seq_lost: s.seqLost,
    messages: messages(s),
    unknown_messages: [...s.unknownByMsgid].sort((x, y) => x[0] - y[0]).map(([id, count]) => ({ id, count })),
    vehicle: r.sysid === undefined || a === undefined ? null : {
      sysid: r.sysid, systems: r.vehicles, fixes: a.fixes, time_base: a.epochSource ?? null,
      start: sum === undefined ? null : iso(sum.startS), end: sum === undefined ? null : iso(sum.endS),
      duration_s: sum === undefined ? 0 : (r.track.bootMs[r.track.count - 1]! - r.track.bootMs[0]!) / 1000,
      track_km: sum === undefined ? 0 : sum.lengthM / 1000,
      max_speed_mps: sum?.maxSpeedBetweenFixesMps ?? 0,
      bbox: sum === undefined ? null : { min_lat: sum.minLat, max_lat: sum.maxLat, min_lon: sum.minLon, max_lon: sum.maxLon },
      alt_above_home_m: sum === undefined ? null : [sum.minAltAboveHomeM, sum.maxAltAboveHomeM],
    },
    gas: r.sortie === undefined || a === undefined ? null : {
      samples: r.sortie.count, species: r.sortie.species.map((x) => ({ key: x.key, unit: x.unit, chemical: x.chemical })),
      readings: a.gasReadings, held_values: a.heldValues, dropped: a.dropped,
    },
    out,
    warnings: r.warnings.map((w) => ({ code: w.code, message: w.message, count: w.count })),
  };
}

function table(file: string, r: TelemetrySortieResult): string {
  const s = r.stats;
  const lines: string[] = [];
  lines.push(`${file}: ${n(s.bytes)} bytes, ${n(s.packets)} MAVLink packets (v1 ${n(s.v1)}, v2 ${n(s.v2)}, signed ${n(s.signed)})`);
  lines.push(`  checksum errors ${n(s.crcErrors)}, unknown ids ${n(s.unknownIds)}, dropped ${n(s.droppedBytes)} bytes in ${n(s.resyncs)} places, sequence gaps ${n(s.seqLost)}`);
  const sum = summariseTrack(r.track);
  const a = r.assembly;
  if (r.sysid !== undefined && a !== undefined) {
    if (sum !== undefined && a.epochSource !== undefined) {
      lines.push(`  time ${iso(sum.startS)} … ${iso(sum.endS)} (${(sum.endS - sum.startS).toFixed(1)} s, time base ${TIME_BASE[a.epochSource]})`);
    } else if (sum !== undefined) {
      const t = r.track.bootMs;
      lines.push(`  time unknown (no SYSTEM_TIME with a Unix time, no record times); boot clock ${(t[0]! / 1000).toFixed(3)} … ${(t[t.length - 1]! / 1000).toFixed(3)} s`);
    }
    lines.push(`  vehicle: system ${r.sysid}${r.vehicles.length > 1 ? ` (systems ${r.vehicles.join(', ')})` : ''}, ${n(a.fixes)} fixes` +
      (sum === undefined ? '' : `, track ${(sum.lengthM / 1000).toFixed(2)} km, at most ${sum.maxSpeedBetweenFixesMps.toFixed(1)} m/s between fixes`));
    if (sum !== undefined) {
      lines.push(`  box: lat ${sum.minLat.toFixed(6)} … ${sum.maxLat.toFixed(6)}, lon ${sum.minLon.toFixed(6)} … ${sum.maxLon.toFixed(6)}, above home ${sum.minAltAboveHomeM.toFixed(1)} … ${sum.maxAltAboveHomeM.toFixed(1)} m`);
    }
  }
  lines.push(`  messages: ${messages(s).map((m) => `${m.name} ${n(m.count)}`).join(', ') || 'none'}`);
  if (r.sortie !== undefined && a !== undefined) {
    const d = Object.entries(a.dropped).filter(([, c]) => c > 0).map(([k, c]) => `${k} ${c}`);
    lines.push(`  gas: ${n(r.sortie.count)} samples of ${r.sortie.species.map((x) => `${x.key} (${x.unit})`).join(', ')} from ${n(a.gasReadings)} readings; ${n(a.heldValues)} values held; dropped ${d.length === 0 ? 'none' : d.join(', ')}`);
  } else lines.push('  gas: none');
  return lines.join('\n') + '\n';
}

function warn(io: CliIo, ws: readonly MavlinkWarning[]): void {
  for (const w of ws) io.stderr(`warning: ${w.code}: ${w.message}${w.count > 1 ? ` (${n(w.count)} times)` : ''}\n`);
}

export const tlog: Command = {
  name: 'tlog',
  summary: 'read MAVLink telemetry: packet stats, the track, and the sortie its gas readings make',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseFlagsWithPositionals(args, OPTIONS, USAGE);
    if (positionals.length !== 1) throw new NarizError('NARIZ_USAGE', `tlog takes exactly one telemetry file, got ${positionals.length}\n${USAGE.split('\n')[0]}`);
    const file = positionals[0]!;
    const chemicals = chemicalTable(values.chemicals);
    const format = values.raw === true ? 'raw' : 'tlog';
    const r = await telemetryFileToSortie(file, {
      format,
      lenient: values.lenient === true,
      chemicals,
      ...(values['sensor-map'] !== undefined ? { sensorMap: readSensorMapFile(values['sensor-map'], { chemicals }) } : {}),
      ...(values.sysid !== undefined ? { sysid: integerFlag(values.sysid, 'sysid', 1, 255) } : {}),
    });
    const warnings = [...r.warnings];
    if (format === 'tlog' && r.stats.packets === 0 && r.stats.bytes > 0) {
      warnings.push({ code: 'TLOG_NO_RECORDS', count: 1, exampleOffsets: [], message: `no tlog record found in ${r.stats.bytes} bytes; if the file is a raw MAVLink capture, read it with --raw` });
    }
    let written: string | null = null;
    if (values.out !== undefined && r.sortie !== undefined) {
      writeFileSync(values.out, writeSortieCsv(r.sortie));
      written = values.out;
    }
    if (values.json === true) io.stdout(JSON.stringify(tlogJson(basename(file), format, r, written)) + '\n');
    else {
      io.stdout(table(basename(file), r));
      if (written !== null) io.stdout(`wrote ${written} (${n(r.sortie!.count)} samples)\n`);
    }
    warn(io, warnings);
    if (values.out !== undefined && r.sortie === undefined) {
      throw new NarizError('NARIZ_MAVLINK', `no sortie to write to ${values.out}: ${r.sysid === undefined ? 'no vehicle in the telemetry' : `system ${r.sysid} sent no gas readings that could be placed`} (see the warnings)`, { file });
    }
    return 0;
  },
};
