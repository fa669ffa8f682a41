/** Finding a video for a route: its id schema, and the video or its frames, or the error that says why not. */
import { NarizError } from '@nariz/core';
import type { VideoRecord } from '@nariz/store';
import type { Platform } from '../platform.js';
import { idSchema } from '../routes/sortie-json.js';
import type { VideoFrames } from './fmv-bridge.js';

export const videoParams = { type: 'object', properties: { id: idSchema }, required: ['id'] } as const;

/** The video, or NARIZ_NOT_FOUND. */
export async function mustVideo(p: Platform, id: string): Promise<VideoRecord> {
  const v = await p.store.videos.getVideo(id);
  if (v === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no video "${id}"`);
  return v;
}

/** The video's frames, or NARIZ_VIDEO_STATE before metadata extraction (or when it failed). */
export async function mustFrames(p: Platform, v: VideoRecord): Promise<VideoFrames> {
  const f = await p.video.frames.get(v);
  if (f === undefined) throw new NarizError('NARIZ_VIDEO_STATE', `video ${v.id} is ${v.status}: its metadata ${v.status === 'failed' ? `could not be read (${v.failure?.message ?? 'no reason'})` : 'is not read yet'}`);
  return f;
}
