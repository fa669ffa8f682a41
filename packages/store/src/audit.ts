/**
 * The audit log: an append-only record of who did what (sign-ins, user
 * changes, overrides, releases). Entries are numbered from 0 and each
 * stores its RFC 9162 leaf hash, SHA-256(0x00 || entry bytes), over a
 * canonical encoding of the entry, so the log can be served as a Merkle
 * tree with inclusion and consistency proofs, and any edit of a stored
 * entry shows as a mismatch against its leaf hash.
 */
import { createHash } from 'node:crypto';

export interface NewAuditEntry {
  /** Username, or 'system'. */
  readonly actor: string;
  /** Dotted verb, e.g. 'plan.export.override'. */
  readonly action: string;
  /** What it acted on (an id), or ''. */
  readonly target: string;
  readonly details: Record<string, unknown>;
}

export interface AuditEntry extends NewAuditEntry {
  /** 0-based position in the log. */
  readonly seq: number;
  /** ISO 8601 UTC. */
  readonly at: string;
  /** Hex RFC 9162 leaf hash of `auditEntryBytes`. */
  readonly leafHash: string;
}

export interface AuditQuery {
  readonly actor?: string;
  readonly action?: string;
  readonly target?: string;
  /** Newest first, at most this many (default 100). */
  readonly limit?: number;
  /** Only entries with seq below this (paging back). */
  readonly beforeSeq?: number;
}

export interface AuditStore {
  append(e: NewAuditEntry): Promise<AuditEntry>;
  list(q?: AuditQuery): Promise<AuditEntry[]>;
  /** Entries [from, to) in order (for Merkle proofs and verification). */
  range(from: number, to: number): Promise<AuditEntry[]>;
  /** One past the highest seq (entries are numbered from 0; a gap left by a deleted row shows as a missing seq). */
  size(): Promise<number>;
}

/** JSON with object keys sorted at every level: one byte string per entry. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** The bytes an entry's leaf hash covers. */
export function auditEntryBytes(e: Omit<AuditEntry, 'leafHash'>): Buffer {
  return Buffer.from(canonical({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, target: e.target, details: e.details }), 'utf8');
}

export function auditLeafHash(e: Omit<AuditEntry, 'leafHash'>): string {
  return createHash('sha256').update(Buffer.from([0])).update(auditEntryBytes(e)).digest('hex');
}
