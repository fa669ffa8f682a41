/**
 * The leads the user may see, most recently changed first: a status
 * filter and text search (the server filters, through the user's
 * markings), and for each its title, the server's portion mark, its state
 * and partner unit. The server's banner of the page stands above the list.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { LEAD_STATUSES, type Lead, type LeadStatus } from '../../api/schema/lead.js';
import { formatIsoLocal } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { STATUS_COLOURS } from '../../leads/lead-lifecycle.js';
import type { LeadsWorkspace } from '../../workspace/use-leads.js';
import { errorText } from '../error-text.js';
import { SimulatedBadge } from '../SimulatedBadge.js';
import { STATUS_KEY } from './lead-text.js';
import { Banner, Portion } from './MarkingText.js';

export function StatusBadge(p: { readonly status: LeadStatus }): ReactNode {
  const { t } = useI18n();
  return (
    <span className="status-badge" style={{ borderColor: STATUS_COLOURS[p.status], color: STATUS_COLOURS[p.status] }} data-testid="lead-status" data-status={p.status}>
      {t(STATUS_KEY[p.status])}
    </span>
  );
}

export interface LeadListProps {
  readonly leads: LeadsWorkspace;
  /** Whether a lead's source sortie is simulated (from the sortie list). */
  readonly simulated: (l: Lead) => boolean;
}

export function LeadList(p: LeadListProps): ReactNode {
  const { t, intl } = useI18n();
  const id = useId();
  const w = p.leads;
  const [q, setQ] = useState(w.filter.q);
  const search = (e: FormEvent): void => {
    e.preventDefault();
    w.setFilter({ ...w.filter, q: q.trim() });
  };
  const status = w.filter.statuses.length === 1 ? w.filter.statuses[0]! : '';
  const page = w.page;
  return (
    <section className="panel leads" aria-labelledby={`${id}-title`} data-testid="lead-list">
      <h2 id={`${id}-title`}>{t('leads.listTitle')}</h2>
      <form className="lead-filter" onSubmit={search} role="search">
        <select
          aria-label={t('leads.filterStatus')}
          value={status}
          onChange={(e) => {
            const s = LEAD_STATUSES.find((x) => x === e.target.value);
            w.setFilter({ ...w.filter, statuses: s === undefined ? [] : [s] });
          }}
          data-testid="lead-filter-status"
        >
          <option value="">{t('leads.filterAll')}</option>
          {LEAD_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(STATUS_KEY[s])}
            </option>
          ))}
        </select>
        <input type="search" aria-label={t('leads.search')} placeholder={t('leads.search')} value={q} onChange={(e) => setQ(e.target.value)} data-testid="lead-search" />
        <button type="submit" className="small" data-testid="lead-search-submit">
          {t('search.submit')}
        </button>
      </form>
      {w.listError !== null && (
        <p className="error" role="alert">
          {errorText(t, w.listError)}{' '}
          <button type="button" className="small" onClick={w.reloadList}>
            {t('common.retry')}
          </button>
        </p>
      )}
      {page === null && w.listError === null && <p className="muted">{t('common.loading')}</p>}
      {page !== null && (
        <>
          {page.banner !== null && <Banner text={page.banner} where="top" testId="lead-list-banner" />}
          <p className="muted small" data-testid="lead-count" data-total={page.total}>
            {t('leads.count', { shown: page.leads.length, total: page.total })}
          </p>
          {page.leads.length === 0 && <p className="muted">{t('leads.empty')}</p>}
          <ul className="lead-items">
            {page.leads.map((l) => {
              const selected = l.id === w.openId;
              return (
                <li key={l.id} className={selected ? 'selected' : undefined} data-testid="lead-item" data-lead-id={l.id} data-status={l.status}>
                  <button type="button" className="lead-select" aria-pressed={selected} onClick={() => w.open(l.id)} data-testid="lead-open">
                    <span className="lead-title">
                      <Portion text={l.portion} /> {l.title} {p.simulated(l) && <SimulatedBadge />}
                    </span>
                    <span className="lead-meta">
                      <StatusBadge status={l.status} />
                      {l.partnerUnit !== null && ` ${l.partnerUnit} (${l.partnerCountry ?? ''})`} · {formatIsoLocal(intl, l.updatedAt)}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
          {page.banner !== null && page.leads.length > 3 && <Banner text={page.banner} where="bottom" testId="lead-list-banner-bottom" />}
        </>
      )}
    </section>
  );
}
