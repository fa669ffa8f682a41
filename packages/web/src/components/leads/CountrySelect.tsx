/** A country picked from the ISO 3166-1 table, named in the reader's language, its alpha-3 code beside the name. */
import { useMemo, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-context.js';
import { countryOptions } from '../../leads/countries.js';

export interface CountrySelectProps {
  /** '' while none is chosen. */
  readonly value: string;
  readonly onChange: (code: string) => void;
  readonly label: string;
  /** Shown first, for no choice yet. */
  readonly placeholder: string;
  readonly exclude?: readonly string[];
  readonly disabled?: boolean;
  readonly id?: string;
  readonly testId: string;
}

export function CountrySelect(p: CountrySelectProps): ReactNode {
  const { intl } = useI18n();
  const options = useMemo(() => countryOptions(intl), [intl]);
  const exclude = p.exclude ?? [];
  return (
    <select id={p.id} aria-label={p.label} value={p.value} disabled={p.disabled} onChange={(e) => p.onChange(e.target.value)} data-testid={p.testId}>
      <option value="">{p.placeholder}</option>
      {options
        .filter((o) => !exclude.includes(o.code))
        .map((o) => (
          <option key={o.code} value={o.code}>
            {o.name} ({o.code})
          </option>
        ))}
    </select>
  );
}
