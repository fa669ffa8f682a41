/**
 * What a decoder has seen: packets by version and message, and what it
 * could not use. `droppedBytes` are bytes that belong to no packet (noise,
 * damaged packets); `resyncs` counts the runs of them, each ended by the next
 * packet the decoder could frame.
 */

export interface DecoderStats {
  /** Bytes pushed so far. */
  readonly bytes: number;
  /** Packets whose checksum was verified (each one handed over as a frame). */
  readonly packets: number;
  readonly v1: number;
  readonly v2: number;
  /** Verified v2 packets that carry a signature (the signature itself is not checked). */
  readonly signed: number;
  /**
   * Candidates with a known message id whose checksum did not match: damaged
   * packets, and start bytes inside noise that happened to look like a header.
   */
  readonly crcErrors: number;
  /** Framed packets with an id the dialect does not define: skipped by their length, checksum unverifiable. */
  readonly unknownIds: number;
  readonly unknownBytes: number;
  readonly droppedBytes: number;
  readonly resyncs: number;
  /**
   * Gaps in the sequence numbers, summed over (sysid, compid) senders: lost
   * packets, or packets of a second link interleaved (each link numbers its
   * own), so an upper bound on loss.
   */
  readonly seqLost: number;
  /** Verified packets per message id. */
  readonly byMsgid: ReadonlyMap<number, number>;
  readonly unknownByMsgid: ReadonlyMap<number, number>;
}

/** The mutable counters behind `DecoderStats`. */
export class DecoderCounters implements DecoderStats {
  bytes = 0;
  packets = 0;
  v1 = 0;
  v2 = 0;
  signed = 0;
  crcErrors = 0;
  unknownIds = 0;
  unknownBytes = 0;
  droppedBytes = 0;
  resyncs = 0;
  seqLost = 0;
  readonly byMsgid = new Map<number, number>();
  readonly unknownByMsgid = new Map<number, number>();
  private readonly lastSeq = new Map<number, number>();
  private inDroppedRun = false;

  packet(version: 1 | 2, msgid: number, signed: boolean, sysid: number, compid: number, seq: number): void {
    this.endRun();
    this.packets++;
    if (version === 1) this.v1++;
    else this.v2++;
    if (signed) this.signed++;
    this.byMsgid.set(msgid, (this.byMsgid.get(msgid) ?? 0) + 1);
    const sender = (sysid << 8) | compid;
    const last = this.lastSeq.get(sender);
    if (last !== undefined) this.seqLost += (seq - last - 1) & 0xff;
    this.lastSeq.set(sender, seq);
  }

  unknown(msgid: number, bytes: number): void {
    this.endRun();
    this.unknownIds++;
    this.unknownBytes += bytes;
    this.unknownByMsgid.set(msgid, (this.unknownByMsgid.get(msgid) ?? 0) + 1);
  }

  drop(bytes: number): void {
    if (bytes <= 0) return;
    this.droppedBytes += bytes;
    this.inDroppedRun = true;
  }

  /** A run of dropped bytes ends at a packet or at the end of the input. */
  endRun(): void {
    if (this.inDroppedRun) {
      this.resyncs++;
      this.inDroppedRun = false;
    }
  }

  snapshot(): DecoderStats {
    return {
      bytes: this.bytes, packets: this.packets, v1: this.v1, v2: this.v2, signed: this.signed, crcErrors: this.crcErrors,
      unknownIds: this.unknownIds, unknownBytes: this.unknownBytes, droppedBytes: this.droppedBytes, resyncs: this.resyncs,
      seqLost: this.seqLost, byMsgid: new Map(this.byMsgid), unknownByMsgid: new Map(this.unknownByMsgid),
    };
  }
}
