/**
 * An analysis's results: the top entities by a chosen measure (clicking
 * one selects it on the chart), the communities found, the key players
 * and the removal curve; what failed says so.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import { MEASURES, type AnalysisResult, type MeasureName } from '../../api/schema/network-analysis.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { topN } from '../../network/ranking.js';
import type { NetworkWorkspace } from '../../workspace/use-network.js';
import { MEASURE_KEY } from './network-text.js';
import { RemovalCurve } from './RemovalCurve.js';

const TOP = 10;

export function AnalysisResults(p: { readonly network: NetworkWorkspace; readonly result: AnalysisResult; readonly banner: string | null }): ReactNode {
  const { t, intl } = useI18n();
  const id = useId();
  const n = p.network;
  const r = p.result;
  const available = MEASURES.filter((m) => r.measures[m] !== undefined);
  const [chosen, setChosen] = useState<MeasureName>('betweenness');
  const measure = available.includes(chosen) ? chosen : (available[0] ?? null);
  const labels = useMemo(() => new Map(r.nodes.map((x) => [x.id, x.label])), [r.nodes]);
  const labelOf = (x: string): string => labels.get(x) ?? n.labelOf(x);
  const rows = measure === null ? [] : topN(r.measures[measure] ?? {}, labelOf, TOP);
  const num = new Intl.NumberFormat(intl, { maximumFractionDigits: 4, minimumFractionDigits: 4 });
  const removedLabels = useMemo(() => (r.removal?.steps ?? []).map((s) => labels.get(s.removed) ?? s.removed), [r.removal, labels]);
  return (
    <section className="network-card" data-testid="network-results" data-nodes={r.nodeCount} data-edges={r.edgeCount}>
      <h3>{t('network.results')}</h3>
      {p.banner !== null && <p className="network-banner">{p.banner}</p>}
      <p className="small">{t('network.results.graph', { nodes: r.nodeCount, edges: r.edgeCount })}</p>
      {measure !== null && (
        <>
          <div className="field">
            <label htmlFor={`${id}-m`}>{t('network.results.measure')}</label>
            <select id={`${id}-m`} value={measure} onChange={(e) => setChosen(MEASURES.find((m) => m === e.target.value) ?? 'betweenness')} data-testid="network-results-measure">
              {available.map((m) => (
                <option key={m} value={m}>
                  {t(MEASURE_KEY[m])}
                </option>
              ))}
            </select>
          </div>
          <table className="network-table" data-testid="network-ranking" data-measure={measure}>
            <caption className="small">{t('network.results.top', { n: TOP, measure: t(MEASURE_KEY[measure]) })}</caption>
            <thead>
              <tr>
                <th>{t('network.results.rank')}</th>
                <th>{t('network.results.entity')}</th>
                <th>{t('network.results.value')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-testid="network-rank-row" data-id={row.id} data-label={row.label} data-value={String(row.value)}>
                  <td>{row.rank}</td>
                  <td>
                    <button type="button" className="link" onClick={() => n.select({ kind: 'entity', id: row.id })}>
                      {row.label}
                    </button>
                  </td>
                  <td className="num">{num.format(row.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {r.communities !== null && (
        <p className="small" data-testid="network-communities" data-count={r.communities.count} data-algorithm={r.communities.algorithm}>
          {t('network.results.communities', { count: r.communities.count, modularity: num.format(r.communities.modularity), algorithm: r.communities.algorithm === 'leiden' ? 'Leiden' : 'Louvain' })}
        </p>
      )}
      {r.keyPlayers !== null && (
        <p className="small" data-testid="network-key-players" data-ids={r.keyPlayers.ids.join(',')}>
          {t('network.results.keyPlayers', { k: r.keyPlayers.k, score: num.format(r.keyPlayers.score), names: r.keyPlayers.ids.map(labelOf).join(', ') })}
        </p>
      )}
      {r.removal !== null && r.removal.relativeSizes.length > 1 && (
        <RemovalCurve sizes={r.removal.relativeSizes} removed={removedLabels} caption={t('network.results.removal', { measure: r.removal.measure })} />
      )}
      {Object.entries(r.errors).map(([part, message]) => (
        <p key={part} className="error small">
          {t('network.results.error', { part, message })}
        </p>
      ))}
    </section>
  );
}
