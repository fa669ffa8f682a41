/**
 * Full-motion video for the workspace: the list, the clip in the player
 * and everything about it (its frames' metadata, the frame shown, a pixel
 * put on the ground, its annotations, motion cues), "which video saw this
 * place?", the search across clips, and the map's side of it: the overlays
 * (each memoised on its own inputs, so the map replaces only what changed)
 * and the map's input (a click on a track seeks the player; a place for the
 * coverage question).
 *
 * The player reports its time at every frame it presents; only a change of
 * the metadata frame in effect re-renders the workspace.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../api/client.js';
import type { VideoId } from '../api/schema/ids.js';
import type { Video } from '../api/schema/video.js';
import { frameIndexAt, nearestFrameTo } from '../geo/video-frame-at.js';
import { videoExtent, videoFrameFeatures, videoMarkFeatures, videoTrackFeatures, type VideoTrackRole } from '../geo/video-features.js';
import type { VideoMapInput } from '../map/MapView.js';
import type { VideoOverlays } from '../map/video-layers.js';
import type { LiveHub } from './live-hub.js';
import { useAnnotationSearch, type AnnotationSearchState } from './use-annotation-search.js';
import { useGroundPick, type GroundPickState } from './use-ground-pick.js';
import { useMotionCue, type MotionCueState } from './use-motion-cue.js';
import { useVideoAnnotations, type VideoAnnotationsState } from './use-video-annotations.js';
import { useVideoCoverage, type CoverageState } from './use-video-coverage.js';
import { useVideoFrames, type VideoFramesState } from './use-video-frames.js';
import { useVideos, type VideosState } from './use-videos.js';

export interface SeekRequest {
  /** A new key is a new request (seeking twice to the same time seeks twice). */
  readonly key: number;
  readonly tS: number;
}

export interface VideoWorkspace {
  readonly videos: VideosState;
  /** The clip in the player (as the list has it now), or null. */
  readonly open: Video | null;
  readonly openId: VideoId | null;
  /** Opens a clip in the player, at a time when given. */
  readonly openVideo: (id: VideoId, atS?: number) => void;
  readonly close: () => void;
  readonly frames: VideoFramesState;
  /** The listed frame in effect at the player's time; -1 before the first. */
  readonly frameIndex: number;
  /** The player's clock: called at every frame presented (and after every seek). */
  readonly onPlayerTime: (tS: number) => void;
  /** The player's time now (not a render dependency). */
  readonly playerTime: () => number;
  readonly seekRequest: SeekRequest | null;
  readonly seek: (tS: number) => void;
  readonly pick: GroundPickState;
  readonly annotations: VideoAnnotationsState;
  readonly motion: MotionCueState;
  readonly coverage: CoverageState;
  readonly search: AnnotationSearchState;
  readonly overlays: VideoOverlays;
  readonly mapInput: VideoMapInput;
  /** Where the clip is, for fitting the map: its tracks and footprints. */
  readonly extent: readonly [number, number, number, number] | null;
}

export function useVideo(client: ApiClient, hub: LiveHub): VideoWorkspace {
  const videos = useVideos(client, hub);
  const [openId, setOpenId] = useState<VideoId | null>(null);
  const [seekRequest, setSeekRequest] = useState<SeekRequest | null>(null);
  const seekSeq = useRef(0);
  const open = openId === null ? null : (videos.videos?.find((v) => v.id === openId) ?? null);
  const ready = open?.status === 'ready';
  const frames = useVideoFrames(client, openId, ready);
  const pick = useGroundPick(client, openId);
  const annotations = useVideoAnnotations(client, hub, openId);
  const motion = useMotionCue(client, hub, openId);
  const coverage = useVideoCoverage(client);
  const search = useAnnotationSearch(client);

  const seek = useCallback((tS: number) => {
    seekSeq.current += 1;
    setSeekRequest({ key: seekSeq.current, tS: Math.max(0, tS) });
  }, []);
  const openVideo = useCallback(
    (id: VideoId, atS?: number) => {
      setOpenId(id);
      if (atS !== undefined) seek(atS);
      else setSeekRequest(null);
    },
    [seek],
  );
  const close = useCallback(() => {
    setOpenId(null);
    setSeekRequest(null);
  }, []);

  const data = frames.frames;
  const dataRef = useRef(data);
  dataRef.current = data;
  const timeRef = useRef(0);
  const [frameIndex, setFrameIndex] = useState(-1);
  const onPlayerTime = useCallback((tS: number) => {
    timeRef.current = tS;
    const f = dataRef.current;
    setFrameIndex(f === null ? -1 : frameIndexAt(f.tS, tS));
  }, []);
  const playerTime = useCallback(() => timeRef.current, []);
  // New frames (another clip): the index again, at the time the player stands.
  const [framesSeen, setFramesSeen] = useState(data);
  if (framesSeen !== data) {
    setFramesSeen(data);
    setFrameIndex(data === null ? -1 : frameIndexAt(data.tS, timeRef.current));
  }

  const tracks = useMemo<VideoOverlays['tracks']>(() => (data === null ? { type: 'FeatureCollection', features: [] } : videoTrackFeatures(data)), [data]);
  const frame = useMemo<VideoOverlays['frame']>(() => (data === null ? { type: 'FeatureCollection', features: [] } : videoFrameFeatures(data, frameIndex)), [data, frameIndex]);
  const pickAt = pick.result;
  const annotationList = openId === null ? null : annotations.list;
  const place = coverage.place;
  const marks = useMemo<VideoOverlays['marks']>(
    () => videoMarkFeatures({ annotations: annotationList ?? [], pick: pickAt === null ? null : { lat: pickAt.lat, lon: pickAt.lon }, query: place }),
    [annotationList, pickAt, place],
  );
  const overlays = useMemo<VideoOverlays>(() => ({ tracks, frame, marks }), [tracks, frame, marks]);
  const extent = useMemo(() => (data === null ? null : videoExtent(data)), [data]);

  const onTrack = useCallback(
    (role: VideoTrackRole, lon: number, lat: number) => {
      const f = dataRef.current;
      if (f === null) return;
      const i = role === 'platform-track' ? nearestFrameTo(f.sensorLon, f.sensorLat, f.tS, lon, lat, timeRef.current) : nearestFrameTo(f.centreLon, f.centreLat, f.tS, lon, lat, timeRef.current);
      if (i >= 0) seek(f.tS[i]!);
    },
    [seek],
  );
  const ask = coverage.ask;
  const onPlace = useCallback((lon: number, lat: number) => ask(lat, lon), [ask]);
  const mapInput = useMemo<VideoMapInput>(() => ({ pickingPlace: coverage.picking, onPlace, onTrack }), [coverage.picking, onPlace, onTrack]);

  return {
    videos, open, openId, openVideo, close, frames, frameIndex, onPlayerTime, playerTime, seekRequest, seek,
    pick, annotations, motion, coverage, search, overlays, mapInput, extent,
  };
}
