/**
 * The chart's layout: run ForceAtlas2 (pinned entities stay), unpin all,
 * and save or open the positions by name — each user's own layouts, kept
 * by the server.
 */
import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import type { LayoutSummary } from '../../api/schema/network-layout.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { layoutBody, placeNodes } from '../../network/layout-positions.js';
import type { NetworkWorkspace } from '../../workspace/use-network.js';
import { errorText } from '../error-text.js';

export interface LayoutControlsProps {
  readonly network: NetworkWorkspace;
  readonly onLayout: () => void;
}

export function NetworkLayoutControls(p: LayoutControlsProps): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const n = p.network;
  const [name, setName] = useState('default');
  const [list, setList] = useState<readonly LayoutSummary[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const client = n.client;
  const refresh = useCallback(() => {
    client.networkLayouts().then(setList, () => setList([]));
  }, [client]);
  useEffect(refresh, [refresh]);

  const save = (): void => {
    setError(null);
    const body = layoutBody(n.positions.current);
    client.saveNetworkLayout(name.trim() || 'default', body).then(
      (l) => {
        setMessage(t('network.layout.saved', { name: l.name, count: Object.keys(l.positions).length }));
        refresh();
      },
      (err: unknown) => setError(errorText(t, err)),
    );
  };
  const open = (layoutName: string): void => {
    if (layoutName === '') return;
    setError(null);
    client.networkLayout(layoutName).then(
      (l) => {
        const ids = (n.data?.entities ?? []).filter((e) => e.mergedInto === null).map((e) => e.id);
        n.replacePositions(placeNodes(ids, new Map(), l.positions));
        setName(l.name);
      },
      (err: unknown) => setError(errorText(t, err)),
    );
  };
  const unpin = (): void => {
    const next = new Map([...n.positions.current].map(([k, v]) => [k, { ...v, pinned: false }]));
    n.replacePositions(next);
  };
  return (
    <fieldset className="group" data-testid="network-layout">
      <legend>{t('network.layout')}</legend>
      <p className="small muted">{t('network.layout.help')}</p>
      <div className="button-row">
        <button type="button" onClick={p.onLayout} data-testid="network-layout-run">
          {t('network.layout.run')}
        </button>
        <button type="button" onClick={unpin} data-testid="network-layout-unpin">
          {t('network.layout.unpin')}
        </button>
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('network.layout.name')}</label>
        <input id={`${id}-name`} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} data-testid="network-layout-name" />
      </div>
      <button type="button" onClick={save} data-testid="network-layout-save">
        {t('network.layout.save')}
      </button>
      <div className="field">
        <label htmlFor={`${id}-open`}>{t('network.layout.load')}</label>
        <select id={`${id}-open`} value="" onChange={(e) => open(e.target.value)} disabled={list.length === 0} data-testid="network-layout-open">
          <option value="">{list.length === 0 ? t('network.layout.none') : '…'}</option>
          {list.map((l) => (
            <option key={l.name} value={l.name}>
              {l.name} ({l.nodes})
            </option>
          ))}
        </select>
      </div>
      {message !== null && (
        <p className="small ok" role="status" data-testid="network-layout-message">
          {message}
        </p>
      )}
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
