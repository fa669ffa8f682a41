/**
 * Bytes held back from earlier chunks followed by a new chunk, for the
 * incremental decoders (MAVLink, tlog, MPEG-TS): the chunk itself when
 * nothing is held, so the common case copies nothing.
 */
export function joinBytes(held: Uint8Array, chunk: Uint8Array): Uint8Array {
  if (held.length === 0) return chunk;
  const out = new Uint8Array(held.length + chunk.length);
  out.set(held);
  out.set(chunk, held.length);
  return out;
}
