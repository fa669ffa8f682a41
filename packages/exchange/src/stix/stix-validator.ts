/**
 * Validation of single STIX 2.1 objects against the OASIS JSON schemas
 * (oasis-open/cti-stix2-json-schemas, draft 2020-12), each object against
 * its own type's schema. The bundle schema is not used for the objects: its
 * `oneOf` over all types rejects valid `location`, `note`, `opinion`,
 * `grouping` and `incident` objects (several branches match).
 *
 * ajv's 2020 class with `unicodeRegExp: false` (the schemas' patterns are
 * not valid under the `u` flag) and `strict: false` (they use `definitions`
 * and annotation keywords ajv's strict mode rejects); every schema is added
 * under its `$id` so the relative `$ref`s resolve.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { NarizError } from '@nariz/core';

export interface StixValidationIssue {
  /** JSON Pointer of the offending value (`/latitude`), or of the missing property (`/sighting_of_ref`). */
  readonly path: string;
  readonly keyword: string;
  readonly message: string;
}

export type StixValidation = { readonly valid: true } | { readonly valid: false; readonly issues: readonly StixValidationIssue[] };

export interface StixValidator {
  /** Object types with a schema, sorted. */
  readonly types: readonly string[];
  validateStixObject(obj: unknown): StixValidation;
}

/** Folders of the schema repository whose files are object types, and the `common/` files that are. */
const TYPE_FOLDERS = new Set(['sdos', 'sros', 'observables']);
const COMMON_TYPES = new Set(['marking-definition', 'language-content', 'extension-definition', 'bundle']);

// ajv-formats is CommonJS: under NodeNext the default import is `module.exports`, whose `default` is the plugin.
const addFormats = addFormatsModule.default;

function typeOfSchemaId(id: string): string | undefined {
  const m = /\/schemas\/([a-z]+)\/([a-z0-9-]+)\.json$/.exec(id);
  if (m === null) return undefined;
  const [, folder, name] = m;
  if (TYPE_FOLDERS.has(folder!) || (folder === 'common' && COMMON_TYPES.has(name!))) return name;
  return undefined;
}

function issueOf(e: ErrorObject): StixValidationIssue {
  const missing = e.keyword === 'required' ? (e.params as { missingProperty?: string }).missingProperty : undefined;
  return {
    path: missing === undefined ? e.instancePath : `${e.instancePath}/${missing}`,
    keyword: e.keyword,
    message: e.message ?? e.keyword,
  };
}

/** Compiles the schemas once; throws NARIZ_USAGE if one lacks `$id` or does not compile. */
export function createStixValidator(schemas: readonly unknown[]): StixValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  // ajv-formats has no internationalised host names (domain-name.value uses one); accept any string there.
  ajv.addFormat('idn-hostname', true);
  const byType = new Map<string, string>();
  for (const s of schemas) {
    const id = s !== null && typeof s === 'object' ? (s as { $id?: unknown }).$id : undefined;
    if (typeof id !== 'string') throw new NarizError('NARIZ_USAGE', 'a STIX schema has no $id');
    ajv.addSchema(s as object, id);
    const type = typeOfSchemaId(id);
    if (type !== undefined) byType.set(type, id);
  }
  const compiled = new Map<string, ValidateFunction>();
  const validatorFor = (type: string): ValidateFunction | undefined => {
    const id = byType.get(type);
    if (id === undefined) return undefined;
    let v = compiled.get(type);
    if (v === undefined) {
      const got = ajv.getSchema(id);
      if (got === undefined) throw new NarizError('NARIZ_USAGE', `STIX schema ${id} did not compile`);
      v = got;
      compiled.set(type, v);
    }
    return v;
  };
  return {
    types: [...byType.keys()].sort(),
    validateStixObject(obj: unknown): StixValidation {
      const type = obj !== null && typeof obj === 'object' ? (obj as { type?: unknown }).type : undefined;
      if (typeof type !== 'string') return { valid: false, issues: [{ path: '/type', keyword: 'type', message: 'an object with a string type is required' }] };
      const v = validatorFor(type);
      if (v === undefined) return { valid: false, issues: [{ path: '/type', keyword: 'enum', message: `no STIX 2.1 schema for type ${type}` }] };
      if (v(obj)) return { valid: true };
      const seen = new Set<string>();
      const issues: StixValidationIssue[] = [];
      for (const e of v.errors ?? []) {
        const issue = issueOf(e);
        const k = `${issue.path}\u0000${issue.keyword}\u0000${issue.message}`;
        if (!seen.has(k)) {
          seen.add(k);
          issues.push(issue);
        }
      }
      return { valid: false, issues };
    },
  };
}
