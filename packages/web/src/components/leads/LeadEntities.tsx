/**
 * The counter-network entities tied to a lead (a laboratory, its owner's
 * phone, a vehicle seen there: their `lead_id`), as the reader may see
 * them, each with a button that opens it on the link chart. Entities are
 * tied to a lead from the Network tab (the selected entity's panel).
 */
import { useEffect, type ReactNode } from 'react';
import type { ApiClient } from '../../api/client.js';
import type { LeadId } from '../../api/schema/ids.js';
import type { NetworkEntity } from '../../api/schema/network.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { TYPE_STYLE } from '../../network/chart-style.js';
import { useLatestRequest } from '../../workspace/use-latest-request.js';
import { errorText } from '../error-text.js';
import { TYPE_KEY } from '../network/network-text.js';

export function LeadEntities(p: { readonly client: ApiClient; readonly leadId: LeadId; readonly version: string; readonly onShowEntity: (id: string) => void }): ReactNode {
  const { t } = useI18n();
  const req = useLatestRequest<readonly NetworkEntity[]>();
  const { start } = req;
  // Read again when the lead changes (its updated_at), as the list may have.
  useEffect(() => start((signal) => p.client.networkEntitiesOfLead(p.leadId, signal)), [start, p.client, p.leadId, p.version]);
  const list = req.result ?? [];
  return (
    <section className="lead-entities" data-testid="lead-entities" data-count={req.result === null ? '' : list.length}>
      <h3>{t('leads.entities', { count: list.length })}</h3>
      {req.error !== null && (
        <p className="error" role="alert">
          {errorText(t, req.error)}
        </p>
      )}
      {req.result !== null && list.length === 0 && <p className="muted small">{t('leads.entitiesNone')}</p>}
      <ul className="plain-list">
        {list.map((e) => (
          <li key={e.id} data-testid="lead-entity" data-entity-id={e.id}>
            <span style={{ color: TYPE_STYLE[e.type].colour }} aria-hidden="true">
              {TYPE_STYLE[e.type].glyph}
            </span>{' '}
            <span className="mono small">{e.portion}</span> {e.label} <span className="muted small">({t(TYPE_KEY[e.type])})</span>{' '}
            <button type="button" className="small link" onClick={() => p.onShowEntity(e.id)} data-testid="lead-entity-show">
              {t('leads.entityShow')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
