/**
 * How an item's value is written: the codec of every tag in the tables
 * (st0601-tags.ts, st0102-tags.ts, st0903-tags.ts). Pure data; decoding
 * and encoding are in local-set.ts (scalars, nested sets) and packs.ts.
 */
import { imapbByLength, type Imapb } from './imapb.js';
import type {
  AirbaseLocations, ControlCommand, CountryCodes, FpaIndex, ImageHorizon, MetadataSubstreamId, MiisCoreId, PayloadList, SensorFrameRate,
  TargetLocation, ViewDomain, Wavelength, WaypointRecord, WeaponStore,
} from './pack-types.js';
import type { KlvSet, KlvSeriesEntry } from './items.js';
import type { SetTable } from './set-table.js';

/** Unsigned integer of `length` bytes mapped linearly onto [min, max]: x = min + raw·(max − min)/(2^(8·length) − 1). */
export interface UmapCodec { readonly kind: 'umap'; readonly length: number; readonly min: number; readonly max: number }
/**
 * Signed integer of `length` bytes mapped onto ±range: x = raw·range/(2^(8·length−1) − 1).
 * The lowest integer (0x80…) is the standard's "out of range" / "N/A" indicator: null.
 */
export interface SmapCodec { readonly kind: 'smap'; readonly length: number; readonly range: number }
/** Plain unsigned integer: `length` bytes as sent (0: shortest), at most `maxLength`; [min, max] and labels when the standard gives them. */
export interface UintCodec {
  readonly kind: 'uint'; readonly length: number; readonly maxLength: number;
  readonly min: number; readonly max: number; readonly labels: readonly (string | undefined)[] | undefined;
}
/** Plain two's complement integer, `length` bytes (0: shortest), at most `maxLength`. */
export interface IntCodec { readonly kind: 'int'; readonly length: number; readonly maxLength: number }
/** Microseconds since 1970-01-01T00:00:00Z (MISP time, ST 0603), uint64. */
export interface TimeCodec { readonly kind: 'time' }
/** Text: UTF-8, or UTF-16 (ST 0102 Object Country Codes). */
export interface StringCodec { readonly kind: 'string'; readonly maxLength: number; readonly utf16: boolean; readonly fixedLength: number }
export interface ImapbCodec { readonly kind: 'imapb'; readonly min: number; readonly max: number; readonly length: number; readonly maxLength: number; readonly maps: readonly Imapb[] }
/** The 16-bit checksum item itself (the packet decoder verifies it). */
export interface ChecksumCodec { readonly kind: 'checksum' }
/** Bytes not interpreted (a copy); `length` > 0 when the standard fixes it. */
export interface BytesCodec { readonly kind: 'bytes'; readonly length: number }
/** A nested local set (tag, BER length, value items). */
export interface SetCodec { readonly kind: 'set'; readonly table: () => SetTable }
/** A series of BER-length-prefixed local sets; with `id`, each starts with a BER-OID identifier (ST 0903 VTarget Packs). */
export interface SeriesCodec { readonly kind: 'series'; readonly table: () => SetTable; readonly id: boolean }
export interface PackCodec<P extends PackName = PackName> { readonly kind: 'pack'; readonly pack: P }

export type Codec = UmapCodec | SmapCodec | UintCodec | IntCodec | TimeCodec | StringCodec | ImapbCodec | ChecksumCodec | BytesCodec | SetCodec | SeriesCodec | PackCodec;

/** The value each pack decodes to. */
export interface PackValues {
  horizon: ImageHorizon;
  miis: MiisCoreId;
  controlCommand: ControlCommand;
  /** A series of BER-OID identifiers (ST 0601 Items 116, 121). */
  idList: number[];
  countryCodes: CountryCodes;
  frameRate: SensorFrameRate;
  wavelengths: Wavelength[];
  airbases: AirbaseLocations;
  payloads: PayloadList;
  /** Bit i set: payload i active (ST 0601 Item 139). */
  activePayloads: number[];
  weapons: WeaponStore[];
  waypoints: WaypointRecord[];
  viewDomain: ViewDomain;
  msid: MetadataSubstreamId;
  /** ST 0903 Location (latitude, longitude, HAE, optional sigmas and correlations). */
  location: TargetLocation;
  /** ST 0903 series of Locations (Target Boundary). */
  locations: TargetLocation[];
  fpaIndex: FpaIndex;
}
export type PackName = keyof PackValues;

/** The decoded value of each codec kind. */
export type CodecValue<C> =
  C extends UmapCodec ? number
    : C extends SmapCodec ? number | null
      : C extends UintCodec | IntCodec | TimeCodec | ChecksumCodec ? number
        : C extends StringCodec ? string
          : C extends ImapbCodec ? number
            : C extends BytesCodec ? Uint8Array
              : C extends SetCodec ? KlvSet
                : C extends SeriesCodec ? KlvSeriesEntry[]
                  : C extends PackCodec<infer P> ? PackValues[P]
                    : never;

export const umap = (length: number, min: number, max: number): UmapCodec => ({ kind: 'umap', length, min, max });
export const smap = (length: number, range: number): SmapCodec => ({ kind: 'smap', length, range });
export const uint = (length: number, maxLength = length, min = 0, max = 2 ** (8 * maxLength) - 1, labels?: readonly (string | undefined)[]): UintCodec =>
  ({ kind: 'uint', length, maxLength, min, max, labels });
export const enumeration = (labels: readonly (string | undefined)[], min = 0): UintCodec => uint(1, 1, min, labels.length - 1, labels);
export const int = (length: number, maxLength = length): IntCodec => ({ kind: 'int', length, maxLength });
export const time: TimeCodec = { kind: 'time' };
export const text = (maxLength = 127, fixedLength = 0): StringCodec => ({ kind: 'string', maxLength, utf16: false, fixedLength });
export const utf16 = (maxLength: number): StringCodec => ({ kind: 'string', maxLength, utf16: true, fixedLength: 0 });
export const imapb = (min: number, max: number, length: number, maxLength = length): ImapbCodec =>
  ({ kind: 'imapb', min, max, length, maxLength, maps: imapbByLength(min, max, Math.max(maxLength, 8)) });
export const checksum: ChecksumCodec = { kind: 'checksum' };
export const bytes = (length = 0): BytesCodec => ({ kind: 'bytes', length });
export const set = (table: () => SetTable): SetCodec => ({ kind: 'set', table });
export const series = (table: () => SetTable, id = false): SeriesCodec => ({ kind: 'series', table, id });
export const pack = <P extends PackName>(p: P): PackCodec<P> => ({ kind: 'pack', pack: p });
