/**
 * Flight operations: airspace authorities, flight plans, exports and the
 * airspace check of flown tracks.
 *
 *   GET    /api/authorities                 the authorities (defaults and stored), with their boundary source
 *   GET    /api/authorities/:id             one, with its areas as GeoJSON
 *   PUT    /api/authorities/:id             admin: store a whole authority document
 *   POST   /api/authorities/:id/boundary    admin: replace its boundaries by an official GeoJSON file
 *   DELETE /api/authorities/:id             admin: drop the stored one (a default comes back)
 *   POST   /api/plans/survey                a survey pattern over an area → a stored plan and its estimate
 *   POST   /api/plans                       a plan (Nariz JSON) → stored
 *   POST   /api/plan-imports?name&authority_id   a mission file (.plan, QGC WPL 110, KML) → stored
 *   GET    /api/plans, /api/plans/:id       with timeline, GeoJSON and the check against its authority
 *   PUT    /api/plans/:id, DELETE /api/plans/:id
 *   POST   /api/plans/:id/exports           {format, override?, reason?} → the file; refused (409, with the
 *                                           violations) when the plan leaves permitted airspace, unless an
 *                                           admin overrides with a reason (audited)
 *   GET    /api/sorties/:id/airspace?authority_id   where and when the flown track left permitted airspace
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { NarizError, STABILITY_CLASSES, sortieId, type StabilityClass } from '@nariz/core';
import {
  DEFAULT_VEHICLES, MISSION_FORMAT_IDS, MISSION_FORMATS, authorityGeoJson, authoritySummary, checkTrack, exportVerdict, loadOfficialBoundary, parseAuthority,
  parsePlan, planGeoJson, planTimeline, readMissionFile, surveyPlan, type Authority, type FlightPlan, type MissionFormatId, type VehicleType,
} from '@nariz/flight';
import type { PlanRecord } from '@nariz/store';
import type { Polygon } from 'geojson';
import { principalOf } from '../auth/auth-plugin.js';
import { can } from '../auth/roles.js';
import type { AuthorityRegistry } from '../flight/authorities.js';
import type { Platform } from '../platform.js';
import { idSchema } from './sortie-json.js';

const authorityIdSchema = { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,63}$' } as const;
const planParams = { type: 'object', properties: { id: idSchema }, required: ['id'] } as const;
const authorityParams = { type: 'object', properties: { id: authorityIdSchema }, required: ['id'] } as const;

function authorityJson(a: Authority, origin: string, replacesDefault: boolean): Record<string, unknown> {
  const s = authoritySummary(a);
  return {
    id: s.id, name: s.name, description: s.description, origin, replaces_default: replacesDefault,
    boundary_source: s.boundarySource, altitude: s.altitude, time_windows: s.timeWindows,
    permitted_areas: s.permittedAreas, forbidden_areas: s.forbiddenAreas, bbox: s.bbox, vertex_count: s.vertexCount,
  };
}

export const flightRoutes: FastifyPluginAsync<{ platform: Platform; authorities: AuthorityRegistry }> = async (app, { platform: p, authorities }) => {
  const store = p.store;

  const planJson = async (r: PlanRecord): Promise<Record<string, unknown>> => {
    const plan = parsePlan(r.plan, `plan ${r.id}`);
    const t = planTimeline(plan);
    let check: Record<string, unknown> | null = null;
    if (r.authorityId !== undefined) {
      const v = exportVerdict(plan, await authorities.get(r.authorityId));
      check = { authority_id: v.authorityId, boundary_source: v.boundarySource, clean: v.clean, violations: v.violations };
    }
    return {
      id: r.id, name: r.name, authority_id: r.authorityId ?? null, created_by: r.createdBy, created_at: r.createdAt, updated_at: r.updatedAt,
      plan,
      timeline: { total_time_s: t.totalTimeS, total_distance_m: t.totalDistanceM, battery_fraction: t.batteryFraction, feasible: t.feasible, reason: t.reason ?? null, waypoints: t.waypoints },
      geojson: planGeoJson(plan),
      check,
    };
  };

  const savePlan = async (id: string, plan: FlightPlan, authorityId: string | undefined, by: string): Promise<PlanRecord> => {
    if (authorityId !== undefined) await authorities.get(authorityId); // must exist
    return store.flight.putPlan({ id, name: plan.name, authorityId, plan: JSON.parse(JSON.stringify(plan)) as unknown, createdBy: by });
  };

  // --- authorities -------------------------------------------------------
  app.get('/authorities', async () => ({
    authorities: (await authorities.list()).map((k) => authorityJson(k.load(), k.origin, k.replacesDefault)),
  }));

  app.get<{ Params: { id: string } }>('/authorities/:id', { schema: { params: authorityParams } }, async (req) => {
    const k = (await authorities.list()).find((x) => x.id === req.params.id);
    if (k === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no airspace authority "${req.params.id}"`);
    const a = k.load();
    return { ...authorityJson(a, k.origin, k.replacesDefault), geojson: authorityGeoJson(a) };
  });

  app.put<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/authorities/:id',
    { config: { right: 'authority:write' }, bodyLimit: 64 * 1024 * 1024, schema: { params: authorityParams, body: { type: 'object' } } },
    async (req) => {
      const a = parseAuthority(req.body, { file: 'request body' });
      if (a.id !== req.params.id) throw new NarizError('NARIZ_BAD_AUTHORITY', `the document's id "${a.id}" is not the URL's "${req.params.id}"`);
      const who = principalOf(req).username;
      await store.flight.putAuthority({ id: a.id, name: a.name, definition: JSON.parse(JSON.stringify(a)) as unknown, createdBy: who });
      await store.audit.append({ actor: who, action: 'authority.put', target: a.id, details: { name: a.name, boundary_source: a.boundarySource } });
      return authorityJson(a, 'stored', false);
    },
  );

  app.post<{ Params: { id: string }; Body: { name: string; note?: string; geojson: Record<string, unknown> } }>(
    '/authorities/:id/boundary',
    {
      config: { right: 'authority:write' },
      bodyLimit: 64 * 1024 * 1024,
      schema: {
        params: authorityParams,
        body: { type: 'object', properties: { name: { type: 'string', minLength: 1, maxLength: 300 }, note: { type: 'string', maxLength: 2000 }, geojson: { type: 'object' } }, required: ['name', 'geojson'], additionalProperties: false },
      },
    },
    async (req) => {
      const base = await authorities.get(req.params.id);
      const a = loadOfficialBoundary(base, req.body.geojson, { name: req.body.name, ...(req.body.note !== undefined ? { note: req.body.note } : {}), file: 'geojson' });
      const who = principalOf(req).username;
      await store.flight.putAuthority({ id: a.id, name: a.name, definition: JSON.parse(JSON.stringify(a)) as unknown, createdBy: who });
      await store.audit.append({ actor: who, action: 'authority.boundary.load', target: a.id, details: { name: req.body.name } });
      return authorityJson(a, 'stored', true);
    },
  );

  app.delete<{ Params: { id: string } }>('/authorities/:id', { config: { right: 'authority:write' }, schema: { params: authorityParams } }, async (req, reply) => {
    if (!(await store.flight.deleteAuthority(req.params.id))) throw new NarizError('NARIZ_NOT_FOUND', `no stored airspace authority "${req.params.id}" (defaults cannot be deleted)`);
    await store.audit.append({ actor: principalOf(req).username, action: 'authority.delete', target: req.params.id, details: {} });
    return reply.status(204).send();
  });

  // --- plans --------------------------------------------------------------
  app.post<{
    Body: {
      name?: string; area: Polygon; wind: { speed_mps: number; from_deg: number }; stability: StabilityClass; altitudes_m: number[];
      vehicle_type?: VehicleType; vehicle?: Record<string, number>; home?: { lat: number; lon: number }; start_time?: string; authority_id?: string;
    };
  }>(
    '/plans/survey',
    {
      config: { right: 'plan:write' },
      schema: {
        body: {
          type: 'object',
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 200 },
            area: { type: 'object', properties: { type: { const: 'Polygon' }, coordinates: { type: 'array', minItems: 1, items: { type: 'array', minItems: 4, items: { type: 'array', minItems: 2, maxItems: 3, items: { type: 'number' } } } } }, required: ['type', 'coordinates'] },
            wind: { type: 'object', properties: { speed_mps: { type: 'number', minimum: 0, maximum: 40 }, from_deg: { type: 'number', minimum: 0, maximum: 360 } }, required: ['speed_mps', 'from_deg'], additionalProperties: false },
            stability: { type: 'string', enum: [...STABILITY_CLASSES] },
            altitudes_m: { type: 'array', minItems: 1, maxItems: 10, items: { type: 'number', minimum: 1, maximum: 500 } },
            vehicle_type: { type: 'string', enum: ['multirotor', 'fixed-wing', 'vtol'] },
            vehicle: { type: 'object', properties: { cruise_speed_mps: { type: 'number', exclusiveMinimum: 0 }, turn_radius_m: { type: 'number', minimum: 0 }, endurance_s: { type: 'number', exclusiveMinimum: 0 }, reserve_fraction: { type: 'number', minimum: 0, maximum: 0.9 } }, additionalProperties: false },
            home: { type: 'object', properties: { lat: { type: 'number', minimum: -90, maximum: 90 }, lon: { type: 'number', minimum: -180, maximum: 180 } }, required: ['lat', 'lon'], additionalProperties: false },
            start_time: { type: 'string', format: 'date-time' },
            authority_id: authorityIdSchema,
          },
          required: ['area', 'wind', 'stability', 'altitudes_m'],
          additionalProperties: false,
        },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const base = DEFAULT_VEHICLES[b.vehicle_type ?? 'multirotor'];
      const vehicle = {
        ...base,
        ...(b.vehicle?.['cruise_speed_mps'] !== undefined ? { cruiseSpeedMps: b.vehicle['cruise_speed_mps'] } : {}),
        ...(b.vehicle?.['turn_radius_m'] !== undefined ? { turnRadiusM: b.vehicle['turn_radius_m'] } : {}),
        ...(b.vehicle?.['endurance_s'] !== undefined ? { enduranceS: b.vehicle['endurance_s'] } : {}),
        ...(b.vehicle?.['reserve_fraction'] !== undefined ? { reserveFraction: b.vehicle['reserve_fraction'] } : {}),
      };
      const r = surveyPlan({
        area: b.area, wind: { speedMps: b.wind.speed_mps, fromDeg: b.wind.from_deg }, stability: b.stability, altitudesM: b.altitudes_m, vehicle,
        ...(b.name !== undefined ? { name: b.name } : {}), ...(b.home !== undefined ? { home: b.home } : {}), ...(b.start_time !== undefined ? { startTime: b.start_time } : {}),
      });
      const rec = await savePlan(randomUUID(), r.plan, b.authority_id, principalOf(req).username);
      return reply.status(201).send({ ...(await planJson(rec)), survey: { ...r.estimate, sorties: r.sorties.length } });
    },
  );

  app.post<{ Body: { plan: Record<string, unknown>; authority_id?: string } }>(
    '/plans',
    { config: { right: 'plan:write' }, schema: { body: { type: 'object', properties: { plan: { type: 'object' }, authority_id: authorityIdSchema }, required: ['plan'], additionalProperties: false } } },
    async (req, reply) => {
      const plan = parsePlan(req.body.plan, 'plan');
      const rec = await savePlan(randomUUID(), plan, req.body.authority_id, principalOf(req).username);
      return reply.status(201).send(await planJson(rec));
    },
  );

  app.addContentTypeParser(['application/xml', 'application/vnd.google-earth.kml+xml', 'application/octet-stream'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.post<{ Querystring: { name?: string; authority_id?: string; file?: string }; Body: unknown }>(
    '/plan-imports',
    {
      config: { right: 'plan:write' },
      bodyLimit: 32 * 1024 * 1024,
      schema: { querystring: { type: 'object', properties: { name: { type: 'string', maxLength: 200 }, authority_id: authorityIdSchema, file: { type: 'string', maxLength: 300 } }, additionalProperties: false } },
    },
    async (req, reply) => {
      const text = typeof req.body === 'string' ? req.body : req.body !== null && typeof req.body === 'object' ? JSON.stringify(req.body) : undefined;
      if (text === undefined) throw new NarizError('NARIZ_BAD_REQUEST', 'send the mission file as the request body (.plan JSON, QGC WPL 110 text or KML)');
      const read = readMissionFile(text, { ...(req.query.file !== undefined ? { file: req.query.file } : {}), ...(req.query.name !== undefined ? { name: req.query.name } : {}) });
      const rec = await savePlan(randomUUID(), read.plan, req.query.authority_id, principalOf(req).username);
      return reply.status(201).send({ ...(await planJson(rec)), imported: { format: read.format, notes: read.notes } });
    },
  );

  app.get('/plans', async () => ({
    plans: (await store.flight.listPlans()).map((r) => ({ id: r.id, name: r.name, authority_id: r.authorityId ?? null, created_by: r.createdBy, created_at: r.createdAt, updated_at: r.updatedAt })),
  }));

  const mustPlan = async (id: string): Promise<PlanRecord> => {
    const r = await store.flight.getPlan(id);
    if (r === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no plan "${id}"`);
    return r;
  };

  app.get<{ Params: { id: string } }>('/plans/:id', { schema: { params: planParams } }, async (req) => planJson(await mustPlan(req.params.id)));

  app.put<{ Params: { id: string }; Body: { plan?: Record<string, unknown>; authority_id?: string | null } }>(
    '/plans/:id',
    {
      config: { right: 'plan:write' },
      schema: { params: planParams, body: { type: 'object', properties: { plan: { type: 'object' }, authority_id: { anyOf: [authorityIdSchema, { type: 'null' }] } }, additionalProperties: false, minProperties: 1 } },
    },
    async (req) => {
      const r = await mustPlan(req.params.id);
      const plan = req.body.plan !== undefined ? parsePlan(req.body.plan, 'plan') : parsePlan(r.plan, `plan ${r.id}`);
      const authorityId = req.body.authority_id === undefined ? r.authorityId : (req.body.authority_id ?? undefined);
      return planJson(await savePlan(r.id, plan, authorityId, r.createdBy));
    },
  );

  app.delete<{ Params: { id: string } }>('/plans/:id', { config: { right: 'plan:write' }, schema: { params: planParams } }, async (req, reply) => {
    if (!(await store.flight.deletePlan(req.params.id))) throw new NarizError('NARIZ_NOT_FOUND', `no plan "${req.params.id}"`);
    return reply.status(204).send();
  });

  app.post<{ Params: { id: string }; Body: { format: MissionFormatId; authority_id?: string; override?: boolean; reason?: string; start_time?: string } }>(
    '/plans/:id/exports',
    {
      config: { right: 'plan:write' },
      schema: {
        params: planParams,
        body: {
          type: 'object',
          properties: { format: { type: 'string', enum: [...MISSION_FORMAT_IDS] }, authority_id: authorityIdSchema, override: { type: 'boolean' }, reason: { type: 'string', maxLength: 2000 }, start_time: { type: 'string', format: 'date-time' } },
          required: ['format'],
          additionalProperties: false,
        },
      },
    },
    async (req, reply) => {
      const r = await mustPlan(req.params.id);
      const plan = parsePlan(r.plan, `plan ${r.id}`);
      const authorityId = req.body.authority_id ?? r.authorityId;
      if (authorityId === undefined) throw new NarizError('NARIZ_BAD_REQUEST', 'every plan is checked before export: give authority_id (or set one on the plan)');
      const verdict = exportVerdict(plan, await authorities.get(authorityId), { ...(req.body.start_time !== undefined ? { startTime: req.body.start_time } : {}) });
      const who = principalOf(req);
      const override = req.body.override === true;
      if (!verdict.clean) {
        if (!override) {
          return reply.status(409).send({
            error: { code: 'NARIZ_AIRSPACE_VIOLATION', message: `export refused: the plan leaves the airspace authority "${authorityId}" permits (${verdict.violations.length} violation(s), ${verdict.boundarySource.kind} boundaries: ${verdict.boundarySource.name}); an administrator may override with a reason, which is audited` },
            violations: verdict.violations,
          });
        }
        if (!can(who.role, 'export:override')) throw new NarizError('NARIZ_FORBIDDEN', 'only an administrator may override an airspace check');
        if ((req.body.reason ?? '').trim().length < 10) throw new NarizError('NARIZ_BAD_REQUEST', 'an override needs a reason of at least 10 characters (it goes into the audit log)');
      }
      const fmt = MISSION_FORMATS[req.body.format];
      const file = fmt.write(plan);
      await store.audit.append({
        actor: who.username,
        action: verdict.clean ? 'plan.export' : 'plan.export.override',
        target: r.id,
        details: { format: fmt.id, authority_id: authorityId, boundary_source: verdict.boundarySource.kind, violations: verdict.violations.length, ...(verdict.clean ? {} : { reason: req.body.reason, first_violation: verdict.violations[0]?.message }) },
      });
      const safe = plan.name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'plan';
      return reply.header('content-type', `${fmt.mediaType}; charset=utf-8`).header('content-disposition', `attachment; filename="${safe}${fmt.extension}"`).header('x-nariz-violations', String(verdict.violations.length)).send(file);
    },
  );

  // --- flown tracks -------------------------------------------------------
  app.get<{ Params: { id: string }; Querystring: { authority_id: string } }>(
    '/sorties/:id/airspace',
    { schema: { params: { type: 'object', properties: { id: idSchema }, required: ['id'] }, querystring: { type: 'object', properties: { authority_id: authorityIdSchema }, required: ['authority_id'], additionalProperties: false } } },
    async (req) => {
      const s = await store.readSamples(sortieId(req.params.id));
      const c = checkTrack(s, await authorities.get(req.query.authority_id));
      return { sortie_id: req.params.id, authority_id: c.authorityId, boundary_source: c.boundarySource, samples: c.samples, excursions: c.excursions };
    },
  );
};
