/**
 * A release leaving through an exchange exit (STIX, CoT, the TAK stream,
 * TAXII): found through the requester's access predicate (the store filters
 * in the query), re-checked at the exit, portion by portion
 * (export-guard.ts), then built. A refusal is audited (`export.refused`)
 * before it is answered; a success is audited by the exit with what it
 * sent (`stix.export`, `cot.export`, `taxii.read`).
 */
import { NarizError } from '@nariz/core';
import { assertAccess, type Subject } from '@nariz/security';
import { releaseId, type ReleaseRecord, type ReleaseSummary } from '@nariz/store';
import type { Access } from '../leads/acting-subject.js';
import { visibleLead } from '../leads/visible-lead.js';
import type { Platform } from '../platform.js';
import { assertExportable, isRefusal, refusedExport } from './export-guard.js';
import type { ReleaseExport } from './release-exports.js';

/** A release of a lead the analyst may see, re-checked; NARIZ_NOT_FOUND otherwise (as routes/leads-releases.ts answers). */
export async function analystRelease(p: Platform, a: Access, leadId: string, rid: string): Promise<ReleaseRecord> {
  const lead = await visibleLead(p, a, leadId);
  const r = await p.store.releases.getRelease(releaseId(rid), a.who);
  if (r === undefined || r.leadId !== lead.id) throw new NarizError('NARIZ_NOT_FOUND', `lead "${leadId}" has no release "${rid}"`);
  assertAccess(a.subject, r.marking, p.security, `release "${rid}"`);
  return r;
}

/** A package released to the partner official's own country that they may see; NARIZ_NOT_FOUND otherwise (as routes/partner.ts answers). */
export async function partnerRelease(p: Platform, a: Access, id: string): Promise<ReleaseRecord> {
  const r = await p.store.releases.getRelease(releaseId(id), a.who, a.subject.nationality);
  if (r === undefined || r.partnerCountry !== a.subject.nationality) throw new NarizError('NARIZ_NOT_FOUND', `no package "${id}"`);
  assertAccess(a.subject, r.marking, p.security, `package "${id}"`);
  return r;
}

export interface Exit {
  /** `stix`, `cot`, `data-package`, `taxii`. */
  readonly format: string;
  /** `api` (analysts), `partner` (the portal), `taxii`, `tak`. */
  readonly via: string;
  /** Countries the export goes to beyond the release's partner (a TAK server's). */
  readonly recipients?: readonly string[];
  /**
   * Audit a release the format cannot carry (NARIZ_EXPORT_INCOMPLETE, an
   * ACS control) as `export.refused` (default true). TAXII counts them in
   * its `taxii.read` entry instead of writing one per poll. A failed
   * re-check of the portions is always audited.
   */
  readonly auditUnexportable?: boolean;
}

/** Re-checks release `r` for `requester` and the recipients, then builds from its exports `x`; audits and rethrows a refusal. */
export async function throughExit<T>(p: Platform, requester: Subject, r: ReleaseSummary, x: ReleaseExport, exit: Exit, build: (x: ReleaseExport) => T): Promise<T> {
  const refused = (error: NarizError): Promise<void> => refusedExport(p.store, { actor: requester.username, format: exit.format, via: exit.via, releaseId: r.id, marking: r.marking, error });
  try {
    assertExportable(x.stored, p.security, requester, exit.recipients ?? []);
  } catch (error) {
    if (isRefusal(error)) await refused(error);
    throw error;
  }
  try {
    return build(x);
  } catch (error) {
    if (isRefusal(error) && exit.auditUnexportable !== false) await refused(error);
    throw error;
  }
}
