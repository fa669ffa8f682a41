/** The language a piece of free text is written in (or a release's first language): English or Spanish. */
import { useId, type ReactNode } from 'react';
import { TEXT_LANGUAGES, type TextLanguage } from '../../api/schema/lead.js';
import { LANGUAGE_NAMES } from '../../i18n/catalogues.js';

export function LanguageSelect(p: { readonly value: TextLanguage; readonly onChange: (l: TextLanguage) => void; readonly label: string; readonly testId: string }): ReactNode {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{p.label}</label>
      <select
        id={id}
        value={p.value}
        onChange={(e) => {
          const l = TEXT_LANGUAGES.find((x) => x === e.target.value);
          if (l !== undefined) p.onChange(l);
        }}
        data-testid={p.testId}
      >
        {TEXT_LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
