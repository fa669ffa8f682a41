/**
 * A file served with byte ranges and validators: 200 with the whole file,
 * 206 with one range and its Content-Range, 416 (in the error shape, with
 * `Content-Range: bytes * /size`) for a range past the end, 304 for a
 * matching If-None-Match. If-Range with a stale validator gets the whole
 * file, so a browser never glues bytes of two versions together.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NarizError } from '@nariz/core';
import { parseRange } from './byte-range.js';

export async function sendMedia(req: FastifyRequest, reply: FastifyReply, path: string, contentType: string): Promise<FastifyReply> {
  const st = await stat(path);
  const size = st.size;
  const etag = `"${size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
  const lastModified = st.mtime.toUTCString();
  // Behind sign-in: private; the file never changes under its URL while the video exists.
  reply.header('accept-ranges', 'bytes').header('etag', etag).header('last-modified', lastModified).header('cache-control', 'private, max-age=3600');
  if (req.headers['if-none-match'] === etag) return reply.status(304).send();
  const ifRange = req.headers['if-range'];
  const range = ifRange !== undefined && ifRange !== etag && ifRange !== lastModified ? { kind: 'full' as const } : parseRange(req.headers.range, size);
  if (range.kind === 'unsatisfiable') {
    return reply
      .status(416)
      .header('content-range', `bytes */${size}`)
      .send({ error: new NarizError('NARIZ_RANGE', `range "${req.headers.range ?? ''}" is outside the file (${size} bytes)`).toJSON() });
  }
  reply.header('content-type', contentType);
  if (range.kind === 'full') return reply.status(200).header('content-length', size).send(createReadStream(path));
  return reply
    .status(206)
    .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
    .header('content-length', range.end - range.start + 1)
    .send(createReadStream(path, { start: range.start, end: range.end }));
}
