/** The reader's language: the message function and the Intl locale tag, through React context. */
import { createContext, useContext } from 'react';
import type { Locale, MessageKey } from './catalogue/keys.js';

export type Translate = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;

export interface I18n {
  readonly locale: Locale;
  /** BCP 47 tag for Intl formatters. */
  readonly intl: string;
  readonly t: Translate;
  readonly setLocale: (l: Locale) => void;
}

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (v === null) throw new Error('useI18n: wrap the app in <I18nProvider>');
  return v;
}
