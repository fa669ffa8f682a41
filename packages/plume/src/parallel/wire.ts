/**
 * How a scan task crosses to a worker thread. Typed arrays travel once: the
 * pool numbers every array it sends (by identity), and a task names its
 * arrays by number, so the worker keeps a problem's 3 MB of receptors and
 * transport directions after the first grid and each later grid costs a
 * message of a few hundred bytes. The field maps are checked against
 * SteProblem and ScanOptions at compile time (`satisfies Record<keyof ...>`),
 * so a field added there cannot be forgotten here.
 */
import type { SteProblem } from '../ste/problem.js';
import type { ScanOptions } from '../ste/scan.js';
import type { SigmaTable } from '../ste/kernel-table.js';
import type { SparseKernel } from '../ste/sparse-kernel.js';
import type { ChunkJob } from './chunks.js';

type ArrayKind = 'f64' | 'u32' | 'i32' | 'u8';
type FieldKind = 'num' | ArrayKind;

const PROBLEM_FIELDS = {
  nSamples: 'num', nSpecies: 'num', nodeStart: 'u32', nodeE: 'f64', nodeN: 'f64', nodeZ: 'f64', nodeW: 'f64',
  ex: 'f64', ey: 'f64', speed: 'f64', turnCos: 'f64', turnSin: 'f64', turnMax: 'f64', lagS: 'num', lagDecay: 'f64',
  d: 'f64', w: 'f64', sampleIndex: 'u32', multiplicity: 'f64', timeS: 'f64', meanderRad: 'num', sigmaThetaRad: 'num',
  noiseSd: 'f64', relativeError: 'num', kind: 'u8', sensorVar: 'f64', relVar: 'f64', dispSd: 'f64', pair: 'i32', offsetCoef: 'f64',
} as const satisfies Record<keyof SteProblem, FieldKind>;

const TABLE_FIELDS = { step: 'num', invStep: 'num', maxX: 'num', sy: 'f64', sz: 'f64' } as const satisfies Record<keyof SigmaTable, FieldKind>;

export type TypedArray = Float64Array | Uint32Array | Int32Array | Uint8Array;

/** An object whose typed arrays are replaced by their numbers. */
export type Encoded = Record<string, number>;

export interface WireScanOptions {
  readonly table: Encoded;
  readonly sourceHeightM: number;
  readonly inflateM: number | undefined;
  readonly cutSigmas: number | undefined;
}

export type ScanTask =
  | {
      readonly op: 'disc';
      readonly seq: number;
      readonly arrays: ReadonlyArray<readonly [number, TypedArray]>;
      readonly problem: Encoded;
      readonly existing: readonly number[];
      readonly scan: WireScanOptions;
      /** The data culled for the grid (DataSubset), sent with each task. */
      readonly index: Uint32Array;
      readonly lagDecay: Float64Array;
      /** Every cell of the grid; chunks are claimed through `job` (chunks.ts). */
      readonly cellsE: Float64Array;
      readonly cellsN: Float64Array;
      readonly job: ChunkJob;
    }
  | {
      readonly op: 'sparse';
      readonly seq: number;
      readonly arrays: ReadonlyArray<readonly [number, TypedArray]>;
      readonly problem: Encoded;
      readonly scan: WireScanOptions;
      readonly cellsE: Float64Array;
      readonly cellsN: Float64Array;
    };

/** A worker's answer to task `seq`: statistics, a sparse kernel, or the error it met. */
export type ScanReply =
  | { readonly seq: number; readonly chunksDone: true }
  | { readonly seq: number; readonly sparse: SparseKernel }
  | { readonly seq: number; readonly error: string };

/** Words of a worker's control array (Int32Array on a SharedArrayBuffer): READY is 1 once it takes tasks; DONE is the seq of its last finished task. */
export const CTRL_READY = 0;
export const CTRL_DONE = 1;
export const CTRL_WORDS = 2;

/** Message telling a worker to drop every array it holds (ScanPool.release). */
export const RELEASE = 'release';

/** Numbers arrays by identity; `ref` returns an array's number and queues it for sending when the peer has not had it. */
export class ArrayRegistry {
  private readonly ids = new WeakMap<TypedArray, number>();
  private next = 1;

  ref(a: TypedArray, sent: Set<number>, outbox: Array<readonly [number, TypedArray]>): number {
    let id = this.ids.get(a);
    if (id === undefined) {
      id = this.next++;
      this.ids.set(a, id);
    }
    if (!sent.has(id)) {
      sent.add(id);
      outbox.push([id, a]);
    }
    return id;
  }
}

function encodeWith(obj: object, fields: Record<string, FieldKind>, ref: (a: TypedArray) => number): Encoded {
  const out: Encoded = {};
  const rec = obj as Record<string, unknown>;
  for (const [k, kind] of Object.entries(fields)) {
    const v = rec[k];
    if (kind === 'num') {
      if (typeof v !== 'number') throw new TypeError(`wire: field ${k} is not a number`);
      out[k] = v;
    } else {
      if (!isKind(v, kind)) throw new TypeError(`wire: field ${k} is not a ${kind} array`);
      out[k] = ref(v);
    }
  }
  return out;
}

function isKind(v: unknown, kind: ArrayKind): v is TypedArray {
  switch (kind) {
    case 'f64':
      return v instanceof Float64Array;
    case 'u32':
      return v instanceof Uint32Array;
    case 'i32':
      return v instanceof Int32Array;
    case 'u8':
      return v instanceof Uint8Array;
  }
}

function decodeWith(enc: Encoded, fields: Record<string, FieldKind>, arrays: ReadonlyMap<number, TypedArray>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, kind] of Object.entries(fields)) {
    const v = enc[k];
    if (typeof v !== 'number') throw new TypeError(`wire: field ${k} missing`);
    if (kind === 'num') {
      out[k] = v;
      continue;
    }
    const a = arrays.get(v);
    if (!isKind(a, kind)) throw new TypeError(`wire: array ${v} for field ${k} unknown or not ${kind}`);
    out[k] = a;
  }
  return out;
}

export function encodeProblem(p: SteProblem, ref: (a: TypedArray) => number): Encoded {
  return encodeWith(p, PROBLEM_FIELDS, ref);
}

/** The problem back from its encoding: every field of PROBLEM_FIELDS checked for presence and kind. */
export function decodeProblem(enc: Encoded, arrays: ReadonlyMap<number, TypedArray>): SteProblem {
  return decodeWith(enc, PROBLEM_FIELDS, arrays) as unknown as SteProblem;
}

export function encodeScan(o: ScanOptions, ref: (a: TypedArray) => number): WireScanOptions {
  return { table: encodeWith(o.table, TABLE_FIELDS, ref), sourceHeightM: o.sourceHeightM, inflateM: o.inflateM, cutSigmas: o.cutSigmas };
}

export function decodeScan(w: WireScanOptions, arrays: ReadonlyMap<number, TypedArray>): ScanOptions {
  const table = decodeWith(w.table, TABLE_FIELDS, arrays) as unknown as SigmaTable;
  return {
    table,
    sourceHeightM: w.sourceHeightM,
    ...(w.inflateM === undefined ? {} : { inflateM: w.inflateM }),
    ...(w.cutSigmas === undefined ? {} : { cutSigmas: w.cutSigmas }),
  };
}
