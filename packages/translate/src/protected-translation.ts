/**
 * Translation with entity protection and the slang glossary, segment by
 * segment:
 *
 *  1. entities are detected on the source (protect/detect-entities.ts);
 *  2. for Spanish sources, glossary terms outside the entities are found;
 *     `replace` terms are rewritten to neutral Spanish, `annotate` ones are
 *     left (glossary/match-glossary.ts); every hit is returned;
 *  3. each entity becomes a placeholder (`ZQX0ZQ`), the engine translates
 *     the rewritten text, and each placeholder is put back exactly once;
 *  4. if the engine dropped, duplicated or invented a placeholder, the
 *     segment is translated again around its entities (the text between
 *     entities as separate segments, the entities copied between them) and
 *     flagged `protection: 'fallback'` with the reason.
 *
 * Engine marks that fell on a placeholder are dropped (they are ours);
 * the others are moved to the restored text.
 */
import type { Direction, TranslateOptions, TranslationEngine, TranslationMark, TranslationResult } from './engine.js';
import { isBlankSegment } from './engine.js';
import type { GlossaryHit, GlossaryMatcher, GlossaryMatchOptions } from './glossary/match-glossary.js';
import type { CaseEntityMatcher } from './protect/case-entities.js';
import { detectEntities } from './protect/detect-entities.js';
import type { DetectedEntity, EntityKind } from './protect/entity.js';
import { choosePlaceholderScheme, placeholder, restorePlaceholders, type RestoreEdit } from './protect/placeholders.js';

export interface ProtectedTranslateOptions extends TranslateOptions {
  readonly caseEntities?: CaseEntityMatcher;
  /** Detectors to run; default all. */
  readonly entityKinds?: readonly EntityKind[];
  /** Applied to Spanish sources only. */
  readonly glossary?: GlossaryMatcher;
  readonly glossaryOptions?: Omit<GlossaryMatchOptions, 'exclude'>;
}

export interface ProtectedTranslation extends TranslationResult {
  readonly source: string;
  /** Protected spans, in the source. */
  readonly entities: readonly DetectedEntity[];
  /** Where each entity ended up in `text` (same order as `entities`). */
  readonly entityTargets: readonly { readonly start: number; readonly end: number }[];
  /** Glossary hits, in the source (replaced ones were rewritten before translation). */
  readonly glossary: readonly GlossaryHit[];
  /** What the engine was given. */
  readonly engineInput: string;
  /** `none`: nothing to protect; `restored`: placeholders came back; `fallback`: translated around the entities. */
  readonly protection: 'none' | 'restored' | 'fallback';
  /** Why the fallback was needed. */
  readonly fallbackReason?: string;
}

interface Plan {
  readonly source: string;
  readonly entities: DetectedEntity[];
  readonly glossary: GlossaryHit[];
  /** Engine input with placeholders. */
  readonly input: string;
  /** The rewritten text between entities (entities.length + 1 pieces), for the fallback. */
  readonly pieces: string[];
}

function plan(source: string, dir: Direction, options: ProtectedTranslateOptions, placeholderFor: (i: number) => string): Plan {
  const entities = detectEntities(source, {
    ...(options.caseEntities === undefined ? {} : { caseEntities: options.caseEntities }),
    ...(options.entityKinds === undefined ? {} : { kinds: options.entityKinds }),
  });
  const glossary = dir === 'es-en' && options.glossary !== undefined ? options.glossary.find(source, { ...options.glossaryOptions, exclude: entities }) : [];
  type Edit = { start: number; end: number; entity?: number; replacement?: string };
  const edits: Edit[] = [
    ...entities.map((e, i) => ({ start: e.start, end: e.end, entity: i })),
    ...glossary.flatMap((g) => (g.replacement === undefined ? [] : [{ start: g.start, end: g.end, replacement: g.replacement }])),
  ].sort((a, b) => a.start - b.start);
  let input = '';
  const pieces: string[] = [''];
  let at = 0;
  for (const e of edits) {
    const between = source.slice(at, e.start);
    input += between;
    pieces[pieces.length - 1] += between;
    if (e.entity !== undefined) {
      input += placeholderFor(e.entity);
      pieces.push('');
    } else {
      input += e.replacement as string;
      pieces[pieces.length - 1] += e.replacement as string;
    }
    at = e.end;
  }
  input += source.slice(at);
  pieces[pieces.length - 1] += source.slice(at);
  return { source, entities, glossary, input, pieces };
}

/** Marks moved through the placeholder edits; marks on a placeholder are dropped. */
function shiftMarks(marks: readonly TranslationMark[], edits: readonly RestoreEdit[]): TranslationMark[] {
  const out: TranslationMark[] = [];
  for (const m of marks) {
    if (edits.some((e) => m.start < e.end && e.start < m.end)) continue;
    let delta = 0;
    for (const e of edits) if (e.end <= m.start) delta += e.length - (e.end - e.start);
    out.push({ ...m, start: m.start + delta, end: m.end + delta });
  }
  return out;
}

/** Positions of the restored entities in the final text. */
function targetsFromEdits(edits: readonly RestoreEdit[], order: readonly number[]): { start: number; end: number }[] {
  const targets: { start: number; end: number }[] = new Array(order.length);
  let delta = 0;
  edits.forEach((e, k) => {
    const start = e.start + delta;
    targets[order[k] as number] = { start, end: start + e.length };
    delta += e.length - (e.end - e.start);
  });
  return targets;
}

function describeFailure(missing: readonly number[], duplicated: readonly number[], foreign: readonly number[], name: (i: number) => string): string {
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`dropped ${missing.map(name).join(', ')}`);
  if (duplicated.length > 0) parts.push(`duplicated ${duplicated.map(name).join(', ')}`);
  if (foreign.length > 0) parts.push(`invented index ${foreign.join(', ')}`);
  return `the engine ${parts.join('; ')}`;
}

/**
 * Apertium capitalises the first known word of a sentence that starts with
 * an unknown word ("ZQX0ZQ llamó" → "ZQX0ZQ Called"), and translating
 * around entities capitalises each piece. The word after an entity is
 * lowercased again when the word after it in the source is lowercase.
 */
function decapitaliseAfterEntities(text: string, targets: readonly { start: number; end: number }[], source: string, entities: readonly DetectedEntity[]): string {
  let out = text;
  targets.forEach((t, k) => {
    const e = entities[k];
    if (e === undefined || !/^\s+\p{Ll}/u.test(source.slice(e.end))) return;
    const m = /^(\s+)(\p{Lu})(?=\p{Ll})/u.exec(out.slice(t.end));
    if (m === null) return;
    const at = t.end + (m[1] as string).length;
    const lower = (m[2] as string).toLowerCase();
    if (lower.length !== (m[2] as string).length) return;
    out = out.slice(0, at) + lower + out.slice(at + lower.length);
  });
  return out;
}

/** Translates `texts` with entities protected and the glossary applied; one result per text, in order. */
export async function translateProtected(
  engine: TranslationEngine,
  texts: readonly string[],
  dir: Direction,
  options: ProtectedTranslateOptions = {},
): Promise<ProtectedTranslation[]> {
  const scheme = choosePlaceholderScheme(texts);
  const name = (i: number): string => placeholder(scheme, i);
  const plans = texts.map((t) => plan(t, dir, options, name));
  const engineOpts: TranslateOptions = options.signal === undefined ? {} : { signal: options.signal };
  const first = await engine.translate(plans.map((p) => p.input), dir, engineOpts);
  const results: (ProtectedTranslation | undefined)[] = new Array(texts.length);
  const fallback: { index: number; reason: string }[] = [];
  plans.forEach((p, i) => {
    const r = first[i] as TranslationResult;
    const base = { source: p.source, entities: p.entities, glossary: p.glossary, engineInput: p.input, engine: r.engine };
    if (p.entities.length === 0) {
      results[i] = { ...base, text: r.text, marks: r.marks, entityTargets: [], protection: 'none' };
      return;
    }
    const restored = restorePlaceholders(r.text, scheme, p.entities.map((e) => e.text));
    if (!restored.ok) {
      fallback.push({ index: i, reason: describeFailure(restored.missing, restored.duplicated, restored.foreign, name) });
      return;
    }
    // Edits come in output order; the entity each one restored is read back from the placeholder index.
    const order = restored.edits.map((e) => Number(/\d+/.exec(r.text.slice(e.start, e.end))?.[0]));
    const entityTargets = targetsFromEdits(restored.edits, order);
    const text = decapitaliseAfterEntities(restored.text, entityTargets, p.source, p.entities);
    results[i] = { ...base, text, marks: shiftMarks(r.marks, restored.edits), entityTargets, protection: 'restored' };
  });
  if (fallback.length > 0) {
    // Translate the text between entities as separate segments; pieces without a letter are copied.
    const jobs: { seg: number; piece: number; lead: string; core: string; trail: string }[] = [];
    for (const { index } of fallback) {
      (plans[index] as Plan).pieces.forEach((piece, k) => {
        const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(piece) as RegExpExecArray;
        jobs.push({ seg: index, piece: k, lead: m[1] as string, core: m[2] as string, trail: m[3] as string });
      });
    }
    const toTranslate = jobs.filter((j) => !isBlankSegment(j.core) && /\p{L}/u.test(j.core));
    const translated = await engine.translate(toTranslate.map((j) => j.core), dir, engineOpts);
    const byJob = new Map(toTranslate.map((j, k) => [j, translated[k] as TranslationResult]));
    for (const { index, reason } of fallback) {
      const p = plans[index] as Plan;
      let text = '';
      const marks: TranslationMark[] = [];
      const entityTargets: { start: number; end: number }[] = [];
      jobs.filter((j) => j.seg === index).forEach((j) => {
        const t = byJob.get(j);
        text += j.lead;
        if (t !== undefined) {
          for (const m of t.marks) marks.push({ ...m, start: m.start + text.length, end: m.end + text.length });
          text += t.text;
        } else {
          text += j.core;
        }
        text += j.trail;
        const entity = p.entities[j.piece];
        if (entity !== undefined) {
          entityTargets.push({ start: text.length, end: text.length + entity.text.length });
          text += entity.text;
        }
      });
      const engineId = (first[index] as TranslationResult).engine;
      results[index] = {
        source: p.source, entities: p.entities, glossary: p.glossary, engineInput: p.input, engine: engineId,
        text: decapitaliseAfterEntities(text, entityTargets, p.source, p.entities), marks, entityTargets, protection: 'fallback', fallbackReason: reason,
      };
    }
  }
  return results as ProtectedTranslation[];
}
