/**
 * The column-mapping step of an import: the mapping starts from the
 * server's suggestions (a column it did not recognise is ignored until the
 * analyst maps it), and the commit body is made from the mapping and the
 * defaults the analyst chose.
 */
import type { ImportPreview } from '../api/schema/network-import.js';
import { markingJson, type Marking } from '../api/schema/marking.js';
import type { EntityType } from '../api/schema/network.js';

export const IGNORE = 'ignore';

export function initialMapping(p: ImportPreview): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of p.columns) out[c.name] = c.suggested ?? IGNORE;
  return out;
}

/** The fields a column may take: the preview's, less the attribute pattern, plus "attribute:<column>" for entities. */
export function fieldChoices(p: ImportPreview, column: string): string[] {
  const plain = p.fields.filter((f) => !f.startsWith('attribute:'));
  return p.kind === 'entities' && /^[A-Za-z0-9_. -]{1,64}$/.test(column) ? [...plain, `attribute:${column}`] : plain;
}

/** Fields mapped from more than one column (the server refuses them). */
export function duplicateFields(mapping: Readonly<Record<string, string>>): string[] {
  const seen = new Map<string, number>();
  for (const f of Object.values(mapping)) if (f !== IGNORE) seen.set(f, (seen.get(f) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([f]) => f).sort();
}

export interface ImportDefaults {
  readonly marking: Marking;
  readonly entityType: EntityType;
  readonly relation: string;
  readonly grading: string;
}

export function commitBody(mapping: Readonly<Record<string, string>>, d: ImportDefaults, skipInvalid: boolean): Record<string, unknown> {
  return {
    mapping: { ...mapping },
    defaults: {
      marking: markingJson(d.marking),
      entity_type: d.entityType,
      ...(d.relation.trim() !== '' ? { type: d.relation.trim() } : {}),
      ...(d.grading !== '' ? { grading: d.grading } : {}),
    },
    skip_invalid: skipInvalid,
  };
}
