/**
 * The server's slang glossary: the database's (store.glossary), seeded the
 * first time from the shipped starter list or `glossaryFile` /
 * NARIZ_GLOSSARY_FILE when the table is empty (a malformed file stops the
 * start with NARIZ_GLOSSARY, as before; audited as `glossary.seed` by
 * `system`, naming the file by its base name), and after that the
 * database is the truth: the file is not read again.
 *
 * `reload()` reads every entry and hands the translation service a new
 * matcher, so the next translation uses what was just written. Reloads run
 * one after another, each reading after the change that asked for it, so
 * the last one to finish holds the newest state. Another server process on
 * the same PostgreSQL sees the changes at its next start.
 *
 * Each matcher entry remembers its database id (`glossaryEntryId`), so a
 * translation's glossary hits can name the entry they came from.
 */
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { GlossaryRecord, SeedGlossaryEntry, Store } from '@nariz/store';
import { isGlossaryCategory, loadGlossary, loadStarterGlossary, STARTER_GLOSSARY_FILE, type Glossary, type GlossaryEntry } from '@nariz/translate';
import type { TranslationService } from './translation-service.js';

/** The glossary's name in the engines answer: where it lives, never a path. */
export const GLOSSARY_NAME = 'database';

const ENTRY_IDS = new WeakMap<GlossaryEntry, string>();

/** The database id of a matcher entry the book made (undefined for any other). */
export function glossaryEntryId(e: GlossaryEntry): string | undefined {
  return ENTRY_IDS.get(e);
}

/** A stored entry as the matcher reads it (review date as YYYY-MM-DD). */
function matcherEntry(r: GlossaryRecord): GlossaryEntry {
  const e: GlossaryEntry = {
    term: r.term, variants: r.variants, region: r.region, category: isGlossaryCategory(r.category) ? r.category : 'other', neutral: r.neutral, gloss: r.gloss, literal: r.literal,
    action: r.action, reviewer: r.reviewedBy ?? null, reviewed: r.reviewedAt?.slice(0, 10) ?? null, ...(r.note === '' ? {} : { notes: r.note }),
  };
  ENTRY_IDS.set(e, r.id);
  return e;
}

/** A file's entry as seeded (a reviewed one keeps its reviewer and date). */
function seedEntry(e: GlossaryEntry): SeedGlossaryEntry {
  return {
    id: randomUUID(), term: e.term, variants: e.variants, neutral: e.neutral, gloss: e.gloss, literal: e.literal, category: e.category, region: e.region, note: e.notes ?? '', action: e.action,
    reviewedBy: e.reviewer ?? undefined, reviewedAt: e.reviewed === null ? undefined : `${e.reviewed}T00:00:00.000Z`,
  };
}

export class GlossaryBook {
  readonly #store: Store;
  readonly #service: TranslationService;
  readonly #now: () => Date;
  readonly #log: FastifyBaseLogger;
  #reloads: Promise<void> = Promise.resolve();

  constructor(store: Store, service: TranslationService, now: () => Date, log: FastifyBaseLogger) {
    this.#store = store;
    this.#service = service;
    this.#now = now;
    this.#log = log;
  }

  /** Seeds an empty glossary (when translation is on) and loads it into the service. */
  async start(): Promise<void> {
    if (this.#service.enabled && (await this.#store.glossary.counts()).entries === 0) {
      const file = this.#service.glossaryFile;
      const g: Glossary = file === undefined ? await loadStarterGlossary() : await loadGlossary(file);
      const name = basename(file ?? STARTER_GLOSSARY_FILE);
      const n = await this.#store.glossary.seed(g.entries.map(seedEntry), 'system', this.#now().toISOString());
      if (n > 0) {
        await this.#store.audit.append({ actor: 'system', action: 'glossary.seed', target: name, details: { file: name, entries: n, reviewed: g.entries.filter((e) => e.reviewer !== null).length } });
        this.#log.info({ file: name, entries: n }, 'slang glossary seeded into the database');
      }
    }
    await this.reload();
  }

  /** Hands the service the database's glossary as it is now (after the changes made so far). */
  reload(): Promise<void> {
    const next = this.#reloads.then(async () => {
      const all = await this.#store.glossary.all();
      this.#service.useGlossary({ entries: all.map(matcherEntry), source: GLOSSARY_NAME });
    });
    // A failed reload does not stop the ones after it.
    this.#reloads = next.catch(() => undefined);
    return next;
  }
}
