/**
 * The engine picker and what the server has for the chosen direction(s):
 * the server's choice (the first available engine of each direction:
 * Bergamot when its models load, else Apertium) or an engine by name, an
 * engine that cannot translate the direction offered disabled with the
 * server's reason; then every engine × direction in the server's order of
 * preference, marked as the one used, available, or unavailable with the
 * reason (a missing Apertium mode, no Bergamot models).
 */
import { useId, type ReactNode } from 'react';
import type { TranslationEngines } from '../../api/schema/translation-engines.js';
import type { Direction } from '../../api/schema/translation.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { isEngineId, type EngineId } from '../../translation/translate-request.js';
import type { EngineChoice } from '../../workspace/use-translation.js';
import { DIRECTION_KEY } from './translation-text.js';

export interface EngineListProps {
  readonly engines: TranslationEngines;
  readonly directions: readonly Direction[];
  readonly choice: EngineChoice;
  readonly onChoose: (c: EngineChoice) => void;
}

/** Whether the engine has every direction, and the server's reasons for those it has not. */
function availability(engines: TranslationEngines, id: EngineId, directions: readonly Direction[]): { available: boolean; reasons: string[] } {
  const rows = directions.map((d) => engines.engines.find((e) => e.id === id && e.direction === d));
  const reasons = rows.flatMap((r, i) => (r === undefined ? [`${directions[i] ?? ''}: —`] : r.available ? [] : [r.detail]));
  return { available: reasons.length === 0, reasons: reasons.filter((r, i) => reasons.indexOf(r) === i) };
}

export function EngineList(p: EngineListProps): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const ids = p.engines.engines.map((e) => e.id).filter((x, i, all) => all.indexOf(x) === i).filter(isEngineId);
  const defaults = p.directions.map((d) => p.engines.defaults[d] ?? '—').filter((x, i, all) => all.indexOf(x) === i).join(', ');
  return (
    <div className="tr-engines" data-testid="tr-engines">
      <fieldset className="group" data-testid="tr-engine-picker">
        <legend>{t('translate.engines')}</legend>
        <label className="checkbox">
          <input type="radio" name={`${id}-engine`} value="default" checked={p.choice === 'default'} onChange={() => p.onChoose('default')} data-testid="tr-engine-pick-default" />
          {t('translate.engineDefault', { engines: defaults })}
        </label>
        {ids.map((e) => {
          const a = availability(p.engines, e, p.directions);
          return (
            <div key={e}>
              <label className="checkbox" title={a.available ? undefined : a.reasons.join('; ')}>
                <input
                  type="radio"
                  name={`${id}-engine`}
                  value={e}
                  checked={p.choice === e}
                  disabled={!a.available}
                  onChange={() => p.onChoose(e)}
                  data-testid={`tr-engine-pick-${e}`}
                />
                {a.available ? e : t('translate.engineUnavailableOption', { engine: e })}
              </label>
              {!a.available && (
                <div className="muted small tr-engine-detail" data-testid={`tr-engine-reason-${e}`}>
                  {a.reasons.join('; ')}
                </div>
              )}
            </div>
          );
        })}
        {p.choice !== 'default' && !availability(p.engines, p.choice, p.directions).available && (
          <p className="warning small" role="alert" data-testid="tr-engine-choice-unavailable">
            {t('translate.engineChoiceUnavailable', { engine: p.choice })}
          </p>
        )}
      </fieldset>
      {p.directions.map((d) => {
        const rows = p.engines.engines.filter((e) => e.direction === d);
        const used = p.choice === 'default' ? p.engines.defaults[d] : p.choice;
        return (
          <div key={d}>
            {p.directions.length > 1 && <div className="muted small">{t(DIRECTION_KEY[d])}</div>}
            {p.engines.defaults[d] === null && (
              <p className="warning small" data-testid="tr-no-engine">
                {t('translate.noEngine', { direction: t(DIRECTION_KEY[d]) })}
              </p>
            )}
            <ul className="tr-engine-items">
              {rows.map((e) => {
                const isUsed = e.available && e.id === used;
                return (
                  <li key={`${e.id}-${e.direction}`} className={`tr-engine${isUsed ? ' used' : ''}${e.available ? '' : ' unavailable'}`} data-testid="tr-engine" data-engine={e.id} data-direction={e.direction} data-used={isUsed}>
                    <span className="tr-engine-name">{e.id}</span>{' '}
                    <span className="kind-badge">{isUsed ? t('translate.engineUsed') : e.available ? t('translate.engineAvailable') : t('translate.engineUnavailable')}</span>
                    <div className="muted small tr-engine-detail">{e.detail}</div>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
      <p className="muted small">{t('translate.enginesNote')}</p>
    </div>
  );
}
