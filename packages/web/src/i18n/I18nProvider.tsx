import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { CATALOGUES } from './catalogues.js';
import { INTL_TAG, type Locale, type MessageKey } from './catalogue/keys.js';
import { interpolate } from './catalogue/interpolate.js';
import { I18nContext, type I18n } from './i18n-context.js';
import { storedLocale, storeLocale } from './locale-storage.js';

/** The stored choice, else the browser's language. */
function initialLocale(): Locale {
  return storedLocale() ?? (navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en');
}

/** The chosen language, persisted in localStorage, applied to <html lang>. */
export function I18nProvider({ children }: { readonly children: ReactNode }): ReactNode {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((l: Locale) => {
    setLocaleState(l);
    storeLocale(l);
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
