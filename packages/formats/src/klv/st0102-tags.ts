/**
 * MISB ST 0102 Security Metadata Local Set (ST 0102.12): the tags, as the
 * standard lists them. Nested in ST 0601 as Item 48, or standalone with
 * its own key.
 */
import { bytes, enumeration, text, uint, utf16 } from './codecs.js';
import type { FieldInputsOf, FieldsOf } from './fields.js';
import { makeTable, type EntrySpec } from './set-table.js';

export const CLASSIFICATION_LABELS: readonly (string | undefined)[] = [undefined, 'UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET'];

/** Tag 2 (and ST 0601 Item 122): the country coding methods. */
export const CLASSIFYING_COUNTRY_METHOD_LABELS: readonly (string | undefined)[] = [
  undefined, 'ISO-3166 Two Letter', 'ISO-3166 Three Letter', 'FIPS 10-4 Two Letter', 'FIPS 10-4 Four Letter', 'ISO-3166 Numeric',
  '1059 Two Letter', '1059 Three Letter', 'Omitted Value', 'Omitted Value', 'FIPS 10-4 Mixed', 'ISO 3166 Mixed', 'STANAG 1059 Mixed',
  'GENC Two Letter', 'GENC Three Letter', 'GENC Numeric', 'GENC Mixed',
];

/** Tag 12: the object country coding methods (numbered differently from tag 2). */
export const OBJECT_COUNTRY_METHOD_LABELS: readonly (string | undefined)[] = (() => {
  const l: (string | undefined)[] = new Array(65).fill(undefined);
  const names = ['ISO-3166 Two Letter', 'ISO-3166 Three Letter', 'ISO-3166 Numeric', 'FIPS 10-4 Two Letter', 'FIPS 10-4 Four Letter',
    '1059 Two Letter', '1059 Three Letter', 'Omitted Value', 'Omitted Value', 'FIPS 10-4 Mixed', 'ISO 3166 Mixed', 'STANAG 1059 Mixed',
    'GENC Two Letter', 'GENC Three Letter', 'GENC Numeric'];
  names.forEach((n, i) => { l[i + 1] = n; });
  l[64] = 'GENC AdminSub';
  return l;
})();

export const ST0102_SPECS = [
  { tag: 1, key: 'classification', name: 'Security Classification', codec: enumeration(CLASSIFICATION_LABELS, 1) },
  { tag: 2, key: 'classifyingCountryCodingMethod', name: 'Classifying Country and Releasing Instructions Country Coding Method', codec: enumeration(CLASSIFYING_COUNTRY_METHOD_LABELS, 1) },
  { tag: 3, key: 'classifyingCountry', name: 'Classifying Country', codec: text(6) },
  { tag: 4, key: 'sciShiInformation', name: 'Security-SCI/SHI Information', codec: text(40) },
  { tag: 5, key: 'caveats', name: 'Caveats', codec: text(32) },
  { tag: 6, key: 'releasingInstructions', name: 'Releasing Instructions', codec: text(40) },
  { tag: 7, key: 'classifiedBy', name: 'Classified By', codec: text(40) },
  { tag: 8, key: 'derivedFrom', name: 'Derived From', codec: text(40) },
  { tag: 9, key: 'classificationReason', name: 'Classification Reason', codec: text(48) },
  { tag: 10, key: 'declassificationDate', name: 'Declassification Date (YYYYMMDD)', codec: text(8, 8) },
  { tag: 11, key: 'markingSystem', name: 'Classification and Marking System', codec: text(40) },
  { tag: 12, key: 'objectCountryCodingMethod', name: 'Object Country Coding Method', codec: enumeration(OBJECT_COUNTRY_METHOD_LABELS, 1) },
  { tag: 13, key: 'objectCountryCodes', name: 'Object Country Codes', codec: utf16(80) },
  { tag: 14, key: 'classificationComments', name: 'Classification Comments', codec: text(480) },
  { tag: 15, key: 'umid', name: 'UMID', codec: bytes(32), deprecated: true },
  { tag: 16, key: 'streamId', name: 'Stream ID', codec: uint(1) },
  { tag: 17, key: 'transportStreamId', name: 'Transport Stream ID', codec: uint(2) },
  { tag: 21, key: 'itemDesignatorId', name: 'Item Designator ID', codec: bytes(16) },
  { tag: 22, key: 'version', name: 'Version', codec: uint(2) },
  { tag: 23, key: 'classifyingCountryCodingMethodDate', name: 'Classifying Country and Releasing Instructions Country Coding Method Version Date (YYYY-MM-DD)', codec: text(10) },
  { tag: 24, key: 'objectCountryCodingMethodDate', name: 'Object Country Coding Method Version Date (YYYY-MM-DD)', codec: text(10) },
] as const satisfies readonly EntrySpec[];

export const ST0102 = makeTable('ST 0102 Security Local Set', ST0102_SPECS);

export type SecurityFields = FieldsOf<typeof ST0102_SPECS>;
export type SecurityFieldInputs = FieldInputsOf<typeof ST0102_SPECS>;
