/**
 * Where and when a plan breaks an authority's rules: the `check` of a plan
 * (GET /api/plans/:id) and the `violations` of a refused export (409
 * NARIZ_AIRSPACE_VIOLATION). Each violation starts where the route leaves
 * the rules and ends where it is back (`end`, null when it never is).
 */
import { readBoundarySource, type BoundarySource } from './authority.js';
import { arrayOf, bool, fields, int, nullable, oneOf, optional, str, type Reader } from './read.js';

export const VIOLATION_KINDS = ['outside-permitted', 'inside-forbidden', 'altitude', 'time-window'] as const;
export type ViolationKind = (typeof VIOLATION_KINDS)[number];

export const LEG_KINDS = ['takeoff', 'outbound', 'mission', 'return', 'landing'] as const;
export type LegKind = (typeof LEG_KINDS)[number];

export interface RoutePoint {
  readonly lat: number;
  readonly lon: number;
  /** Metres above home. */
  readonly altM: number;
  /** Seconds after the start of the take-off. */
  readonly timeOffsetS: number;
  /** ISO clock time, when the take-off time is known. */
  readonly time: string | null;
  /** Index into the route's legs: 0 take-off, 1 out to the first waypoint, …, then return and landing. */
  readonly legIndex: number;
  readonly legKind: LegKind | null;
  /** The waypoint the leg flies toward (null on the return and landing). */
  readonly waypointIndex: number | null;
}

export interface Violation extends RoutePoint {
  readonly kind: ViolationKind;
  readonly end: RoutePoint | null;
  readonly areas: readonly string[];
  /** The server's description, in English. */
  readonly message: string;
}

export interface PlanCheck {
  readonly authorityId: string;
  readonly boundarySource: BoundarySource;
  readonly clean: boolean;
  readonly violations: readonly Violation[];
}

/** The route point fields of an object (a violation's start, or its `end`). */
function routePoint(v: unknown, path: string): RoutePoint {
  const f = fields(v, path);
  return {
    lat: f.num('lat'),
    lon: f.num('lon'),
    altM: f.num('altM'),
    timeOffsetS: f.num('timeOffsetS'),
    time: f.get('time', optional(str)) ?? null,
    legIndex: f.int('legIndex'),
    legKind: f.get('legKind', optional(oneOf(LEG_KINDS))) ?? null,
    waypointIndex: f.get('waypointIndex', optional(int)) ?? null,
  };
}

export const readViolation: Reader<Violation> = (v, path) => {
  const f = fields(v, path);
  return {
    ...routePoint(v, path),
    kind: f.get('kind', oneOf(VIOLATION_KINDS)),
    end: f.get('end', nullable(routePoint)),
    areas: f.get('areas', arrayOf(str)),
    message: f.str('message'),
  };
};

export const readPlanCheck: Reader<PlanCheck> = (v, path) => {
  const f = fields(v, path);
  return {
    authorityId: f.str('authority_id'),
    boundarySource: f.get('boundary_source', readBoundarySource),
    clean: f.get('clean', bool),
    violations: f.get('violations', arrayOf(readViolation)),
  };
};

/** The body of a refused export: the server's error and the violations that caused it. */
export interface ExportRefusal {
  readonly code: string;
  readonly message: string;
  readonly violations: readonly Violation[];
}

export function readExportRefusal(v: unknown): ExportRefusal {
  const f = fields(v, 'refusal');
  const e = fields(f.get('error', (x) => x), 'refusal.error');
  return { code: e.str('code'), message: e.str('message'), violations: f.get('violations', arrayOf(readViolation)) };
}
