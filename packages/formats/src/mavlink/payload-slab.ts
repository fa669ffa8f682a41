/**
 * Frame payloads are views into shared 64 KiB slabs instead of one small
 * ArrayBuffer each: a buffer per payload made the garbage collector the
 * decoders' main cost (half of a tlog read). A frame kept alive keeps its
 * slab alive; the bytes never alias what the caller pushed.
 */
const SLAB_BYTES = 1 << 16;

export class PayloadSlab {
  private slab = new ArrayBuffer(SLAB_BYTES);
  private used = 0;

  /** A zeroed view of `length` bytes (length <= 255, so any slab has room after a refill). */
  take(length: number): Uint8Array {
    if (this.used + length > SLAB_BYTES) {
      this.slab = new ArrayBuffer(SLAB_BYTES);
      this.used = 0;
    }
    const view = new Uint8Array(this.slab, this.used, length);
    this.used += length;
    return view;
  }
}
