/**
 * The network tab's left panel: choosing an entity (the keyboard's way to
 * the chart), the filters and display, the analysis and its change over
 * time windows, the layout, and — for analysts — a new entity, imports
 * and merges; exports for everyone. Viewers (canWrite false) read only: no
 * import, merge or edit.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-context.js';
import { relationsOf } from '../../network/chart-filters.js';
import type { NetworkWorkspace } from '../../workspace/use-network.js';
import { errorText } from '../error-text.js';
import { EntityForm } from './EntityForm.js';
import { NetworkAnalysisControls } from './NetworkAnalysisControls.js';
import { NetworkExports } from './NetworkExports.js';
import { NetworkFilters } from './NetworkFilters.js';
import { NetworkImport } from './NetworkImport.js';
import { NetworkLayoutControls } from './NetworkLayoutControls.js';
import { NetworkMerges } from './NetworkMerges.js';
import { NetworkWindowsControls } from './NetworkWindowsControls.js';

export interface NetworkPanelProps {
  readonly network: NetworkWorkspace;
  /** Import, merge and edit (analysts, administrators). */
  readonly canWrite: boolean;
  /** Start analyses (the `job:run` right). */
  readonly canAnalyse: boolean;
}

export function NetworkPanel(p: NetworkPanelProps): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const n = p.network;
  const entities = useMemo(() => (n.data?.entities ?? []).filter((e) => e.mergedInto === null).sort((a, b) => a.label.localeCompare(b.label)), [n.data]);
  const relations = useMemo(() => relationsOf(n.data?.assertions ?? []), [n.data]);
  const selected = n.selection?.kind === 'entity' ? n.selection.id : '';
  const [creating, setCreating] = useState(false);
  return (
    <div className="network-panel" data-testid="network-panel" data-can-write={p.canWrite ? 'true' : 'false'}>
      {n.error !== null && (
        <p className="error" role="alert">
          {errorText(t, n.error)}
        </p>
      )}
      {n.data === null && n.error === null && <p className="muted">{t('network.loading')}</p>}
      {entities.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-entity`}>{t('network.select')}</label>
          <select id={`${id}-entity`} value={selected} onChange={(e) => n.select(e.target.value === '' ? null : { kind: 'entity', id: e.target.value })} data-testid="network-entity-select">
            <option value="">{t('network.select.placeholder')}</option>
            {entities.map((e) => (
              <option key={e.id} value={e.id}>
                {e.label}
              </option>
            ))}
          </select>
        </div>
      )}
      {p.canWrite &&
        (creating ? (
          <EntityForm
            network={n}
            entity={null}
            onSaved={(e) => {
              setCreating(false);
              n.reload();
              n.select({ kind: 'entity', id: e.id });
            }}
            onCancel={() => setCreating(false)}
          />
        ) : (
          <button type="button" onClick={() => setCreating(true)} data-testid="network-entity-new">
            {t('network.entityForm.new')}
          </button>
        ))}
      <NetworkFilters network={n} relations={relations} />
      <NetworkAnalysisControls network={n} canRun={p.canAnalyse} />
      <NetworkWindowsControls network={n} canRun={p.canAnalyse} />
      <NetworkLayoutControls network={n} onLayout={n.requestLayout} />
      {p.canWrite && <NetworkImport client={n.client} onImported={n.reload} />}
      <NetworkMerges network={n} canWrite={p.canWrite} />
      <NetworkExports client={n.client} />
    </div>
  );
}
