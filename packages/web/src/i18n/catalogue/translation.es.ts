/** Mensajes en español de la pestaña de traducción; se incorporan a es.ts. */
import type { translationEn } from './translation.en.js';

export const translationEs: { readonly [K in keyof typeof translationEn]: string } = {
  'tabs.translate': 'Traducción',
};
