/** Options shared by the CoT builders. */
export interface CotOptions {
  /** Seconds from the package's creation to the events' `stale` time (default 7 days). */
  readonly staleAfterS?: number;
}

export const DEFAULT_STALE_AFTER_S = 7 * 24 * 3600;

/** Notes in remarks that are machine translations are tagged, in the remarks' language. */
export const MACHINE_TRANSLATION_TAG: Readonly<Record<'en' | 'es', string>> = {
  en: '[machine translation]',
  es: '[traducción automática]',
};
