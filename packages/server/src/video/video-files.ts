/**
 * Where a video's files live under the video directory (by default
 * DATA_DIR/video):
 *
 *   incoming/<token>.part     an upload being received (renamed away when complete)
 *   <video id>/original.ts    the uploaded transport stream, as received
 *   <video id>/media.mp4      the browser-playable MP4, made once
 *   <video id>/media.mp4.part while ffmpeg writes it
 *
 * The store keeps paths relative to the directory, so a deployment can
 * move its data directory. A file appears under its final name only by
 * rename, so a crash never leaves a half-written original or MP4 there.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { NarizError } from '@nariz/core';

const INCOMING = 'incoming';
/** Video ids are server-made UUIDs: safe as one path component. */
const VIDEO_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class VideoFiles {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** Creates the directory and the incoming area; removes uploads a stopped server left half-received. */
  async init(): Promise<void> {
    await rm(join(this.root, INCOMING), { recursive: true, force: true });
    await mkdir(join(this.root, INCOMING), { recursive: true });
  }

  incomingPath(token: string): string {
    return join(this.root, INCOMING, `${token}.part`);
  }

  static isVideoId(id: string): boolean {
    return VIDEO_ID.test(id);
  }

  dirOf(id: string): string {
    if (!VideoFiles.isVideoId(id)) throw new RangeError(`not a video id: "${id}"`);
    return join(this.root, id);
  }

  originalRel(id: string): string {
    return `${id}/original.ts`;
  }

  mediaRel(id: string): string {
    return `${id}/media.mp4`;
  }

  /** The absolute path of a stored relative path; refuses one that leaves the directory (a corrupt row). */
  abs(rel: string): string {
    const p = resolve(this.root, rel);
    const r = relative(this.root, p);
    if (r === '' || r.startsWith(`..${sep}`) || r === '..' || isAbsolute(r)) throw new NarizError('NARIZ_STORE_CORRUPT', `stored video path "${rel}" is outside the video directory`);
    return p;
  }

  async remove(id: string): Promise<void> {
    await rm(this.dirOf(id), { recursive: true, force: true });
  }

  /** Removes video folders the store does not know (a crash between the rename and the insert, or a deletion cut short). */
  async sweep(known: ReadonlySet<string>): Promise<string[]> {
    const gone: string[] = [];
    for (const e of await readdir(this.root, { withFileTypes: true })) {
      if (e.isDirectory() && VideoFiles.isVideoId(e.name) && !known.has(e.name)) {
        await rm(join(this.root, e.name), { recursive: true, force: true });
        gone.push(e.name);
      }
    }
    return gone;
  }
}
