/**
 * @nariz/fmv — full-motion video as data: per-frame metadata from MISB ST
 * 0601 KLV (docs/formats/fmv.md), frame footprints, image ↔ ground,
 * when a place was in view, and a motion cue for grayscale frames. Pure
 * functions on typed arrays; the only I/O is readVideoFrames' byte source.
 */
export { FOOTPRINT_KLV_CORNERS, FOOTPRINT_NONE, FOOTPRINT_SENSOR_MODEL, type FootprintSource } from './footprint-source.js';
export type { VideoFrames, VideoFramesReport } from './video-frames.js';
export { readVideoFrames, type ReadVideoFramesOptions } from './read-video-frames.js';
export { FRAMES_BLOB_VERSION, decodeVideoFrames, encodeVideoFrames } from './frames-blob.js';
export { frameAt } from './frame-at.js';
export { sensorModelFootprint, type SensorModelFootprint, type SensorModelInput } from './sensor-model.js';
export { CORNER_UV, imageRayNed, sensorToNed, type Pointing } from './camera-rays.js';
export { applyHomography, invertHomography, squareToQuad } from './homography.js';
export { groundToPixel, pixelToGround, type GroundPoint } from './pixel-ground.js';
export { DEFAULT_MAX_GAP_S, coverageOf, type CoverageRange } from './coverage.js';
export { footprintBounds, type Bounds } from './footprint-bounds.js';
export { MotionCue, type MotionCueOptions, type MotionSegment } from './motion/motion-cue.js';
