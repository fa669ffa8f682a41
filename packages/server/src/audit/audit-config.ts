/**
 * The audit log's settings (config.ts parses them with the others):
 *
 *   file key                variable                          meaning (default)
 *   auditKey                NARIZ_AUDIT_KEY                   the checkpoint signing key, PKCS#8 PEM
 *                                                             (DATA_DIR/audit-key.pem, generated)
 *   auditOrigin             NARIZ_AUDIT_ORIGIN                the log's origin line and key name
 *                                                             (nariz.local/audit)
 *   auditCheckpointSeconds  NARIZ_AUDIT_CHECKPOINT_SECONDS    at most one checkpoint per this many
 *                                                             seconds while entries arrive (10)
 */
import { NarizError } from '@nariz/core';

export const DEFAULT_AUDIT_ORIGIN = 'nariz.local/audit';
export const DEFAULT_CHECKPOINT_SECONDS = 10;

export interface AuditConfig {
  readonly keyPath: string | undefined;
  readonly origin: string;
  readonly checkpointSeconds: number;
}

/** A setting's raw value and where it came from (a variable or a config file key), for messages. */
export interface RawSetting {
  readonly value: string | undefined;
  readonly from: string;
}

export function auditConfig(s: { readonly keyPath: RawSetting; readonly origin: RawSetting; readonly checkpointSeconds: RawSetting }): AuditConfig {
  const origin = s.origin.value ?? DEFAULT_AUDIT_ORIGIN;
  // The origin is also the signed note's key name: C2SP allows no spaces or "+" there.
  if (!/^[^\s+]{1,200}$/u.test(origin)) throw new NarizError('NARIZ_USAGE', `${s.origin.from} must be one word without spaces or "+" (e.g. ${DEFAULT_AUDIT_ORIGIN}), got "${origin}"`);
  const raw = s.checkpointSeconds.value;
  const checkpointSeconds = raw === undefined ? DEFAULT_CHECKPOINT_SECONDS : Number(raw);
  if (!Number.isFinite(checkpointSeconds) || checkpointSeconds <= 0 || checkpointSeconds > 86_400) {
    throw new NarizError('NARIZ_USAGE', `${s.checkpointSeconds.from} must be a number of seconds in (0, 86400], got "${raw}"`);
  }
  if (s.keyPath.value !== undefined && s.keyPath.value.trim() === '') throw new NarizError('NARIZ_USAGE', `${s.keyPath.from} must be a file path`);
  return { keyPath: s.keyPath.value, origin, checkpointSeconds };
}
