/**
 * The one file that names @nariz/fmv (and the simulator's video): the rest
 * of the server's video code imports from here, so a change in that
 * package's API is a change here only.
 */
export {
  FOOTPRINT_NONE, FOOTPRINT_KLV_CORNERS, FOOTPRINT_SENSOR_MODEL, MotionCue, coverageOf, decodeVideoFrames, encodeVideoFrames, footprintBounds, frameAt, pixelToGround,
  readVideoFrames, type VideoFrames, type VideoFramesReport,
} from '@nariz/fmv';
export { renderSimulatedVideo, type RenderVideoOptions } from '@nariz/sim';
