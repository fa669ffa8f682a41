/**
 * Append-only typed-array columns whose capacity doubles when full, so a
 * streaming reader can fill columns of unknown final length with amortised
 * O(1) pushes and without boxing numbers in JS arrays.
 */
const INITIAL_CAPACITY = 1024;

export class Float64Builder {
  private buf: Float64Array;
  private n = 0;

  constructor(initialCapacity = INITIAL_CAPACITY) {
    this.buf = new Float64Array(Math.max(1, initialCapacity));
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
  finish(): Float64Array {
    return this.buf.slice(0, this.n);
  }

  private grow(): void {
    const next = new Float64Array(this.buf.length * 2);
    next.set(this.buf);
    this.buf = next;
  }
}

export class Uint8Builder {
  private buf: Uint8Array;
  private n = 0;

  constructor(initialCapacity = INITIAL_CAPACITY) {
    this.buf = new Uint8Array(Math.max(1, initialCapacity));
  }

  get length(): number {
    return this.n;
  }

  push(v: number): void {
    if (this.n === this.buf.length) this.grow();
    this.buf[this.n++] = v;
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.n);
  }

  private grow(): void {
    const next = new Uint8Array(this.buf.length * 2);
    next.set(this.buf);
    this.buf = next;
  }
}
