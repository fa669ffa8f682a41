/**
 * MISB ST 0903 VMTI (Video Moving Target Indicator) Local Set, ST 0903.6:
 * the top-level tags, the VTarget Pack, the Algorithm and Ontology sets.
 * VMask, VObject, VFeature, VTracker and VChip sets are kept as items of
 * bytes (see docs/formats/klv.md#limits).
 */
import { checksum, imapb, pack, series, set, text, time, uint } from './codecs.js';
import type { FieldInputsOf, FieldsOf } from './fields.js';
import { makeTable, type EntrySpec } from './set-table.js';

const opaque = (name: string) => makeTable(`ST 0903 ${name}`, [], { opaque: true });
export const VMASK = opaque('VMask LS');
export const VOBJECT = opaque('VObject LS');
export const VFEATURE = opaque('VFeature LS');
export const VTRACKER = opaque('VTracker LS');
export const VCHIP = opaque('VChip LS');

export const ALGORITHM_SPECS = [
  { tag: 1, key: 'id', name: 'Algorithm ID', codec: uint(0, 4) },
  { tag: 2, key: 'name', name: 'Algorithm Name', codec: text(128) },
  { tag: 3, key: 'version', name: 'Algorithm Version', codec: text(128) },
  { tag: 4, key: 'class', name: 'Algorithm Class', codec: text(128) },
  { tag: 5, key: 'frames', name: 'Number of Frames', codec: uint(0, 4) },
] as const satisfies readonly EntrySpec[];
export const ALGORITHM = makeTable('ST 0903 Algorithm LS', ALGORITHM_SPECS);

export const ONTOLOGY_SPECS = [
  { tag: 1, key: 'id', name: 'Ontology ID', codec: uint(0, 4) },
  { tag: 2, key: 'parentId', name: 'Parent ID', codec: uint(0, 4) },
  { tag: 3, key: 'ontology', name: 'Ontology (URI)', codec: text(1024) },
  { tag: 4, key: 'ontologyClass', name: 'Ontology Class', codec: text(1024) },
] as const satisfies readonly EntrySpec[];
export const ONTOLOGY = makeTable('ST 0903 Ontology LS', ONTOLOGY_SPECS);

const OFFSET_DEG = 19.2;

export const VTARGET_SPECS = [
  { tag: 1, key: 'centroidPixel', name: 'Target Centroid Pixel Number', codec: uint(0, 6) },
  { tag: 2, key: 'bboxTopLeftPixel', name: 'Bounding Box Top Left Pixel Number', codec: uint(0, 6) },
  { tag: 3, key: 'bboxBottomRightPixel', name: 'Bounding Box Bottom Right Pixel Number', codec: uint(0, 6) },
  { tag: 4, key: 'priority', name: 'Target Priority', codec: uint(1, 1, 1, 255) },
  { tag: 5, key: 'confidencePct', name: 'Target Confidence Level', units: '%', codec: uint(1, 1, 0, 100) },
  { tag: 6, key: 'history', name: 'Target History', codec: uint(0, 2) },
  { tag: 7, key: 'targetPixelsPct', name: 'Percentage of Target Pixels', units: '%', codec: uint(1, 1, 0, 100) },
  { tag: 8, key: 'colorRgb', name: 'Target Color (RGB)', codec: uint(3, 3) },
  { tag: 9, key: 'intensity', name: 'Target Intensity', codec: uint(0, 3) },
  { tag: 10, key: 'locationOffsetLatDeg', name: 'Target Location Offset Latitude', units: 'deg', codec: imapb(-OFFSET_DEG, OFFSET_DEG, 3) },
  { tag: 11, key: 'locationOffsetLonDeg', name: 'Target Location Offset Longitude', units: 'deg', codec: imapb(-OFFSET_DEG, OFFSET_DEG, 3) },
  { tag: 12, key: 'heightHaeM', name: 'Target Height (HAE)', units: 'm', codec: imapb(-900, 19000, 2) },
  { tag: 13, key: 'bboxTopLeftLatOffsetDeg', name: 'Bounding Box Top Left Latitude Offset', units: 'deg', codec: imapb(-OFFSET_DEG, OFFSET_DEG, 3) },
  { tag: 14, key: 'bboxTopLeftLonOffsetDeg', name: 'Bounding Box Top Left Longitude Offset', units: 'deg', codec: imapb(-OFFSET_DEG, OFFSET_DEG, 3) },
  { tag: 15, key: 'bboxBottomRightLatOffsetDeg', name: 'Bounding Box Bottom Right Latitude Offset', units: 'deg', codec: imapb(-OFFSET_DEG, OFFSET_DEG, 3) },
  { tag: 16, key: 'bboxBottomRightLonOffsetDeg', name: 'Bounding Box Bottom Right Longitude Offset', units: 'deg', codec: imapb(-OFFSET_DEG, OFFSET_DEG, 3) },
  { tag: 17, key: 'location', name: 'Target Location', codec: pack('location') },
  { tag: 18, key: 'boundary', name: 'Target Boundary Series', codec: pack('locations') },
  { tag: 19, key: 'centroidRow', name: 'Centroid Pixel Row', codec: uint(0, 4) },
  { tag: 20, key: 'centroidColumn', name: 'Centroid Pixel Column', codec: uint(0, 4) },
  { tag: 21, key: 'fpaIndex', name: 'FPA Index', codec: pack('fpaIndex') },
  { tag: 22, key: 'algorithmId', name: 'Algorithm ID', codec: uint(0, 4) },
  { tag: 101, key: 'vmask', name: 'VMask LS', codec: set(() => VMASK) },
  { tag: 102, key: 'vobject', name: 'VObject LS', codec: set(() => VOBJECT) },
  { tag: 103, key: 'vfeature', name: 'VFeature LS', codec: set(() => VFEATURE) },
  { tag: 104, key: 'vtracker', name: 'VTracker LS', codec: set(() => VTRACKER) },
  { tag: 105, key: 'vchip', name: 'VChip LS', codec: set(() => VCHIP) },
  { tag: 106, key: 'vchipSeries', name: 'VChip Series', codec: series(() => VCHIP) },
  { tag: 107, key: 'vobjectSeries', name: 'VObject Series', codec: series(() => VOBJECT) },
] as const satisfies readonly EntrySpec[];
export const VTARGET = makeTable('ST 0903 VTarget Pack', VTARGET_SPECS);

export const ST0903_SPECS = [
  { tag: 1, key: 'checksum', name: 'Checksum', codec: checksum },
  { tag: 2, key: 'precisionTimeStampUs', name: 'Precision Time Stamp', units: 'µs', codec: time },
  { tag: 3, key: 'systemName', name: 'VMTI System Name/Description', codec: text(32) },
  { tag: 4, key: 'version', name: 'VMTI LS Version Number', codec: uint(0, 2) },
  { tag: 5, key: 'totalTargets', name: 'Total Number of Targets Detected in the Frame', codec: uint(0, 3) },
  { tag: 6, key: 'reportedTargets', name: 'Number of Reported Targets', codec: uint(0, 3) },
  { tag: 7, key: 'frameNumber', name: 'Motion Imagery Frame Number', codec: uint(0, 3) },
  { tag: 8, key: 'frameWidthPx', name: 'Frame Width', units: 'px', codec: uint(0, 3) },
  { tag: 9, key: 'frameHeightPx', name: 'Frame Height', units: 'px', codec: uint(0, 3) },
  { tag: 10, key: 'sourceSensor', name: 'VMTI Source Sensor', codec: text(128) },
  { tag: 11, key: 'hfovDeg', name: 'VMTI Sensor Horizontal Field of View', units: 'deg', codec: imapb(0, 180, 2) },
  { tag: 12, key: 'vfovDeg', name: 'VMTI Sensor Vertical Field of View', units: 'deg', codec: imapb(0, 180, 2) },
  { tag: 13, key: 'miisId', name: 'MIIS ID', codec: pack('miis') },
  { tag: 101, key: 'targets', name: 'VTarget Series', codec: series(() => VTARGET, true) },
  { tag: 102, key: 'algorithms', name: 'Algorithm Series', codec: series(() => ALGORITHM) },
  { tag: 103, key: 'ontologies', name: 'Ontology Series', codec: series(() => ONTOLOGY) },
] as const satisfies readonly EntrySpec[];

/** Versions before 4 (ST 0903.3) wrote locations and offsets as plain scaled integers. */
export const VMTI_IMAPB_SINCE_VERSION = 4;
export const VMTI_VERSION_TAG = 4;

export const ST0903 = makeTable('ST 0903 VMTI Local Set', ST0903_SPECS, { legacy: { versionTag: VMTI_VERSION_TAG, below: VMTI_IMAPB_SINCE_VERSION } });

export type VmtiFields = FieldsOf<typeof ST0903_SPECS>;
export type VmtiFieldInputs = FieldInputsOf<typeof ST0903_SPECS>;
export type VTargetFields = FieldsOf<typeof VTARGET_SPECS>;
export type VTargetFieldInputs = FieldInputsOf<typeof VTARGET_SPECS>;
