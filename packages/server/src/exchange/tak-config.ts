/**
 * The TAK stream's settings (config.ts parses them with the others; absent
 * NARIZ_TAK_HOST, there is no stream):
 *
 *   file key          variable                  meaning (default)
 *   takHost           NARIZ_TAK_HOST            the TAK server (unset: no stream)
 *   takPort           NARIZ_TAK_PORT            8087 plain TCP, 8089 with TLS
 *   takTlsCa          NARIZ_TAK_TLS_CA          PEM files of the CA, the client certificate and its
 *   takTlsCert        NARIZ_TAK_TLS_CERT        key: all three for TLS (mutual, server verified
 *   takTlsKey         NARIZ_TAK_TLS_KEY         against the CA), none for plain TCP
 *   takReleasableTo   NARIZ_TAK_RELEASABLE_TO   the TAK server's country, ISO 3166-1 alpha-3 (required
 *                                               with a host: nothing is streamed to an unnamed audience)
 *   takClearance      NARIZ_TAK_CLEARANCE       the highest classification the TAK network may hold
 *                                               (U): a release marked above it is not streamed
 *   takAccesses       NARIZ_TAK_ACCESSES        controls its users are read into, comma-separated
 *                                               (LES, PROPIN; none)
 *
 * Those three make the TAK link's security subject (tak-link.ts): a
 * release is streamed only when every portion is one that subject may see
 * and that may go to that country.
 */
import { NarizError } from '@nariz/core';
import { CLASSIFICATIONS, controlDefinition, isClassification, isCountryCode, type Classification } from '@nariz/security';
import { TAK_PORT_TCP, TAK_PORT_TLS } from '@nariz/exchange';
import type { RawSetting } from '../audit/audit-config.js';

export interface TakConfig {
  readonly host: string;
  readonly port: number;
  /** PEM file paths; absent: plain TCP. */
  readonly tls: { readonly ca: string; readonly cert: string; readonly key: string } | undefined;
  /** ISO 3166-1 alpha-3. */
  readonly releasableTo: string;
  readonly clearance: Classification;
  readonly accesses: readonly string[];
}

export interface TakSettings {
  readonly host: RawSetting;
  readonly port: RawSetting;
  readonly tlsCa: RawSetting;
  readonly tlsCert: RawSetting;
  readonly tlsKey: RawSetting;
  readonly releasableTo: RawSetting;
  readonly clearance: RawSetting;
  readonly accesses: RawSetting;
}

/** The settings' keys in config.ts (file keys; the variables are NARIZ_TAK_*). */
export type TakSettingKey = 'takHost' | 'takPort' | 'takTlsCa' | 'takTlsCert' | 'takTlsKey' | 'takReleasableTo' | 'takClearance' | 'takAccesses';

/** `{ tak }` for the ServerConfig, or `{}` when no TAK server is set. */
export function takServerConfig(get: (k: TakSettingKey) => RawSetting): { tak?: TakConfig } {
  const tak = takConfig({
    host: get('takHost'), port: get('takPort'), tlsCa: get('takTlsCa'), tlsCert: get('takTlsCert'), tlsKey: get('takTlsKey'),
    releasableTo: get('takReleasableTo'), clearance: get('takClearance'), accesses: get('takAccesses'),
  });
  return tak === undefined ? {} : { tak };
}

/** The TAK stream's configuration, or undefined when no host is set (and nothing else is). */
export function takConfig(s: TakSettings): TakConfig | undefined {
  const host = s.host.value?.trim();
  if (host === undefined || host === '') {
    const stray = [s.port, s.tlsCa, s.tlsCert, s.tlsKey, s.releasableTo, s.clearance, s.accesses].find((x) => x.value !== undefined);
    if (stray !== undefined) throw new NarizError('NARIZ_USAGE', `${stray.from} is set but there is no TAK server (NARIZ_TAK_HOST, file key "takHost")`);
    return undefined;
  }
  const files = [s.tlsCa, s.tlsCert, s.tlsKey];
  const given = files.filter((f) => f.value !== undefined && f.value.trim() !== '');
  if (given.length !== 0 && given.length !== 3) {
    throw new NarizError('NARIZ_USAGE', `TLS to the TAK server needs all of ${files.map((f) => f.from).join(', ')} (PEM files); ${given.map((f) => f.from).join(', ')} ${given.length === 1 ? 'is' : 'are'} set`);
  }
  const tls = given.length === 3 ? { ca: s.tlsCa.value!.trim(), cert: s.tlsCert.value!.trim(), key: s.tlsKey.value!.trim() } : undefined;
  const port = s.port.value === undefined ? (tls === undefined ? TAK_PORT_TCP : TAK_PORT_TLS) : Number(s.port.value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new NarizError('NARIZ_USAGE', `${s.port.from} must be a port number 1..65535, got "${s.port.value}"`);
  const releasableTo = s.releasableTo.value?.trim().toUpperCase();
  if (releasableTo === undefined || !isCountryCode(releasableTo)) {
    const which = s.releasableTo.value === undefined ? 'NARIZ_TAK_RELEASABLE_TO (file key "takReleasableTo")' : s.releasableTo.from;
    throw new NarizError('NARIZ_USAGE', `${which} must name the TAK server's country (ISO 3166-1 alpha-3) when ${s.host.from} is set, got "${s.releasableTo.value ?? ''}"`);
  }
  const clearance = (s.clearance.value ?? 'U').trim().toUpperCase();
  if (!isClassification(clearance)) throw new NarizError('NARIZ_USAGE', `${s.clearance.from} must be one of ${CLASSIFICATIONS.join(', ')}, got "${s.clearance.value}"`);
  const accesses = (s.accesses.value ?? '').split(',').map((x) => x.trim().toUpperCase()).filter((x) => x !== '');
  for (const a of accesses) {
    if (controlDefinition(a)?.rule !== 'access') throw new NarizError('NARIZ_USAGE', `${s.accesses.from}: "${a}" is not a control one is read into (LES, PROPIN)`);
  }
  return { host, port, tls, releasableTo, clearance, accesses: [...new Set(accesses)].sort() };
}
