/**
 * The STIX specification version of a stored object. STIX 2.1 §3.2: an
 * object without `spec_version` is 2.0, except a cyber-observable (SCO),
 * which became top-level in 2.1 and defaults to 2.1.
 */
const SCO_TYPES = new Set([
  'artifact', 'autonomous-system', 'directory', 'domain-name', 'email-addr', 'email-message', 'file', 'ipv4-addr',
  'ipv6-addr', 'mac-addr', 'mutex', 'network-traffic', 'process', 'software', 'url', 'user-account',
  'windows-registry-key', 'x509-certificate',
]);

export function specVersionOf(obj: { readonly type: string; readonly spec_version?: string }): string {
  return obj.spec_version ?? (SCO_TYPES.has(obj.type) ? '2.1' : '2.0');
}
