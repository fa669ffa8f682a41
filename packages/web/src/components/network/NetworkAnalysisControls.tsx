/**
 * Starting an analysis: every measure, communities (Leiden by default, or
 * Louvain), key players
 * (k) and a removal curve (steps), computed by the server's worker on the
 * links the filters keep; the run's state while it works. Viewers read
 * results only.
 */
import { useId, useState, type ReactNode } from 'react';
import { COMMUNITY_ALGORITHMS, MEASURES, type CommunityAlgorithm } from '../../api/schema/network-analysis.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { choicesJson } from '../../network/chart-filters.js';
import type { NetworkWorkspace } from '../../workspace/use-network.js';
import { RunStatus } from './RunStatus.js';

export function NetworkAnalysisControls(p: { readonly network: NetworkWorkspace; readonly canRun: boolean }): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const n = p.network;
  const [k, setK] = useState(2);
  const [steps, setSteps] = useState(5);
  const [algorithm, setAlgorithm] = useState<CommunityAlgorithm>('leiden');
  const run = n.run;
  const busy = run !== null && (run.state === 'queued' || run.state === 'running');
  const start = (): void =>
    n.startRun({
      choices: choicesJson(n.filters),
      measures: [...MEASURES],
      communities: { algorithm, seed: 1 },
      key_players: { k, seed: 1 },
      removal: { measure: 'betweenness', steps },
    });
  return (
    <fieldset className="group" data-testid="network-analysis">
      <legend>{t('network.analysis')}</legend>
      {p.canRun ? (
        <>
          <p className="small muted">{t('network.analysis.help')}</p>
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-k`}>{t('network.analysis.keyPlayers')}</label>
              <input id={`${id}-k`} type="number" min={1} max={20} value={k} onChange={(e) => setK(Math.max(1, Math.min(20, Math.round(Number(e.target.value)) || 1)))} data-testid="network-analysis-k" />
            </div>
            <div className="field">
              <label htmlFor={`${id}-steps`}>{t('network.analysis.removalSteps')}</label>
              <input id={`${id}-steps`} type="number" min={0} max={100} value={steps} onChange={(e) => setSteps(Math.max(0, Math.min(100, Math.round(Number(e.target.value)) || 0)))} data-testid="network-analysis-steps" />
            </div>
          </div>
          <div className="field">
            <label htmlFor={`${id}-algorithm`}>{t('network.analysis.algorithm')}</label>
            <select
              id={`${id}-algorithm`}
              value={algorithm}
              onChange={(e) => {
                const a = COMMUNITY_ALGORITHMS.find((x) => x === e.target.value);
                if (a !== undefined) setAlgorithm(a);
              }}
              data-testid="network-analysis-algorithm"
            >
              {COMMUNITY_ALGORITHMS.map((a) => (
                <option key={a} value={a}>
                  {t(a === 'leiden' ? 'network.analysis.leiden' : 'network.analysis.louvain')}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="primary" disabled={busy} onClick={start} data-testid="network-analysis-run">
            {t('network.analysis.run')}
          </button>
        </>
      ) : (
        <p className="small muted">{t('network.analysis.noRights')}</p>
      )}
      <RunStatus run={run} error={n.runError} testId="network-analysis-state" />
    </fieldset>
  );
}
