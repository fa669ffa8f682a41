/**
 * Synchronous metadata (ISO/IEC 13818-1 §2.12.4, MISB ST 1402): the payload
 * of a metadata PES (stream_id 0xFC, stream_type 0x15) is a sequence of
 * metadata AU cells, each a 5-byte header and its data:
 *
 *   metadata_service_id(8) sequence_number(8)
 *   cell_fragment_indication(2) decoder_config_flag(1) random_access_indicator(1) reserved(4)
 *   AU_cell_data_length(16)  AU_cell_data_byte × length
 *
 * cell_fragment_indication: '11' the cell holds a whole access unit, '10'
 * its first fragment, '00' a middle one, '01' the last. The access unit's
 * time is the PTS of the PES that carries its (first) cell. For KLV the AU
 * is one or more whole KLV packets.
 */

export const AU_CELL_HEADER_LENGTH = 5;
/** The most one cell can hold (a 16-bit length). */
export const MAX_AU_CELL_DATA = 0xffff;

export const CFI_MIDDLE = 0;
export const CFI_LAST = 1;
export const CFI_FIRST = 2;
export const CFI_COMPLETE = 3;

/** The fields of a metadata AU cell header that say something about the access unit. */
export interface MetadataAuCell {
  readonly serviceId: number;
  /** Counts cells modulo 256 per service. */
  readonly sequenceNumber: number;
  readonly decoderConfig: boolean;
  readonly randomAccess: boolean;
}

export interface AuCellOptions {
  readonly serviceId: number;
  readonly sequenceNumber: number;
  /** Default CFI_COMPLETE. */
  readonly fragment?: number;
  /** Default true: every KLV packet can be read on its own. */
  readonly randomAccess?: boolean;
  readonly decoderConfig?: boolean;
}

/** Writes a cell header for `dataLength` bytes at `o`. */
export function writeAuCellHeader(out: Uint8Array, o: number, dataLength: number, c: AuCellOptions): void {
  if (dataLength > MAX_AU_CELL_DATA) throw new RangeError(`a metadata AU cell holds at most ${MAX_AU_CELL_DATA} bytes, got ${dataLength}`);
  out[o] = c.serviceId & 0xff;
  out[o + 1] = c.sequenceNumber & 0xff;
  out[o + 2] = ((c.fragment ?? CFI_COMPLETE) << 6) | (c.decoderConfig === true ? 0x20 : 0) | (c.randomAccess === false ? 0 : 0x10) | 0x0f;
  out[o + 3] = dataLength >> 8;
  out[o + 4] = dataLength & 0xff;
}

export interface AuCounters {
  /** Cells whose header or data overrun their PES, fragments out of order, access units over the size cap. */
  auCellErrors: number;
}

/** Receives one access unit: its bytes, whether all of it arrived, its first cell's header and the PTS of the PES that began it. */
export type AuSink = (bytes: Uint8Array, complete: boolean, cell: MetadataAuCell, pts: number) => void;

/** Reads the cells of one PID's metadata PES packets and joins fragmented access units (bounded by `maxAuBytes`). */
export class MetadataAuAssembler {
  private parts: Uint8Array[] = [];
  private size = 0;
  private cell: MetadataAuCell | undefined;
  private pts = -1;
  /** Fragments of an access unit already over the cap are skipped until the next first or complete cell. */
  private skipping = false;

  constructor(private readonly counters: AuCounters, private readonly maxAuBytes: number, private readonly sink: AuSink) {}

  get buffered(): number {
    return this.size;
  }

  /**
   * Splits one PES payload into access units. `pesComplete` false means the
   * PES was cut by lost packets: a cell running past its end is then
   * handed over as incomplete without counting an error.
   */
  read(payload: Uint8Array, pesComplete: boolean, pts: number): void {
    const n = payload.length;
    let o = 0;
    while (o < n) {
      if (n - o < AU_CELL_HEADER_LENGTH) {
        if (pesComplete) this.counters.auCellErrors++;
        this.flush();
        return;
      }
      const cfi = payload[o + 2]! >> 6;
      const cell: MetadataAuCell = {
        serviceId: payload[o]!, sequenceNumber: payload[o + 1]!, decoderConfig: (payload[o + 2]! & 0x20) !== 0, randomAccess: (payload[o + 2]! & 0x10) !== 0,
      };
      const length = (payload[o + 3]! << 8) | payload[o + 4]!;
      const start = o + AU_CELL_HEADER_LENGTH;
      const end = Math.min(start + length, n);
      const whole = end - start === length;
      if (!whole && pesComplete) this.counters.auCellErrors++;
      const data = payload.subarray(start, end);
      o = start + length;

      if (cfi === CFI_COMPLETE || cfi === CFI_FIRST) {
        this.flush();
        if (cfi === CFI_COMPLETE || !whole) this.sink(data, whole, cell, pts);
        else this.begin(data, cell, pts);
      } else if (this.cell === undefined && !this.skipping) {
        // A middle or last fragment without its first one.
        this.counters.auCellErrors++;
        this.sink(data, false, cell, pts);
      } else if (!this.skipping) {
        this.add(data);
        if (this.skipping) {
          if (cfi === CFI_LAST) this.skipping = false;
        } else if (!whole) this.flush();
        else if (cfi === CFI_LAST) this.finish();
      } else if (cfi === CFI_LAST) this.skipping = false;
    }
  }

  /** Lost packets: an access unit in progress is handed over as incomplete. */
  flush(): void {
    this.skipping = false;
    if (this.cell === undefined) return;
    const cell = this.cell;
    this.sink(this.joined(), false, cell, this.pts);
    this.reset();
  }

  private begin(data: Uint8Array, cell: MetadataAuCell, pts: number): void {
    this.cell = cell;
    this.pts = pts;
    this.add(data);
  }

  private add(data: Uint8Array): void {
    if (this.size + data.length > this.maxAuBytes) {
      this.counters.auCellErrors++;
      this.flush();
      this.skipping = true;
      return;
    }
    // A copy: a fragment must not keep its whole PES buffer alive, so what is held is what `buffered` says.
    this.parts.push(data.slice());
    this.size += data.length;
  }

  private finish(): void {
    if (this.cell === undefined) return;
    this.sink(this.joined(), true, this.cell, this.pts);
    this.reset();
  }

  private joined(): Uint8Array {
    if (this.parts.length === 1) return this.parts[0]!;
    const out = new Uint8Array(this.size);
    let o = 0;
    for (const p of this.parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  }

  private reset(): void {
    this.parts = [];
    this.size = 0;
    this.cell = undefined;
    this.pts = -1;
  }
}
