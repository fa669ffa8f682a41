/** Paths of the shared reference data (../shared/data beside the repository), from the compiled tests. */
import { fileURLToPath } from 'node:url';

const SHARED = new URL('../../../../../shared/data/', import.meta.url);

export const STIX_SCHEMA_DIR = fileURLToPath(new URL('stix/schemas/', SHARED));
export const STIX_EXAMPLES_DIR = fileURLToPath(new URL('stix/examples/', SHARED));
export const COT_XSD = fileURLToPath(new URL('cot/mitre/CoT-Base-Event-Schema.xsd', SHARED));
export const COT_EXAMPLES_DIR = fileURLToPath(new URL('cot/examples/', SHARED));

/** A fixture file of this package's test folder (source tree, so REGEN=1 rewrites the committed copy). */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../test/fixtures/${name}`, import.meta.url));
}
