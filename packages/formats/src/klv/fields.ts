/**
 * Field records: a set's items keyed by field name (`{ sensorLatDeg: 60.17 }`),
 * typed from the table's specs. The encoders accept them as well as items.
 */
import type { Codec, CodecValue, PackCodec, PackValues, SeriesCodec, SetCodec } from './codecs.js';
import type { KlvItem, KlvSeriesInput, KlvSetInput } from './items.js';
import type { SetTable } from './set-table.js';

interface Spec {
  readonly key: string;
  readonly codec: Codec;
  readonly multiple?: boolean;
}

/** Decoded values by field name; tags allowed several times give arrays. */
export type FieldsOf<S extends readonly Spec[]> = {
  -readonly [E in S[number] as E['key']]?: E['multiple'] extends true ? CodecValue<E['codec']>[] : CodecValue<E['codec']>;
};

/** What the encoders take for a codec: nested sets and series also as field records. */
export type CodecInput<C> =
  C extends SetCodec ? KlvSetInput | Uint8Array
    : C extends SeriesCodec ? KlvSeriesInput[] | Uint8Array
      : C extends PackCodec<infer P> ? PackValues[P] | Uint8Array
        : CodecValue<C>;

export type FieldInputsOf<S extends readonly Spec[]> = {
  -readonly [E in S[number] as E['key']]?: E['multiple'] extends true ? CodecInput<E['codec']>[] : CodecInput<E['codec']>;
};

/** The record of a set's items: the last value of a tag allowed once, every value of a tag allowed several times; unknown tags left out. */
export function fieldsOf(items: readonly KlvItem[], table: SetTable): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const it of items) {
    const e = it.tag < 256 ? table.byTag[it.tag] : undefined;
    if (e === undefined) continue;
    if (e.multiple) ((out[e.key] ??= []) as unknown[]).push(it.value);
    else out[e.key] = it.value;
  }
  return out;
}
