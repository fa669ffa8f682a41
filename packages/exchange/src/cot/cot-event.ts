/**
 * One Cursor-on-Target event (MITRE CoT base event schema 2.0) as XML text.
 * The writer emits exactly the `event` element (no XML declaration): that is
 * what the TAK streaming protocol carries; `cotDocument` adds the declaration
 * for a standalone `.cot` file.
 */
import { NarizError } from '@nariz/core';
import { xmlElement } from './xml-text.js';

/** CoT's value for an unknown height or linear error (MITRE: 9999999.0). */
export const COT_UNKNOWN = 9999999;

export interface CotPoint {
  readonly lat: number;
  readonly lon: number;
  /** Height above the WGS84 ellipsoid, m; COT_UNKNOWN if not known. */
  readonly hae: number;
  /** Circular error, m (1 sigma when it is an error, MITRE base schema). */
  readonly ce: number;
  readonly le: number;
}

export interface CotEventFields {
  readonly uid: string;
  readonly type: string;
  readonly how: string;
  readonly time: string;
  readonly start: string;
  readonly stale: string;
  readonly point: CotPoint;
  /** Already-serialised children of `<detail>`. */
  readonly detail: readonly string[];
}

/** An event ready to send or store. */
export interface CotEvent {
  readonly uid: string;
  readonly type: string;
  readonly callsign: string;
  /** The `<event>` element, UTF-8 text without an XML declaration. */
  readonly xml: string;
}

/**
 * xs:decimal text for a number: fixed notation (never `1e-7`, which
 * xs:decimal rejects), at most `digits` decimals, trailing zeros trimmed
 * but one decimal kept (`9999999.0`, as TAK writes).
 */
export function decimal(x: number, digits: number): string {
  if (!Number.isFinite(x)) throw new NarizError('NARIZ_USAGE', `CoT: not a finite number: ${x}`);
  let s = x.toFixed(digits);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '.0');
  return s === '-0.0' ? '0.0' : s;
}

/** An ISO 8601 UTC instant with milliseconds, as CoT's xs:dateTime. */
export function cotTime(isoOrMs: string | number): string {
  const t = typeof isoOrMs === 'number' ? isoOrMs : Date.parse(isoOrMs);
  if (!Number.isFinite(t)) throw new NarizError('NARIZ_USAGE', `CoT: not a timestamp: ${isoOrMs}`);
  return new Date(t).toISOString();
}

export function cotEventXml(f: CotEventFields): string {
  const point = xmlElement('point', {
    lat: decimal(f.point.lat, 7),
    lon: decimal(f.point.lon, 7),
    hae: decimal(f.point.hae, 1),
    ce: decimal(f.point.ce, 1),
    le: decimal(f.point.le, 1),
  });
  return xmlElement(
    'event',
    { version: '2.0', uid: f.uid, type: f.type, how: f.how, time: f.time, start: f.start, stale: f.stale },
    [point, xmlElement('detail', {}, f.detail)],
  );
}

/** A standalone `.cot` document: the XML declaration and the event. */
export function cotDocument(event: CotEvent): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${event.xml}\n`;
}
