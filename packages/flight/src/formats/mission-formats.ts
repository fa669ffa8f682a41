/**
 * The mission-file formats by name, for an export or import endpoint: the
 * file extension and media type to send, the writer and the reader, and
 * recognising a file's format from its name and first bytes.
 */
import { NarizError } from '@nariz/core';
import type { FlightPlan } from '../plan/plan.js';
import { readKml, writeKml } from './kml.js';
import { readQgcPlan, writeQgcPlan } from './qgc-plan.js';
import { readQgcWpl, writeQgcWpl } from './qgc-wpl.js';
import type { MissionRead, MissionReadOptions } from './read-options.js';

export const MISSION_FORMAT_IDS = ['qgc-plan', 'qgc-wpl', 'kml'] as const;
export type MissionFormatId = (typeof MISSION_FORMAT_IDS)[number];

export interface MissionFormat {
  readonly id: MissionFormatId;
  readonly label: string;
  readonly extension: string;
  readonly mediaType: string;
  write(plan: FlightPlan): string;
  read(text: string, options?: MissionReadOptions): MissionRead;
}

export const MISSION_FORMATS: Readonly<Record<MissionFormatId, MissionFormat>> = {
  'qgc-plan': { id: 'qgc-plan', label: 'QGroundControl plan', extension: '.plan', mediaType: 'application/json', write: (p) => writeQgcPlan(p), read: readQgcPlan },
  'qgc-wpl': { id: 'qgc-wpl', label: 'Mission Planner waypoints (QGC WPL 110)', extension: '.waypoints', mediaType: 'text/plain', write: writeQgcWpl, read: readQgcWpl },
  kml: { id: 'kml', label: 'KML', extension: '.kml', mediaType: 'application/vnd.google-earth.kml+xml', write: writeKml, read: readKml },
};

/** The format of a mission file, from its content (and its name when the content is ambiguous). */
export function detectMissionFormat(text: string, fileName?: string): MissionFormatId {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('QGC WPL')) return 'qgc-wpl';
  if (head.startsWith('{')) return 'qgc-plan';
  if (head.startsWith('<')) return 'kml';
  const ext = fileName?.toLowerCase().match(/\.[a-z0-9]+$/)?.[0];
  const byExt = MISSION_FORMAT_IDS.find((id) => MISSION_FORMATS[id].extension === ext || (id === 'qgc-wpl' && ext === '.txt'));
  if (byExt !== undefined) return byExt;
  throw new NarizError('NARIZ_PLAN_FORMAT', 'not a mission file Nariz reads (QGroundControl .plan, QGC WPL 110 text, KML)', fileName === undefined ? { line: 1 } : { file: fileName, line: 1 });
}

/** Read a mission file of any supported format. */
export function readMissionFile(text: string, options: MissionReadOptions = {}): MissionRead & { format: MissionFormatId } {
  const format = detectMissionFormat(text, options.file);
  return { ...MISSION_FORMATS[format].read(text, options), format };
}
