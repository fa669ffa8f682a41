/**
 * What the platform wants from an ST 0601 packet, by name and unit: where
 * the sensor is and where it looks, the footprint, the platform's attitude
 * and motion, the weather, the nested security and VMTI sets. Where the
 * standard has two items for one quantity (a short and a full range, a
 * fixed and an extended one) the more precise one present wins; the
 * footprint corners come from the full corner items (82–89), else from the
 * frame centre plus the offsets (23–24, 26–33).
 */
import type { KlvItem } from './items.js';
import type { St0601Packet } from './st0601.js';
import { GENERIC_FLAG_BITS, ICING_LABELS, OPERATIONAL_MODE_LABELS, PLATFORM_STATUS_LABELS, SENSOR_CONTROL_MODE_LABELS, SENSOR_FOV_NAME_LABELS } from './st0601-tags.js';
import { securityView, type SecurityView } from './st0102.js';
import { vmtiView, type VmtiView } from './st0903.js';

export interface LatLon {
  readonly latDeg: number;
  readonly lonDeg: number;
}

export interface GenericFlags {
  readonly laserOn: boolean;
  readonly autoTrackOn: boolean;
  readonly irBlackHot: boolean;
  readonly icingDetected: boolean;
  readonly slantRangeMeasured: boolean;
  readonly imageInvalid: boolean;
}

export interface UasView {
  readonly timestampUs?: number;
  readonly version?: number;
  readonly missionId?: string;
  readonly platformTailNumber?: string;
  readonly platformDesignation?: string;
  readonly platformCallSign?: string;
  readonly imageSourceSensor?: string;
  readonly imageCoordinateSystem?: string;

  readonly platformHeadingDeg?: number;
  /** Item 90 (±90°) when present, else Item 6 (±20°). */
  readonly platformPitchDeg?: number;
  /** Item 91 (±90°) when present, else Item 7 (±50°). */
  readonly platformRollDeg?: number;
  readonly platformAngleOfAttackDeg?: number;
  readonly platformSideslipDeg?: number;
  readonly platformMagneticHeadingDeg?: number;
  readonly platformCourseDeg?: number;
  readonly platformTrueAirspeedMps?: number;
  readonly platformIndicatedAirspeedMps?: number;
  readonly platformGroundSpeedMps?: number;
  readonly platformVerticalSpeedMps?: number;

  readonly sensorLatDeg?: number;
  readonly sensorLonDeg?: number;
  /** Item 15: above mean sea level. */
  readonly sensorAltMslM?: number;
  /** Item 104 when present, else Item 75: above the WGS84 ellipsoid. */
  readonly sensorHaeM?: number;
  readonly sensorNorthVelocityMps?: number;
  readonly sensorEastVelocityMps?: number;
  readonly sensorRelAzimuthDeg?: number;
  readonly sensorRelElevationDeg?: number;
  readonly sensorRelRollDeg?: number;
  readonly hfovDeg?: number;
  readonly vfovDeg?: number;
  readonly sensorFovName?: string;

  readonly slantRangeM?: number;
  readonly groundRangeM?: number;
  /** Item 96 when present, else Item 22. */
  readonly targetWidthM?: number;
  readonly frameCenterLatDeg?: number;
  readonly frameCenterLonDeg?: number;
  /** Item 25: above mean sea level. */
  readonly frameCenterElevationM?: number;
  /** Item 78: above the ellipsoid. */
  readonly frameCenterHaeM?: number;
  /** Items 26–33, offsets from the frame centre: upper left, upper right, lower right, lower left. */
  readonly cornerOffsetsDeg?: readonly LatLon[];
  /** The footprint: upper left, upper right, lower right, lower left. */
  readonly corners?: readonly LatLon[];
  readonly cornersFrom?: 'full' | 'offsets';

  readonly targetLatDeg?: number;
  readonly targetLonDeg?: number;
  readonly targetElevationM?: number;
  readonly targetErrorCe90M?: number;
  readonly targetErrorLe90M?: number;

  readonly altitudeAglM?: number;
  readonly radarAltimeterM?: number;
  readonly windDirectionDeg?: number;
  readonly windSpeedMps?: number;
  readonly staticPressureMbar?: number;
  /** Item 103 when present, else Item 38. */
  readonly densityAltitudeM?: number;
  readonly outsideAirTempC?: number;
  readonly relativeHumidityPct?: number;
  readonly icing?: string;

  readonly genericFlags?: GenericFlags;
  readonly operationalMode?: string;
  readonly platformStatus?: string;
  readonly sensorControlMode?: string;
  readonly security?: SecurityView;
  readonly vmti?: VmtiView;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The platform's view of a decoded packet (or its items). Values null in the packet (reserved, unreadable) are left out. */
export function uasView(packet: St0601Packet | readonly KlvItem[]): UasView {
  const items = 'items' in packet ? packet.items : packet;
  const byTag: unknown[] = [];
  for (const it of items) if (it.tag < 256 && !it.flags.includes('malformed')) byTag[it.tag] = it.value;
  /** The value of `tag`, else of `fallback` (the less precise item for the same quantity). */
  const n = (tag: number, fallback = -1): number | undefined => {
    const v = byTag[tag];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    const w = fallback < 0 ? undefined : byTag[fallback];
    return typeof w === 'number' && Number.isFinite(w) ? w : undefined;
  };
  const s = (tag: number): string | undefined => (typeof byTag[tag] === 'string' ? (byTag[tag] as string) : undefined);
  const label = (tag: number, labels: readonly string[]): string | undefined => {
    const v = n(tag);
    return v === undefined ? undefined : labels[v];
  };
  const v: Mutable<UasView> = {};
  const put = <K extends keyof UasView>(k: K, x: UasView[K] | undefined): void => {
    if (x !== undefined) v[k] = x;
  };
  put('timestampUs', n(2));
  put('version', n(65));
  put('missionId', s(3));
  put('platformTailNumber', s(4));
  put('platformDesignation', s(10));
  put('platformCallSign', s(59));
  put('imageSourceSensor', s(11));
  put('imageCoordinateSystem', s(12));
  put('platformHeadingDeg', n(5));
  put('platformPitchDeg', n(90, 6));
  put('platformRollDeg', n(91, 7));
  put('platformAngleOfAttackDeg', n(92, 50));
  put('platformSideslipDeg', n(93, 52));
  put('platformMagneticHeadingDeg', n(64));
  put('platformCourseDeg', n(112));
  put('platformTrueAirspeedMps', n(8));
  put('platformIndicatedAirspeedMps', n(9));
  put('platformGroundSpeedMps', n(56));
  put('platformVerticalSpeedMps', n(51));
  put('sensorLatDeg', n(13));
  put('sensorLonDeg', n(14));
  put('sensorAltMslM', n(15));
  put('sensorHaeM', n(104, 75));
  put('sensorNorthVelocityMps', n(79));
  put('sensorEastVelocityMps', n(80));
  put('sensorRelAzimuthDeg', n(18));
  put('sensorRelElevationDeg', n(19));
  put('sensorRelRollDeg', n(20));
  put('hfovDeg', n(16));
  put('vfovDeg', n(17));
  put('sensorFovName', label(63, SENSOR_FOV_NAME_LABELS));
  put('slantRangeM', n(21));
  put('groundRangeM', n(57));
  put('targetWidthM', n(96, 22));
  put('frameCenterLatDeg', n(23));
  put('frameCenterLonDeg', n(24));
  put('frameCenterElevationM', n(25));
  put('frameCenterHaeM', n(78));
  // Corners as lat/lon tag pairs from `firstTag` (26–33 offsets, 82–89 full points), up to the first pair missing; used only when all four are there.
  const fourCorners = (firstTag: number): LatLon[] => {
    const out: LatLon[] = [];
    for (let k = 0; k < 4; k++) {
      const lat = n(firstTag + 2 * k);
      const lon = n(firstTag + 1 + 2 * k);
      if (lat === undefined || lon === undefined) break;
      out.push({ latDeg: lat, lonDeg: lon });
    }
    return out;
  };
  const offsets = fourCorners(26);
  if (offsets.length === 4) put('cornerOffsetsDeg', offsets);
  const full = fourCorners(82);
  if (full.length === 4) {
    v.corners = full;
    v.cornersFrom = 'full';
  } else if (offsets.length === 4 && v.frameCenterLatDeg !== undefined && v.frameCenterLonDeg !== undefined) {
    const lat0 = v.frameCenterLatDeg;
    const lon0 = v.frameCenterLonDeg;
    v.corners = offsets.map((o) => ({ latDeg: lat0 + o.latDeg, lonDeg: lon0 + o.lonDeg }));
    v.cornersFrom = 'offsets';
  }
  put('targetLatDeg', n(40));
  put('targetLonDeg', n(41));
  put('targetElevationM', n(42));
  put('targetErrorCe90M', n(45));
  put('targetErrorLe90M', n(46));
  put('altitudeAglM', n(113));
  put('radarAltimeterM', n(114));
  put('windDirectionDeg', n(35));
  put('windSpeedMps', n(36));
  put('staticPressureMbar', n(37));
  put('densityAltitudeM', n(103, 38));
  put('outsideAirTempC', n(39));
  put('relativeHumidityPct', n(55));
  put('icing', label(34, ICING_LABELS));
  const g = n(47);
  if (g !== undefined) {
    const bit = (name: (typeof GENERIC_FLAG_BITS)[number]): boolean => (g & (1 << GENERIC_FLAG_BITS.indexOf(name))) !== 0;
    v.genericFlags = {
      laserOn: bit('laserOn'), autoTrackOn: bit('autoTrackOn'), irBlackHot: bit('irBlackHot'),
      icingDetected: bit('icingDetected'), slantRangeMeasured: bit('slantRangeMeasured'), imageInvalid: bit('imageInvalid'),
    };
  }
  put('operationalMode', label(77, OPERATIONAL_MODE_LABELS));
  put('platformStatus', label(125, PLATFORM_STATUS_LABELS));
  put('sensorControlMode', label(126, SENSOR_CONTROL_MODE_LABELS));
  const sec = byTag[48];
  if (typeof sec === 'object' && sec !== null && 'items' in sec) v.security = securityView(sec as { items: readonly KlvItem[] });
  const vm = byTag[74];
  if (typeof vm === 'object' && vm !== null && 'items' in vm) v.vmti = vmtiView(vm as { items: readonly KlvItem[] });
  return v;
}
