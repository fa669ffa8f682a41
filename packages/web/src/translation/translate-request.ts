/**
 * The translation routes' requests as the app sends them (docs/api.md,
 * "Translation"): a pasted text's JSON body, an upload's query (name,
 * direction, engine, glossary, case names separated by ";"), and the
 * glossary list's query. An absent direction lets the server detect it; an
 * absent engine lets it use the direction's default.
 */
import type { GlossaryCategory } from '../api/schema/translation-glossary.js';
import type { Direction } from '../api/schema/translation.js';
import type { TranslateOptions } from './save-request.js';

/** The engines a request may name. */
export const ENGINE_IDS = ['apertium', 'bergamot'] as const;
export type EngineId = (typeof ENGINE_IDS)[number];

export function isEngineId(s: string): s is EngineId {
  return (ENGINE_IDS as readonly string[]).includes(s);
}

export function translateTextJson(text: string, direction: Direction | null, o: TranslateOptions): Record<string, unknown> {
  return {
    text,
    ...(direction === null ? {} : { direction }),
    ...(o.engine === undefined ? {} : { engine: o.engine }),
    ...(o.entities.length > 0 ? { protect: { entities: [...o.entities] } } : {}),
    glossary: o.glossary,
  };
}

export function translateQuery(name: string, direction: Direction | null, o: TranslateOptions): string {
  const q = new URLSearchParams({ name, glossary: String(o.glossary) });
  if (direction !== null) q.set('direction', direction);
  if (o.engine !== undefined) q.set('engine', o.engine);
  if (o.entities.length > 0) q.set('entities', o.entities.join(';'));
  return q.toString();
}

export interface GlossaryQuery {
  /** A substring of the term, variants, meanings or note (the server ignores case and accents). */
  readonly q: string;
  readonly category: GlossaryCategory | null;
  /** True: only entries nobody has reviewed yet. */
  readonly unreviewedOnly: boolean;
  readonly limit: number;
  readonly offset: number;
}

export function glossaryQueryString(g: GlossaryQuery): string {
  const q = new URLSearchParams({ limit: String(g.limit), offset: String(g.offset) });
  if (g.q.trim() !== '') q.set('q', g.q.trim());
  if (g.category !== null) q.set('category', g.category);
  if (g.unreviewedOnly) q.set('reviewed', 'false');
  return q.toString();
}
