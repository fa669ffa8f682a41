/**
 * Full-motion videos as stored (issue 5). The server owns the files (the
 * original transport stream and the browser-playable MP4, under its video
 * directory); the store keeps what it knows about them: who uploaded what
 * (size and SHA-256 of the bytes received), how far processing got, the
 * metadata report, the footprint's bounds for a spatial prefilter, and the
 * per-frame metadata as one opaque BLOB (the fmv package's encoding: the
 * store neither reads nor depends on it).
 *
 * Status: `uploaded` (the file is complete on disk) → `processing` →
 * `ready` | `failed` (with a reason). A video left `uploaded` or
 * `processing` by a stopped server is processed again at the next start.
 */
export const VIDEO_STATUSES = ['uploaded', 'processing', 'ready', 'failed'] as const;
export type VideoStatus = (typeof VIDEO_STATUSES)[number];

/** Why a video failed: a catalogue code and a sentence for people. */
export interface VideoFailure {
  readonly code: string;
  readonly message: string;
}

/** Degrees; west > east when the area crosses the antimeridian. */
export interface GeoBounds {
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
}

export interface NewVideo {
  readonly id: string;
  readonly name: string;
  readonly byteSize: number;
  /** Hex SHA-256 of the uploaded bytes. */
  readonly sha256: string;
  readonly createdBy: string;
  /** The uploaded file, relative to the server's video directory. */
  readonly originalPath: string;
}

export interface VideoRecord extends NewVideo {
  readonly status: VideoStatus;
  /** Set when status is `failed`. */
  readonly failure: VideoFailure | undefined;
  /** 0..1 through processing. */
  readonly progress: number;
  readonly message: string;
  /** ISO 8601 UTC. */
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly durationS: number | undefined;
  /** The video stream's codec as the demuxer names it (h264, mpeg2, …). */
  readonly codec: string | undefined;
  /** Frames with metadata (0: the file carries no KLV). */
  readonly frameCount: number | undefined;
  /** The metadata extraction report (JSON chosen by the server), once extracted. */
  readonly report: unknown;
  /** Bounds of every frame's ground footprint, when any frame has one. */
  readonly bounds: GeoBounds | undefined;
  /** The browser-playable MP4, relative to the video directory, once made. */
  readonly mediaPath: string | undefined;
}

/** Fields to change; an absent field is kept. */
export interface VideoPatch {
  readonly status?: VideoStatus;
  readonly failure?: VideoFailure;
  readonly progress?: number;
  readonly message?: string;
  readonly durationS?: number;
  readonly codec?: string;
  readonly frameCount?: number;
  readonly report?: unknown;
  readonly bounds?: GeoBounds;
  /** The per-frame metadata BLOB (read back with `videoFrames`). */
  readonly frames?: Uint8Array;
  readonly mediaPath?: string;
}

export interface VideoQuery {
  readonly statuses?: readonly VideoStatus[];
  /** Newest first, at most this many (default 1000). */
  readonly limit?: number;
}

export interface VideoStore {
  /** A new video, status `uploaded`; NARIZ_CONFLICT when the id exists. */
  createVideo(v: NewVideo): Promise<VideoRecord>;
  getVideo(id: string): Promise<VideoRecord | undefined>;
  /** Newest first. */
  listVideos(q?: VideoQuery): Promise<VideoRecord[]>;
  /** Applies the patch; the video afterwards, or undefined when there is none (deleted meanwhile). */
  updateVideo(id: string, patch: VideoPatch): Promise<VideoRecord | undefined>;
  /** The per-frame metadata BLOB, or undefined before extraction. */
  videoFrames(id: string): Promise<Uint8Array | undefined>;
  /** Deletes the video with its annotations and video jobs; false when there was none. */
  deleteVideo(id: string): Promise<boolean>;
  /**
   * Ready videos whose footprint bounds hold the point, newest first: the
   * prefilter of "which video saw this place" (the caller then checks the
   * frames themselves).
   */
  videosAt(latDeg: number, lonDeg: number): Promise<VideoRecord[]>;
}
