/**
 * A marking chosen with pickers — classification, controls, REL TO
 * countries — never typed: the portion mark and the banner are the
 * server's, computed from what is chosen here, and shown once it answers.
 * The originator is the organisation the information comes from (the
 * user's own unless another is named). Levels above the user's clearance
 * and access controls they are not read into are shown but not offered
 * (session/label-scope.ts); the own country is never offered for REL TO (the
 * server adds it).
 */
import { useId, useState, type ReactNode } from 'react';
import { CLASSIFICATION_NAMES, CLASSIFICATIONS, CONTROLS, isClassification } from '../../api/schema/marking.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { countryName } from '../../leads/countries.js';
import { useLabelScope } from '../../session/label-scope.js';
import { addRelTo, classificationWithin, controlAllowed, controlWithin, removeRelTo, toggleControl, withClassification, withOriginator, type MarkingDraft } from '../../leads/marking-draft.js';
import { CountrySelect } from './CountrySelect.js';
import { CLASSIFICATION_KEY, CONTROL_KEY } from './lead-text.js';

export interface MarkingPickerProps {
  readonly draft: MarkingDraft;
  readonly onChange: (d: MarkingDraft) => void;
  readonly legend: string;
  readonly testId: string;
}

export function MarkingPicker(p: MarkingPickerProps): ReactNode {
  const { t, intl } = useI18n();
  const id = useId();
  const d = p.draft;
  const [country, setCountry] = useState('');
  const noforn = d.controls.includes('NOFORN');
  const scope = useLabelScope();
  return (
    <fieldset className="group marking-picker" data-testid={p.testId}>
      <legend>{p.legend}</legend>
      <div className="field">
        <label htmlFor={`${id}-class`}>{t('marking.classification')}</label>
        <select
          id={`${id}-class`}
          value={d.classification}
          onChange={(e) => {
            const c = e.target.value;
            if (isClassification(c)) p.onChange(withClassification(d, c));
          }}
          data-testid={`${p.testId}-classification`}
        >
          {CLASSIFICATIONS.map((c) => (
            <option key={c} value={c} disabled={!classificationWithin(c, scope) && d.classification !== c}>
              {c} — {CLASSIFICATION_NAMES[c]} ({t(CLASSIFICATION_KEY[c])}){classificationWithin(c, scope) ? '' : ` — ${t('marking.aboveClearance')}`}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <span className="label">{t('marking.controls')}</span>
        <div className="control-checks">
          {CONTROLS.map((c) => (
            <label key={c} className="checkbox" title={t(CONTROL_KEY[c])}>
              <input
                type="checkbox"
                checked={d.controls.includes(c)}
                disabled={!d.controls.includes(c) && !(controlAllowed(d, c) && controlWithin(c, scope))}
                onChange={() => p.onChange(toggleControl(d, c))}
                data-testid={`${p.testId}-control-${c}`}
              />
              <span className="mono">{c}</span> <span className="muted small">{t(CONTROL_KEY[c])}</span>
              {!controlWithin(c, scope) && <span className="muted small"> — {t('marking.notReadIn')}</span>}
            </label>
          ))}
        </div>
      </div>
      <div className="field">
        <span className="label">{t('marking.relTo')}</span>
        {noforn ? (
          <p className="muted small">{t('marking.relToNoforn')}</p>
        ) : (
          <>
            <div className="row">
              <CountrySelect
                value={country}
                onChange={setCountry}
                label={t('marking.relToPick')}
                placeholder={t('marking.relToPick')}
                exclude={[...d.relTo, scope.ownCountry]}
                testId={`${p.testId}-relto-select`}
              />
              <button
                type="button"
                className="small"
                disabled={country === ''}
                onClick={() => {
                  p.onChange(addRelTo(d, country));
                  setCountry('');
                }}
                data-testid={`${p.testId}-relto-add`}
              >
                {t('marking.relToAdd')}
              </button>
            </div>
            {d.relTo.length === 0 ? (
              <p className="muted small">{t('marking.relToNone')}</p>
            ) : (
              <ul className="chips">
                {d.relTo.map((c) => (
                  <li key={c} className="chip" data-testid={`${p.testId}-relto-chip`} data-code={c}>
                    <span title={countryName(c, intl)}>{c}</span>
                    <button type="button" className="chip-remove" aria-label={t('marking.relToRemove', { country: countryName(c, intl) })} onClick={() => p.onChange(removeRelTo(d, c))}>
                      ×
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <p className="muted small" data-testid={`${p.testId}-own-country`}>{t('marking.relToOwn', { country: `${countryName(scope.ownCountry, intl)} (${scope.ownCountry})` })}</p>
          </>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-orig`}>{t('marking.originator')}</label>
        <input id={`${id}-orig`} type="text" value={d.originator} onChange={(e) => p.onChange(withOriginator(d, e.target.value))} data-testid={`${p.testId}-originator`} />
      </div>
      <p className="muted small">{t('marking.serverComputes')}</p>
    </fieldset>
  );
}
