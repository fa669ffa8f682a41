/**
 * One ST 0601 packet's row of VideoFrames: the values the platform uses,
 * and the footprint — the packet's own corner points when it has them,
 * else the sensor model on flat ground when the packet has the geometry.
 *
 * The sensor model's ground height is taken in the sensor height's datum:
 * the frame centre height above the ellipsoid (Item 78) with an ellipsoid
 * sensor height (104/75), the frame centre elevation above sea level (25)
 * with a sea-level one (15); else the sensor height minus the altitude
 * above ground (113); else the frame centre height in the other datum
 * (wrong by the geoid undulation, at most about 100 m, better than none).
 * A missing sensor roll (Item 20) is taken as 0, as most gimbals do not
 * roll and many encoders leave it out; every other input is required.
 */
import type { UasView } from '@nariz/formats';
import { FOOTPRINT_KLV_CORNERS, FOOTPRINT_NONE, FOOTPRINT_SENSOR_MODEL, type FootprintSource } from './footprint-source.js';
import { sensorModelFootprint } from './sensor-model.js';

export interface FrameRecord {
  unixUs: number;
  sensorLatDeg: number;
  sensorLonDeg: number;
  sensorHaeM: number;
  headingDeg: number;
  pitchDeg: number;
  rollDeg: number;
  sensorAzDeg: number;
  sensorElDeg: number;
  sensorRollDeg: number;
  hfovDeg: number;
  vfovDeg: number;
  slantRangeM: number;
  centreLatDeg: number;
  centreLonDeg: number;
  centreElevM: number;
  readonly cornerLatDeg: number[];
  readonly cornerLonDeg: number[];
  footprintSource: FootprintSource;
}

const nan = (x: number | undefined): number => x ?? NaN;

export function frameRecord(v: UasView): FrameRecord {
  const ellipsoid = v.sensorHaeM !== undefined;
  const sensorHaeM = nan(v.sensorHaeM ?? v.sensorAltMslM);
  const sameDatum = ellipsoid ? v.frameCenterHaeM : v.frameCenterElevationM;
  const otherDatum = ellipsoid ? v.frameCenterElevationM : v.frameCenterHaeM;
  const fromAgl = v.altitudeAglM !== undefined && Number.isFinite(sensorHaeM) ? sensorHaeM - v.altitudeAglM : undefined;
  const r: FrameRecord = {
    unixUs: nan(v.timestampUs),
    sensorLatDeg: nan(v.sensorLatDeg),
    sensorLonDeg: nan(v.sensorLonDeg),
    sensorHaeM,
    headingDeg: nan(v.platformHeadingDeg),
    pitchDeg: nan(v.platformPitchDeg),
    rollDeg: nan(v.platformRollDeg),
    sensorAzDeg: nan(v.sensorRelAzimuthDeg),
    sensorElDeg: nan(v.sensorRelElevationDeg),
    sensorRollDeg: nan(v.sensorRelRollDeg),
    hfovDeg: nan(v.hfovDeg),
    vfovDeg: nan(v.vfovDeg),
    slantRangeM: nan(v.slantRangeM),
    centreLatDeg: nan(v.frameCenterLatDeg),
    centreLonDeg: nan(v.frameCenterLonDeg),
    centreElevM: nan(sameDatum ?? fromAgl ?? otherDatum),
    cornerLatDeg: [NaN, NaN, NaN, NaN],
    cornerLonDeg: [NaN, NaN, NaN, NaN],
    footprintSource: FOOTPRINT_NONE,
  };
  const corners = v.corners;
  if (corners !== undefined && corners.length === 4 && corners.every((c) => Number.isFinite(c.latDeg) && Number.isFinite(c.lonDeg))) {
    for (let k = 0; k < 4; k++) {
      r.cornerLatDeg[k] = corners[k]!.latDeg;
      r.cornerLonDeg[k] = corners[k]!.lonDeg;
    }
    r.footprintSource = FOOTPRINT_KLV_CORNERS;
    return r;
  }
  const fp = sensorModelFootprint({
    sensorLatDeg: r.sensorLatDeg, sensorLonDeg: r.sensorLonDeg, sensorHaeM: r.sensorHaeM,
    headingDeg: r.headingDeg, pitchDeg: r.pitchDeg, rollDeg: r.rollDeg,
    sensorAzDeg: r.sensorAzDeg, sensorElDeg: r.sensorElDeg, sensorRollDeg: Number.isNaN(r.sensorRollDeg) ? 0 : r.sensorRollDeg,
    hfovDeg: r.hfovDeg, vfovDeg: r.vfovDeg, groundElevM: r.centreElevM,
  });
  if (fp !== undefined) {
    for (let k = 0; k < 4; k++) {
      r.cornerLatDeg[k] = fp.cornerLatDeg[k]!;
      r.cornerLonDeg[k] = fp.cornerLonDeg[k]!;
    }
    if (!Number.isFinite(r.centreLatDeg) || !Number.isFinite(r.centreLonDeg)) {
      r.centreLatDeg = fp.centreLatDeg;
      r.centreLonDeg = fp.centreLonDeg;
    }
    r.footprintSource = FOOTPRINT_SENSOR_MODEL;
  }
  return r;
}
