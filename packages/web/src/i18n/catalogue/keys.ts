/** The message keys: those of the English catalogue. A catalogue lacking one, or with an extra one, does not compile. */
import type { en } from './en.js';

export type MessageKey = keyof typeof en;
export type Catalogue = { readonly [K in MessageKey]: string };

export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

/** The BCP 47 tag for Intl: Spanish as used across Latin America (decimal point, not comma). */
export const INTL_TAG: Readonly<Record<Locale, string>> = { en: 'en', es: 'es-419' };

export function isLocale(s: string | null): s is Locale {
  return LOCALES.some((l) => l === s);
}
