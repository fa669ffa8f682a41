/**
 * The re-check at the exchange exits (defence in depth; docs/leads.md,
 * "Re-checked at every exit"). The store already filtered the release by
 * its banner for the requester; before a STIX bundle, a TAXII object or a
 * CoT event leaves, every portion of the stored package (the banner, the
 * lead's portion, each note) is checked again:
 *
 *  1. the requester may see it (`canAccess`): otherwise the release reads
 *     as missing (NARIZ_NOT_FOUND, as `assertAccess` answers);
 *  2. every recipient country may receive it — `releasableTo` it and no
 *     ORCON, the rule releases are made by (`mayRelease`): the partner the
 *     package went to and, for a TAK stream, the TAK server's country.
 *     Otherwise NARIZ_EXPORT_MARKING, naming the portion.
 *
 * Either means the stored package disagrees with the rules it was built
 * by; the exit refuses, and the caller writes `export.refused` to the
 * audit log (refusedExport).
 */
import { NarizError } from '@nariz/core';
import { canAccess, formatBanner, portionMarking, type Marking, type SecurityPolicy, type Subject } from '@nariz/security';
import type { Store } from '@nariz/store';
import { markingJson } from '../leads/lead-json.js';
import { mayRelease } from '../leads/release-package.js';
import type { StoredRelease } from './stored-release.js';

/** Every marked portion of a stored release, the banner first, with its JSON path in the package. */
export function releasePortions(r: StoredRelease): Array<{ path: string; marking: Marking }> {
  return [
    { path: 'marking', marking: r.marking },
    { path: 'lead.marking', marking: r.lead.marking },
    ...r.notes.map((n, i) => ({ path: `notes[${i}].marking`, marking: n.marking })),
  ];
}

export function assertExportable(r: StoredRelease, policy: SecurityPolicy, requester: Subject, recipients: readonly string[]): void {
  for (const { path, marking } of releasePortions(r)) {
    const text = path === 'marking' ? formatBanner(marking, policy) : portionMarking(marking, policy);
    if (!canAccess(requester, marking, policy).allowed) {
      throw new NarizError('NARIZ_NOT_FOUND', `no release "${r.id}"`, { path });
    }
    for (const country of [r.partner.country, ...recipients]) {
      if (!mayRelease(marking, country, policy)) {
        throw new NarizError('NARIZ_EXPORT_MARKING', `release "${r.id}": ${text} is not releasable to ${country}; the export is refused`, { path });
      }
    }
  }
}

/** Codes of a refused export (as opposed to a failure of the server). */
const REFUSALS = new Set(['NARIZ_NOT_FOUND', 'NARIZ_EXPORT_MARKING', 'NARIZ_EXPORT_INCOMPLETE', 'NARIZ_MARKING']);

export function isRefusal(e: unknown): e is NarizError {
  return e instanceof NarizError && REFUSALS.has(e.code);
}

/**
 * Audits a refused export: ids, the format, the code, the portion's path
 * and the release's marking, never content (the audit log goes to partners).
 */
export async function refusedExport(store: Store, o: { actor: string; format: string; via: string; releaseId: string; marking: Marking; error: NarizError }): Promise<void> {
  await store.audit.append({
    actor: o.actor,
    action: 'export.refused',
    target: o.releaseId,
    details: { format: o.format, via: o.via, code: o.error.code, ...(o.error.location?.path !== undefined ? { path: o.error.location.path } : {}), marking: markingJson(o.marking) },
  });
}
