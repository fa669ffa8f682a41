/**
 * Strict standard base64 (RFC 4648 §4, padded): Buffer.from(s, 'base64')
 * skips bad characters and accepts missing padding, so a checkpoint or
 * bundle that decodes must also re-encode to exactly the same text.
 */
export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** The bytes, or undefined when `s` is not canonical padded base64. */
export function decodeBase64(s: string): Uint8Array | undefined {
  if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return undefined;
  const bytes = Buffer.from(s, 'base64');
  return bytes.toString('base64') === s ? new Uint8Array(bytes) : undefined;
}
