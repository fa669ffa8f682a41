/**
 * The airspace authorities a deployment knows: the defaults built from the
 * embedded Natural Earth boundaries (flight package), and authorities an
 * admin stored (a whole authority document, or a default whose embedded
 * approximation was replaced by an official boundary file). A stored one
 * takes the place of the default with its id. Parsed authorities are
 * cached until the stored one changes.
 */
import { NarizError } from '@nariz/core';
import { DEFAULT_AUTHORITIES, parseAuthority, type Authority } from '@nariz/flight';
import type { Store } from '@nariz/store';

export interface KnownAuthority {
  readonly id: string;
  readonly origin: 'default' | 'stored';
  /** A stored authority that replaces a default of the same id. */
  readonly replacesDefault: boolean;
  load(): Authority;
}

export class AuthorityRegistry {
  private readonly cache = new Map<string, { at: string; authority: Authority }>();

  constructor(private readonly store: Store) {}

  async list(): Promise<KnownAuthority[]> {
    const stored = await this.store.flight.listAuthorities();
    const storedIds = new Set(stored.map((s) => s.id));
    const out: KnownAuthority[] = DEFAULT_AUTHORITIES.filter((d) => !storedIds.has(d.id)).map((d) => ({ id: d.id, origin: 'default', replacesDefault: false, load: () => d.load() }));
    for (const s of stored) {
      out.push({
        id: s.id,
        origin: 'stored',
        replacesDefault: DEFAULT_AUTHORITIES.some((d) => d.id === s.id),
        load: () => this.parsed(s.id, s.createdAt, s.definition),
      });
    }
    return out;
  }

  /** The authority with this id; NARIZ_NOT_FOUND naming the known ones. */
  async get(id: string): Promise<Authority> {
    const s = await this.store.flight.getAuthority(id);
    if (s !== undefined) return this.parsed(s.id, s.createdAt, s.definition);
    const d = DEFAULT_AUTHORITIES.find((x) => x.id === id);
    if (d !== undefined) return d.load();
    const known = (await this.list()).map((k) => k.id);
    throw new NarizError('NARIZ_NOT_FOUND', `no airspace authority "${id}" (known: ${known.join(', ')})`);
  }

  private parsed(id: string, at: string, definition: unknown): Authority {
    const hit = this.cache.get(id);
    if (hit !== undefined && hit.at === at) return hit.authority;
    const authority = parseAuthority(definition, { file: `stored authority ${id}` });
    this.cache.set(id, { at, authority });
    return authority;
  }
}
