/**
 * @nariz/flight — flight operations: survey planning, mission files and
 * airspace authorities. Pure functions over plain JSON values; the only I/O
 * is reading the embedded country boundaries once (airspace/world.ts).
 * See docs/flight.md.
 */

// The plan and its timing.
export * from './plan/plan.js';
export { planTimeline, type PlanTimeline, type TimedLeg, type WaypointTiming, type TimelineOptions, type WindVector } from './plan/timeline.js';
export { routeLegs, type RouteLeg, type RouteNode, type LegKind } from './plan/route.js';
export { flyByTurn, type FlyByTurn } from './plan/turn.js';
export { planGeoJson, type PlanFeatureProperties } from './plan/plan-geojson.js';

// Survey planning.
export { surveyPlan, MAX_DEFAULT_MARGIN_M, DEFAULT_SOURCE_HEIGHT_M, MIN_SURVEY_WIND_MPS, type SurveyOptions, type SurveyEstimate, type SurveyLine, type SurveyResult } from './survey/survey.js';
export { transectSpacingM, interceptRangeM, DEFAULT_REFERENCE_RANGE_M, MIN_SPACING_M, MAX_SPACING_M, type PlumeModel } from './survey/spacing.js';
export { DEFAULT_COVERAGE_SAMPLES } from './survey/coverage.js';

// Mission files.
export { writeQgcPlan, readQgcPlan, type QgcPlanWriteOptions } from './formats/qgc-plan.js';
export { QGC_PLAN_JSON_SCHEMA } from './formats/qgc-plan-schema.js';
export { writeQgcWpl, readQgcWpl, WPL_FIELDS } from './formats/qgc-wpl.js';
export { writeKml, readKml } from './formats/kml.js';
export { MISSION_FORMATS, MISSION_FORMAT_IDS, detectMissionFormat, readMissionFile, type MissionFormat, type MissionFormatId } from './formats/mission-formats.js';
export type { MissionReadOptions, MissionRead } from './formats/read-options.js';
export { MAV_CMD, MAV_FRAME, MAV_AUTOPILOT, MAV_TYPE_OF, DEFAULT_VEHICLES } from './formats/mavlink.js';

// Airspace authorities.
export * from './airspace/authority.js';
export { parseAuthority, loadOfficialBoundary, type ParseOptions, type OfficialBoundarySource } from './airspace/parse-authority.js';
export { compileTimeWindows, isoWeekday, minutesOfDay, type OpenAt } from './airspace/time-windows.js';
export { embeddedCountries, embeddedCountry, normaliseCountryId, EMBEDDED_DATASET, type CountryInfo, type EmbeddedCountry } from './airspace/world.js';
export { foreignAirspace, ownAirspace, NAUTICAL_MILE_M, TERRITORIAL_SEA_NM, TERRITORIAL_SEA_M } from './airspace/sovereign-airspace.js';
export { nationalAuthority, regionalWindows, DEFAULT_WINDOW_MARGIN_KM, EMBEDDED_NOTE, type NationalOptions } from './airspace/national.js';
export { partnerAuthority, type CoordinationZone, type PartnerOptions } from './airspace/partner.js';
export { DEFAULT_AUTHORITIES, DEFAULT_AUTHORITY_IDS, defaultAuthority, DEMO_ORIGIN, DEMO_COUNTRY_ID, DEMO_COORDINATION_ZONES, type DefaultAuthorityEntry } from './airspace/defaults.js';

// Checks.
export { VIOLATION_KINDS, type ViolationKind, type TrackPosition } from './airspace/excursions.js';
export { checkTrack, type TrackInput, type TrackCheck, type TrackCheckOptions, type Excursion } from './airspace/track-check.js';
export { checkPlan, PLAN_SAMPLE_SPACING_M, type Violation, type RoutePoint, type PlanCheckOptions } from './airspace/plan-check.js';
export { airspaceAt, type PositionVerdict } from './airspace/position-check.js';
export { exportVerdict, requireExportAllowed, type ExportVerdict } from './airspace/export-gate.js';
