/**
 * MISB ST 0903 VMTI: the local set nested in ST 0601 Item 74, or a
 * standalone packet with its own key and checksum (the same running sum as
 * ST 0601). `vmtiView` gives the frame and its targets by name, with pixel
 * numbers turned into rows and columns.
 */
import { klvChecksum } from './checksum.js';
import { fieldsOf } from './fields.js';
import type { KlvItem, KlvSet, KlvSeriesEntry } from './items.js';
import { klvError } from './klv-error.js';
import { decodeItems, newContext } from './local-set.js';
import { frameKlv } from './packet.js';
import type { ChecksumResult } from './st0601.js';
import { ALGORITHM, ONTOLOGY, ST0903, VTARGET, VMTI_IMAPB_SINCE_VERSION, type VmtiFields, type VTargetFields } from './st0903-tags.js';
import { keyHex } from './universal-key.js';

export interface VmtiPacket {
  readonly key: string;
  readonly offset: number;
  readonly packetLength: number;
  readonly items: readonly KlvItem[];
  /** Standalone packets carry one; stored null when absent. */
  readonly checksum: ChecksumResult;
}

/** Row and column, from 1, of a pixel number (ST 0903: number = column + (row − 1) × frame width). */
export interface PixelPosition {
  readonly pixel: number;
  readonly row: number;
  readonly column: number;
}

export interface VTargetView extends Omit<VTargetFields, 'vmask' | 'vobject' | 'vfeature' | 'vtracker' | 'vchip' | 'vchipSeries' | 'vobjectSeries'> {
  readonly id: number;
  readonly centroid?: PixelPosition;
  readonly bboxTopLeft?: PixelPosition;
  readonly bboxBottomRight?: PixelPosition;
  /** The target's items, including the nested sets kept as bytes. */
  readonly items: readonly KlvItem[];
}

export interface VmtiView extends Omit<VmtiFields, 'targets' | 'algorithms' | 'ontologies'> {
  readonly targets: readonly VTargetView[];
  readonly algorithms: readonly Record<string, unknown>[];
  readonly ontologies: readonly Record<string, unknown>[];
  /** Version below 4: locations were decoded with the old integer mapping; IMAPB offsets (tags 10–16) may be wrong. */
  readonly legacyEncoding: boolean;
}

export function pixelPosition(pixel: number, frameWidth: number): PixelPosition | undefined {
  if (!(frameWidth >= 1) || !(pixel >= 1)) return undefined;
  const row = Math.floor((pixel - 1) / frameWidth) + 1;
  return { pixel, row, column: pixel - (row - 1) * frameWidth };
}

/** The frame and its targets of a decoded VMTI set (ST 0601 Item 74's value, or a standalone packet). */
export function vmtiView(set: KlvSet | readonly KlvItem[]): VmtiView {
  const f = fieldsOf('items' in set ? set.items : set, ST0903) as VmtiFields;
  const width = typeof f.frameWidthPx === 'number' ? f.frameWidthPx : 0;
  const seriesOf = (v: unknown): KlvSeriesEntry[] => (Array.isArray(v) ? (v as KlvSeriesEntry[]) : []);
  const targets = seriesOf(f.targets).map((t): VTargetView => {
    const tf = fieldsOf(t.items, VTARGET) as VTargetFields;
    const { vmask: _m, vobject: _o, vfeature: _f, vtracker: _t, vchip: _c, vchipSeries: _cs, vobjectSeries: _os, ...rest } = tf;
    const pos = (p: number | null | undefined): PixelPosition | undefined => (typeof p === 'number' ? pixelPosition(p, width) : undefined);
    const centroid = pos(tf.centroidPixel);
    const bboxTopLeft = pos(tf.bboxTopLeftPixel);
    const bboxBottomRight = pos(tf.bboxBottomRightPixel);
    return {
      ...rest, id: t.id ?? 0, items: t.items,
      ...(centroid !== undefined ? { centroid } : {}), ...(bboxTopLeft !== undefined ? { bboxTopLeft } : {}), ...(bboxBottomRight !== undefined ? { bboxBottomRight } : {}),
    };
  });
  const { targets: _t, algorithms, ontologies, ...rest } = f;
  return {
    ...rest, targets,
    algorithms: seriesOf(algorithms).map((a) => fieldsOf(a.items, ALGORITHM)),
    ontologies: seriesOf(ontologies).map((o) => fieldsOf(o.items, ONTOLOGY)),
    legacyEncoding: typeof f.version === 'number' && f.version < VMTI_IMAPB_SINCE_VERSION,
  };
}

/** Decodes a standalone ST 0903 VMTI packet at `offset`, verifying its checksum when it has one. */
export function decodeSt0903(bytes: Uint8Array, opts: { offset?: number; end?: number; base?: number } = {}): VmtiPacket {
  const at = opts.offset ?? 0;
  const base = opts.base ?? 0;
  const f = frameKlv(bytes, at, opts.end ?? bytes.length, base);
  if (f.kind !== 'st0903') throw klvError(`not an ST 0903 VMTI packet: key ${keyHex(bytes, at)}`, at + base);
  const items = decodeItems(bytes, f.valueStart, f.end, ST0903, newContext(base));
  let checksum: ChecksumResult = { stored: null, computed: klvChecksum(bytes, at, f.end), ok: false };
  for (const it of items) {
    if (it.tag !== 1) continue;
    const stored = typeof it.value === 'number' ? it.value : null;
    const computed = klvChecksum(bytes, at, it.valueOffset - base);
    checksum = { stored, computed, ok: stored === computed };
  }
  return { key: keyHex(bytes, at), offset: at + base, packetLength: f.end - at, items, checksum };
}
