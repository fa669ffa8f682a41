/** CoT XML against the MITRE base event schema (or another XSD), with Debian's xmllint (@nariz/core/testing). */
import { xmllintValidate as validate, type XmllintResult } from '@nariz/core/testing';
import { COT_XSD } from './shared-data.js';

export type { XmllintResult };

/** One result per document, in order. */
export function xmllintValidate(documents: readonly string[], xsd: string = COT_XSD): XmllintResult[] {
  return validate(documents, xsd);
}
