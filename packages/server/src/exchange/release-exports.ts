/**
 * What the exchange exits compute from a stored release, once: its typed
 * package, the exchange `ReleasePackage` and the validated STIX bundle.
 * Releases are immutable and the mapping is pure, so the result is kept,
 * keyed by release id and SHA-256, in a bounded least-recently-used map: a
 * TAXII client polling a collection does not reload, rebuild and revalidate
 * every bundle on every request. A refusal (NARIZ_EXPORT_INCOMPLETE, an ACS
 * control the format cannot carry) is kept too, and thrown again.
 *
 * Access is never cached: each exit re-checks the requester and the
 * recipients against the stored portions on every request
 * (export-guard.ts, release-exit.ts).
 *
 * One per app (per Platform), made on first use.
 */
import type { ReleasePackage, StixBundle } from '@nariz/exchange';
import type { SecurityPolicy } from '@nariz/security';
import type { ReleaseRecord, ReleaseSummary } from '@nariz/store';
import type { Platform } from '../platform.js';
import { exchangePackage } from './release-to-package.js';
import { validatedBundle } from './stix-validation.js';
import { readStoredRelease, type StoredRelease } from './stored-release.js';

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

function attempt<T>(f: () => T): Outcome<T> {
  try {
    return { ok: true, value: f() };
  } catch (error) {
    return { ok: false, error };
  }
}

function unwrap<T>(o: Outcome<T>): T {
  if (!o.ok) throw o.error;
  return o.value;
}

/** One release's exports, computed on first use. */
export class ReleaseExport {
  readonly stored: StoredRelease;
  readonly #pkg: Outcome<ReleasePackage>;
  #stix: Outcome<StixBundle> | undefined;

  constructor(stored: StoredRelease, policy: SecurityPolicy) {
    this.stored = stored;
    this.#pkg = attempt(() => exchangePackage(stored, policy));
  }

  /** The exchange package; throws why there is none. */
  package(): ReleasePackage {
    return unwrap(this.#pkg);
  }

  /** The bundle, every object validated against the STIX 2.1 schemas. */
  stixBundle(): StixBundle {
    this.#stix ??= attempt(() => validatedBundle(this.package()));
    return unwrap(this.#stix);
  }
}

/** At most this many releases' exports are kept (a bundle is a few kB to tens of kB). */
const MAX_ENTRIES = 2000;

export class ReleaseExports {
  readonly #entries = new Map<string, ReleaseExport>();

  constructor(private readonly policy: SecurityPolicy, private readonly max = MAX_ENTRIES) {}

  #get(s: Pick<ReleaseSummary, 'id' | 'sha256'>): ReleaseExport | undefined {
    const key = `${s.id}\n${s.sha256}`;
    const e = this.#entries.get(key);
    if (e !== undefined) {
      // Most recently used last.
      this.#entries.delete(key);
      this.#entries.set(key, e);
    }
    return e;
  }

  #put(r: ReleaseRecord): ReleaseExport {
    const e = new ReleaseExport(readStoredRelease(r, this.policy), this.policy);
    this.#entries.set(`${r.id}\n${r.sha256}`, e);
    while (this.#entries.size > this.max) this.#entries.delete(this.#entries.keys().next().value!);
    return e;
  }

  /** The exports of a release read in full (NARIZ_STORE_CORRUPT when its package does not read). */
  of(r: ReleaseRecord): ReleaseExport {
    return this.#get(r) ?? this.#put(r);
  }

  /** The exports of a listed release, reading it with `load` only when they are not kept; undefined when `load` finds none. */
  async ofSummary(s: ReleaseSummary, load: () => Promise<ReleaseRecord | undefined>): Promise<ReleaseExport | undefined> {
    const kept = this.#get(s);
    if (kept !== undefined) return kept;
    const r = await load();
    return r === undefined ? undefined : this.of(r);
  }
}

const perPlatform = new WeakMap<Platform, ReleaseExports>();

export function releaseExports(p: Platform): ReleaseExports {
  let x = perPlatform.get(p);
  if (x === undefined) {
    x = new ReleaseExports(p.security);
    perPlatform.set(p, x);
  }
  return x;
}
