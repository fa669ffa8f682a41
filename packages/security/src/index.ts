// Markings: labels, their text, aggregation, access decisions and redaction (docs/security/markings.md).
export { CLASSIFICATIONS, CLASSIFICATION_NAMES, classificationRank, isClassification, maxClassification, type Classification } from './markings/classification.js';
export { CONTROLS, NOFORN, controlDefinition, controlOrder, type ControlCategory, type ControlDefinition, type ControlRule } from './markings/controls.js';
export { ISO_3166_ALPHA3, isCountryCode } from './markings/countries.js';
export { securityPolicy, type SecurityPolicy } from './markings/policy.js';
export { MULTIPLE_ORIGINATORS, makeMarking, parseMarking, type Marking, type MarkingParts } from './markings/marking.js';
export { foreignReleasability, releasableTo } from './markings/releasability.js';
export { combine } from './markings/combine.js';
export { dominates } from './markings/dominates.js';
export { bannerMarking, formatBanner, portionMarking, relToText } from './markings/format.js';
export { parseBannerMarking, parsePortionMarking } from './markings/parse-text.js';
export { parseSubject, type Subject } from './markings/subject.js';
export { assertAccess, canAccess, type AccessDecision } from './markings/access.js';
export { accessPredicate, markingColumns, type AccessPredicate, type MarkingColumns } from './markings/predicate.js';
export { redact, type LabelledPortion, type Redaction } from './markings/redact.js';

// Merkle tree (RFC 9162; subtrees from Merkle Tree Certificates).
export { EMPTY_ROOT, HASH_BYTES, hashesEqual, leafHash, nodeHash } from './merkle/hash.js';
export { isValidSubtree } from './merkle/tree-index.js';
export { inclusionProofLength, rootFromInclusionProof, verifyInclusion, verifySubtreeInclusion } from './merkle/verify-inclusion.js';
export { verifyConsistency, verifySubtreeConsistency } from './merkle/verify-consistency.js';
export { MerkleLog } from './merkle/merkle-log.js';

// Signed checkpoints and the audit export (docs/security/audit.md).
export { decodeBase64, encodeBase64 } from './checkpoint/base64.js';
export {
  generateSigningKey, keyId, loadPublicKey, loadSigningKey, parseVerifierKey, publicKeyPem, rawPublicKey, verifierKey, type CheckpointSigner,
} from './checkpoint/keys.js';
export { openNote, parseNote, signNote, type NoteSignature, type ParsedNote } from './checkpoint/signed-note.js';
export { formatCheckpoint, parseCheckpointText, signCheckpoint, verifyCheckpoint, type Checkpoint, type VerifiedCheckpoint } from './checkpoint/checkpoint.js';
export {
  AuditMismatchError, firstDifference, toMerkleLog, verifyCheckpointConsistency, verifyEntryInclusion, verifyLog,
  type AuditLogInput, type LogCheck, type LogVerification,
} from './checkpoint/verify-log.js';
export {
  AUDIT_BUNDLE_FORMAT, createAuditBundle, parseAuditBundle, verifyAuditBundle,
  type AuditBundle, type AuditBundleInput, type AuditBundleOptions, type AuditBundleVerification, type ParsedAuditBundle,
} from './checkpoint/bundle.js';
