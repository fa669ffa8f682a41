/**
 * The values of ST 0601's packs (Defined-, Variable- and Floating-Length
 * Packs, ST 0601 §6) and of the ST 0903 location packs. Angles in degrees,
 * heights in metres above the WGS84 ellipsoid, wavelengths in nanometres.
 */

/** Item 81: the horizon line across the image, ends in percent of width/height from the top left; with their positions when sent (null: the error indicator). */
export interface ImageHorizon {
  readonly x0Pct: number;
  readonly y0Pct: number;
  readonly x1Pct: number;
  readonly y1Pct: number;
  readonly lat0Deg?: number | null;
  readonly lon0Deg?: number | null;
  readonly lat1Deg?: number | null;
  readonly lon1Deg?: number | null;
}

/**
 * Item 94 (and ST 0903 Tag 13): a MISB ST 1204 MIIS Core Identifier.
 * `usage` bits: sensor id type (bits 6–5), platform id type (4–3), window
 * id present (2), minor id present (1). Identifiers as 8 groups of 4 hex
 * digits; `text` is the ST 1204 text form without its check value.
 */
export interface MiisCoreId {
  readonly version: number;
  readonly usage: number;
  readonly sensorId?: string;
  readonly platformId?: string;
  readonly windowId?: string;
  readonly minorId?: string;
  readonly text: string;
}

/** Item 115: a command sent to the platform; `timeUs` when it differs from the packet's. */
export interface ControlCommand {
  readonly id: number;
  readonly command: string;
  readonly timeUs?: number;
}

/** Item 122: country codes, in the coding method ST 0102 Tag 2 enumerates; later ones absent when not sent. */
export interface CountryCodes {
  readonly codingMethod: number;
  readonly overflight: string;
  readonly operator?: string;
  readonly manufacture?: string;
}

/** Item 127: frames per second = numerator / denominator (denominator 1 when not sent). */
export interface SensorFrameRate {
  readonly numerator: number;
  readonly denominator: number;
}

/** Item 128 record (ids 1–6 are predefined by the standard, custom ones from 21). */
export interface Wavelength {
  readonly id: number;
  readonly minNm: number;
  readonly maxNm: number;
  readonly name: string;
}

export interface GeoPoint {
  readonly latDeg: number;
  readonly lonDeg: number;
  /** Height above the ellipsoid, when sent. */
  readonly haeM?: number;
}

/** Item 130: null where the standard's "unknown" (a zero-length location) was sent. A recovery location not sent is the take-off location. */
export interface AirbaseLocations {
  readonly takeoff: GeoPoint | null;
  readonly recovery: GeoPoint | null;
}

/** Item 138: `count` is the total on board; a packet may carry a few of them. */
export interface PayloadList {
  readonly count: number;
  readonly payloads: readonly { readonly id: number; readonly type: number; readonly name: string }[];
}

/** Item 140 record: where the store hangs and its status (general status in the low 7 bits; engagement bits). */
export interface WeaponStore {
  readonly station: number;
  readonly hardpoint: number;
  readonly carriage: number;
  readonly store: number;
  readonly generalStatus: number;
  readonly fuzeEnabled: boolean;
  readonly laserEnabled: boolean;
  readonly targetEnabled: boolean;
  readonly armed: boolean;
  readonly type: string;
}

/** Item 141 record. `info` bits: 0x01 manual mode, 0x02 ad hoc source. */
export interface WaypointRecord {
  readonly id: number;
  readonly prosecutionOrder: number;
  readonly info?: number;
  readonly location?: GeoPoint;
}

export interface AngleDomain {
  readonly startDeg: number;
  readonly rangeDeg: number;
}

/** Item 142: the domain each sensor angle can take; null where sent as unknown, absent where not sent. */
export interface ViewDomain {
  readonly azimuth?: AngleDomain | null;
  readonly elevation?: AngleDomain | null;
  readonly roll?: AngleDomain | null;
}

/** Item 143: a local id, or 0 and a 16-byte UUID (32 hex digits). */
export interface MetadataSubstreamId {
  readonly localId: number;
  readonly uuid?: string;
}

/** ST 0903 Location: standard deviations (m) and correlations when sent. */
export interface TargetLocation {
  readonly latDeg: number;
  readonly lonDeg: number;
  readonly haeM: number;
  readonly sigmaEastM?: number;
  readonly sigmaNorthM?: number;
  readonly sigmaUpM?: number;
  readonly rhoEastNorth?: number;
  readonly rhoEastUp?: number;
  readonly rhoNorthUp?: number;
}

/** ST 0903 VTarget Tag 21: which focal plane array of a mosaic. */
export interface FpaIndex {
  readonly row: number;
  readonly column: number;
}
