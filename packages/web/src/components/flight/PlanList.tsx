/** The stored flight plans: open one on the map, delete (analysts), import a mission file (analysts). */
import { useId, type ReactNode } from 'react';
import type { ApiClient } from '../../api/client.js';
import type { AuthoritySummary } from '../../api/schema/authority.js';
import type { PlanDetail, PlanSummary } from '../../api/schema/plan-record.js';
import { formatIsoLocal } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import type { PlansState } from '../../workspace/use-plans.js';
import { errorText } from '../error-text.js';
import { PlanImport } from './PlanImport.js';

export interface PlanListProps {
  readonly client: ApiClient;
  readonly plans: PlansState;
  readonly authorities: readonly AuthoritySummary[];
  readonly authorityId: string | null;
  readonly canChange: boolean;
  readonly onOpened: (p: PlanDetail) => void;
  readonly onDelete: (p: PlanSummary) => void;
}

export function PlanList(p: PlanListProps): ReactNode {
  const { t, intl } = useI18n();
  const id = useId();
  const { list, error, open, opening } = p.plans;
  const authorityName = (aid: string | null): string => (aid === null ? t('plans.noAuthority') : (p.authorities.find((a) => a.id === aid)?.name ?? aid));
  return (
    <section className="panel plans" aria-labelledby={`${id}-title`} data-testid="plan-list">
      <h2 id={`${id}-title`}>{t('plans.title')}</h2>
      {p.canChange && <PlanImport client={p.client} authorityId={p.authorityId} onImported={p.onOpened} />}
      {error !== null && (
        <p className="error" role="alert">
          {errorText(t, error)}{' '}
          <button type="button" className="small" onClick={p.plans.reload}>
            {t('common.retry')}
          </button>
        </p>
      )}
      {list === null && error === null && <p className="muted">{t('common.loading')}</p>}
      {list !== null && list.length === 0 && <p className="muted">{t('plans.empty')}</p>}
      <ul className="plan-items">
        {(list ?? []).map((s) => {
          const selected = open?.id === s.id;
          return (
            <li key={s.id} className={selected ? 'selected' : undefined} data-testid="plan-item" data-plan-id={s.id}>
              <button type="button" className="plan-select" aria-pressed={selected} onClick={() => p.plans.openPlan(s.id)}>
                <span className="plan-name">{s.name}</span>
                <span className="plan-meta">{t('plans.meta', { who: s.createdBy, when: formatIsoLocal(intl, s.createdAt) })}</span>
                <span className="plan-meta">{t('plans.authority', { name: authorityName(s.authorityId) })}</span>
                {opening === s.id && <span className="plan-meta">{t('common.loading')}</span>}
              </button>
              {p.canChange && (
                <button type="button" className="danger small" aria-label={t('plans.deleteLabel', { name: s.name })} onClick={() => p.onDelete(s)} data-testid="plan-delete">
                  {t('plans.delete')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {p.plans.openError !== null && (
        <p className="error" role="alert">
          {errorText(t, p.plans.openError)}
        </p>
      )}
    </section>
  );
}
