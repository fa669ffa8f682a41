/**
 * Running Debian's ffmpeg and ffprobe (scripts/setup-ffmpeg.sh) as child
 * processes. The path is configurable (NARIZ_FFMPEG); ffprobe is looked
 * for beside it. A failure is NARIZ_FFMPEG with the end of ffmpeg's own
 * message (what a person needs to see), a missing binary says which path
 * was tried, and an abort kills the process.
 */
import { spawn } from 'node:child_process';
import { basename, dirname, join } from 'node:path';
import { NarizError } from '@nariz/core';

export interface FfmpegTools {
  readonly ffmpeg: string;
  readonly ffprobe: string;
}

/** ffmpeg at `path` (default: `ffmpeg` on PATH) and the ffprobe beside it (on PATH when `path` is a bare name). */
export function ffmpegTools(path = 'ffmpeg'): FfmpegTools {
  return { ffmpeg: path, ffprobe: path.includes('/') ? join(dirname(path), 'ffprobe') : 'ffprobe' };
}

/** Keeps the last `max` bytes of stderr: ffmpeg says why it failed at the end. */
const STDERR_TAIL = 4096;

export interface RunOptions {
  readonly signal?: AbortSignal;
  /** Each chunk of stdout (a pipe's backpressure is not applied: consume promptly). */
  readonly onStdout?: (chunk: Buffer) => void;
}

/** Runs the tool to its end; resolves on exit 0. */
export function runTool(bin: string, args: readonly string[], o: RunOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    if (o.signal?.aborted === true) {
      reject(o.signal.reason);
      return;
    }
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    let settled = false;
    const done = (err: unknown): void => {
      if (settled) return;
      settled = true;
      o.signal?.removeEventListener('abort', onAbort);
      if (err === undefined) resolve();
      else reject(err);
    };
    const onAbort = (): void => {
      child.kill('SIGKILL');
      done(o.signal!.reason);
    };
    o.signal?.addEventListener('abort', onAbort, { once: true });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (s: string) => {
      tail = (tail + s).slice(-STDERR_TAIL);
    });
    const on = o.onStdout;
    if (on === undefined) child.stdout.resume(); // drained, so a chatty tool never blocks on a full pipe
    else {
      child.stdout.on('data', (b: Buffer) => {
        try {
          on(b);
        } catch (err) {
          child.kill('SIGKILL');
          done(err);
        }
      });
    }
    child.on('error', (err: NodeJS.ErrnoException) => {
      done(
        err.code === 'ENOENT'
          ? new NarizError('NARIZ_FFMPEG', `${bin} was not found: install ffmpeg (scripts/setup-ffmpeg.sh) or set NARIZ_FFMPEG to its path`, undefined, { cause: err })
          : new NarizError('NARIZ_FFMPEG', `${bin} could not start: ${err.message}`, undefined, { cause: err }),
      );
    });
    child.on('close', (code, signal) => {
      if (code === 0) done(undefined);
      else done(new NarizError('NARIZ_FFMPEG', `${basename(bin)} failed (${code === null ? `signal ${signal}` : `exit ${code}`}): ${lastLines(tail)}`));
    });
  });
}

/** The last few non-empty lines, joined: the part of ffmpeg's output that names the problem. */
function lastLines(s: string): string {
  const lines = s.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  return lines.slice(-3).join(' / ') || 'no message';
}

/** True when `ffmpeg -version` runs. */
export async function ffmpegAvailable(t: FfmpegTools): Promise<boolean> {
  try {
    await runTool(t.ffmpeg, ['-version']);
    return true;
  } catch {
    return false;
  }
}

/** Runs ffprobe and returns its stdout (small: JSON of a few streams). */
export async function probe(t: FfmpegTools, args: readonly string[], signal?: AbortSignal): Promise<string> {
  const parts: Buffer[] = [];
  await runTool(t.ffprobe, args, { onStdout: (b) => parts.push(b), ...(signal !== undefined ? { signal } : {}) });
  return Buffer.concat(parts).toString('utf8');
}
