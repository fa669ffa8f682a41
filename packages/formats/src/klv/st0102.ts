/**
 * MISB ST 0102 security metadata: the local set nested in ST 0601 Item 48,
 * or a standalone packet with its own key. `securityView` gives the
 * markings by name, with the enumerations spelled out.
 */
import { fieldsOf } from './fields.js';
import type { KlvItem, KlvSet } from './items.js';
import { klvError } from './klv-error.js';
import { decodeItems, newContext } from './local-set.js';
import { frameKlv } from './packet.js';
import {
  CLASSIFICATION_LABELS, CLASSIFYING_COUNTRY_METHOD_LABELS, OBJECT_COUNTRY_METHOD_LABELS, ST0102, type SecurityFields,
} from './st0102-tags.js';
import { keyHex } from './universal-key.js';

export interface SecurityView extends SecurityFields {
  /** 'UNCLASSIFIED' … 'TOP SECRET', when the classification is one of the five. */
  readonly classificationName?: string;
  readonly classifyingCountryCodingMethodName?: string;
  readonly objectCountryCodingMethodName?: string;
}

export interface SecurityPacket {
  readonly key: string;
  readonly offset: number;
  readonly packetLength: number;
  readonly items: readonly KlvItem[];
}

/** The security markings of a decoded set (ST 0601 Item 48's value, or a standalone packet). */
export function securityView(set: KlvSet | readonly KlvItem[]): SecurityView {
  const f = fieldsOf('items' in set ? set.items : set, ST0102) as SecurityFields;
  const label = (labels: readonly (string | undefined)[], v: number | null | undefined): string | undefined => (typeof v === 'number' ? labels[v] : undefined);
  const classificationName = label(CLASSIFICATION_LABELS, f.classification);
  const classifyingCountryCodingMethodName = label(CLASSIFYING_COUNTRY_METHOD_LABELS, f.classifyingCountryCodingMethod);
  const objectCountryCodingMethodName = label(OBJECT_COUNTRY_METHOD_LABELS, f.objectCountryCodingMethod);
  return {
    ...f,
    ...(classificationName !== undefined ? { classificationName } : {}),
    ...(classifyingCountryCodingMethodName !== undefined ? { classifyingCountryCodingMethodName } : {}),
    ...(objectCountryCodingMethodName !== undefined ? { objectCountryCodingMethodName } : {}),
  };
}

/** Decodes a standalone ST 0102 Local Set packet at `offset`. */
export function decodeSt0102(bytes: Uint8Array, opts: { offset?: number; end?: number; base?: number } = {}): SecurityPacket {
  const at = opts.offset ?? 0;
  const base = opts.base ?? 0;
  const f = frameKlv(bytes, at, opts.end ?? bytes.length, base);
  if (f.kind !== 'st0102') throw klvError(`not an ST 0102 Local Set packet: key ${keyHex(bytes, at)}`, at + base);
  const items = decodeItems(bytes, f.valueStart, f.end, ST0102, newContext(base));
  return { key: keyHex(bytes, at), offset: at + base, packetLength: f.end - at, items };
}
