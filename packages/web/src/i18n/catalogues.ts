/** Every catalogue by locale. */
import { en } from './catalogue/en.js';
import { es } from './catalogue/es.js';
import type { Catalogue, Locale } from './catalogue/keys.js';

export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { en, es };

/** Each language named in itself, for the switch. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', es: 'Español' };
