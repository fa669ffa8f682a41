/**
 * Where a link comes from: every assertion behind the edge between two
 * entities under the current choices — its source report, date, Admiralty
 * grading, relation, count and portion mark — as the server traces it
 * (GET /api/network/edges/:from/:to). The assertion clicked is marked.
 * Analysts edit an assertion here (the form of a new one, sending only
 * what changed) or delete it after a confirmation; the tab's data is read
 * again, and the panel moves to another assertion of the same link, or
 * closes when none is left.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { EdgeProvenance as Provenance } from '../../api/schema/network-query.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { selectionAfterAssertionDeleted } from '../../network/selection-after-delete.js';
import type { NetworkWorkspace } from '../../workspace/use-network.js';
import { useLatestRequest } from '../../workspace/use-latest-request.js';
import { errorText } from '../error-text.js';
import { AssertionForm } from './AssertionForm.js';
import { dayOf } from './network-text.js';

export function EdgeProvenance(p: { readonly network: NetworkWorkspace; readonly from: string; readonly to: string; readonly assertionId: string; readonly canWrite: boolean }): ReactNode {
  const { t } = useI18n();
  const n = p.network;
  const req = useLatestRequest<Provenance>();
  const { start } = req;
  const { client, filters, data } = n;
  useEffect(() => start((signal) => client.networkEdge(p.from, p.to, filters, signal)), [start, client, filters, p.from, p.to, data]);
  const r = req.result;
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const edited = editing === null ? undefined : r?.assertions.find((a) => a.id === editing);
  const doomed = confirming === null ? undefined : r?.assertions.find((a) => a.id === confirming);

  const remove = (assertionId: string): void => {
    const remaining = (r?.assertions ?? []).map((a) => a.id);
    setBusy(true);
    setError(null);
    client.deleteNetworkAssertion(assertionId).then(
      () => {
        setBusy(false);
        setConfirming(null);
        n.select(selectionAfterAssertionDeleted(n.selection, assertionId, remaining));
        n.reload();
      },
      (err: unknown) => {
        setBusy(false);
        setError(errorText(t, err));
      },
    );
  };
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
              {p.canWrite && <th>{t('network.provenance.actions')}</th>}
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
                {p.canWrite && (
                  <td>
                    <button
                      type="button"
                      className="small"
                      disabled={busy}
                      onClick={() => {
                        setConfirming(null);
                        setEditing(a.id);
                      }}
                      aria-label={t('network.provenance.editOne', { source: a.sourceRef })}
                      data-testid="network-provenance-edit"
                    >
                      {t('network.provenance.edit')}
                    </button>{' '}
                    <button
                      type="button"
                      className="small"
                      disabled={busy}
                      onClick={() => {
                        setEditing(null);
                        setConfirming(a.id);
                      }}
                      aria-label={t('network.provenance.deleteOne', { source: a.sourceRef })}
                      data-testid="network-provenance-delete"
                    >
                      {t('network.provenance.delete')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {p.canWrite && doomed !== undefined && (
        <div className="group" role="alertdialog" aria-labelledby={`confirm-${doomed.id}`} data-testid="network-provenance-confirm" data-assertion-id={doomed.id}>
          <p id={`confirm-${doomed.id}`}>
            {r !== null && r.assertions.length > 1
              ? t('network.provenance.deleteConfirm', { source: doomed.sourceRef, count: r.assertions.length - 1 })
              : t('network.provenance.deleteConfirmLast', { source: doomed.sourceRef })}
          </p>
          <div className="button-row">
            <button type="button" className="danger" disabled={busy} onClick={() => remove(doomed.id)} data-testid="network-provenance-confirm-delete">
              {t('network.provenance.delete')}
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(null)} data-testid="network-provenance-confirm-cancel">
              {t('network.entityForm.cancel')}
            </button>
          </div>
        </div>
      )}
      {p.canWrite && edited !== undefined && (
        <AssertionForm
          key={edited.id}
          network={n}
          assertion={edited}
          onSaved={() => {
            setEditing(null);
            n.reload();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {error !== null && (
        <p className="error" role="alert" data-testid="network-provenance-error">
          {error}
        </p>
      )}
    </section>
  );
}
