/** Byte arrays joined end to end, as a plain Uint8Array (the tests compare them with Uint8Arrays). */
export function concat(...parts: readonly Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}
