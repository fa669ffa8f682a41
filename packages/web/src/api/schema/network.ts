/**
 * The counter-network record as the API shows it (docs/api.md,
 * "Counter-network"): entities, the assertions that link them (each with
 * its source report, Admiralty grading, interval and marking) and merges of
 * duplicates. Assertions come as stored: their ends name entities that may
 * since have been merged away (`merged_into` says into which).
 */
import { readMarking, type Marking } from './marking.js';
import { arrayOf, bool, fields, int, nullable, num, oneOf, recordOf, str, type Reader } from './read.js';

export const ENTITY_TYPES = ['person', 'organisation', 'phone', 'vehicle', 'place', 'lab', 'event', 'other'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export type AttributeValue = string | number | boolean | null;

export interface NetworkEntity {
  readonly id: string;
  readonly type: EntityType;
  readonly label: string;
  readonly aliases: readonly string[];
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly leadId: string | null;
  /** The entity it was merged into; null while it stands for itself. */
  readonly mergedInto: string | null;
  readonly marking: Marking;
  readonly portion: string;
}

export interface NetworkAssertion {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  /** The relation: "meeting", "phone-call" … */
  readonly type: string;
  readonly directed: boolean;
  readonly sourceRef: string;
  readonly sourceTitle: string;
  /** ISO instants; both null when undated. */
  readonly validFrom: string | null;
  readonly validTo: string | null;
  /** Admiralty, e.g. "B2". */
  readonly grading: string;
  readonly count: number;
  readonly note: string;
  readonly marking: Marking;
  readonly portion: string;
}

export interface NetworkMerge {
  readonly id: string;
  readonly survivor: string;
  readonly merged: readonly string[];
  readonly reason: string;
  readonly mergedBy: string;
  readonly mergedAt: string;
  readonly active: boolean;
}

export interface NetworkPage<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly banner: string | null;
}

const attributeValue: Reader<AttributeValue> = (v, path) =>
  v === null || typeof v === 'boolean' ? v : typeof v === 'number' ? num(v, path) : str(v, path);

export const readNetworkEntity: Reader<NetworkEntity> = (v, path) => {
  const f = fields(v, path);
  return {
    id: f.str('id'),
    type: f.get('type', oneOf(ENTITY_TYPES)),
    label: f.str('label'),
    aliases: f.get('aliases', arrayOf(str)),
    attributes: f.get('attributes', recordOf(attributeValue)),
    lat: f.get('lat', nullable(num)),
    lon: f.get('lon', nullable(num)),
    leadId: f.get('lead_id', nullable(str)),
    mergedInto: f.get('merged_into', nullable(str)),
    marking: f.get('marking', readMarking),
    portion: f.str('portion'),
  };
};

export const readNetworkAssertion: Reader<NetworkAssertion> = (v, path) => {
  const f = fields(v, path);
  return {
    id: f.str('id'),
    from: f.str('from'),
    to: f.str('to'),
    type: f.str('type'),
    directed: f.bool('directed'),
    sourceRef: f.str('source_ref'),
    sourceTitle: f.str('source_title'),
    validFrom: f.get('valid_from', nullable(str)),
    validTo: f.get('valid_to', nullable(str)),
    grading: f.str('grading'),
    count: f.num('count'),
    note: f.str('note'),
    marking: f.get('marking', readMarking),
    portion: f.str('portion'),
  };
};

export const readNetworkMerge: Reader<NetworkMerge> = (v, path) => {
  const f = fields(v, path);
  return {
    id: f.str('id'),
    survivor: f.str('survivor'),
    merged: f.get('merged', arrayOf(str)),
    reason: f.str('reason'),
    mergedBy: f.str('merged_by'),
    mergedAt: f.str('merged_at'),
    active: f.get('active', bool),
  };
};

function readPage<T>(key: string, item: Reader<T>): (v: unknown) => NetworkPage<T> {
  return (v) => {
    const f = fields(v, key);
    return { items: f.get(key, arrayOf(item)), total: f.get('total', int), banner: f.get('banner', nullable(str)) };
  };
}

export const readEntityPage = readPage('entities', readNetworkEntity);
export const readAssertionPage = readPage('assertions', readNetworkAssertion);

export function readEntityBody(v: unknown): NetworkEntity {
  return readNetworkEntity(v, 'entity');
}

export function readAssertionBody(v: unknown): NetworkAssertion {
  return readNetworkAssertion(v, 'assertion');
}

export function readMergeBody(v: unknown): NetworkMerge {
  return readNetworkMerge(v, 'merge');
}

export function readMergeList(v: unknown): NetworkMerge[] {
  return fields(v, 'merges').get('merges', arrayOf(readNetworkMerge));
}
