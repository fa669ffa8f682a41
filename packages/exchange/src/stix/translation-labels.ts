/**
 * Machine translation is provenance STIX has no property for. Nariz states
 * it with one label per machine-translated field, `machine-translated:` +
 * the field's granular-marking selector (`machine-translated:name`,
 * `machine-translated:contents.es.description`), so a reader can tell which
 * text no person has reviewed.
 */
export const MACHINE_TRANSLATED_LABEL_PREFIX = 'machine-translated:';

export function machineTranslatedLabels(fields: ReadonlyArray<{ readonly selector: string; readonly machineTranslated: boolean }>): string[] {
  return fields.filter((f) => f.machineTranslated).map((f) => MACHINE_TRANSLATED_LABEL_PREFIX + f.selector);
}
