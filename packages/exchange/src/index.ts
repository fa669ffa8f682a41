// The input model and the release checks every exporter shares. Markings,
// their text and their rules are @nariz/security's (Marking, SecurityPolicy,
// formatBanner, portionMarking, releasableTo, combine): import them from there.
export * from './release-package.js';
export { assertReleasable, markedPortions } from './release-guard.js';
export { markingKey, relToList } from './marking-fields.js';
export { uuidV5, NARIZ_EXCHANGE_NAMESPACE } from './uuid-v5.js';

// STIX 2.1
export type * from './stix/stix-types.js';
export { stixBundle } from './stix/stix-bundle.js';
export { stixId, constantStixId, packageNamespace, stixTimestamp } from './stix/stix-ids.js';
export { tlpMarkingDefinition, tlpMarkingId, TLP2_EXTENSION_ID } from './stix/tlp.js';
export { acsMarkingDefinition, acsMarkingId, acsControlSet, acsCustodian, acsOriginator, ACS_EXTENSION_ID, ACS_POLICY_REFERENCE } from './stix/acs-marking.js';
export {
  HAZARD_ZONE_EXTENSION_ID,
  HAZARD_ZONE_SCHEMA,
  NARIZ_IDENTITY_ID,
  hazardZoneExtension,
  hazardZoneExtensionDefinition,
  narizIdentity,
} from './stix/hazard-zone-extension.js';
export { granularMarkings, type MarkedField } from './stix/granular-markings.js';
export { machineTranslatedLabels, MACHINE_TRANSLATED_LABEL_PREFIX } from './stix/translation-labels.js';
export { createStixValidator, type StixValidator, type StixValidation, type StixValidationIssue } from './stix/stix-validator.js';
export { readStixSchemas } from './stix/stix-schema-files.js';

// Cursor-on-Target
export { cotEvents } from './cot/cot-events.js';
export { labEvent, labRemarks, LAB_COT_TYPE, LAB_COT_HOW, SIGMA_PER_R95 } from './cot/lab-event.js';
export { hazardZoneEvent, ringCentre, HAZARD_COT_TYPE, HAZARD_COT_HOW } from './cot/hazard-zone-event.js';
export { cotEventXml, cotDocument, cotTime, decimal, COT_UNKNOWN, type CotEvent, type CotEventFields, type CotPoint } from './cot/cot-event.js';
export { DEFAULT_STALE_AFTER_S, type CotOptions } from './cot/cot-options.js';
export { labUid, hazardZoneUid } from './cot/cot-uids.js';
export { narizDetail, NARIZ_DETAIL_VERSION, type NarizDetailFields } from './cot/nariz-detail.js';
export { argb, hazardColours } from './cot/argb-colour.js';
export { escapeXmlText, escapeXmlAttribute } from './cot/xml-text.js';
export { CotStreamSplitter } from './cot/cot-stream-splitter.js';
export { buildDataPackage, cotDataPackage, dataPackageManifest, dataPackageEntryName, DATA_PACKAGE_MANIFEST, type DataPackageMeta } from './cot/data-package.js';
export {
  TakSender,
  TAK_PORT_TCP,
  TAK_PORT_TLS,
  DEFAULT_TAK_BACKOFF,
  type TakSenderOptions,
  type TakTlsOptions,
  type TakSenderState,
  type TakSenderStats,
  type TakBackoff,
  type PemSource,
} from './cot/tak-sender.js';

// TAXII 2.1 (pure parts; the server mounts them)
export { TAXII_MEDIA_TYPE, STIX_MEDIA_TYPE, stixMediaType, parseMediaRanges, assertAcceptsTaxii, assertTaxiiContentType, type MediaRange } from './taxii/media-types.js';
export { parseObjectQuery, type ObjectQuery, type TaxiiEndpoint, type VersionSelector } from './taxii/object-query.js';
export { selectRecords, DEFAULT_MAX_PAGE_SIZE, type SelectionOptions, type TaxiiPage } from './taxii/object-selection.js';
export { versionOf, type TaxiiRecord, type TaxiiStixObject } from './taxii/taxii-record.js';
export { specVersionOf } from './taxii/spec-version.js';
export { taxiiTimeNs } from './taxii/taxii-time.js';
export {
  taxiiEnvelope,
  taxiiManifest,
  taxiiVersions,
  taxiiDateAddedHeaders,
  type TaxiiEnvelope,
  type TaxiiManifest,
  type TaxiiManifestRecord,
  type TaxiiVersions,
} from './taxii/taxii-responses.js';
export {
  taxiiDiscovery,
  taxiiApiRoot,
  taxiiCollection,
  taxiiCollections,
  taxiiStatus,
  type TaxiiDiscovery,
  type TaxiiApiRoot,
  type TaxiiCollection,
  type TaxiiStatus,
  type TaxiiStatusDetail,
} from './taxii/taxii-resources.js';
export { taxiiError, type TaxiiErrorMessage } from './taxii/taxii-error.js';
