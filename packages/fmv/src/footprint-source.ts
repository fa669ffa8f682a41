/**
 * Where a frame's footprint (its four ground corners) came from. Stored as
 * a byte per frame in `VideoFrames.footprintSource` and in the blob, so the
 * values are part of the stored format: never renumber them.
 */
/** No footprint: the packet had neither corners nor the sensor geometry, or a corner ray missed the ground. */
export const FOOTPRINT_NONE = 0;
/** ST 0601 corner points: Items 82–89, else the frame centre (23–24) plus the offsets (26–33). */
export const FOOTPRINT_KLV_CORNERS = 1;
/** Computed by `sensorModelFootprint` from the sensor's position, the platform attitude, the sensor angles and field of view. */
export const FOOTPRINT_SENSOR_MODEL = 2;

export type FootprintSource = typeof FOOTPRINT_NONE | typeof FOOTPRINT_KLV_CORNERS | typeof FOOTPRINT_SENSOR_MODEL;
