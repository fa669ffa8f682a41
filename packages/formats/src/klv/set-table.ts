/**
 * A local set's definition: tag → name, field key, unit, codec. Lookups by
 * tag are an array index (tags above 255 are undefined in every set here).
 */
import type { Codec } from './codecs.js';

export interface TagEntry {
  readonly tag: number;
  readonly key: string;
  readonly name: string;
  readonly units: string;
  readonly codec: Codec;
  /** The standard allows the tag more than once in a set. */
  readonly multiple: boolean;
  readonly deprecated: boolean;
}

export interface SetTable {
  /** The standard and set, for messages. */
  readonly name: string;
  readonly byTag: readonly (TagEntry | undefined)[];
  readonly byKey: ReadonlyMap<string, TagEntry>;
  readonly entries: readonly TagEntry[];
  /** Items of a set Nariz does not interpret (ST 0806, ST 1206 …): kept as bytes, not flagged unknown. */
  readonly opaque: boolean;
  /** The set's version item, below which some values use an older encoding (ST 0903 before version 4). */
  readonly legacy: { readonly versionTag: number; readonly below: number } | undefined;
}

export interface TableOptions {
  readonly opaque?: boolean;
  readonly legacy?: { readonly versionTag: number; readonly below: number };
}

export interface EntrySpec {
  readonly tag: number;
  readonly key: string;
  readonly name: string;
  readonly units?: string;
  readonly codec: Codec;
  readonly multiple?: boolean;
  readonly deprecated?: boolean;
}

export function makeTable(name: string, specs: readonly EntrySpec[], opts: TableOptions = {}): SetTable {
  const byTag: (TagEntry | undefined)[] = new Array(256).fill(undefined);
  const byKey = new Map<string, TagEntry>();
  const entries: TagEntry[] = [];
  for (const s of specs) {
    const e: TagEntry = { tag: s.tag, key: s.key, name: s.name, units: s.units ?? '', codec: s.codec, multiple: s.multiple ?? false, deprecated: s.deprecated ?? false };
    if (s.tag < 1 || s.tag > 255 || byTag[s.tag] !== undefined) throw new Error(`${name}: tag ${s.tag} is out of range or defined twice`);
    if (byKey.has(s.key)) throw new Error(`${name}: key ${s.key} is defined twice`);
    byTag[s.tag] = e;
    byKey.set(s.key, e);
    entries.push(e);
  }
  return { name, byTag, byKey, entries, opaque: opts.opaque ?? false, legacy: opts.legacy };
}
