/**
 * Adaptive search for a live sortie: the next waypoints that are expected
 * to teach the most about where the sources are, per metre flown.
 *
 *   POST /api/sorties/:id/suggest-waypoints
 *        {from?, area?, authority_id?, max_turn_deg?, flight_margin_m?}
 *        → the waypoints, their expected information gain, and their
 *          airspace check against the authority when one is named
 *
 * The belief is built from the sortie's samples and its newest finished
 * localisation (before the first one, only the undiscovered-source
 * hypothesis with the track flown as negative evidence). The drone's
 * position, height and heading default to the sortie's last samples; the
 * search area to the track's extent. The planner runs in a worker thread
 * (jobs/suggest-runner.ts), one suggestion at a time: a decision over a
 * 1.4 km square takes 0.1–0.5 s (docs/benchmarks.md), a long thin area
 * many seconds, and live ingest must not wait for either.
 */
import type { FastifyPluginAsync } from 'fastify';
import { LocalFrame, NarizError, sortieId, type Sortie } from '@nariz/core';
import { checkTrack } from '@nariz/flight';
import { planningEstimateFromJson, type PlanningEstimate, type SearchArea } from '@nariz/plume';
import { LOCATE } from '../jobs/job-runner.js';
import { SuggestRunner } from '../jobs/suggest-runner.js';
import type { AuthorityRegistry } from '../flight/authorities.js';
import type { Platform } from '../platform.js';
import { idSchema } from './sortie-json.js';

interface SuggestBody {
  from?: { lat: number; lon: number; alt_m?: number; heading_deg?: number };
  area?: { center: { lat: number; lon: number }; width_m: number; height_m: number };
  authority_id?: string;
  max_turn_deg?: number;
  flight_margin_m?: number;
}

const latLon = {
  lat: { type: 'number', minimum: -90, maximum: 90 },
  lon: { type: 'number', minimum: -180, maximum: 180 },
} as const;

const bodySchema = {
  type: ['object', 'null'],
  properties: {
    from: {
      type: 'object',
      properties: { ...latLon, alt_m: { type: 'number', minimum: 0, maximum: 5000 }, heading_deg: { type: 'number', minimum: -360, maximum: 720 } },
      required: ['lat', 'lon'],
      additionalProperties: false,
    },
    area: {
      type: 'object',
      properties: {
        center: { type: 'object', properties: latLon, required: ['lat', 'lon'], additionalProperties: false },
        width_m: { type: 'number', minimum: 50, maximum: 20000 },
        height_m: { type: 'number', minimum: 50, maximum: 20000 },
      },
      required: ['center', 'width_m', 'height_m'],
      additionalProperties: false,
    },
    authority_id: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,63}$' },
    max_turn_deg: { type: 'number', minimum: 10, maximum: 180 },
    flight_margin_m: { type: 'number', minimum: 0, maximum: 5000 },
  },
  additionalProperties: false,
} as const;

/** The planner needs this many samples to estimate the sensors' noise. */
const MIN_SAMPLES = 240;
/** An area is at least this wide, so a short track still leaves room to search, m. */
const MIN_AREA_M = 400;
/** Default ground speed when the track gives none, m/s. */
const DEFAULT_SPEED_MPS = 10;

/** The track's extent as a search rectangle (at least MIN_AREA_M a side). */
function trackArea(s: Sortie): SearchArea {
  let lat0 = Infinity, lat1 = -Infinity, lon0 = Infinity, lon1 = -Infinity;
  for (let i = 0; i < s.count; i++) {
    lat0 = Math.min(lat0, s.lat[i]!); lat1 = Math.max(lat1, s.lat[i]!);
    lon0 = Math.min(lon0, s.lon[i]!); lon1 = Math.max(lon1, s.lon[i]!);
  }
  const center = { lat: (lat0 + lat1) / 2, lon: (lon0 + lon1) / 2 };
  const f = new LocalFrame(center);
  const [w, sth] = f.project(lat0, lon0);
  const [e, n] = f.project(lat1, lon1);
  return { center, widthM: Math.max(MIN_AREA_M, e - w), heightM: Math.max(MIN_AREA_M, n - sth) };
}

/** Last position, height, heading (from the last move of over 2 m) and ground speed of the track. */
function lastState(s: Sortie): { lat: number; lon: number; altM: number; headingDeg: number; speedMps: number } {
  const k = s.count - 1;
  const f = new LocalFrame({ lat: s.lat[k]!, lon: s.lon[k]! });
  let headingDeg = 0;
  let speedMps = DEFAULT_SPEED_MPS;
  for (let i = k - 1; i >= 0; i--) {
    const [e, n] = f.project(s.lat[i]!, s.lon[i]!);
    const d = Math.hypot(e, n);
    if (d > 2) {
      headingDeg = ((Math.atan2(-e, -n) * 180) / Math.PI + 360) % 360;
      const dt = s.timeS[k]! - s.timeS[i]!;
      if (dt > 0) speedMps = Math.min(60, Math.max(1, d / dt));
      break;
    }
  }
  return { lat: s.lat[k]!, lon: s.lon[k]!, altM: s.altAglM[k]!, headingDeg, speedMps };
}

export const suggestRoutes: FastifyPluginAsync<{ platform: Platform; authorities: AuthorityRegistry }> = async (app, { platform: p, authorities }) => {
  const runner = new SuggestRunner();
  app.post<{ Params: { id: string }; Body: SuggestBody | null | undefined }>(
    '/sorties/:id/suggest-waypoints',
    { config: { right: 'plan:write' }, schema: { params: { type: 'object', properties: { id: idSchema }, required: ['id'] }, body: bodySchema } },
    async (req) => {
      const body = req.body ?? {};
      const rec = await p.store.getSortie(sortieId(req.params.id));
      if (rec === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no sortie "${req.params.id}"`);
      // Before the planner's work: an unknown authority is the caller's mistake.
      const authority = body.authority_id === undefined ? undefined : await authorities.get(body.authority_id);
      const sortie = await p.store.readSamples(rec.id);
      if (sortie.count < MIN_SAMPLES) {
        throw new NarizError('NARIZ_USAGE', `sortie "${rec.id}" has ${sortie.count} samples; suggestions need at least ${MIN_SAMPLES} to know the sensors' noise`);
      }
      const job = await p.store.jobs.latestDone(rec.id, LOCATE);
      let estimate: PlanningEstimate | undefined;
      if (job !== undefined) {
        const stored = (await p.store.jobs.jobResult(job.id)) as { result?: unknown } | undefined;
        if (stored?.result != null) {
          try {
            estimate = planningEstimateFromJson(stored.result);
          } catch (e) {
            throw new NarizError('NARIZ_STORE_CORRUPT', `the stored estimate of job ${job.id} cannot be read: ${e instanceof Error ? e.message : String(e)}`);
          }
        }
      }
      const area: SearchArea = body.area !== undefined
        ? { center: body.area.center, widthM: body.area.width_m, heightM: body.area.height_m }
        : trackArea(sortie);
      const last = lastState(sortie);
      const from = {
        lat: body.from?.lat ?? last.lat,
        lon: body.from?.lon ?? last.lon,
        altM: body.from?.alt_m ?? last.altM,
        headingDeg: body.from?.heading_deg ?? last.headingDeg,
      };
      const s = await runner.run({
        sortie,
        estimate,
        area,
        from,
        options: {
          ...(body.max_turn_deg !== undefined ? { maxTurnDeg: body.max_turn_deg } : {}),
          ...(body.flight_margin_m !== undefined ? { flightMarginM: body.flight_margin_m } : {}),
        },
      });

      let airspace: Record<string, unknown> | null = null;
      if (authority !== undefined) {
        // The suggested path as a track flown from now at the sortie's speed.
        const pts = [{ lat: from.lat, lon: from.lon, altM: from.altM }, ...s.waypoints];
        const t0 = Date.now() / 1000;
        const timeS = [t0];
        const frame = new LocalFrame({ lat: from.lat, lon: from.lon });
        for (let i = 1; i < pts.length; i++) {
          const [e0, n0] = frame.project(pts[i - 1]!.lat, pts[i - 1]!.lon);
          const [e1, n1] = frame.project(pts[i]!.lat, pts[i]!.lon);
          timeS.push(timeS[i - 1]! + Math.hypot(e1 - e0, n1 - n0) / last.speedMps);
        }
        const c = checkTrack({ timeS, lat: pts.map((q) => q.lat), lon: pts.map((q) => q.lon), altAglM: pts.map((q) => q.altM) }, authority);
        airspace = { authority_id: c.authorityId, boundary_source: c.boundarySource, clean: c.excursions.length === 0, excursions: c.excursions };
      }
      return {
        sortie_id: rec.id,
        simulated: rec.simulated,
        estimate_job_id: estimate !== undefined && job !== undefined ? job.id : null,
        from: { lat: from.lat, lon: from.lon, alt_m: from.altM, heading_deg: from.headingDeg },
        area: { center: area.center, width_m: area.widthM, height_m: area.heightM },
        waypoints: s.waypoints.map((w) => ({ lat: w.lat, lon: w.lon, alt_m: w.altM })),
        kind: s.kind,
        expected_gain_bits: s.expectedGainBits,
        gain_per_cluster: s.gainPerCluster.map((g) => ({ label: g.label, bits: g.bits })),
        bits_per_m: s.bitsPerM,
        length_m: s.lengthM,
        candidates_scored: s.candidatesScored,
        ms: s.ms,
        airspace,
      };
    },
  );
};
