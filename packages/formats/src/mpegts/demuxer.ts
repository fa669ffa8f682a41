/**
 * The incremental MPEG-2 transport stream demuxer (ISO/IEC 13818-1): push
 * bytes in pieces of any size, take events — programs as their PMTs
 * appear, KLV units (asynchronous RP 217 and synchronous metadata AU
 * cells, MISB ST 1402) with their PTS and the program clock at their
 * arrival, video PES timing, gaps — in the order units end (a video PES
 * ends when the next one starts; `offset` gives the order they start).
 *
 * Packets (docs/formats/mpegts.md#packets): the first packet is where a
 * sync byte repeats three times one record apart, for a record of 188, 192
 * (M2TS) or 204 bytes; nothing found in the first `syncSearchBytes` is
 * NARIZ_MPEGTS. Once locked, a packet is expected every record; a missing
 * sync byte loses the lock and the bytes up to the next three-in-a-row are
 * counted (`lostSyncBytes`, `resyncs`). Packets flagged with
 * transport_error_indicator, null packets and duplicates are dropped;
 * continuity errors end the unit in progress on that PID (incomplete,
 * never glued to what follows) and are counted per PID.
 *
 * Every decision depends only on the bytes, never on where a chunk ended:
 * any chunking gives the same events and counts (tested). Memory is bounded
 * whatever the input claims: a few records of lookahead, one PES header,
 * one KLV PES (≤ 64 KiB, or `maxMetadataBytes` for an unbounded one) and
 * one metadata access unit (≤ `maxMetadataBytes`) per KLV PID, one section
 * (≤ 4 KiB) per PSI PID, at most MAX_PROGRAMS programs.
 */
import { NarizError } from '@nariz/core';
import { CC_DUPLICATE, CC_GAP, ContinuityTracker } from './continuity.js';
import { DemuxCounters, type DemuxStats } from './demux-stats.js';
import type { DemuxEvent, ProgramInfo } from './events.js';
import { AF_DISCONTINUITY, AF_PCR, AF_RANDOM_ACCESS, NULL_PID, PACKET_STRIDES, PAT_PID, PID_COUNT, SYNC_BYTE, TS_PACKET_SIZE, payloadStart, readPcr } from './packet.js';
import { PES_KLV_ASYNC, PES_KLV_SYNC, PES_VIDEO, PesStream, type PesKind, type PesOutput } from './pes-stream.js';
import { TABLE_PAT, TABLE_PMT, parsePat, parsePmt, type PmtSection, type StreamInfo } from './psi.js';
import { SectionAssembler } from './section.js';
import { SYNC_FOUND, SyncSearch } from './sync.js';
import { TimestampUnwrapper } from './timestamp.js';
import type { MetadataAuCell } from './metadata-au.js';
import { joinBytes } from '../byte-join.js';

export interface TsDemuxerOptions {
  /** Hand over video PES timing events (default true); false skips video payloads entirely (the metadata fast path). */
  video?: boolean;
  /** Cap on an unbounded metadata PES and on a fragmented metadata access unit (default 1 MiB). */
  maxMetadataBytes?: number;
  /** How far to look for the first packet before refusing the input (default 1 MiB). */
  syncSearchBytes?: number;
  /** Shown in error messages. */
  fileName?: string;
}

export const DEFAULT_MAX_METADATA_BYTES = 1 << 20;
export const DEFAULT_SYNC_SEARCH_BYTES = 1 << 20;
/** Programs followed at most (a PAT can list more; the rest are ignored and counted in psiErrors). */
export const MAX_PROGRAMS = 1024;
/** Sync bytes one record apart that make a packet start. */
const SYNC_RUN = 3;
/** Bytes of a new chunk joined to held bytes: more than any lookahead (two 204-byte records and a packet). */
const HEAD = 4 * 204 + TS_PACKET_SIZE;
/** Below this many bytes without a packet the input is reported (truncated), not refused. */
const REFUSE_BELOW = SYNC_RUN * TS_PACKET_SIZE;

const ROLE_NONE = 0;
const ROLE_PAT = 1;
const ROLE_PMT = 2;
const ROLE_PES = 3;

const EMPTY = new Uint8Array(0);
const ALL_STRIDES: readonly number[] = PACKET_STRIDES;

interface ProgramState {
  readonly programNumber: number;
  readonly pmtPid: number;
  readonly unwrapper: TimestampUnwrapper;
  pmt: PmtSection | undefined;
  /** CRC of the PMT section last applied (its identity), -1 before the first. */
  pmtCrc: number;
  info: ProgramInfo | undefined;
  /** The last PCR base (90 kHz, unwrapped), -1 before the first. */
  clock: number;
}

export class TsDemuxer {
  private readonly counters = new DemuxCounters();
  private readonly cc = new ContinuityTracker();
  private readonly search = new SyncSearch();
  private readonly roles = new Uint8Array(PID_COUNT);
  private readonly pes: Array<PesStream | undefined> = new Array<PesStream | undefined>(PID_COUNT).fill(undefined);
  /** The PIDs that have a PesStream. */
  private readonly pesPids = new Set<number>();
  /** Program number + 1 of the program whose PCR a PID carries, 0 for none. */
  private readonly pcrProgram = new Int32Array(PID_COUNT);
  private readonly sections = new Map<number, SectionAssembler>();
  private readonly programs = new Map<number, ProgramState>();
  /** PAT sections of the current version: section_number → (program_number → PMT PID). */
  private readonly patSections = new Map<number, ReadonlyArray<{ readonly programNumber: number; readonly pmtPid: number }>>();
  private patVersion = -1;
  private readonly withVideo: boolean;
  private readonly maxMetadataBytes: number;
  private readonly syncSearchBytes: number;
  private readonly fileName: string | undefined;
  private readonly output: PesOutput;

  /** Record size, 0 before the first packet. */
  private stride = 0;
  private strides: readonly number[] = ALL_STRIDES;
  private locked = false;
  /** Bytes held for a decision that needs more input. */
  private pending: Uint8Array = EMPTY;
  /** Input offset of the buffer being scanned (of `pending[0]` between pushes). */
  private base = 0;
  /** Bytes still to skip at the start of the next chunk (the rest of a record). */
  private skip = 0;
  /** Input offset of the packet being handled. */
  private at = 0;
  private ended = false;
  private out: DemuxEvent[] = [];

  constructor(opts: TsDemuxerOptions = {}) {
    this.withVideo = opts.video !== false;
    this.maxMetadataBytes = opts.maxMetadataBytes ?? DEFAULT_MAX_METADATA_BYTES;
    this.syncSearchBytes = opts.syncSearchBytes ?? DEFAULT_SYNC_SEARCH_BYTES;
    this.fileName = opts.fileName;
    this.roles[PAT_PID] = ROLE_PAT;
    this.sections.set(PAT_PID, new SectionAssembler(this.counters, (s) => this.onSection(PAT_PID, s)));
    this.output = {
      klv: (s, bytes, complete, pts, offset, cell) => this.onKlv(s, bytes, complete, pts, offset, cell),
      video: (s, pts, dts, keyframe, size, complete, offset) => this.onVideo(s, pts, dts, keyframe, size, complete, offset),
    };
  }

  /** Demuxes what `chunk` completes. The chunk is not kept: the caller may reuse its buffer. */
  push(chunk: Uint8Array): DemuxEvent[] {
    if (this.ended) throw new Error('TsDemuxer.push after end(); make a new demuxer per stream');
    this.counters.bytes += chunk.length;
    this.out = [];
    let from = this.skip;
    this.skip = 0;
    if (this.pending.length > 0) {
      const headLength = Math.min(chunk.length, HEAD);
      const head = joinBytes(this.pending, chunk.subarray(0, headLength));
      const p = this.scan(head, 0, false);
      if (headLength === chunk.length) {
        this.keep(head, p);
        return this.out;
      }
      // HEAD is longer than any lookahead, so the scan went past the held bytes.
      this.base += this.pending.length;
      from = p - this.pending.length;
      this.pending = EMPTY;
    }
    this.keep(chunk, this.scan(chunk, from, false));
    return this.out;
  }

  /**
   * The input is complete: decides what waited for more bytes, hands over
   * the units in progress (an unbounded PES is complete, a bounded one short
   * of its length is not). Throws NARIZ_MPEGTS when no packet was ever found
   * in an input of at least three packets' length.
   */
  end(): DemuxEvent[] {
    if (this.ended) return [];
    this.ended = true;
    this.out = [];
    if (this.pending.length > 0) {
      const held = this.pending;
      this.pending = EMPTY;
      this.scan(held, 0, true);
    }
    if (this.stride === 0 && this.counters.bytes >= REFUSE_BELOW) this.refuse();
    for (const pid of [...this.pesPids].sort((a, b) => a - b)) this.pes[pid]!.end();
    for (const s of this.sections.values()) s.drop();
    return this.out;
  }

  get stats(): DemuxStats {
    return this.counters.snapshot();
  }

  /** The programs whose PMT has been read, by program number. */
  get programList(): ProgramInfo[] {
    const list: ProgramInfo[] = [];
    for (const p of this.programs.values()) if (p.info !== undefined) list.push(p.info);
    return list.sort((a, b) => a.programNumber - b.programNumber);
  }

  /** Bytes held between pushes (lookahead, units in progress): bounded, see the file comment. */
  get bufferedBytes(): number {
    let n = this.pending.length;
    for (const s of this.sections.values()) n += s.buffered;
    for (const pid of this.pesPids) n += this.pes[pid]!.buffered;
    return n;
  }

  private keep(work: Uint8Array, p: number): void {
    if (p >= work.length) {
      this.skip = p - work.length;
      this.base += work.length;
      this.pending = EMPTY;
    } else {
      // A copy: `work` may be the caller's buffer.
      this.pending = work.slice(p);
      this.base += p;
    }
  }

  /** Handles the packets of b[from, end); returns where the next decision starts (past the end when a record's tail is still to come). */
  private scan(b: Uint8Array, from: number, ended: boolean): number {
    const n = b.length;
    let p = from;
    for (;;) {
      if (!this.locked) {
        const r = this.search.search(b, p, n, this.strides, SYNC_RUN, ended);
        const at = Math.min(this.search.at, n);
        this.lose(at - p);
        if (r !== SYNC_FOUND) return at;
        this.locked = true;
        if (this.stride === 0) {
          this.stride = this.search.stride;
          this.strides = [this.stride];
          this.counters.packetSize = this.stride as DemuxCounters['packetSize'];
        }
        p = at;
      }
      const stride = this.stride;
      while (p + TS_PACKET_SIZE <= n && b[p] === SYNC_BYTE) {
        this.packet(b, p);
        p += stride;
      }
      if (p + TS_PACKET_SIZE > n) {
        if (ended && p < n) {
          this.counters.truncatedBytes += n - p;
          return n;
        }
        return p;
      }
      this.locked = false;
      this.counters.resyncs++;
    }
  }

  private lose(bytes: number): void {
    if (bytes <= 0) return;
    if (this.stride !== 0) {
      this.counters.lostSyncBytes += bytes;
      return;
    }
    this.counters.leadingBytes += bytes;
    if (this.counters.leadingBytes > this.syncSearchBytes) this.refuse();
  }

  private refuse(): never {
    throw new NarizError(
      'NARIZ_MPEGTS',
      `not an MPEG transport stream: no sync byte 0x47 repeating every 188, 192 or 204 bytes in the first ${Math.min(this.counters.bytes, this.syncSearchBytes)} bytes`,
      { ...(this.fileName !== undefined ? { file: this.fileName } : {}), byteOffset: 0 },
    );
  }

  /** One 188-byte packet at b[p]. */
  private packet(b: Uint8Array, p: number): void {
    const c = this.counters;
    c.packets++;
    const b1 = b[p + 1]!;
    if ((b1 & 0x80) !== 0) {
      c.transportErrors++;
      return;
    }
    const pid = ((b1 & 0x1f) << 8) | b[p + 2]!;
    c.pidPackets[pid]!++;
    if (pid === NULL_PID) {
      c.nullPackets++;
      return;
    }
    const b3 = b[p + 3]!;
    const afc = (b3 >> 4) & 3;
    if (afc === 0) {
      c.adaptationErrors++;
      return;
    }
    const hasPayload = (afc & 1) !== 0;
    const flags = (afc & 2) !== 0 && b[p + 4]! > 0 ? b[p + 5]! : 0;
    const verdict = this.cc.check(pid, b3 & 0x0f, hasPayload, (flags & AF_DISCONTINUITY) !== 0);
    if (verdict === CC_DUPLICATE) {
      c.duplicatePackets++;
      c.pidDuplicates[pid]!++;
      return;
    }
    if ((flags & AF_PCR) !== 0 && this.pcrProgram[pid] !== 0) this.onPcr(this.pcrProgram[pid]! - 1, b, p);
    const role = this.roles[pid]!;
    if (verdict === CC_GAP) {
      const lost = this.cc.lost;
      c.continuityErrors++;
      c.pidContinuity[pid]!++;
      c.lostPackets += lost;
      c.pidLost[pid]! += lost;
      if (role !== ROLE_NONE) {
        this.interrupt(pid, role);
        this.out.push({ kind: 'gap', pid, lostPackets: lost, offset: this.base + p });
      }
    }
    if (role === ROLE_NONE || !hasPayload) return;
    if ((b3 & 0xc0) !== 0) {
      c.scrambledPackets++;
      this.interrupt(pid, role);
      return;
    }
    const s = payloadStart(b, p);
    if (s < 0) {
      c.adaptationErrors++;
      this.interrupt(pid, role);
      return;
    }
    this.at = this.base + p;
    const unitStart = (b1 & 0x40) !== 0;
    if (role === ROLE_PES) {
      const stream = this.pes[pid]!;
      if (unitStart) stream.startClock = this.programs.get(stream.programNumber)?.clock ?? -1;
      stream.push(b, s, p + TS_PACKET_SIZE, unitStart, this.at, (flags & AF_RANDOM_ACCESS) !== 0);
    } else this.sections.get(pid)!.push(b, s, p + TS_PACKET_SIZE, unitStart);
  }

  private onPcr(programNumber: number, b: Uint8Array, p: number): void {
    const state = this.programs.get(programNumber);
    const pcr = readPcr(b, p);
    if (state === undefined || pcr < 0) return;
    state.clock = state.unwrapper.unwrap(Math.floor(pcr / 300));
  }

  /** Data were lost on a PID: its unit in progress ends, incomplete. */
  private interrupt(pid: number, role: number): void {
    if (role === ROLE_PES) this.pes[pid]!.gap();
    else this.sections.get(pid)?.drop();
  }

  private onSection(pid: number, s: Uint8Array): void {
    if (pid === PAT_PID) {
      if (s[0] === TABLE_PAT) this.onPat(s);
    } else if (s[0] === TABLE_PMT) this.onPmt(pid, s);
  }

  private onPat(s: Uint8Array): void {
    const pat = parsePat(s);
    if (pat === undefined) {
      this.counters.psiErrors++;
      return;
    }
    if (!pat.current) return;
    if (pat.version !== this.patVersion) {
      this.patSections.clear();
      this.patVersion = pat.version;
    }
    this.patSections.set(pat.sectionNumber, pat.programs);
    const wanted = new Map<number, number>();
    for (const list of this.patSections.values()) for (const e of list) wanted.set(e.programNumber, e.pmtPid);
    for (const [programNumber, state] of this.programs) {
      if (wanted.get(programNumber) !== state.pmtPid) this.removeProgram(state);
    }
    for (const [programNumber, pmtPid] of wanted) {
      if (this.programs.has(programNumber)) continue;
      if (this.programs.size >= MAX_PROGRAMS || pmtPid === PAT_PID || pmtPid === NULL_PID || this.roles[pmtPid] === ROLE_PES) {
        this.counters.psiErrors++;
        continue;
      }
      this.programs.set(programNumber, { programNumber, pmtPid, unwrapper: new TimestampUnwrapper(), pmt: undefined, pmtCrc: -1, info: undefined, clock: -1 });
      if (this.roles[pmtPid] !== ROLE_PMT) {
        this.roles[pmtPid] = ROLE_PMT;
        this.sections.set(pmtPid, new SectionAssembler(this.counters, (sec) => this.onSection(pmtPid, sec)));
      }
    }
  }

  private removeProgram(state: ProgramState): void {
    if (state.pmt !== undefined) {
      for (const st of state.pmt.streams) this.removeStream(st.pid, state.programNumber);
      if (this.pcrProgram[state.pmt.pcrPid] === state.programNumber + 1) this.pcrProgram[state.pmt.pcrPid] = 0;
    }
    this.programs.delete(state.programNumber);
    for (const other of this.programs.values()) if (other.pmtPid === state.pmtPid) return;
    this.roles[state.pmtPid] = ROLE_NONE;
    this.sections.delete(state.pmtPid);
  }

  private removeStream(pid: number, programNumber: number): void {
    const s = this.pes[pid];
    if (s === undefined || s.programNumber !== programNumber) return;
    s.end();
    this.pes[pid] = undefined;
    this.pesPids.delete(pid);
    this.roles[pid] = ROLE_NONE;
  }

  private onPmt(pid: number, s: Uint8Array): void {
    const programNumber = (s[3]! << 8) | s[4]!;
    const state = this.programs.get(programNumber);
    if (state === undefined || state.pmtPid !== pid) return;
    const n = s.length;
    const crc = ((s[n - 4]! << 24) | (s[n - 3]! << 16) | (s[n - 2]! << 8) | s[n - 1]!) >>> 0;
    if (crc === state.pmtCrc) return;
    const pmt = parsePmt(s);
    if (pmt === undefined) {
      this.counters.psiErrors++;
      return;
    }
    if (!pmt.current) return;
    state.pmtCrc = crc;
    const keep = new Set<number>();
    for (const st of pmt.streams) {
      const kind = this.pesKind(st);
      if (kind === undefined) continue;
      const role = this.roles[st.pid]!;
      if (role === ROLE_PAT || role === ROLE_PMT || st.pid === NULL_PID) continue;
      keep.add(st.pid);
      const old = this.pes[st.pid];
      if (old !== undefined && old.programNumber === programNumber && old.kind === kind && old.codec === st.codec) continue;
      old?.end();
      this.pes[st.pid] = new PesStream(st.pid, programNumber, kind, st.codec, this.counters, this.maxMetadataBytes, this.output);
      this.pesPids.add(st.pid);
      this.roles[st.pid] = ROLE_PES;
    }
    if (state.pmt !== undefined) {
      for (const st of state.pmt.streams) if (!keep.has(st.pid)) this.removeStream(st.pid, programNumber);
      if (this.pcrProgram[state.pmt.pcrPid] === programNumber + 1) this.pcrProgram[state.pmt.pcrPid] = 0;
    }
    if (pmt.pcrPid !== NULL_PID) this.pcrProgram[pmt.pcrPid] = programNumber + 1;
    state.pmt = pmt;
    const info: ProgramInfo = {
      programNumber, pmtPid: pid, pcrPid: pmt.pcrPid, version: pmt.version, streams: pmt.streams,
      ...(pmt.metadataPointer !== undefined ? { metadataPointer: pmt.metadataPointer } : {}),
    };
    state.info = info;
    this.out.push({ kind: 'program', ...info, offset: this.at });
  }

  private pesKind(st: StreamInfo): PesKind | undefined {
    if (st.kind === 'klv') return st.klv === 'sync' ? PES_KLV_SYNC : PES_KLV_ASYNC;
    if (st.kind === 'video' && this.withVideo) return PES_VIDEO;
    return undefined;
  }

  private time(programNumber: number, t: number): number | undefined {
    if (t < 0) return undefined;
    const state = this.programs.get(programNumber);
    return state === undefined ? t : state.unwrapper.unwrap(t);
  }

  private onKlv(s: PesStream, bytes: Uint8Array, complete: boolean, pts: number, offset: number, cell: MetadataAuCell | undefined): void {
    this.counters.klvUnits++;
    this.out.push({
      kind: 'klv', pid: s.pid, programNumber: s.programNumber, pts: this.time(s.programNumber, pts), pcr: s.clock >= 0 ? s.clock : undefined,
      bytes, sync: s.kind === PES_KLV_SYNC, complete,
      ...(cell !== undefined ? { cell } : {}), offset,
    });
  }

  private onVideo(s: PesStream, pts: number, dts: number, keyframe: boolean, size: number, complete: boolean, offset: number): void {
    this.counters.videoPes++;
    const dtsU = this.time(s.programNumber, dts);
    const ptsU = pts === dts ? dtsU : this.time(s.programNumber, pts);
    this.out.push({ kind: 'video', pid: s.pid, programNumber: s.programNumber, codec: s.codec!, pts: ptsU, dts: dtsU, keyframe, size, complete, offset });
  }
}
