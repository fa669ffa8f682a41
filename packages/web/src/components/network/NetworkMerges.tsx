/**
 * The merges of duplicates, newest first, each undoable by an analyst (the
 * server restores exactly the graph from before); undone ones say so.
 */
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-context.js';
import type { NetworkWorkspace } from '../../workspace/use-network.js';
import { errorText } from '../error-text.js';

export function NetworkMerges(p: { readonly network: NetworkWorkspace; readonly canWrite: boolean }): ReactNode {
  const { t } = useI18n();
  const n = p.network;
  const [error, setError] = useState<string | null>(null);
  const merges = n.data?.merges ?? [];
  const undo = (id: string): void => {
    setError(null);
    n.client.undoMerge(id).then(n.reload, (err: unknown) => setError(errorText(t, err)));
  };
  return (
    <fieldset className="group" data-testid="network-merges">
      <legend>{t('network.merges')}</legend>
      {merges.length === 0 ? (
        <p className="small muted">{t('network.merges.none')}</p>
      ) : (
        <ul className="network-list">
          {merges.map((m) => (
            <li key={m.id} data-testid="network-merge-item" data-merge-id={m.id} data-active={m.active ? 'true' : 'false'}>
              <span>{t('network.merges.item', { merged: m.merged.map(n.labelOf).join(', '), survivor: n.labelOf(m.survivor) })}</span>{' '}
              {m.active ? (
                p.canWrite && (
                  <button type="button" className="small" onClick={() => undo(m.id)} data-testid="network-merge-undo">
                    {t('network.merges.undo')}
                  </button>
                )
              ) : (
                <span className="small muted">({t('network.merges.undone')})</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
