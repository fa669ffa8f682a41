/**
 * The security marking of a whole release or of one portion of it.
 *
 * Structurally identical to `Marking` of @nariz/security, which is not
 * exported yet. When it is, the `Marking` declaration below becomes
 * `export type { Marking } from '@nariz/security';` and nothing else in the
 * package changes (`Classification` is the same union either way).
 */
export type Classification = 'U' | 'C' | 'S' | 'TS';

export type Marking = {
  readonly classification: Classification;
  /** Dissemination controls, e.g. `NOFORN`. */
  readonly controls: readonly string[];
  /** Releasable to: ISO 3166-1 alpha-3 country codes, e.g. `['USA', 'MEX']`. */
  readonly relTo: readonly string[];
  /** The originating organisation, as an ACS organisation token (`MEX.FGR`). */
  readonly originator: string;
};
