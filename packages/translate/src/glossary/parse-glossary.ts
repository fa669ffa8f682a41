/**
 * Reads a glossary document, once, at the edge: `unknown` in, a typed
 * Glossary out, or NARIZ_GLOSSARY naming the file and the JSON path of the
 * first bad field (`entries[3].neutral`).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { NarizError } from '@nariz/core';
import { GLOSSARY_CATEGORIES, GLOSSARY_FORMAT, GLOSSARY_REGION, GLOSSARY_VERSION, type Glossary, type GlossaryAction, type GlossaryCategory, type GlossaryEntry } from './glossary-entry.js';

const CATEGORIES: readonly GlossaryCategory[] = GLOSSARY_CATEGORIES;
const ACTIONS: readonly GlossaryAction[] = ['replace', 'annotate'];
const REGION = GLOSSARY_REGION;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function fail(path: string, message: string, file: string | undefined): never {
  throw new NarizError('NARIZ_GLOSSARY', message, file === undefined ? { path } : { file, path });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function validDate(s: string): boolean {
  const m = DATE.exec(s);
  if (m === null) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

function nonEmptyString(o: Record<string, unknown>, key: string, path: string, file: string | undefined): string {
  const v = o[key];
  if (typeof v !== 'string' || v.trim() === '') fail(`${path}.${key}`, `"${key}" must be a non-empty string`, file);
  return v.trim();
}

function parseEntry(v: unknown, path: string, file: string | undefined): GlossaryEntry {
  if (!isRecord(v)) fail(path, 'an entry must be an object', file);
  const term = nonEmptyString(v, 'term', path, file);
  const variantsRaw = v['variants'] ?? [];
  if (!Array.isArray(variantsRaw) || variantsRaw.some((x) => typeof x !== 'string' || x.trim() === '')) {
    fail(`${path}.variants`, '"variants" must be an array of non-empty strings', file);
  }
  const region = nonEmptyString(v, 'region', path, file);
  if (!REGION.test(region)) fail(`${path}.region`, `"region" must be a country code with an optional subdivision ("MX", "MX-SIN"), got "${region}"`, file);
  const category = v['category'];
  if (typeof category !== 'string' || !(CATEGORIES as readonly string[]).includes(category)) {
    fail(`${path}.category`, `"category" must be one of ${CATEGORIES.join(', ')}`, file);
  }
  const action = v['action'];
  if (typeof action !== 'string' || !(ACTIONS as readonly string[]).includes(action)) fail(`${path}.action`, '"action" must be "replace" or "annotate"', file);
  const literal = v['literal'];
  if (typeof literal !== 'string') fail(`${path}.literal`, '"literal" must be a string (empty when the term has no innocent meaning)', file);
  const reviewer = v['reviewer'] ?? null;
  const reviewed = v['reviewed'] ?? null;
  if (reviewer !== null && (typeof reviewer !== 'string' || reviewer.trim() === '')) fail(`${path}.reviewer`, '"reviewer" must be a name or null', file);
  if (reviewed !== null && (typeof reviewed !== 'string' || !validDate(reviewed))) fail(`${path}.reviewed`, '"reviewed" must be a date YYYY-MM-DD or null', file);
  if ((reviewer === null) !== (reviewed === null)) fail(`${path}.reviewed`, 'a review needs both "reviewer" and "reviewed" (or neither)', file);
  const notes = v['notes'];
  if (notes !== undefined && typeof notes !== 'string') fail(`${path}.notes`, '"notes" must be a string', file);
  return {
    term,
    variants: (variantsRaw as string[]).map((x) => x.trim()),
    region,
    category: category as GlossaryCategory,
    neutral: nonEmptyString(v, 'neutral', path, file),
    gloss: nonEmptyString(v, 'gloss', path, file),
    literal: literal.trim(),
    action: action as GlossaryAction,
    reviewer: reviewer as string | null,
    reviewed: reviewed as string | null,
    ...(notes === undefined ? {} : { notes }),
  };
}

export function parseGlossary(doc: unknown, file?: string): Glossary {
  if (!isRecord(doc)) fail('', 'a glossary must be a JSON object', file);
  if (doc['format'] !== GLOSSARY_FORMAT) fail('format', `"format" must be "${GLOSSARY_FORMAT}"`, file);
  if (doc['version'] !== GLOSSARY_VERSION) fail('version', `"version" must be ${GLOSSARY_VERSION} (this Nariz reads version ${GLOSSARY_VERSION})`, file);
  const entries = doc['entries'];
  if (!Array.isArray(entries)) fail('entries', '"entries" must be an array', file);
  const parsed = entries.map((e, i) => parseEntry(e, `entries[${i}]`, file));
  const seen = new Map<string, number>();
  parsed.forEach((e, i) => {
    for (const form of [e.term, ...e.variants]) {
      const key = form.toLowerCase();
      const prev = seen.get(key);
      if (prev !== undefined && prev !== i) fail(`entries[${i}]`, `"${form}" is already listed by entries[${prev}] ("${parsed[prev]?.term}")`, file);
      seen.set(key, i);
    }
  });
  return file === undefined ? { entries: parsed } : { entries: parsed, source: file };
}

/** Reads and parses a glossary file (NARIZ_GLOSSARY for bad JSON or content, NARIZ_IO if unreadable). */
export async function loadGlossary(file: string): Promise<Glossary> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new NarizError('NARIZ_IO', `cannot read the glossary: ${(e as Error).message}`, { file }, { cause: e });
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new NarizError('NARIZ_GLOSSARY', `not JSON: ${(e as Error).message}`, { file }, { cause: e });
  }
  return parseGlossary(doc, file);
}

/** The starter list shipped with Nariz (glossary/mx-slang.json in this package; every entry unreviewed until a reviewer signs it). */
export const STARTER_GLOSSARY_FILE: string = fileURLToPath(new URL('../../../glossary/mx-slang.json', import.meta.url));

export function loadStarterGlossary(): Promise<Glossary> {
  return loadGlossary(STARTER_GLOSSARY_FILE);
}
