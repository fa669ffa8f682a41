/**
 * One vehicle heard over MAVLink (one system id): its telemetry assembler,
 * where it was last, and the live sortie its gas samples go to. The sortie
 * is created when the first samples are complete (a vehicle without gas
 * sensors is shown on the map but makes no sortie); a change of the
 * vehicle's species (a sensor added in flight) starts a new sortie.
 */
import { NarizError, sortieId, type SortieId } from '@nariz/core';
import { TelemetryAssembler, type SensorMap } from '@nariz/formats';
import { airspaceAt } from '@nariz/flight';
import type { Platform } from '../platform.js';
import { ingestSamples } from '../live/ingest.js';
import { sortieJson } from '../routes/sortie-json.js';

export interface VehicleStatus {
  readonly sysid: number;
  /** address:port the datagrams come from. */
  readonly endpoint: string;
  readonly last_seen: string;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly alt_above_home_m: number | null;
  readonly course_deg: number | null;
  readonly ground_speed_mps: number | null;
  readonly sortie_id: string | null;
  readonly samples: number;
  readonly frames: number;
  /** The last position against the live authority: null when none is configured or no position yet. */
  readonly airspace: { readonly authority_id: string; readonly allowed: boolean; readonly inside_forbidden: readonly string[]; readonly since: string } | null;
}

export class VehicleLink {
  private readonly assembler: TelemetryAssembler;
  private sortie: SortieId | undefined;
  private batches = 0;
  private sortieSeq = 0;
  private samples = 0;
  private frames = 0;
  private lastSeen = new Date(0);
  private last: { lat: number; lon: number; alt: number; course: number; speed: number } | undefined;
  private airspace: VehicleStatus['airspace'] = null;

  constructor(
    readonly sysid: number,
    public endpoint: string,
    private readonly p: Platform,
    sensorMap: SensorMap | undefined,
  ) {
    this.assembler = new TelemetryAssembler({ sysid, ...(sensorMap !== undefined ? { sensorMap } : {}) });
  }

  push(frame: Parameters<TelemetryAssembler['push']>[0], at: Date): void {
    this.frames++;
    this.lastSeen = at;
    this.assembler.push(frame);
  }

  /** Publishes where the vehicle is and stores the samples completed since the last flush. */
  async flush(): Promise<void> {
    const track = this.assembler.takeTrack();
    if (track !== undefined && track.count > 0) {
      const i = track.count - 1;
      this.last = { lat: track.lat[i]!, lon: track.lon[i]!, alt: track.altAboveHomeM[i]!, course: track.courseDeg[i]!, speed: track.groundSpeedMps[i]! };
      await this.checkAirspace(new Date(track.timeS[i]! * 1000));
      this.p.hub.publish({ type: 'vehicle', vehicle: { ...this.status() } });
    }
    const samples = this.assembler.take();
    if (samples === undefined || samples.count === 0) return;
    if (this.sortie === undefined) await this.startSortie();
    try {
      await ingestSamples(this.p, this.sortie!, `mav-${this.batches}`, samples);
    } catch (err) {
      if (!(err instanceof NarizError && err.code === 'NARIZ_BATCH_COLUMNS')) throw err;
      // The vehicle's species changed: the rest of the flight is a new sortie.
      await this.startSortie();
      await ingestSamples(this.p, this.sortie!, `mav-${this.batches}`, samples);
    }
    this.batches++;
    this.samples += samples.count;
  }

  /** Where the vehicle is against the live authority; a change is audited (leaving or re-entering permitted airspace). */
  private async checkAirspace(at: Date): Promise<void> {
    const id = this.p.liveAuthorityId;
    if (id === undefined || this.last === undefined) return;
    const a = await this.p.authorities.get(id);
    const v = airspaceAt(a, this.last.lat, this.last.lon);
    const allowed = v.allowed && this.last.alt <= a.altitude.maxM;
    if (this.airspace === null || this.airspace.allowed !== allowed) {
      if (this.airspace !== null || !allowed) {
        await this.p.store.audit.append({
          actor: 'system', action: allowed ? 'vehicle.airspace.reentered' : 'vehicle.airspace.left', target: `sysid:${this.sysid}`,
          details: { authority_id: id, lat: this.last.lat, lon: this.last.lon, alt_above_home_m: this.last.alt, at: at.toISOString(), inside_forbidden: v.insideForbidden },
        });
      }
      this.airspace = { authority_id: id, allowed, inside_forbidden: v.insideForbidden, since: at.toISOString() };
    }
  }

  private async startSortie(): Promise<void> {
    const t = new Date();
    const stamp = t.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
    const id = sortieId(`mav-${this.sysid}-${stamp}${this.sortieSeq > 0 ? `-${this.sortieSeq}` : ''}`);
    this.sortieSeq++;
    this.batches = 0;
    const rec = await this.p.store.createSortie({ id, name: `Vehicle ${this.sysid} (MAVLink, live) ${t.toISOString().slice(0, 16).replace('T', ' ')} UTC`, simulated: false });
    this.p.hub.publish({ type: 'sortie', sortie: sortieJson(rec) });
    await this.p.store.audit.append({ actor: 'system', action: 'sortie.live.start', target: id, details: { sysid: this.sysid, endpoint: this.endpoint } });
    this.sortie = id;
  }

  status(): VehicleStatus {
    return {
      sysid: this.sysid,
      endpoint: this.endpoint,
      last_seen: this.lastSeen.toISOString(),
      lat: this.last?.lat ?? null,
      lon: this.last?.lon ?? null,
      alt_above_home_m: this.last?.alt ?? null,
      course_deg: this.last === undefined || Number.isNaN(this.last.course) ? null : this.last.course,
      ground_speed_mps: this.last?.speed ?? null,
      sortie_id: this.sortie ?? null,
      samples: this.samples,
      frames: this.frames,
      airspace: this.airspace,
    };
  }
}
