/**
 * The fixed sentence every machine translation is shown with, in both
 * languages at once: the reader of either language sees it whatever the
 * direction. Reviewed text, not generated; never translated by an engine.
 */
export const MACHINE_TRANSLATION_CAVEAT = {
  en: 'Machine translation, not reviewed by a translator: check it against the original before relying on it.',
  es: 'Traducción automática, no revisada por un traductor: cotéjela con el original antes de basarse en ella.',
} as const;

/** The caveat as one line, English first. */
export const MACHINE_TRANSLATION_CAVEAT_LINE = `${MACHINE_TRANSLATION_CAVEAT.en} | ${MACHINE_TRANSLATION_CAVEAT.es}`;
