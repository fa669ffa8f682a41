/**
 * The result of a windows run (POST /api/network/windows, read back as a
 * run of kind `windows`): one measure computed in each sliding time window
 * (a graph per window, built with the same choices), keyed by entity id —
 * an entity absent from a window has no value there, not 0 — and between
 * consecutive windows the links added and removed, the entities that began
 * or stopped having links, and the largest changes of the measure.
 */
import { MEASURES, type MeasureName } from './network-measures.js';
import { arrayOf, fields, int, num, oneOf, recordOf, SchemaError, str, type Reader } from './read.js';

export interface TimeWindowValues {
  /** ISO instants; the window is [start, end). */
  readonly start: string;
  readonly end: string;
  readonly nodes: number;
  readonly edges: number;
  /** Assertions the window's graph used. */
  readonly used: number;
  /** Entity id → the measure in this window. */
  readonly values: Readonly<Record<string, number>>;
}

export interface EntityChange {
  readonly id: string;
  readonly before: number;
  readonly after: number;
  readonly delta: number;
}

export interface WindowDiff {
  /** Indices into `windows`. */
  readonly from: number;
  readonly to: number;
  readonly addedLinks: readonly (readonly [string, string])[];
  readonly removedLinks: readonly (readonly [string, string])[];
  readonly activated: readonly string[];
  readonly deactivated: readonly string[];
  /** Largest |delta| first (the server's top). */
  readonly changes: readonly EntityChange[];
}

export interface WindowsResult {
  readonly measure: MeasureName;
  /** Undated assertions, which no window can hold. */
  readonly undated: number;
  readonly windows: readonly TimeWindowValues[];
  readonly diffs: readonly WindowDiff[];
}

const readLink: Reader<readonly [string, string]> = (v, path) => {
  const a = arrayOf(str)(v, path);
  if (a.length !== 2) throw new SchemaError(path, 'a link of two entity ids', v);
  return [a[0]!, a[1]!];
};

const readWindow: Reader<TimeWindowValues> = (v, path) => {
  const f = fields(v, path);
  return { start: f.str('start'), end: f.str('end'), nodes: f.int('nodes'), edges: f.int('edges'), used: f.int('used'), values: f.get('values', recordOf(num)) };
};

const readChange: Reader<EntityChange> = (v, path) => {
  const f = fields(v, path);
  return { id: f.str('id'), before: f.num('before'), after: f.num('after'), delta: f.num('delta') };
};

const readDiff: Reader<WindowDiff> = (v, path) => {
  const f = fields(v, path);
  return {
    from: f.int('from'),
    to: f.int('to'),
    addedLinks: f.get('added_links', arrayOf(readLink)),
    removedLinks: f.get('removed_links', arrayOf(readLink)),
    activated: f.get('activated', arrayOf(str)),
    deactivated: f.get('deactivated', arrayOf(str)),
    changes: f.get('changes', arrayOf(readChange)),
  };
};

export const readWindowsResult: Reader<WindowsResult> = (v, path) => {
  const f = fields(v, path);
  return {
    measure: f.get('measure', oneOf(MEASURES)),
    undated: f.get('undated', int),
    windows: f.get('windows', arrayOf(readWindow)),
    diffs: f.get('diffs', arrayOf(readDiff)),
  };
};
