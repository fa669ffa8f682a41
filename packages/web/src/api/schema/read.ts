/**
 * Reading `unknown` JSON into typed values, once, at the edge. Every reader
 * takes the value and a path (`sortie.species[2].key`) and throws a
 * SchemaError naming that path and what it expected. Unknown fields are
 * ignored, so the server may add fields without breaking the app; missing or
 * mistyped ones are errors.
 */

export class SchemaError extends Error {
  readonly path: string;
  constructor(path: string, expected: string, got: unknown) {
    super(`${path}: expected ${expected}, got ${describe(got)}`);
    this.name = 'SchemaError';
    this.path = path;
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

/** A reader of one kind of value. */
export type Reader<T> = (v: unknown, path: string) => T;

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const str: Reader<string> = (v, path) => {
  if (typeof v !== 'string') throw new SchemaError(path, 'a string', v);
  return v;
};

/** A finite number (JSON has no NaN or Infinity; a null in a number's place is an error). */
export const num: Reader<number> = (v, path) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new SchemaError(path, 'a finite number', v);
  return v;
};

export const int: Reader<number> = (v, path) => {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new SchemaError(path, 'an integer', v);
  return v;
};

export const bool: Reader<boolean> = (v, path) => {
  if (typeof v !== 'boolean') throw new SchemaError(path, 'true or false', v);
  return v;
};

/** One of the given strings, typed as their union. */
export function oneOf<const T extends readonly string[]>(allowed: T): Reader<T[number]> {
  return (v, path) => {
    const hit = allowed.find((a) => a === v);
    if (hit === undefined) throw new SchemaError(path, `one of ${allowed.join(', ')}`, v);
    return hit;
  };
}

export function nullable<T>(r: Reader<T>): Reader<T | null> {
  return (v, path) => (v === null ? null : r(v, path));
}

/** A field that may be absent (or null): undefined then. */
export function optional<T>(r: Reader<T>): Reader<T | undefined> {
  return (v, path) => (v === undefined || v === null ? undefined : r(v, path));
}

export function arrayOf<T>(r: Reader<T>): Reader<T[]> {
  return (v, path) => {
    if (!Array.isArray(v)) throw new SchemaError(path, 'an array', v);
    return v.map((x, i) => r(x, `${path}[${i}]`));
  };
}

/** A JSON object used as a map from keys to values of one kind. */
export function recordOf<T>(r: Reader<T>): Reader<Record<string, T>> {
  return (v, path) => {
    if (!isRecord(v)) throw new SchemaError(path, 'an object', v);
    const out: Record<string, T> = {};
    for (const [k, x] of Object.entries(v)) out[k] = r(x, `${path}.${k}`);
    return out;
  };
}

/** A fixed-length array of numbers, e.g. an interval [lo, hi] or a position [lon, lat]. */
export function numbers(n: number): Reader<number[]> {
  return (v, path) => {
    const a = arrayOf(num)(v, path);
    if (a.length !== n) throw new SchemaError(path, `${n} numbers`, v);
    return a;
  };
}

export function pair(v: unknown, path: string): [number, number] {
  const a = numbers(2)(v, path);
  return [a[0]!, a[1]!];
}

/** The fields of one JSON object, each read with a reader and its path. */
export class Fields {
  private readonly o: Record<string, unknown>;
  readonly path: string;

  constructor(v: unknown, path: string) {
    if (!isRecord(v)) throw new SchemaError(path, 'an object', v);
    this.o = v;
    this.path = path;
  }

  get<T>(key: string, r: Reader<T>): T {
    return r(this.o[key], `${this.path}.${key}`);
  }
  has(key: string): boolean {
    return this.o[key] !== undefined;
  }
  str(key: string): string {
    return this.get(key, str);
  }
  num(key: string): number {
    return this.get(key, num);
  }
  int(key: string): number {
    return this.get(key, int);
  }
  bool(key: string): boolean {
    return this.get(key, bool);
  }
}

export function fields(v: unknown, path: string): Fields {
  return new Fields(v, path);
}
