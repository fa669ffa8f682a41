import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { CATALOGUES } from './catalogues.js';
import { INTL_TAG, isLocale, type Locale, type MessageKey } from './catalogue/keys.js';
import { interpolate } from './catalogue/interpolate.js';
import { I18nContext, type I18n } from './i18n-context.js';

const STORAGE_KEY = 'nariz.locale';

function initialLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be off (privacy settings): fall back to the browser's language.
  }
  return navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** The chosen language, persisted in localStorage, applied to <html lang>. */
export function I18nProvider({ children }: { readonly children: ReactNode }): ReactNode {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((l: Locale) => {
    setLocaleState(l);
    try {
      window.localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // Not persisted; the choice still holds for this page.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = INTL_TAG[locale];
  }, [locale]);
  const value = useMemo<I18n>(() => {
    const cat = CATALOGUES[locale];
    const t = (key: MessageKey, values?: Readonly<Record<string, string | number>>): string => interpolate(cat[key], values);
    return { locale, intl: INTL_TAG[locale], t, setLocale };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
