/**
 * The KLV of a simulated drone video: a multirotor orbiting a point of
 * interest (or hovering over it, with a zero radius) with its camera
 * staring at it, one MISB ST 0601 field set per video frame. The sensor's
 * relative angles are solved from the platform attitude so that the line
 * of sight meets the point exactly; the footprint corners (Items 82–89,
 * and the offsets 26–33) come from @nariz/fmv's sensor model on flat
 * ground, the frame centre (23–24) is the point. Mission id "SIMULATED".
 *
 * The simulated world has no geoid: heights above sea level (Items 15, 25)
 * are written equal to those above the ellipsoid (104, 78).
 *
 * The seed draws the start of the orbit and a wobble of the attitude (a
 * few tenths of a degree) and height (under a metre); the rest is
 * geometry, so the same options give the same packets.
 */
import { LocalFrame, NarizError, geodeticToEcef } from '@nariz/core';
import { encodeSt0601Fields, framePts, type St0601FieldInputs } from '@nariz/formats';
import { sensorModelFootprint } from '@nariz/fmv';
import { streamRng } from '../streams.js';

export const SIMULATED_MISSION_ID = 'SIMULATED';
const DEG = Math.PI / 180;
const G = 9.80665;
/** 2025-06-01T12:00:00Z: a fixed start so the same options give the same bytes. */
const DEFAULT_START_UNIX_US = 1_748_779_200_000_000;
/** Offsets (Items 26–33) hold ±0.075°. */
const MAX_OFFSET_DEG = 0.075;

export interface FlightKlvOptions {
  readonly seed: number;
  /** The point of interest the camera stares at. */
  readonly centreLatDeg: number;
  readonly centreLonDeg: number;
  readonly durationS: number;
  /** Video frames per second: one packet per frame. */
  readonly frameRate: number;
  readonly altitudeAglM: number;
  /** 0: hover over the point, looking straight down. */
  readonly orbitRadiusM: number;
  /** Height of the (flat) ground above the ellipsoid. */
  readonly groundElevM: number;
  readonly hfovDeg: number;
  /** Default: a 16:9 picture's, from hfovDeg. */
  readonly vfovDeg?: number;
  /** Default 10 m/s. */
  readonly groundSpeedMps?: number;
  /** Default true (turning right, the point on the right). */
  readonly clockwise?: boolean;
  /** Precision Time Stamp of the first frame (default 2025-06-01T12:00:00Z). */
  readonly startUnixUs?: number;
}

export interface FlightKlvFrame {
  readonly index: number;
  /** Seconds from the first frame: the frame's time on the video's clock. */
  readonly tS: number;
  readonly fields: St0601FieldInputs;
}

function bad(message: string): never {
  throw new NarizError('NARIZ_BAD_SCENARIO', `flightKlv: ${message}`);
}

/** The vertical field of view of a 16:9 picture with this horizontal one. */
export function vfovFor169(hfovDeg: number): number {
  return (2 * Math.atan(Math.tan((hfovDeg / 2) * DEG) * (9 / 16))) / DEG;
}

export function flightKlv(opts: FlightKlvOptions): FlightKlvFrame[] {
  const { seed, centreLatDeg: lat0, centreLonDeg: lon0, durationS, frameRate, altitudeAglM, orbitRadiusM: r, groundElevM, hfovDeg } = opts;
  const vfovDeg = opts.vfovDeg ?? vfovFor169(hfovDeg);
  const speed = opts.groundSpeedMps ?? 10;
  const startUs = opts.startUnixUs ?? DEFAULT_START_UNIX_US;
  if (!(Math.abs(lat0) <= 85) || !(Math.abs(lon0) <= 180)) bad(`centre ${lat0}, ${lon0}: expected |lat| ≤ 85, |lon| ≤ 180`);
  if (!(durationS > 0 && durationS <= 3600) || !(frameRate > 0 && frameRate <= 120)) bad(`duration ${durationS} s at ${frameRate} fps: expected (0, 3600] s and (0, 120] fps`);
  if (!(altitudeAglM >= 5 && altitudeAglM <= 10_000) || !(r >= 0 && r <= 20_000) || !(speed > 0 && speed <= 100)) bad(`altitude ${altitudeAglM} m, orbit radius ${r} m, speed ${speed} m/s out of range`);
  if (!(hfovDeg > 0 && hfovDeg < 120) || !(vfovDeg > 0 && vfovDeg < 120) || !(Math.abs(groundElevM) < 9000)) bad(`fields of view ${hfovDeg}°×${vfovDeg}° or ground ${groundElevM} m out of range`);
  const rng = streamRng(seed, 'video/flight');
  const phase0 = rng.uniform(0, 2 * Math.PI);
  const wobble = [0, 1, 2].map(() => ({ amp: rng.uniform(0.2, 0.6), hz: rng.uniform(0.1, 0.4), phase: rng.uniform(0, 2 * Math.PI) }));
  const hoverHeading = rng.uniform(0, 360);
  const turn = opts.clockwise === false ? 1 : -1;
  const omega = r >= 1 ? (turn * speed) / r : 0;
  const bankDeg = r >= 1 ? (-turn * Math.atan((speed * speed) / (G * r))) / DEG : 0;
  const plane = new LocalFrame({ lat: lat0, lon: lon0, alt: groundElevM });
  const target = geodeticToEcef(lat0, lon0, groundElevM);

  const n = Math.max(1, Math.round(durationS * frameRate));
  const frames: FlightKlvFrame[] = [];
  for (let i = 0; i < n; i++) {
    const t = i / frameRate;
    const w = wobble.map((x) => x.amp * Math.sin(2 * Math.PI * x.hz * t + x.phase));
    const phi = phase0 + omega * t;
    const east = r * Math.cos(phi), north = r * Math.sin(phi);
    // Velocity along the orbit; heading clockwise from north.
    const vE = -r * omega * Math.sin(phi), vN = r * omega * Math.cos(phi);
    const headingDeg = r >= 1 ? norm360(Math.atan2(vE, vN) / DEG) : hoverHeading;
    const pitchDeg = (r >= 1 ? -3 : 0) + w[0]!;
    const rollDeg = bankDeg + w[1]!;
    const pos = plane.unproject(east, north);
    const sensorHae = groundElevM + altitudeAglM + w[2]!;
    const { az, el, slant } = lineOfSight(pos.lat, pos.lon, sensorHae, target, headingDeg, pitchDeg, rollDeg);
    const sensorAzDeg = norm360(az);
    const fp = sensorModelFootprint({
      sensorLatDeg: pos.lat, sensorLonDeg: pos.lon, sensorHaeM: sensorHae, headingDeg, pitchDeg, rollDeg,
      sensorAzDeg, sensorElDeg: el, sensorRollDeg: 0, hfovDeg, vfovDeg, groundElevM,
    });
    if (fp === undefined) bad(`at ${t.toFixed(2)} s the camera sees the horizon: narrow the field of view, fly higher or orbit closer`);
    const fields: St0601FieldInputs = {
      precisionTimeStampUs: startUs + Math.round(t * 1e6),
      missionId: SIMULATED_MISSION_ID,
      platformTailNumber: 'NARIZ-SIM',
      platformDesignation: 'Simulated multirotor',
      imageSourceSensor: 'EO (simulated)',
      imageCoordinateSystem: 'Geodetic WGS84',
      platformHeadingDeg: headingDeg,
      platformPitchDeg: pitchDeg,
      platformRollDeg: rollDeg,
      platformPitchFullDeg: pitchDeg,
      platformRollFullDeg: rollDeg,
      platformGroundSpeedMps: Math.round(r >= 1 ? speed : 0),
      sensorLatDeg: pos.lat,
      sensorLonDeg: pos.lon,
      sensorTrueAltitudeM: sensorHae,
      sensorEllipsoidHeightExtendedM: sensorHae,
      sensorNorthVelocityMps: vN,
      sensorEastVelocityMps: vE,
      altitudeAglM: sensorHae - groundElevM,
      sensorHfovDeg: hfovDeg,
      sensorVfovDeg: vfovDeg,
      sensorRelAzimuthDeg: sensorAzDeg,
      sensorRelElevationDeg: el,
      sensorRelRollDeg: 0,
      slantRangeM: slant,
      frameCenterLatDeg: fp.centreLatDeg,
      frameCenterLonDeg: fp.centreLonDeg,
      frameCenterElevationM: groundElevM,
      frameCenterHaeM: groundElevM,
      cornerLat1Deg: fp.cornerLatDeg[0], cornerLon1Deg: fp.cornerLonDeg[0],
      cornerLat2Deg: fp.cornerLatDeg[1], cornerLon2Deg: fp.cornerLonDeg[1],
      cornerLat3Deg: fp.cornerLatDeg[2], cornerLon3Deg: fp.cornerLonDeg[2],
      cornerLat4Deg: fp.cornerLatDeg[3], cornerLon4Deg: fp.cornerLonDeg[3],
    };
    const dLat = fp.cornerLatDeg.map((x) => x - fp.centreLatDeg);
    const dLon = fp.cornerLonDeg.map((x) => x - fp.centreLonDeg);
    if ([...dLat, ...dLon].every((d) => Math.abs(d) <= MAX_OFFSET_DEG)) {
      Object.assign(fields, {
        offsetCornerLat1Deg: dLat[0], offsetCornerLon1Deg: dLon[0], offsetCornerLat2Deg: dLat[1], offsetCornerLon2Deg: dLon[1],
        offsetCornerLat3Deg: dLat[2], offsetCornerLon3Deg: dLon[2], offsetCornerLat4Deg: dLat[3], offsetCornerLon4Deg: dLon[3],
      } satisfies St0601FieldInputs);
    }
    frames.push({ index: i, tS: t, fields });
  }
  return frames;
}

/** The frames' KLV packets (checksums added by the encoder), each with its frame's PTS at `frameRate`. */
export function flightKlvUnits(frames: readonly FlightKlvFrame[], frameRate: number, startPts = 63000): Array<{ bytes: Uint8Array; pts: number }> {
  return frames.map((f) => ({ bytes: encodeSt0601Fields(f.fields), pts: framePts(f.index, frameRate, startPts) }));
}

const norm360 = (d: number): number => ((d % 360) + 360) % 360;

/**
 * The sensor's azimuth and elevation relative to the platform that point
 * its line of sight at `target` (ECEF): the direction in the sensor's
 * north/east/down, rotated into the body frame by the transpose of
 * Rz(heading)·Ry(pitch)·Rx(roll) (ST 0601's order).
 */
function lineOfSight(lat: number, lon: number, hae: number, target: readonly number[], headingDeg: number, pitchDeg: number, rollDeg: number): { az: number; el: number; slant: number } {
  const s = geodeticToEcef(lat, lon, hae);
  const d = [target[0]! - s[0], target[1]! - s[1], target[2]! - s[2]];
  const slant = Math.hypot(d[0]!, d[1]!, d[2]!);
  const la = lat * DEG, lo = lon * DEG;
  const n = -Math.sin(la) * Math.cos(lo) * d[0]! - Math.sin(la) * Math.sin(lo) * d[1]! + Math.cos(la) * d[2]!;
  const e = -Math.sin(lo) * d[0]! + Math.cos(lo) * d[1]!;
  const dn = -Math.cos(la) * Math.cos(lo) * d[0]! - Math.cos(la) * Math.sin(lo) * d[1]! - Math.sin(la) * d[2]!;
  const cy = Math.cos(headingDeg * DEG), sy = Math.sin(headingDeg * DEG);
  const cp = Math.cos(pitchDeg * DEG), sp = Math.sin(pitchDeg * DEG);
  const cr = Math.cos(rollDeg * DEG), sr = Math.sin(rollDeg * DEG);
  // Undo the yaw, then the pitch, then the roll.
  const x1 = cy * n + sy * e, y1 = -sy * n + cy * e, z1 = dn;
  const x2 = cp * x1 - sp * z1, z2 = sp * x1 + cp * z1;
  const y3 = cr * y1 + sr * z2, z3 = -sr * y1 + cr * z2;
  return { az: Math.atan2(y3, x2) / DEG, el: Math.atan2(-z3, Math.hypot(x2, y3)) / DEG, slant };
}
