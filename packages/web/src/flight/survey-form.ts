/**
 * The survey planner's form, as typed (strings from the inputs), read into a
 * request or into a problem per field, named by a message key. The limits
 * are the server's (docs/api.md) plus a size limit on the area: a survey
 * over hundreds of square kilometres would need hundreds of flights and is
 * a mistake (the whole world in view), not a plan.
 */
import type { VehicleType } from '../api/schema/flight-plan.js';
import { ringAreaM2, type LngLat } from '../geo/ring-geometry.js';
import type { MessageKey } from '../i18n/catalogue/keys.js';
import { MAX_BANDS, MAX_BAND_M, MIN_BAND_M, parseAltitudeBands } from './altitude-bands.js';
import type { StabilityClass, SurveyRequest } from './survey-request.js';
import { VEHICLE_DEFAULTS } from './vehicle-defaults.js';

/** Largest search area, km². */
export const MAX_AREA_KM2 = 400;
/** Below this the plume model (and a crosswind survey) means nothing (flight package MIN_SURVEY_WIND_MPS). */
export const MIN_WIND_MPS = 1;
export const MAX_WIND_MPS = 40;
/** Highest reserve the server accepts, %. */
export const MAX_RESERVE_PCT = 90;

export interface SurveyFormValues {
  readonly name: string;
  readonly windSpeed: string;
  readonly windFrom: string;
  readonly stability: StabilityClass;
  readonly altitudes: string;
  readonly vehicleType: VehicleType;
  readonly speed: string;
  readonly turnRadius: string;
  readonly enduranceMin: string;
  readonly reservePct: string;
  /** `YYYY-MM-DDTHH:MM` (a datetime-local input), read as UTC; empty for none. */
  readonly startUtc: string;
}

export type SurveyField = keyof SurveyFormValues | 'area';

export interface FieldProblem {
  readonly key: MessageKey;
  readonly values?: Readonly<Record<string, string | number>>;
}

export type SurveyFormResult =
  | { readonly ok: true; readonly request: SurveyRequest }
  | { readonly ok: false; readonly problems: Readonly<Partial<Record<SurveyField, FieldProblem>>> };

/** The vehicle fields of the form for a vehicle type's defaults. */
export function vehicleFormValues(type: VehicleType): Pick<SurveyFormValues, 'speed' | 'turnRadius' | 'enduranceMin' | 'reservePct'> {
  const d = VEHICLE_DEFAULTS[type];
  return { speed: String(d.cruiseSpeedMps), turnRadius: String(d.turnRadiusM), enduranceMin: String(d.enduranceS / 60), reservePct: String(Math.round(d.reserveFraction * 100)) };
}

/** A number typed into an input, or null when it is empty or not a number. */
function numberOf(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/** An ISO UTC time from a datetime-local value read as UTC, or null when it is not one. */
export function utcFromLocalInput(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (m === null) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = Number(m[4]);
  const mi = Number(m[5]);
  const s = Number(m[6] ?? '0');
  const t = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(t);
  // Date.UTC rolls 31 February over into March: such a date is not one.
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return back.toISOString();
}

export function readSurveyForm(v: SurveyFormValues, area: readonly LngLat[] | null, authorityId: string | null, home: LngLat | null = null): SurveyFormResult {
  const problems: Partial<Record<SurveyField, FieldProblem>> = {};
  const range = (field: SurveyField, text: string, lo: number, hi: number, lowOpen = false): number | null => {
    const x = numberOf(text);
    if (x === null) {
      problems[field] = { key: 'survey.error.number' };
      return null;
    }
    if ((lowOpen ? x <= lo : x < lo) || x > hi) {
      problems[field] = { key: lowOpen ? 'survey.error.rangeAbove' : 'survey.error.range', values: { min: lo, max: hi } };
      return null;
    }
    return x;
  };

  if (area === null) problems.area = { key: 'survey.error.noArea' };
  else {
    const km2 = ringAreaM2(area) / 1e6;
    if (km2 > MAX_AREA_KM2) problems.area = { key: 'survey.error.areaTooLarge', values: { area: Math.round(km2), max: MAX_AREA_KM2 } };
  }
  const windSpeed = range('windSpeed', v.windSpeed, MIN_WIND_MPS, MAX_WIND_MPS);
  const windFrom = range('windFrom', v.windFrom, 0, 360);
  const bands = parseAltitudeBands(v.altitudes);
  if (!bands.ok) {
    problems.altitudes =
      bands.problem === 'tooMany' ? { key: 'survey.error.bandsTooMany', values: { max: MAX_BANDS } }
      : bands.problem === 'empty' ? { key: 'survey.error.bandsEmpty' }
      : { key: 'survey.error.band', values: { band: bands.token ?? '', min: MIN_BAND_M, max: MAX_BAND_M } };
  }
  const speed = range('speed', v.speed, 0, 100, true);
  const turnRadius = range('turnRadius', v.turnRadius, 0, 2000);
  const enduranceMin = range('enduranceMin', v.enduranceMin, 0, 24 * 60, true);
  const reservePct = range('reservePct', v.reservePct, 0, MAX_RESERVE_PCT);
  let startTime: string | null = null;
  if (v.startUtc.trim() !== '') {
    startTime = utcFromLocalInput(v.startUtc);
    if (startTime === null) problems.startUtc = { key: 'survey.error.time' };
  }
  const name = v.name.trim();
  if (name.length > 200) problems.name = { key: 'survey.error.nameLong', values: { max: 200 } };

  if (area === null || windSpeed === null || windFrom === null || !bands.ok || speed === null || turnRadius === null || enduranceMin === null || reservePct === null || Object.keys(problems).length > 0) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    request: {
      name: name === '' ? null : name,
      area,
      windSpeedMps: windSpeed,
      windFromDeg: windFrom === 360 ? 0 : windFrom,
      stability: v.stability,
      altitudesM: bands.bands,
      vehicleType: v.vehicleType,
      vehicle: { cruiseSpeedMps: speed, turnRadiusM: turnRadius, enduranceS: enduranceMin * 60, reserveFraction: reservePct / 100 },
      home,
      startTime,
      authorityId,
    },
  };
}
