/**
 * Telemetry → Sortie for one vehicle (one MAVLink system id), incrementally:
 * push frames as they come, `take()` the samples completed since the last
 * take (a live batch), `finish()` at the end. docs/formats/mavlink.md
 * states the rules as a contract; in short:
 *
 * - One sample per gas reading set: readings (NAMED_VALUE_FLOAT named by the
 *   convention, DEBUG_FLOAT_ARRAY elements by the sensor map) within
 *   `gasSetWindowMs` of the set's first reading, no species twice. The
 *   sample's time is the first reading's `time_boot_ms`.
 * - Position: linear between the GLOBAL_POSITION_INT fixes around that time
 *   (fixes more than `maxFixGapMs` apart are not bridged); height is
 *   `relative_alt`, above home, not above the ground below.
 * - Wind: the latest WIND / WIND_COV at or before the sample, at most
 *   `windStaleMs` old. WIND has no time field: it is stamped with the
 *   vehicle clock (the latest boot time seen) when it arrives.
 * - Air temperature and pressure: `temp_c` / `pres_hpa` readings, else
 *   SCALED_PRESSURE's pressure, else 25 °C / 1013.25 hPa.
 * - Species are fixed `speciesSettleMs` after the first gas reading (every
 *   batch of a live sortie has the same columns); a species missing from a
 *   sample takes its last value if at most `gasHoldMs` old, else the sample
 *   is dropped: a Sortie holds no NaN.
 * - Unix time: see epoch.ts (SYSTEM_TIME, else receive times). Samples and
 *   track points wait until it is known.
 *
 * Every sample is complete when it leaves, so the concatenation of the
 * `take()` batches equals the sortie of one `finish()` (tested).
 */
import {
  SortieBuilder, STABILITY_UNKNOWN, STANDARD_PRESSURE_HPA, STANDARD_TEMP_C, builtinChemicals, toKgM3Factor, windFromToUv,
  type Chemical, type ChemicalTable, type ConcentrationUnit, type Sortie, type SortieShape, type SpeciesInfo,
} from '@nariz/core';
import { PRESSURE_RANGE_HPA, TEMP_RANGE_C } from '../sortie-csv/rows.js';
import { BootEpoch, type EpochSource } from './epoch.js';
import type { MavlinkFrame } from './frame.js';
import { resolveReadingName, type Channel, type NameMeaning } from './gas-names.js';
import { TimedHistory } from './history.js';
import { decodeTelemetryMessage, type Attitude, type DebugFloatArray, type GlobalPositionInt, type NamedValueFloat } from './messages.js';
import { EMPTY_SENSOR_MAP, type SensorMap } from './sensor-map.js';
import { TrackBuilder, type VehicleTrack } from './track.js';
import { MAVLINK_WARNING_CODES as W, MavlinkWarningTally, type MavlinkWarning } from './warnings.js';

export interface AssemblyLimits {
  /** Readings within this of a set's first reading (and no species twice) form one sample. */
  readonly gasSetWindowMs: number;
  /** An open set closes once the vehicle clock is this far past its first reading. */
  readonly gasSetCloseMs: number;
  /** Fixes further apart than this are not interpolated between. */
  readonly maxFixGapMs: number;
  /** Wind older than this is not used. */
  readonly windStaleMs: number;
  /** A species missing from a sample takes its last value if at most this old. */
  readonly gasHoldMs: number;
  /** Temperature and pressure older than this are not used. */
  readonly metStaleMs: number;
  /** The sortie's species are fixed this long after the first gas reading. */
  readonly speciesSettleMs: number;
  /** How long to wait for SYSTEM_TIME before falling back on receive times. */
  readonly epochWaitMs: number;
  /** A boot time this far behind the vehicle clock means the vehicle rebooted. */
  readonly rebootBackMs: number;
  /** An ATTITUDE within this of a fix joins it in the track. */
  readonly attitudeMatchMs: number;
  /** Gas sets waiting to be placed, at most (when no fix or time base ever comes); the oldest are dropped beyond. */
  readonly maxPendingSets: number;
}

export const DEFAULT_ASSEMBLY_LIMITS: AssemblyLimits = {
  gasSetWindowMs: 50,
  gasSetCloseMs: 1000,
  maxFixGapMs: 2500,
  windStaleMs: 5000,
  gasHoldMs: 2000,
  metStaleMs: 10_000,
  speciesSettleMs: 3000,
  epochWaitMs: 10_000,
  rebootBackMs: 10_000,
  attitudeMatchMs: 500,
  maxPendingSets: 100_000,
};

export interface TelemetryAssemblerOptions {
  /** The vehicle: frames from other systems are ignored. */
  readonly sysid: number;
  readonly chemicals?: ChemicalTable;
  readonly sensorMap?: SensorMap;
  readonly limits?: Partial<AssemblyLimits>;
}

export type DropReason = 'noPosition' | 'fixGap' | 'noWind' | 'noTime' | 'missingSpecies' | 'overflow';

export interface AssemblyStats {
  /** GLOBAL_POSITION_INT accepted into the track. */
  readonly fixes: number;
  readonly fixesWithoutGps: number;
  readonly fixesOutOfOrder: number;
  /** Gas readings accepted (finite, known species). */
  readonly gasReadings: number;
  /** Gas reading sets closed: the samples there would be if every one could be placed. */
  readonly gasSets: number;
  readonly samples: number;
  /** Species values filled from an earlier reading. */
  readonly heldValues: number;
  readonly dropped: Readonly<Record<DropReason, number>>;
  readonly epochSource: EpochSource | undefined;
  /** Unix seconds minus boot seconds. */
  readonly epochOffsetS: number | undefined;
  readonly reboots: number;
}

interface Fix {
  readonly latDeg: number;
  readonly lonDeg: number;
  readonly altMslM: number;
  readonly altAboveHomeM: number;
  readonly groundSpeedMps: number;
  readonly courseDeg: number;
}

interface Slot {
  readonly key: string;
  readonly chemical: Chemical;
  readonly unit: ConcentrationUnit;
}

interface Reading {
  readonly unit: ConcentrationUnit;
  readonly value: number;
}

interface GasSet {
  readonly t0: number;
  /** By chemical name. */
  readonly readings: Map<string, Reading>;
  readonly offset: number;
}

/** DEBUG_FLOAT_ARRAY / WIND_COV times at or above this many µs are Unix times (2001-09-09), below it times since boot. */
const UNIX_TIME_THRESHOLD_US = 1e15;

export class TelemetryAssembler {
  readonly sysid: number;
  private readonly limits: AssemblyLimits;
  private readonly chemicals: ChemicalTable;
  private readonly sensorMap: SensorMap;
  private readonly tally = new MavlinkWarningTally();
  private readonly epoch: BootEpoch;
  private readonly names = new Map<string, NameMeaning>();

  private clockMs = -Infinity;
  private lastFixMs = -Infinity;
  private firstFixMs: number | undefined;
  private readonly fixes = new TimedHistory<Fix>();
  private readonly attitudes = new TimedHistory<Attitude>();
  private readonly winds = new TimedHistory<readonly [number, number]>();
  private readonly baroHpa = new TimedHistory<number>();
  private readonly tempsC = new TimedHistory<number>();
  private readonly pressuresHpa = new TimedHistory<number>();
  private readonly trackPending: Array<{ readonly tMs: number; readonly fix: Fix }> = [];
  private readonly track = new TrackBuilder();

  private open: GasSet | undefined;
  private pending: GasSet[] = [];
  private firstGasMs: number | undefined;
  private readonly seen = new Map<string, Slot>();
  private slots: Slot[] | undefined;
  private readonly lastValue = new Map<string, { readonly tMs: number; readonly reading: Reading }>();
  private finished = false;

  /** The samples, once the species (slots) are known. */
  private out: SortieBuilder | undefined;

  private readonly counts = {
    fixes: 0, fixesWithoutGps: 0, fixesOutOfOrder: 0, gasReadings: 0, gasSets: 0, samples: 0, heldValues: 0, reboots: 0,
    dropped: { noPosition: 0, fixGap: 0, noWind: 0, noTime: 0, missingSpecies: 0, overflow: 0 } as Record<DropReason, number>,
  };

  constructor(opts: TelemetryAssemblerOptions) {
    this.sysid = opts.sysid;
    this.limits = { ...DEFAULT_ASSEMBLY_LIMITS, ...opts.limits };
    this.chemicals = opts.chemicals ?? builtinChemicals();
    this.sensorMap = opts.sensorMap ?? EMPTY_SENSOR_MAP;
    this.epoch = new BootEpoch(this.limits.epochWaitMs);
  }

  /** Takes one frame; frames from other systems and messages Nariz does not read are ignored. */
  push(frame: MavlinkFrame): void {
    if (this.finished) throw new Error('TelemetryAssembler.push after finish(); make a new assembler');
    if (frame.sysid !== this.sysid) return;
    const m = decodeTelemetryMessage(frame);
    if (m === undefined) return;
    const ts = frame.timestampUs;
    switch (m.kind) {
      case 'system_time':
        this.clock(m.msg.timeBootMs, ts);
        this.epoch.systemTime(m.msg.timeUnixUs, m.msg.timeBootMs);
        break;
      case 'global_position_int':
        this.clock(m.msg.timeBootMs, ts);
        this.fix(m.msg, frame.offset);
        break;
      case 'attitude':
        this.clock(m.msg.timeBootMs, ts);
        this.attitudes.push(m.msg.timeBootMs, m.msg);
        break;
      case 'scaled_pressure':
        this.clock(m.msg.timeBootMs, ts);
        if (m.msg.pressureHpa >= PRESSURE_RANGE_HPA[0] && m.msg.pressureHpa <= PRESSURE_RANGE_HPA[1]) this.baroHpa.push(m.msg.timeBootMs, m.msg.pressureHpa);
        break;
      case 'wind':
        if (Number.isFinite(this.clockMs) && Number.isFinite(m.msg.speedMps) && Number.isFinite(m.msg.fromDeg) && m.msg.speedMps >= 0) {
          this.winds.push(this.clockMs, windFromToUv(m.msg.speedMps, ((m.msg.fromDeg % 360) + 360) % 360));
        }
        break;
      case 'wind_cov': {
        const t = this.bootMsOf(m.msg.timeUs);
        // NED velocity of the air: north is v, east is u.
        if (t !== undefined && Number.isFinite(m.msg.northMps) && Number.isFinite(m.msg.eastMps)) this.winds.push(t, [m.msg.eastMps, m.msg.northMps]);
        break;
      }
      case 'named_value_float':
        this.namedValue(m.msg, frame.offset);
        break;
      case 'debug_float_array':
        this.debugArray(m.msg, frame.offset);
        break;
      case 'heartbeat':
        break;
    }
    this.advance(false);
  }

  /** The samples completed since the last take, or undefined when there are none. */
  take(): Sortie | undefined {
    const out = this.out;
    return out === undefined || out.count === 0 ? undefined : out.take();
  }

  /** The input ended: places what can still be placed, drops the rest (counted), and returns the samples since the last take. */
  finish(): Sortie | undefined {
    if (!this.finished) {
      this.epoch.finish();
      this.advance(true);
      this.finished = true;
    }
    return this.take();
  }

  /** Track points completed since the last call (a point waits for its attitude and for the time base). */
  takeTrack(): VehicleTrack | undefined {
    return this.track.length === 0 ? undefined : this.track.take();
  }

  /** The sortie's species, once fixed (what the server needs to create a live sortie). */
  shape(): SortieShape | undefined {
    return this.slots === undefined ? undefined : { species: this.speciesInfo(this.slots), hasPath: false };
  }

  private speciesInfo(slots: readonly Slot[]): SpeciesInfo[] {
    return slots.map((s) => ({ key: s.key, chemical: s.chemical.name, molarMassGmol: s.chemical.molarMassGmol, unit: s.unit }));
  }

  get stats(): AssemblyStats {
    const c = this.counts;
    return {
      fixes: c.fixes, fixesWithoutGps: c.fixesWithoutGps, fixesOutOfOrder: c.fixesOutOfOrder, gasReadings: c.gasReadings, gasSets: c.gasSets,
      samples: c.samples, heldValues: c.heldValues, dropped: { ...c.dropped }, epochSource: this.epoch.source, epochOffsetS: this.epoch.offset, reboots: c.reboots,
    };
  }

  warnings(): MavlinkWarning[] {
    const out = this.tally.list();
    if (this.epoch.disagreementS > 1) {
      out.push({ code: W.timeBasesDiffer, count: 1, exampleOffsets: [],
        message: `SYSTEM_TIME came after the receive times had fixed the time base and disagrees with it by up to ${this.epoch.disagreementS.toFixed(1)} s; sample times follow the receive times` });
    }
    return out;
  }

  // ---- inputs ---------------------------------------------------------------

  private clock(bootMs: number, timestampUs: number | undefined): void {
    if (bootMs < this.clockMs - this.limits.rebootBackMs) this.reboot(bootMs);
    if (bootMs > this.clockMs) this.clockMs = bootMs;
    if (timestampUs !== undefined) this.epoch.receive(timestampUs, bootMs);
  }

  /** Boot ms of a µs time that may be Unix or since boot (WIND_COV, DEBUG_FLOAT_ARRAY). */
  private bootMsOf(timeUs: number): number | undefined {
    if (timeUs < UNIX_TIME_THRESHOLD_US) return timeUs / 1000;
    const off = this.epoch.offset;
    if (off !== undefined) return (timeUs / 1e6 - off) * 1000;
    return Number.isFinite(this.clockMs) ? this.clockMs : undefined;
  }

  private fix(g: GlobalPositionInt, offset: number): void {
    if (g.latDeg === 0 && g.lonDeg === 0) {
      this.counts.fixesWithoutGps++;
      this.tally.add(W.noGpsFix, 'GLOBAL_POSITION_INT at 0°, 0° (no GPS fix yet) is not a position; skipped', offset);
      return;
    }
    if (g.timeBootMs <= this.lastFixMs) {
      this.counts.fixesOutOfOrder++;
      this.tally.add(W.fixOutOfOrder, `GLOBAL_POSITION_INT at boot ${(g.timeBootMs / 1000).toFixed(3)} s arrived after one at ${(this.lastFixMs / 1000).toFixed(3)} s; skipped`, offset);
      return;
    }
    this.lastFixMs = g.timeBootMs;
    this.firstFixMs ??= g.timeBootMs;
    this.counts.fixes++;
    const fix: Fix = {
      latDeg: g.latDeg, lonDeg: g.lonDeg, altMslM: g.altMslM, altAboveHomeM: g.altAboveHomeM,
      groundSpeedMps: Math.hypot(g.vNorthMps, g.vEastMps), courseDeg: g.headingDeg,
    };
    this.fixes.push(g.timeBootMs, fix);
    this.trackPending.push({ tMs: g.timeBootMs, fix });
  }

  private meaning(name: string): NameMeaning {
    const n = name.trim().toLowerCase();
    let m: NameMeaning | undefined = this.sensorMap.namedValues.get(n) ?? this.names.get(n);
    if (m === undefined) {
      m = resolveReadingName(n, this.chemicals);
      this.names.set(n, m);
    }
    return m;
  }

  private namedValue(nv: NamedValueFloat, offset: number): void {
    const m = this.meaning(nv.name);
    if (m.kind === 'other') {
      this.tally.add(W.namedValueIgnored, `NAMED_VALUE_FLOAT "${nv.name}" is not a gas reading ("<species>_<unit>") nor temp_c / pres_hpa; ignored`, offset, `nvf:${nv.name}`);
      return;
    }
    if (m.kind === 'unknown-species') {
      this.tally.add(W.unknownSpecies, `NAMED_VALUE_FLOAT "${nv.name}": species "${m.species}" is not in the chemical table nor a short code; ignored`, offset, `species:${m.species}`);
      return;
    }
    this.channel(nv.timeBootMs, m, nv.value, offset, `NAMED_VALUE_FLOAT "${nv.name}"`);
  }

  private debugArray(d: DebugFloatArray, offset: number): void {
    const map = this.sensorMap;
    const channels = d.name.trim().toLowerCase() === map.debugArrayName ? map.arrays.get(d.arrayId) : undefined;
    if (channels === undefined) {
      this.tally.add(W.debugArrayIgnored, `DEBUG_FLOAT_ARRAY "${d.name}" array_id ${d.arrayId} is not described by the sensor map; ignored`, offset, `dfa:${d.name}:${d.arrayId}`);
      return;
    }
    const t = this.bootMsOf(d.timeUs);
    if (t === undefined) return;
    channels.forEach((c, i) => {
      if (c !== undefined) this.channel(t, c, d.data[i]!, offset, `DEBUG_FLOAT_ARRAY "${d.name}"[${i}]`);
    });
  }

  private channel(tMs: number, c: Channel, value: number, offset: number, what: string): void {
    if (!Number.isFinite(value)) {
      this.tally.add(W.badValue, `${what} is ${value}; ignored`, offset);
      return;
    }
    if (c.kind === 'temp') {
      if (value >= TEMP_RANGE_C[0] && value <= TEMP_RANGE_C[1]) this.tempsC.push(tMs, value);
      else this.tally.add(W.badValue, `${what}: air temperature ${value} °C is outside ${TEMP_RANGE_C[0]}..${TEMP_RANGE_C[1]}; ignored`, offset);
      return;
    }
    if (c.kind === 'pressure') {
      if (value >= PRESSURE_RANGE_HPA[0] && value <= PRESSURE_RANGE_HPA[1]) this.pressuresHpa.push(tMs, value);
      else this.tally.add(W.badValue, `${what}: air pressure ${value} hPa is outside ${PRESSURE_RANGE_HPA[0]}..${PRESSURE_RANGE_HPA[1]}; ignored`, offset);
      return;
    }
    const name = c.chemical.name;
    let slot = this.seen.get(name);
    if (slot === undefined) {
      if (this.slots !== undefined) {
        this.tally.add(W.lateSpecies, `${what}: ${name} first appeared after the sortie's species were fixed (${this.slots.map((s) => s.key).join(', ')}); ignored`, offset, `late:${name}`);
        return;
      }
      slot = { key: c.key, chemical: c.chemical, unit: c.unit };
      this.seen.set(name, slot);
    }
    this.counts.gasReadings++;
    this.firstGasMs ??= tMs;
    const open = this.open;
    if (open !== undefined && (tMs < open.t0 || tMs - open.t0 > this.limits.gasSetWindowMs || open.readings.has(name))) this.closeOpen();
    this.open ??= { t0: tMs, readings: new Map(), offset };
    this.open.readings.set(name, { unit: c.unit, value });
  }

  // ---- assembly -------------------------------------------------------------

  private closeOpen(): void {
    const s = this.open;
    if (s === undefined) return;
    this.open = undefined;
    this.counts.gasSets++;
    let i = this.pending.length;
    while (i > 0 && this.pending[i - 1]!.t0 > s.t0) i--;
    this.pending.splice(i, 0, s);
    if (this.pending.length > this.limits.maxPendingSets) this.drop(this.pending.shift()!, 'overflow', `more than ${this.limits.maxPendingSets} gas sets waiting for a position or a time base`);
  }

  private advance(flush: boolean): void {
    const L = this.limits;
    this.epoch.tick(this.clockMs, this.firstFixMs);
    if (this.open !== undefined && (flush || this.clockMs - this.open.t0 > L.gasSetCloseMs)) this.closeOpen();
    if (this.slots === undefined && this.pending.length > 0 && (flush || this.clockMs - this.firstGasMs! >= L.speciesSettleMs)) this.lockSpecies();
    this.place(flush);
    this.finishTrackPoints(flush);
    // Keep what a set arriving up to a few seconds late could still need.
    const keepMs = Math.max(L.maxFixGapMs, L.windStaleMs, L.gasHoldMs, L.metStaleMs, L.attitudeMatchMs) + L.gasSetCloseMs;
    const oldest = Math.min(this.pending[0]?.t0 ?? Infinity, this.open?.t0 ?? Infinity, this.trackPending[0]?.tMs ?? Infinity, this.clockMs);
    const horizon = oldest - keepMs;
    if (Number.isFinite(horizon)) {
      this.fixes.trimBefore(horizon);
      this.attitudes.trimBefore(horizon);
      this.winds.trimBefore(horizon);
      this.baroHpa.trimBefore(horizon);
      this.tempsC.trimBefore(horizon);
      this.pressuresHpa.trimBefore(horizon);
    }
  }

  private lockSpecies(): void {
    this.slots = [...this.seen.values()];
    this.out = new SortieBuilder(this.speciesInfo(this.slots));
  }

  /** Turns pending gas sets into samples, oldest first, as far as fixes, wind and the time base allow. */
  private place(flush: boolean): void {
    const slots = this.slots;
    const out = this.out;
    if (slots === undefined || out === undefined) return;
    const L = this.limits;
    while (this.pending.length > 0) {
      const s = this.pending[0]!;
      if (!this.epoch.decided) {
        if (!flush) return;
        this.drop(s, 'noTime', 'no time base: no SYSTEM_TIME with a Unix time and no receive times');
        this.pending.shift();
        continue;
      }
      const after = this.fixes.firstAtOrAfter(s.t0);
      if (after === undefined && !flush) return;
      this.pending.shift();
      // Readings are remembered for holding even when their sample cannot be placed.
      const held = slots.map((sl) => (s.readings.has(sl.chemical.name) ? undefined : this.lastValue.get(sl.chemical.name)));
      for (const [name, reading] of s.readings) this.lastValue.set(name, { tMs: s.t0, reading });
      if (after === undefined) {
        this.drop(s, 'noPosition', 'after the last position fix');
        continue;
      }
      const before = this.fixes.latestAtOrBefore(s.t0);
      if (before === undefined) {
        this.drop(s, 'noPosition', 'before the first position fix');
        continue;
      }
      if (after.tMs - before.tMs > L.maxFixGapMs) {
        this.drop(s, 'fixGap', `the fixes around it are ${((after.tMs - before.tMs) / 1000).toFixed(1)} s apart (limit ${L.maxFixGapMs / 1000} s)`);
        continue;
      }
      const wind = this.winds.latestAtOrBefore(s.t0, L.windStaleMs);
      if (wind === undefined) {
        this.drop(s, 'noWind', `no WIND or WIND_COV in the ${L.windStaleMs / 1000} s before it`);
        continue;
      }
      const values: Reading[] = [];
      let missing: Slot | undefined;
      slots.forEach((sl, i) => {
        const r = s.readings.get(sl.chemical.name);
        if (r !== undefined) return void values.push(r);
        const h = held[i];
        if (h !== undefined && s.t0 - h.tMs <= L.gasHoldMs) {
          values.push(h.reading);
          this.counts.heldValues++;
          this.tally.add(W.valueHeld, `${sl.key} missing from the reading set at boot ${(s.t0 / 1000).toFixed(3)} s; its reading ${((s.t0 - h.tMs) / 1000).toFixed(3)} s earlier was used (limit ${L.gasHoldMs / 1000} s)`, s.offset);
        } else missing ??= sl;
      });
      if (missing !== undefined) {
        this.drop(s, 'missingSpecies', `no ${missing.key} reading in it nor in the ${L.gasHoldMs / 1000} s before (a Sortie holds no NaN)`);
        continue;
      }
      const metT = s.t0 + L.gasSetWindowMs;
      const tempC = this.tempsC.latestAtOrBefore(metT, L.metStaleMs)?.value ?? STANDARD_TEMP_C;
      const pressureHpa = this.pressuresHpa.latestAtOrBefore(metT, L.metStaleMs)?.value ?? this.baroHpa.latestAtOrBefore(metT, L.metStaleMs)?.value ?? STANDARD_PRESSURE_HPA;

      const f = after.tMs === before.tMs ? 0 : (s.t0 - before.tMs) / (after.tMs - before.tMs);
      const a = before.value;
      const b = after.value;
      let dLon = b.lonDeg - a.lonDeg;
      if (dLon > 180) dLon -= 360;
      else if (dLon < -180) dLon += 360;
      let lon = a.lonDeg + f * dLon;
      if (lon > 180) lon -= 360;
      else if (lon < -180) lon += 360;
      let alt = a.altAboveHomeM + f * (b.altAboveHomeM - a.altAboveHomeM);
      if (alt < 0) {
        this.tally.add(W.altitudeClamped, `height above home ${alt.toFixed(2)} m at boot ${(s.t0 / 1000).toFixed(3)} s set to 0 (alt_agl_m must be >= 0)`, s.offset);
        alt = 0;
      }
      const next = out.next;
      next.timeS = this.epoch.unixS(s.t0);
      next.lat = a.latDeg + f * (b.latDeg - a.latDeg);
      next.lon = lon;
      next.altAglM = alt;
      next.windU = wind.value[0];
      next.windV = wind.value[1];
      next.tempC = tempC;
      next.pressureHpa = pressureHpa;
      next.stability = STABILITY_UNKNOWN;
      slots.forEach((sl, i) => {
        const r = values[i]!;
        next.kgM3[i] = r.value * toKgM3Factor(r.unit, sl.chemical.molarMassGmol, tempC, pressureHpa);
      });
      out.commit();
      this.counts.samples++;
    }
  }

  private finishTrackPoints(flush: boolean): void {
    const L = this.limits;
    while (this.trackPending.length > 0) {
      const p = this.trackPending[0]!;
      // The ATTITUDE of the same instant often arrives just after the fix.
      if (!flush && (!this.epoch.decided || this.clockMs <= p.tMs + L.attitudeMatchMs)) return;
      this.trackPending.shift();
      const att = this.attitudes.nearest(p.tMs, L.attitudeMatchMs)?.value;
      const f = p.fix;
      this.track.push({
        timeS: this.epoch.decided ? this.epoch.unixS(p.tMs) : NaN, bootMs: p.tMs,
        lat: f.latDeg, lon: f.lonDeg, altMslM: f.altMslM, altAboveHomeM: f.altAboveHomeM, groundSpeedMps: f.groundSpeedMps, courseDeg: f.courseDeg,
        rollRad: att?.rollRad ?? NaN, pitchRad: att?.pitchRad ?? NaN, yawRad: att?.yawRad ?? NaN,
      });
    }
  }

  private drop(s: GasSet, reason: DropReason, why: string): void {
    this.counts.dropped[reason]++;
    this.tally.add(W.sampleDropped, `the gas reading set at boot ${(s.t0 / 1000).toFixed(3)} s was dropped: ${why}`, s.offset, `drop:${reason}`);
  }

  /** The boot clock went back: the vehicle restarted. What can be placed is placed; positions, wind and time base start again. */
  private reboot(bootMs: number): void {
    this.counts.reboots++;
    this.tally.add(W.reboot, `the boot clock went back from ${(this.clockMs / 1000).toFixed(3)} s to ${(bootMs / 1000).toFixed(3)} s: the vehicle restarted`);
    this.epoch.finish();
    this.advance(true);
    this.fixes.clear();
    this.attitudes.clear();
    this.winds.clear();
    this.baroHpa.clear();
    this.tempsC.clear();
    this.pressuresHpa.clear();
    this.lastValue.clear();
    this.epoch.reset();
    this.clockMs = bootMs;
    this.lastFixMs = -Infinity;
    this.firstFixMs = undefined;
  }
}
