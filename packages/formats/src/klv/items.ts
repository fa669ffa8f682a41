/**
 * Decoded items: what every local set (ST 0601, the ST 0102 and ST 0903
 * sets inside it, VTarget Packs …) decodes to. Faithful to the wire: in
 * order, repeats kept, unknown tags kept as bytes, each with where it was
 * and what was wrong with it. The encoders take the same shape back.
 */
import type { KlvFlag } from './flags.js';
import type { PackValues } from './codecs.js';

/** A nested local set. */
export interface KlvSet {
  readonly items: readonly KlvItem[];
}

/** One element of a series of local sets; `id` for ST 0903 VTarget Packs (the target id). */
export interface KlvSeriesEntry {
  readonly id?: number;
  readonly items: readonly KlvItem[];
}

export type KlvValue = number | string | null | Uint8Array | KlvSet | KlvSeriesEntry[] | PackValues[keyof PackValues];

export interface KlvItem {
  readonly tag: number;
  /** The field name (with its unit: `sensorLatDeg`), or `tag<N>` for a tag the set does not define. */
  readonly key: string;
  /** The standard's name for the item. */
  readonly name: string;
  /** Unit of a numeric value ('deg', 'm', 'm/s', 'µs' …), '' when none. */
  readonly units: string;
  readonly value: KlvValue;
  /** Byte offset of the item's tag in the input (or stream). */
  readonly offset: number;
  /** Byte offset of the value. */
  readonly valueOffset: number;
  /** Bytes of the value. */
  readonly length: number;
  readonly flags: readonly KlvFlag[];
}

/**
 * What the encoders take: a tag and its value, in the shape decoding gives.
 * `length` (a decoded item has it) is the width to write variable-length
 * numbers in (IMAPB, plain integers, a scaled integer of another width), so
 * that decoded items re-encode to the same bytes; without it, the
 * standard's default width.
 */
export interface KlvItemInput {
  readonly tag: number;
  readonly value: KlvValue | KlvSetInput | KlvSeriesInput[];
  readonly length?: number;
}

/** A nested set to encode: items, or a record of field names (`{ classification: 1, classifyingCountry: '//USA' }`). */
export type KlvSetInput = { readonly items: readonly KlvItemInput[] } | Readonly<Record<string, unknown>>;
export type KlvSeriesInput = { readonly id?: number; readonly items: readonly KlvItemInput[] } | Readonly<Record<string, unknown>>;
