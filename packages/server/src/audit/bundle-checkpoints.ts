/**
 * Which checkpoints go into an export. The bundle's verifier checks every
 * one against the entries, and each costs an Ed25519 verification and a
 * root, so a long history is thinned: the first (the receiver's anchor) and
 * the last (what the bundle covers) always stay, the rest evenly spaced.
 * Any checkpoint the receiver kept is still checked, as a saved one.
 */
import type { AuditCheckpointRecord } from '@nariz/store';

export const MAX_BUNDLE_CHECKPOINTS = 1000;

/** At most `max` (≥ 2) of `records` (ascending), keeping the first and the last. */
export function thinCheckpoints(records: readonly AuditCheckpointRecord[], max: number): AuditCheckpointRecord[] {
  if (records.length <= max) return [...records];
  const out: AuditCheckpointRecord[] = [];
  const step = (records.length - 1) / (max - 1);
  for (let k = 0; k < max; k++) out.push(records[Math.round(k * step)]!);
  return out;
}
