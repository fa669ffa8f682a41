/**
 * What a demuxer has seen, and what it could not use. Counters are exact
 * for what the bytes show; `lostPackets` is an estimate (a continuity
 * counter cannot tell 3 lost packets from 19).
 */
import type { AuCounters } from './metadata-au.js';
import { PID_COUNT, type PacketStride } from './packet.js';
import type { SectionCounters } from './section.js';

export interface PidStats {
  /** Packets seen on the PID (with a valid sync byte; duplicates included). */
  readonly packets: number;
  readonly continuityErrors: number;
  /** Packets lost by the continuity counter, summed over the errors (each 1..15). */
  readonly lostPackets: number;
  readonly duplicates: number;
  /** PES packets handed over (KLV and video PIDs of a known program). */
  readonly pes: number;
  /** …of which incomplete: packets lost inside, cut by the next PES or the end, over the size cap. */
  readonly incompletePes: number;
}

export interface DemuxStats {
  /** Bytes pushed. */
  readonly bytes: number;
  /** Transport packets found (188 bytes from a sync byte). */
  readonly packets: number;
  /** Record size detected: 188 (TS), 192 (M2TS, timestamp before each packet), 204 (16 parity bytes after each); undefined before the first packet. */
  readonly packetSize: PacketStride | undefined;
  /** Bytes before the first packet (for M2TS, its 4-byte timestamp). */
  readonly leadingBytes: number;
  /** Bytes dropped while resynchronising after a sync byte was missing where a packet was due. */
  readonly lostSyncBytes: number;
  /** Times sync was lost (each followed by a search for three sync bytes one record apart). */
  readonly resyncs: number;
  /** Bytes of a packet cut off by the end of the input. */
  readonly truncatedBytes: number;
  /** Packets flagged by transport_error_indicator (dropped: their header cannot be trusted). */
  readonly transportErrors: number;
  readonly nullPackets: number;
  readonly duplicatePackets: number;
  /** Continuity errors over all PIDs (per PID in `pids`). */
  readonly continuityErrors: number;
  readonly lostPackets: number;
  /** Packets with transport_scrambling_control set (their payload cannot be read). */
  readonly scrambledPackets: number;
  /** Reserved adaptation_field_control 0, or an adaptation field longer than the packet. */
  readonly adaptationErrors: number;
  readonly psiCrcErrors: number;
  readonly psiErrors: number;
  readonly psiSectionsDropped: number;
  /** PES packets that did not start with 00 00 01 or whose header was impossible. */
  readonly pesHeaderErrors: number;
  /** Payload packets of KLV or video PIDs that belong to no PES we hold (after a loss, before the first start). */
  readonly orphanPackets: number;
  readonly incompletePes: number;
  /** Metadata PES packets or access units longer than the cap (`maxMetadataBytes`). */
  readonly oversizeMetadata: number;
  readonly auCellErrors: number;
  /** KLV units handed over (a PES of asynchronous KLV, an access unit of synchronous KLV). */
  readonly klvUnits: number;
  readonly videoPes: number;
  /** Per PID, for every PID that had a packet. */
  readonly pids: ReadonlyMap<number, PidStats>;
}

/** The mutable counters behind `DemuxStats`; per-PID counts live in typed arrays indexed by PID. */
export class DemuxCounters implements SectionCounters, AuCounters {
  bytes = 0;
  packets = 0;
  packetSize: PacketStride | undefined = undefined;
  leadingBytes = 0;
  lostSyncBytes = 0;
  resyncs = 0;
  truncatedBytes = 0;
  transportErrors = 0;
  nullPackets = 0;
  duplicatePackets = 0;
  continuityErrors = 0;
  lostPackets = 0;
  scrambledPackets = 0;
  adaptationErrors = 0;
  psiCrcErrors = 0;
  psiErrors = 0;
  psiSectionsDropped = 0;
  pesHeaderErrors = 0;
  orphanPackets = 0;
  incompletePes = 0;
  oversizeMetadata = 0;
  auCellErrors = 0;
  klvUnits = 0;
  videoPes = 0;
  /** Float64: a count past 2^32 packets (750 GB) stays exact. */
  readonly pidPackets = new Float64Array(PID_COUNT);
  readonly pidContinuity = new Float64Array(PID_COUNT);
  readonly pidLost = new Float64Array(PID_COUNT);
  readonly pidDuplicates = new Float64Array(PID_COUNT);
  readonly pidPes = new Float64Array(PID_COUNT);
  readonly pidIncomplete = new Float64Array(PID_COUNT);

  pes(pid: number, complete: boolean): void {
    this.pidPes[pid]!++;
    if (!complete) {
      this.pidIncomplete[pid]!++;
      this.incompletePes++;
    }
  }

  snapshot(): DemuxStats {
    const pids = new Map<number, PidStats>();
    for (let pid = 0; pid < PID_COUNT; pid++) {
      if (this.pidPackets[pid] === 0) continue;
      pids.set(pid, {
        packets: this.pidPackets[pid]!, continuityErrors: this.pidContinuity[pid]!, lostPackets: this.pidLost[pid]!,
        duplicates: this.pidDuplicates[pid]!, pes: this.pidPes[pid]!, incompletePes: this.pidIncomplete[pid]!,
      });
    }
    return {
      bytes: this.bytes, packets: this.packets, packetSize: this.packetSize, leadingBytes: this.leadingBytes, lostSyncBytes: this.lostSyncBytes,
      resyncs: this.resyncs, truncatedBytes: this.truncatedBytes, transportErrors: this.transportErrors, nullPackets: this.nullPackets,
      duplicatePackets: this.duplicatePackets, continuityErrors: this.continuityErrors, lostPackets: this.lostPackets,
      scrambledPackets: this.scrambledPackets, adaptationErrors: this.adaptationErrors, psiCrcErrors: this.psiCrcErrors, psiErrors: this.psiErrors,
      psiSectionsDropped: this.psiSectionsDropped, pesHeaderErrors: this.pesHeaderErrors, orphanPackets: this.orphanPackets,
      incompletePes: this.incompletePes, oversizeMetadata: this.oversizeMetadata, auCellErrors: this.auCellErrors, klvUnits: this.klvUnits,
      videoPes: this.videoPes, pids,
    };
  }
}
