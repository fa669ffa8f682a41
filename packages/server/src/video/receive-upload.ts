/**
 * An upload to disk: the body is written to a file in the incoming area as
 * it arrives, hashed (SHA-256) and counted on the way, and flushed to disk
 * before it counts as received. The first bytes are fed to the MPEG-TS
 * demuxer until it finds packets, so a file that is not a transport stream
 * is refused at once (NARIZ_MPEGTS, before gigabytes arrive); a body over
 * the limit is NARIZ_TOO_LARGE. On any failure, an abort included, the
 * partial file is removed: a failed upload leaves nothing behind.
 */
import { createHash } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { NarizError } from '@nariz/core';
import { TsDemuxer } from '@nariz/formats';

export interface ReceivedFile {
  readonly bytes: number;
  /** Hex SHA-256 of the bytes received. */
  readonly sha256: string;
}

export interface ReceiveOptions {
  /** Where to write (created; must not exist). */
  readonly path: string;
  readonly maxBytes: number;
  /** For messages. */
  readonly fileName: string;
}

/** Decides from the first bytes whether the input is a transport stream, as the demuxer would. */
class TsSniffer {
  private readonly demuxer: TsDemuxer;
  decided = false;

  constructor(fileName: string) {
    this.demuxer = new TsDemuxer({ video: false, fileName });
  }

  /** Throws NARIZ_MPEGTS once the demuxer has searched its sync window without finding a packet. */
  push(chunk: Uint8Array): void {
    if (this.decided) return;
    this.demuxer.push(chunk);
    this.decided = this.demuxer.stats.packetSize !== undefined;
  }

  end(fileName: string): void {
    if (this.decided) return;
    this.demuxer.end();
    if (this.demuxer.stats.packets === 0) throw new NarizError('NARIZ_MPEGTS', 'not an MPEG transport stream: no 188-, 192- or 204-byte packets', { file: fileName, byteOffset: 0 });
  }
}

export async function receiveUpload(body: AsyncIterable<Uint8Array>, o: ReceiveOptions): Promise<ReceivedFile> {
  const hash = createHash('sha256');
  const sniff = new TsSniffer(o.fileName);
  const file = await open(o.path, 'wx');
  let bytes = 0;
  try {
    for await (const chunk of body) {
      bytes += chunk.length;
      if (bytes > o.maxBytes) throw new NarizError('NARIZ_TOO_LARGE', `the upload is larger than the limit of ${o.maxBytes} bytes (videoMaxBytes)`, { file: o.fileName });
      sniff.push(chunk);
      hash.update(chunk);
      await file.write(chunk);
    }
    if (bytes === 0) throw new NarizError('NARIZ_MPEGTS', 'the upload is empty', { file: o.fileName });
    sniff.end(o.fileName);
    // On disk before it is acknowledged: a crash after the 202 must not lose the original.
    await file.sync();
    await file.close();
    return { bytes, sha256: hash.digest('hex') };
  } catch (err) {
    await file.close().catch(() => undefined);
    await rm(o.path, { force: true });
    throw err;
  }
}
