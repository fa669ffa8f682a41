/**
 * A whole telemetry log → the sortie and track of one vehicle. Every
 * system in the log gets an assembler; the vehicle is the one asked for
 * (`sysid`), else the one with the most samples, then the most fixes.
 * Telemetry without gas readings gives the track and no sortie, with a
 * MAVLINK_NO_GAS warning: a sortie needs at least one species (the sortie
 * CSV has no file without a concentration column).
 */
import { NarizError, type ChemicalTable, type Sortie } from '@nariz/core';
import { TelemetryAssembler, type AssemblyLimits, type AssemblyStats } from './assembler.js';
import type { DecoderStats } from './decoder-stats.js';
import type { MavlinkFrame } from './frame.js';
import { createFrameDecoder, readTelemetryFile, type TelemetryReadOptions } from './read.js';
import type { SensorMap } from './sensor-map.js';
import { emptyTrack, type VehicleTrack } from './track.js';
import { MAVLINK_WARNING_CODES as W, type MavlinkWarning } from './warnings.js';

export interface TelemetrySortieOptions extends TelemetryReadOptions {
  /** The vehicle's MAVLink system id; default: the system with the most samples, then the most fixes. */
  sysid?: number;
  chemicals?: ChemicalTable;
  sensorMap?: SensorMap;
  limits?: Partial<AssemblyLimits>;
}

export interface TelemetrySortieResult {
  /** Undefined when the vehicle sent no gas readings that could be placed (see warnings). */
  readonly sortie: Sortie | undefined;
  readonly track: VehicleTrack;
  /** The vehicle read; undefined when no system sent positions or gas readings. */
  readonly sysid: number | undefined;
  /** Systems that sent positions or gas readings. */
  readonly vehicles: readonly number[];
  readonly stats: DecoderStats;
  readonly assembly: AssemblyStats | undefined;
  /** The decoder's, then the vehicle's. */
  readonly warnings: MavlinkWarning[];
}

class VehicleRouter {
  private readonly bySysid = new Map<number, TelemetryAssembler>();
  /** Every system id in the input, for the message when the one asked for is absent. */
  private readonly systems = new Set<number>();

  constructor(private readonly opts: TelemetrySortieOptions) {}

  push(frames: readonly MavlinkFrame[]): void {
    const o = this.opts;
    for (const f of frames) {
      this.systems.add(f.sysid);
      if (o.sysid !== undefined && f.sysid !== o.sysid) continue;
      let a = this.bySysid.get(f.sysid);
      if (a === undefined) {
        a = new TelemetryAssembler({
          sysid: f.sysid,
          ...(o.chemicals !== undefined ? { chemicals: o.chemicals } : {}),
          ...(o.sensorMap !== undefined ? { sensorMap: o.sensorMap } : {}),
          ...(o.limits !== undefined ? { limits: o.limits } : {}),
        });
        this.bySysid.set(f.sysid, a);
      }
      a.push(f);
    }
  }

  result(stats: DecoderStats, decoderWarnings: MavlinkWarning[]): TelemetrySortieResult {
    const finished = [...this.bySysid.values()].map((a) => ({ a, sortie: a.finish(), track: a.takeTrack() ?? emptyTrack(), s: a.stats }));
    const vehicles = finished.filter((v) => v.s.fixes > 0 || v.s.gasReadings > 0);
    if (this.opts.sysid !== undefined && vehicles.length === 0) {
      throw new NarizError('NARIZ_MAVLINK', `no position or gas reading from system ${this.opts.sysid}; systems in the input: ${[...this.systems].sort((x, y) => x - y).join(', ') || 'none'}`, this.opts.fileName === undefined ? undefined : { file: this.opts.fileName });
    }
    const warnings = [...decoderWarnings];
    const best = vehicles.sort((x, y) => y.s.samples - x.s.samples || y.s.fixes - x.s.fixes || x.a.sysid - y.a.sysid)[0];
    const ids = vehicles.map((v) => v.a.sysid).sort((x, y) => x - y);
    if (best === undefined) {
      warnings.push({ code: W.noGas, count: 1, exampleOffsets: [], message: 'no system sent positions (GLOBAL_POSITION_INT) or gas readings: no track and no sortie' });
      return { sortie: undefined, track: emptyTrack(), sysid: undefined, vehicles: ids, stats, assembly: undefined, warnings };
    }
    if (vehicles.length > 1) {
      warnings.push({ code: W.multipleVehicles, count: vehicles.length, exampleOffsets: [],
        message: `systems ${ids.join(', ')} sent positions or gas readings; read system ${best.a.sysid} (choose another with sysid)` });
    }
    warnings.push(...best.a.warnings());
    if (best.s.gasReadings === 0) {
      warnings.push({ code: W.noGas, count: 1, exampleOffsets: [],
        message: `system ${best.a.sysid} sent no gas readings (no NAMED_VALUE_FLOAT named "<species>_<unit>", no DEBUG_FLOAT_ARRAY described by a sensor map): the track is read, there is no sortie` });
    } else if (best.sortie === undefined) {
      warnings.push({ code: W.noGas, count: 1, exampleOffsets: [],
        message: `system ${best.a.sysid} sent ${best.s.gasReadings} gas reading(s) but none could be placed (see ${W.sampleDropped}): there is no sortie` });
    }
    return { sortie: best.sortie, track: best.track, sysid: best.a.sysid, vehicles: ids, stats, assembly: best.s, warnings };
  }
}

/** The sortie and track of a tlog (or, with `format: 'raw'`, a raw MAVLink capture) in memory. */
export function tlogToSortie(bytes: Uint8Array, opts: TelemetrySortieOptions = {}): TelemetrySortieResult {
  const d = createFrameDecoder(opts);
  const router = new VehicleRouter(opts);
  router.push(d.push(bytes));
  router.push(d.end());
  return router.result(d.stats, d.warnings());
}

/** As tlogToSortie, reading the file in pieces (constant memory besides the sortie and track). */
export async function telemetryFileToSortie(path: string, opts: TelemetrySortieOptions = {}): Promise<TelemetrySortieResult> {
  const router = new VehicleRouter({ fileName: path, ...opts });
  const read = await readTelemetryFile(path, opts, (frames) => router.push(frames));
  return router.result(read.stats, read.warnings);
}
