/**
 * Append-only typed-array columns whose capacity doubles when full, so a
 * streaming reader or a sparse-matrix build can fill columns of unknown
 * final length with amortised O(1) pushes and without boxing numbers in JS
 * arrays.
 */
const INITIAL_CAPACITY = 1024;

type NumericArray = Float64Array | Float32Array | Uint32Array | Int32Array | Uint16Array | Uint8Array;

export class TypedArrayBuilder<T extends NumericArray> {
  private buf: T;
  private n = 0;

  constructor(
    private readonly make: (length: number) => T,
    initialCapacity = INITIAL_CAPACITY,
  ) {
    this.buf = make(Math.max(1, initialCapacity));
  }

  get length(): number {
    return this.n;
  }

  push(v: number): void {
    if (this.n === this.buf.length) this.grow();
    this.buf[this.n++] = v;
  }

  /**
   * An exactly-sized copy. Copying (rather than returning a subarray view)
   * releases up to half of the buffer that doubling left unused.
   */
  finish(): T {
    return this.buf.slice(0, this.n) as T;
  }

  /** The first `count` values (default all), copied and removed; the rest move to the front and the buffer is kept. */
  take(count = this.n): T {
    const k = Math.max(0, Math.min(count, this.n));
    const out = this.buf.slice(0, k) as T;
    this.buf.copyWithin(0, k, this.n);
    this.n -= k;
    return out;
  }

  private grow(): void {
    const next = this.make(this.buf.length * 2);
    next.set(this.buf);
    this.buf = next;
  }
}

export const float64Builder = (initialCapacity?: number): TypedArrayBuilder<Float64Array> => new TypedArrayBuilder((n) => new Float64Array(n), initialCapacity);
export const uint8Builder = (initialCapacity?: number): TypedArrayBuilder<Uint8Array> => new TypedArrayBuilder((n) => new Uint8Array(n), initialCapacity);
export const uint32Builder = (initialCapacity?: number): TypedArrayBuilder<Uint32Array> => new TypedArrayBuilder((n) => new Uint32Array(n), initialCapacity);
