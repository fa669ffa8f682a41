/**
 * What metadata extraction found, as stored with the video and shown by
 * the API: the reader's counts, how many frames have a ground footprint and
 * from what, and a sentence when the file carries no usable metadata (it
 * still plays; it just cannot be placed on the map).
 */
import { FOOTPRINT_KLV_CORNERS, FOOTPRINT_SENSOR_MODEL, type VideoFrames, type VideoFramesReport } from './fmv-bridge.js';

export const NO_KLV_NOTE = 'no KLV metadata (MISB ST 0601) in this file: the video plays, but has no sensor positions, footprints or coverage';
export const NO_FOOTPRINT_NOTE = 'KLV metadata without any ground footprint (no corner points and too little for the sensor model): positions only';

export function videoReportJson(r: VideoFramesReport, f: VideoFrames): Record<string, unknown> {
  let corners = 0;
  let model = 0;
  for (let i = 0; i < f.count; i++) {
    if (f.footprintSource[i] === FOOTPRINT_KLV_CORNERS) corners++;
    else if (f.footprintSource[i] === FOOTPRINT_SENSOR_MODEL) model++;
  }
  return {
    metadata: f.count > 0 ? 'st0601' : 'none',
    note: f.count === 0 ? NO_KLV_NOTE : corners + model === 0 ? NO_FOOTPRINT_NOTE : null,
    frames: f.count,
    frames_with_footprint: corners + model,
    footprint_sources: { klv_corners: corners, sensor_model: model },
    packets: r.packets,
    checksum_errors: r.checksumErrors,
    undecodable: r.undecodable,
    continuity_errors: r.continuityErrors,
    video_codec: r.videoCodec ?? null,
    video_pid: r.videoPid ?? null,
    klv_pid: r.klvPid ?? null,
    mission_ids: r.missionIds,
    duration_s: r.durationS,
    bytes: r.bytes,
    time_source: r.timeSource,
  };
}
