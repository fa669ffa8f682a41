/**
 * Where a link comes from: every assertion behind the edge between two
 * entities under the current choices — its source report, date, Admiralty
 * grading, relation, count and portion mark — as the server traces it
 * (GET /api/network/edges/:from/:to). The assertion clicked is marked.
 */
import { useEffect, type ReactNode } from 'react';
import type { EdgeProvenance as Provenance } from '../../api/schema/network-query.js';
import { useI18n } from '../../i18n/i18n-context.js';
import type { NetworkWorkspace } from '../../workspace/use-network.js';
import { useLatestRequest } from '../../workspace/use-latest-request.js';
import { errorText } from '../error-text.js';
import { dayOf } from './network-text.js';

export function EdgeProvenance(p: { readonly network: NetworkWorkspace; readonly from: string; readonly to: string; readonly assertionId: string }): ReactNode {
  const { t } = useI18n();
  const n = p.network;
  const req = useLatestRequest<Provenance>();
  const { start } = req;
  const { client, filters, data } = n;
  useEffect(() => start((signal) => client.networkEdge(p.from, p.to, filters, signal)), [start, client, filters, p.from, p.to, data]);
  const r = req.result;
  return (
    <section className="network-card" data-testid="network-provenance" data-from={p.from} data-to={p.to} aria-live="polite">
      <h3>
        {t('network.provenance')}: {t('network.provenance.between', { from: n.labelOf(p.from), to: n.labelOf(p.to) })}
      </h3>
      {r?.banner != null && <p className="network-banner">{r.banner}</p>}
      {req.error !== null && (
        <p className="error" role="alert">
          {errorText(t, req.error)}
        </p>
      )}
      {r !== null && r.assertions.length === 0 && <p className="small muted">{t('network.provenance.none')}</p>}
      {r !== null && r.assertions.length > 0 && (
        <table className="network-table">
          <thead>
            <tr>
              <th>{t('network.provenance.source')}</th>
              <th>{t('network.provenance.date')}</th>
              <th>{t('network.provenance.grading')}</th>
              <th>{t('network.provenance.relation')}</th>
              <th>{t('network.provenance.count')}</th>
            </tr>
          </thead>
          <tbody>
            {r.assertions.map((a) => (
              <tr key={a.id} className={a.id === p.assertionId ? 'selected' : ''} data-testid="network-provenance-row" data-assertion-id={a.id} data-grading={a.grading} data-source={a.sourceRef}>
                <td>
                  <span className="small muted">{a.portion}</span> {a.sourceRef}
                  {a.sourceTitle !== '' && <span className="small muted"> — {a.sourceTitle}</span>}
                </td>
                <td>{dayOf(a.validFrom) ?? t('network.provenance.undated')}{a.validTo !== null && dayOf(a.validTo) !== dayOf(a.validFrom) ? ` – ${dayOf(a.validTo)}` : ''}</td>
                <td>{a.grading}</td>
                <td>{a.type}</td>
                <td>{a.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
