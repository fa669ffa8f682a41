/**
 * The engines the server has for the chosen direction(s), in its order of
 * preference: the one it uses, the others available, and those it cannot
 * open with the reason (a missing Apertium mode, no Bergamot models). The
 * API takes no engine choice — each direction uses the first available —
 * so this is shown, not chosen.
 */
import type { ReactNode } from 'react';
import type { TranslationEngines } from '../../api/schema/translation-engines.js';
import type { Direction } from '../../api/schema/translation.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { DIRECTION_KEY } from './translation-text.js';

export function EngineList(p: { readonly engines: TranslationEngines; readonly directions: readonly Direction[] }): ReactNode {
  const { t } = useI18n();
  return (
    <div className="tr-engines" data-testid="tr-engines">
      <h3>{t('translate.engines')}</h3>
      {p.directions.map((d) => {
        const rows = p.engines.engines.filter((e) => e.direction === d);
        const used = p.engines.defaults[d];
        return (
          <div key={d}>
            {p.directions.length > 1 && <div className="muted small">{t(DIRECTION_KEY[d])}</div>}
            {used === null && (
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
