/**
 * The airspace authority used for planning, checks and exports: a selector,
 * and prominently which boundaries are in force (the embedded Natural Earth
 * approximation or an official file), the altitude ceiling, time windows
 * and areas. Administrators load an official boundary file or go back to the
 * embedded approximation.
 */
import { useId, type ReactNode } from 'react';
import type { ApiClient } from '../../api/client.js';
import type { AuthoritySummary } from '../../api/schema/authority.js';
import { formatInteger } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import type { AuthoritiesState } from '../../workspace/use-authorities.js';
import { errorText } from '../error-text.js';
import { BoundarySourceNote } from './BoundarySourceNote.js';
import { BoundaryUpload } from './BoundaryUpload.js';

const DAY_KEYS = ['day.1', 'day.2', 'day.3', 'day.4', 'day.5', 'day.6', 'day.7'] as const;

export interface AuthorityPanelProps {
  readonly client: ApiClient;
  readonly authorities: AuthoritiesState;
  readonly admin: boolean;
  readonly onZoom: (a: AuthoritySummary) => void;
  readonly onAlert: (message: string) => void;
}

export function AuthorityPanel(p: AuthorityPanelProps): ReactNode {
  const { t, intl } = useI18n();
  const id = useId();
  const { list, selected, error } = p.authorities;

  const revert = (a: AuthoritySummary): void => {
    if (!window.confirm(a.replacesDefault ? t('authority.confirmRevert', { name: a.name }) : t('authority.confirmDelete', { name: a.name }))) return;
    p.client.deleteStoredAuthority(a.id).then(
      () => p.authorities.reload(),
      (err: unknown) => p.onAlert(errorText(t, err)),
    );
  };

  return (
    <section className="panel authority" aria-labelledby={`${id}-title`} data-testid="authority-panel">
      <h2 id={`${id}-title`}>{t('authority.title')}</h2>
      {error !== null && (
        <p className="error" role="alert">
          {errorText(t, error)}{' '}
          <button type="button" className="small" onClick={p.authorities.reload}>
            {t('common.retry')}
          </button>
        </p>
      )}
      {list === null && error === null && <p className="muted">{t('common.loading')}</p>}
      {list !== null && (
        <div className="field">
          <label htmlFor={`${id}-select`}>{t('authority.select')}</label>
          <select id={`${id}-select`} value={selected?.id ?? ''} onChange={(e) => p.authorities.select(e.target.value)} data-testid="authority-select">
            {list.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {selected !== null && (
        <>
          <BoundarySourceNote source={selected.boundarySource} full />
          <p className="small" lang="en">
            {selected.description}
          </p>
          <dl className="fields">
            <dt>{t('authority.ceiling')}</dt>
            <dd data-testid="authority-ceiling">
              {selected.altitude.minM === null
                ? t('authority.ceilingValue', { max: formatInteger(intl, selected.altitude.maxM) })
                : t('authority.bandValue', { min: formatInteger(intl, selected.altitude.minM), max: formatInteger(intl, selected.altitude.maxM) })}
            </dd>
            <dt>{t('authority.times')}</dt>
            <dd>
              {selected.timeWindows.length === 0
                ? t('authority.anyTime')
                : selected.timeWindows
                    .map((w) => {
                      const days = w.days.map((d) => {
                        const k = DAY_KEYS[d - 1];
                        return k === undefined ? String(d) : t(k);
                      });
                      return `${days.join(', ')} ${w.startUtc}–${w.endUtc} UTC`;
                    })
                    .join('; ')}
            </dd>
            <dt>{t('authority.areas')}</dt>
            <dd>{t('authority.areaCounts', { permitted: selected.permittedAreas.length, forbidden: selected.forbiddenAreas.length })}</dd>
            <dt>{t('authority.origin')}</dt>
            <dd>{selected.origin === 'default' ? t('authority.originDefault') : selected.replacesDefault ? t('authority.originReplaces') : t('authority.originStored')}</dd>
          </dl>
          {selected.forbiddenAreas.length > 0 && (
            <details className="small">
              <summary>{t('authority.forbiddenList', { count: formatInteger(intl, selected.forbiddenAreas.length) })}</summary>
              <ul className="plain-list" lang="en">
                {selected.forbiddenAreas.map((n, i) => (
                  <li key={`${i}-${n}`}>{n}</li>
                ))}
              </ul>
            </details>
          )}
          <div className="row wrap">
            <button type="button" className="small" onClick={() => p.onZoom(selected)} disabled={selected.bbox === null}>
              {t('authority.zoom')}
            </button>
            {p.admin && selected.origin === 'stored' && (
              <button type="button" className="small danger" onClick={() => revert(selected)} data-testid="authority-revert">
                {selected.replacesDefault ? t('authority.revert') : t('authority.delete')}
              </button>
            )}
          </div>
          {p.authorities.detailError !== null && (
            <p className="error" role="alert">
              {errorText(t, p.authorities.detailError)}
            </p>
          )}
          {p.admin && <BoundaryUpload client={p.client} authority={selected} onLoaded={p.authorities.reload} />}
        </>
      )}
    </section>
  );
}
