import { useId, type ReactNode } from 'react';
import { LANGUAGE_NAMES } from '../i18n/catalogues.js';
import { isLocale, LOCALES } from '../i18n/catalogue/keys.js';
import { useI18n } from '../i18n/i18n-context.js';

export function LanguageSwitch(): ReactNode {
  const { t, locale, setLocale } = useI18n();
  const id = useId();
  return (
    <span className="language-switch">
      <label htmlFor={id} className="visually-hidden">
        {t('header.language')}
      </label>
      <select
        id={id}
        value={locale}
        onChange={(e) => {
          const v = e.target.value;
          if (isLocale(v)) setLocale(v);
        }}
        data-testid="language-switch"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </span>
  );
}
