/**
 * Every STIX object the server exports is validated against the OASIS STIX
 * 2.1 JSON schemas before it leaves. The schemas are the subset vendored in
 * @nariz/exchange (packages/exchange/schemas: the emitted types and what
 * they reference, BSD-3-Clause, see its README), found beside the package
 * itself so the server needs no data outside the repository. They are read
 * and compiled once per process, on the first export.
 *
 * An object that fails is a bug in the exporter, never the user's doing:
 * the export is refused with NARIZ_INTERNAL naming the object and the
 * schema's complaints, and nothing leaves.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { NarizError } from '@nariz/core';
import { createStixValidator, readStixSchemas, stixBundle, type ReleasePackage, type StixBundle, type StixValidator } from '@nariz/exchange';

/** packages/exchange/schemas, from the resolved package entry (dist/src/index.js). */
export const STIX_SCHEMA_DIR = join(dirname(createRequire(import.meta.url).resolve('@nariz/exchange')), '..', '..', 'schemas');

let validator: StixValidator | undefined;

export function stixValidator(): StixValidator {
  validator ??= createStixValidator(readStixSchemas(STIX_SCHEMA_DIR));
  return validator;
}

/** The package's bundle, every object validated; NARIZ_INTERNAL when one does not validate. */
export function validatedBundle(pkg: ReleasePackage): StixBundle {
  const bundle = stixBundle(pkg);
  const v = stixValidator();
  for (const o of bundle.objects) {
    const result = v.validateStixObject(o);
    if (!result.valid) {
      const issues = result.issues.map((i) => `${i.path} ${i.message}`).join('; ');
      throw new NarizError('NARIZ_INTERNAL', `STIX export of package "${pkg.id}": ${o.type} ${o.id} does not validate against the STIX 2.1 schema (${issues}); nothing was exported`);
    }
  }
  return bundle;
}
