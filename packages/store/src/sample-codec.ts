/**
 * The storage encoding of a batch of samples: the batch's columns, in the
 * fixed order of `sortieColumns`, as little-endian binary. Both adapters
 * store it as one BLOB / bytea per batch, so a sortie of a million samples
 * is a few hundred rows, written and read without per-sample SQL.
 *
 * Layout (all little-endian):
 *   bytes 0..3   magic "NZB1"
 *   u32          sample count n
 *   u16          column count
 *   per column:  u8 type (1 = float64, 2 = uint8), u16 name length, name (UTF-8)
 *   zero padding to a multiple of 8
 *   per column:  n values (8 bytes each for float64, 1 for uint8), each
 *                float64 column starting at a multiple of 8
 *
 * Species metadata (chemical, molar mass, unit) is the sortie's, not the
 * batch's: `decodeBatch` takes it and checks the columns against it.
 */
import { NarizError, sortieColumns, type Sortie, type SortieShape } from '@nariz/core';

const MAGIC = 0x3142_5a4e; // "NZB1" read as little-endian u32
const F64 = 1;
const U8 = 2;

/** The column names a batch of this shape has, in storage order. */
export function shapeColumns(shape: SortieShape): string[] {
  const cols = ['timeS', 'lat', 'lon', 'altAglM', 'windU', 'windV', 'stability', 'tempC', 'pressureHpa'];
  if (shape.hasPath) cols.push('endLat', 'endLon', 'endAltAglM');
  for (const sp of shape.species) cols.push(`species:${sp.key}`);
  return cols;
}

const align8 = (x: number): number => (x + 7) & ~7;

export function encodeBatch(s: Sortie): Uint8Array {
  const cols = sortieColumns(s);
  const enc = new TextEncoder();
  const names = cols.map(([name]) => enc.encode(name));
  let header = 4 + 4 + 2;
  for (const nm of names) header += 1 + 2 + nm.length;
  let size = align8(header);
  const offsets: number[] = [];
  for (const [, data] of cols) {
    size = data instanceof Uint8Array ? size : align8(size);
    offsets.push(size);
    size += data instanceof Uint8Array ? s.count : 8 * s.count;
  }
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, s.count, true);
  dv.setUint16(8, cols.length, true);
  let at = 10;
  cols.forEach(([, data], c) => {
    const nm = names[c]!;
    dv.setUint8(at, data instanceof Uint8Array ? U8 : F64);
    dv.setUint16(at + 1, nm.length, true);
    out.set(nm, at + 3);
    at += 3 + nm.length;
  });
  cols.forEach(([, data], c) => {
    const o = offsets[c]!;
    if (data instanceof Uint8Array) out.set(data.subarray(0, s.count), o);
    else for (let i = 0; i < s.count; i++) dv.setFloat64(o + 8 * i, data[i]!, true);
  });
  return out;
}

function corrupt(what: string): NarizError {
  return new NarizError('NARIZ_STORE_CORRUPT', `sample batch: ${what}`);
}

/** A stored batch back as a Sortie of the given shape; a batch whose columns are not the shape's is corrupt. */
export function decodeBatch(bytes: Uint8Array, shape: SortieShape): Sortie {
  if (bytes.length < 10) throw corrupt(`${bytes.length} bytes is shorter than a header`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint32(0, true) !== MAGIC) throw corrupt('bad magic');
  const n = dv.getUint32(4, true);
  const ncol = dv.getUint16(8, true);
  const dec = new TextDecoder('utf-8', { fatal: true });
  const cols: Array<{ name: string; type: number }> = [];
  let at = 10;
  for (let c = 0; c < ncol; c++) {
    if (at + 3 > bytes.length) throw corrupt(`header ends inside column ${c}`);
    const type = dv.getUint8(at);
    const len = dv.getUint16(at + 1, true);
    if (at + 3 + len > bytes.length) throw corrupt(`header ends inside column ${c}'s name`);
    cols.push({ name: dec.decode(bytes.subarray(at + 3, at + 3 + len)), type });
    at += 3 + len;
  }
  const want = shapeColumns(shape);
  if (cols.length !== want.length || cols.some((c, i) => c.name !== want[i])) {
    throw corrupt(`columns [${cols.map((c) => c.name).join(', ')}] are not the sortie's [${want.join(', ')}]`);
  }
  let pos = align8(at);
  const data = new Map<string, Float64Array | Uint8Array>();
  for (const { name, type } of cols) {
    if (type === U8) {
      if (pos + n > bytes.length) throw corrupt(`column ${name} runs past the end`);
      data.set(name, bytes.slice(pos, pos + n));
      pos += n;
    } else if (type === F64) {
      pos = align8(pos);
      if (pos + 8 * n > bytes.length) throw corrupt(`column ${name} runs past the end`);
      const a = new Float64Array(n);
      for (let i = 0; i < n; i++) a[i] = dv.getFloat64(pos + 8 * i, true);
      data.set(name, a);
      pos += 8 * n;
    } else {
      throw corrupt(`column ${name} has unknown type ${type}`);
    }
  }
  if (pos !== bytes.length) throw corrupt(`${bytes.length - pos} bytes after the last column`);
  const f = (name: string): Float64Array => {
    const a = data.get(name);
    if (!(a instanceof Float64Array)) throw corrupt(`column ${name} is not float64`);
    return a;
  };
  const stability = data.get('stability');
  if (!(stability instanceof Uint8Array)) throw corrupt('column stability is not uint8');
  return {
    count: n,
    timeS: f('timeS'), lat: f('lat'), lon: f('lon'), altAglM: f('altAglM'), windU: f('windU'), windV: f('windV'),
    stability, tempC: f('tempC'), pressureHpa: f('pressureHpa'),
    ...(shape.hasPath ? { endLat: f('endLat'), endLon: f('endLon'), endAltAglM: f('endAltAglM') } : {}),
    species: shape.species.map((sp) => ({ ...sp, kgM3: f(`species:${sp.key}`) })),
  };
}
