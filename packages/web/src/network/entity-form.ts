/**
 * Creating or editing one entity by hand: the form's text as typed (name,
 * type, aliases separated by commas or new lines, latitude and longitude,
 * and the marking chosen with the pickers), checked before anything is
 * sent — a name, both coordinates or neither, each in range — and turned
 * into the body of POST /api/network/entities, or for an edit, a PATCH of
 * only the fields that changed (the server audits the names of the fields
 * sent; clearing the place sends lat and lon null).
 */
import { markingJson } from '../api/schema/marking.js';
import type { EntityType, NetworkEntity } from '../api/schema/network.js';
import { draftMarking, draftOf, emptyDraft, type MarkingDraft } from '../leads/marking-draft.js';

/** The server's limits (routes/network.ts): a label or alias of 1–300 characters, at most 50 aliases. */
export const LABEL_MAX = 300;
export const ALIASES_MAX = 50;

export interface EntityDraft {
  readonly label: string;
  readonly type: EntityType;
  readonly aliases: string;
  readonly lat: string;
  readonly lon: string;
  readonly marking: MarkingDraft;
}

export type EntityProblem = 'label' | 'labelLength' | 'aliases' | 'location' | 'lat' | 'lon';

export interface EntityFields {
  readonly label: string;
  readonly type: EntityType;
  readonly aliases: readonly string[];
  readonly location: { readonly lat: number; readonly lon: number } | null;
  readonly marking: MarkingDraft;
}

export type EntityCheck = { readonly ok: true; readonly value: EntityFields } | { readonly ok: false; readonly problem: EntityProblem };

/** A new entity's form (a person, unclassified, from the user's organisation), or an existing one's as it stands. */
export function entityDraftOf(e: NetworkEntity | null, originator: string): EntityDraft {
  if (e === null) return { label: '', type: 'person', aliases: '', lat: '', lon: '', marking: emptyDraft(originator) };
  return { label: e.label, type: e.type, aliases: e.aliases.join(', '), lat: e.lat === null ? '' : String(e.lat), lon: e.lon === null ? '' : String(e.lon), marking: draftOf(e.marking) };
}

/** Aliases from the text: split at commas and new lines, trimmed, empty ones and repeats dropped, in order. */
export function splitAliases(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/[,\n]/)) {
    const a = part.trim();
    if (a !== '' && !out.includes(a)) out.push(a);
  }
  return out;
}

function coordinate(text: string, limit: number): number | null {
  const s = text.trim();
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) && Math.abs(v) <= limit ? v : null;
}

export function checkEntity(d: EntityDraft): EntityCheck {
  const label = d.label.trim();
  if (label === '') return { ok: false, problem: 'label' };
  if (label.length > LABEL_MAX) return { ok: false, problem: 'labelLength' };
  const aliases = splitAliases(d.aliases);
  if (aliases.length > ALIASES_MAX || aliases.some((a) => a.length > LABEL_MAX)) return { ok: false, problem: 'aliases' };
  const latText = d.lat.trim();
  const lonText = d.lon.trim();
  let location: EntityFields['location'] = null;
  if (latText !== '' || lonText !== '') {
    if (latText === '' || lonText === '') return { ok: false, problem: 'location' };
    const lat = coordinate(latText, 90);
    if (lat === null) return { ok: false, problem: 'lat' };
    const lon = coordinate(lonText, 180);
    if (lon === null) return { ok: false, problem: 'lon' };
    location = { lat, lon };
  }
  return { ok: true, value: { label, type: d.type, aliases, location, marking: d.marking } };
}

/** The body of POST /api/network/entities. */
export function newEntityBody(f: EntityFields): Record<string, unknown> {
  return {
    type: f.type,
    label: f.label,
    ...(f.aliases.length > 0 ? { aliases: [...f.aliases] } : {}),
    ...(f.location !== null ? { lat: f.location.lat, lon: f.location.lon } : {}),
    marking: markingJson(draftMarking(f.marking)),
  };
}

/** Whether two marking drafts say the same (the originator compared trimmed). */
export function sameMarking(a: MarkingDraft, b: MarkingDraft): boolean {
  return a.classification === b.classification && a.controls.join() === b.controls.join() && a.relTo.join() === b.relTo.join() && a.originator.trim() === b.originator.trim();
}

/** The PATCH of an edit: only what differs from the entity as it is; empty when nothing does. */
export function entityPatch(e: NetworkEntity, f: EntityFields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (f.label !== e.label) out['label'] = f.label;
  if (f.type !== e.type) out['type'] = f.type;
  if (f.aliases.join('\n') !== e.aliases.join('\n')) out['aliases'] = [...f.aliases];
  const had = e.lat === null || e.lon === null ? null : { lat: e.lat, lon: e.lon };
  if (f.location === null ? had !== null : had === null || had.lat !== f.location.lat || had.lon !== f.location.lon) {
    out['lat'] = f.location?.lat ?? null;
    out['lon'] = f.location?.lon ?? null;
  }
  if (!sameMarking(f.marking, draftOf(e.marking))) out['marking'] = markingJson(draftMarking(f.marking));
  return out;
}
