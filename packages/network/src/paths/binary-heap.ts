/**
 * An indexed binary min-heap of node numbers keyed by distance, with
 * decrease-key, for Dijkstra. Capacity n: each node is in the heap at most
 * once (its position is kept in `pos`), so the arrays never grow. Equal
 * keys leave in no promised order, but always the same order for the same
 * pushes, so results are reproducible.
 */
export class IndexedMinHeap {
  private readonly heap: Uint32Array;
  private readonly key: Float64Array;
  /** Position of each node in `heap`, −1 when absent. */
  private readonly pos: Int32Array;
  private count = 0;

  constructor(capacity: number) {
    this.heap = new Uint32Array(capacity);
    this.key = new Float64Array(capacity);
    this.pos = new Int32Array(capacity).fill(-1);
  }

  get size(): number {
    return this.count;
  }

  /** Inserts v, or lowers its key if it is already in (a higher key is ignored). */
  push(v: number, k: number): void {
    let i = this.pos[v]!;
    if (i < 0) {
      i = this.count++;
      this.heap[i] = v;
      this.pos[v] = i;
    } else if (k >= this.key[v]!) return;
    this.key[v] = k;
    this.up(i);
  }

  /** Removes and returns the node with the least key (the heap must not be empty). */
  pop(): number {
    const top = this.heap[0]!;
    this.pos[top] = -1;
    const last = this.heap[--this.count]!;
    if (this.count > 0) {
      this.heap[0] = last;
      this.pos[last] = 0;
      this.down(0);
    }
    return top;
  }

  private up(i: number): void {
    const { heap, key, pos } = this;
    const v = heap[i]!;
    const k = key[v]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const u = heap[p]!;
      if (key[u]! <= k) break;
      heap[i] = u;
      pos[u] = i;
      i = p;
    }
    heap[i] = v;
    pos[v] = i;
  }

  private down(i: number): void {
    const { heap, key, pos } = this;
    const n = this.count;
    const v = heap[i]!;
    const k = key[v]!;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && key[heap[c + 1]!]! < key[heap[c]!]!) c++;
      const u = heap[c]!;
      if (key[u]! >= k) break;
      heap[i] = u;
      pos[u] = i;
      i = c;
    }
    heap[i] = v;
    pos[v] = i;
  }
}
