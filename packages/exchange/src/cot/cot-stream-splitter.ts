/**
 * Splits a TAK streaming-protocol byte stream (protocol version 0: XML
 * events back to back, no length prefix or delimiter) into events, the way
 * TAK Server reads its XML inputs: an event ends at its `</event>` end tag.
 * Bytes are buffered until a whole event has arrived, so UTF-8 sequences
 * split across TCP segments decode correctly; anything before an event's
 * `<event` (whitespace, an XML declaration) is dropped.
 */
const END = Buffer.from('</event>', 'utf8');

export class CotStreamSplitter {
  private pending: Buffer = Buffer.alloc(0);

  /** Feeds bytes; returns the events completed by them, as XML text. */
  push(chunk: Uint8Array | string): string[] {
    this.pending = Buffer.concat([this.pending, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk]);
    const out: string[] = [];
    for (;;) {
      const end = this.pending.indexOf(END);
      if (end < 0) break;
      const text = this.pending.subarray(0, end + END.length).toString('utf8');
      this.pending = this.pending.subarray(end + END.length);
      const start = text.indexOf('<event');
      if (start >= 0) out.push(text.slice(start));
    }
    return out;
  }

  /** Bytes received after the last complete event. */
  get bufferedBytes(): number {
    return this.pending.length;
  }
}
