/**
 * The columnar per-frame metadata of one video: one row per ST 0601 packet,
 * sorted by `tS` (ties keep stream order). Columns are typed arrays of
 * length `count` (the corner columns `4 * count`); absent values are NaN,
 * never 0, so "unknown" cannot pass for a position on the equator.
 */
export interface VideoFrames {
  readonly count: number;
  /**
   * Seconds on the video's clock, the player's `currentTime`: (KLV PTS −
   * first video PTS) / 90,000; without PTS, from the ST 0601 timestamps
   * relative to the first (VideoFramesReport.timeSource says which).
   */
  readonly tS: Float64Array;
  /** ST 0601 Precision Time Stamp (Item 2), µs since 1970-01-01T00:00:00Z; NaN when absent. */
  readonly unixUs: Float64Array;
  readonly sensorLatDeg: Float64Array;
  readonly sensorLonDeg: Float64Array;
  /** Above the ellipsoid (Item 104, else 75); above mean sea level (Item 15) when neither is present. */
  readonly sensorHaeM: Float64Array;
  /** Platform attitude: heading (Item 5), pitch (90, else 6), roll (91, else 7). */
  readonly headingDeg: Float64Array;
  readonly pitchDeg: Float64Array;
  readonly rollDeg: Float64Array;
  /** Sensor angles relative to the platform (Items 18–20). */
  readonly sensorAzDeg: Float64Array;
  readonly sensorElDeg: Float64Array;
  readonly sensorRollDeg: Float64Array;
  readonly hfovDeg: Float64Array;
  readonly vfovDeg: Float64Array;
  readonly slantRangeM: Float64Array;
  /** Frame centre (Items 23–24), or the centre of the sensor-model footprint. */
  readonly centreLatDeg: Float64Array;
  readonly centreLonDeg: Float64Array;
  /** Frame centre elevation in the sensor height's datum: Item 78 (HAE) or 25 (MSL); the ground the sensor model used. */
  readonly centreElevM: Float64Array;
  /** 4 per frame in image order: upper-left, upper-right, lower-right, lower-left (ST 0601 corner points 1..4); NaN without a footprint. */
  readonly cornerLatDeg: Float64Array;
  readonly cornerLonDeg: Float64Array;
  /** FOOTPRINT_* per frame. */
  readonly footprintSource: Uint8Array;
  /** 1 when the packet's checksum failed or was missing (its values are still used). */
  readonly checksumErrors: Uint8Array;
}

export interface VideoFramesReport {
  /** ST 0601 packets decoded (each a frame, unless it had no time: see `undecodable`). */
  packets: number;
  checksumErrors: number;
  /** KLV packets that did not decode or were cut short, plus ST 0601 packets with no time at all. */
  undecodable: number;
  /** Continuity-counter errors over the whole transport stream. */
  continuityErrors: number;
  videoCodec?: string;
  videoPid?: number;
  klvPid?: number;
  /** The distinct mission ids (ST 0601 item 3) of the metadata stream, sorted; the simulator's is "SIMULATED". */
  missionIds: string[];
  /** The video's duration (first PTS to the end of the last frame); without video, the span of the frames. */
  durationS: number;
  bytes: number;
  /** Where `tS` comes from: the KLV PTS, the ST 0601 timestamps, or the program clock when the KLV arrived. */
  timeSource: 'pts' | 'timestamp' | 'pcr';
}

/** The names of the Float64 columns with one value per frame, in blob order (frames-blob.ts). */
export const SCALAR_COLUMNS = [
  'tS', 'unixUs', 'sensorLatDeg', 'sensorLonDeg', 'sensorHaeM', 'headingDeg', 'pitchDeg', 'rollDeg', 'sensorAzDeg', 'sensorElDeg', 'sensorRollDeg',
  'hfovDeg', 'vfovDeg', 'slantRangeM', 'centreLatDeg', 'centreLonDeg', 'centreElevM',
] as const satisfies ReadonlyArray<keyof VideoFrames>;

/** Float64 columns with four values per frame. */
export const CORNER_COLUMNS = ['cornerLatDeg', 'cornerLonDeg'] as const satisfies ReadonlyArray<keyof VideoFrames>;

/** Uint8 columns, one value per frame. */
export const BYTE_COLUMNS = ['footprintSource', 'checksumErrors'] as const satisfies ReadonlyArray<keyof VideoFrames>;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** `count` frames with every value NaN (0 for the byte columns): what readers fill. */
export function allocateFrames(count: number): Mutable<VideoFrames> {
  const f = (n: number): Float64Array => new Float64Array(n).fill(NaN);
  return {
    count, tS: f(count), unixUs: f(count), sensorLatDeg: f(count), sensorLonDeg: f(count), sensorHaeM: f(count),
    headingDeg: f(count), pitchDeg: f(count), rollDeg: f(count), sensorAzDeg: f(count), sensorElDeg: f(count), sensorRollDeg: f(count),
    hfovDeg: f(count), vfovDeg: f(count), slantRangeM: f(count), centreLatDeg: f(count), centreLonDeg: f(count), centreElevM: f(count),
    cornerLatDeg: f(4 * count), cornerLonDeg: f(4 * count), footprintSource: new Uint8Array(count), checksumErrors: new Uint8Array(count),
  };
}
