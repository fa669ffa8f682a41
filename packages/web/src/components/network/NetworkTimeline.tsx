/**
 * The timeline of assertions under the filters' relations and grading:
 * a strip of counts per month (the bar's height), the assertions in the
 * order they began, and the span as the time window in one click.
 */
import { useMemo, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-context.js';
import { assertionTimeline } from '../../network/assertion-timeline.js';
import { assertionPasses } from '../../network/chart-filters.js';
import type { NetworkWorkspace } from '../../workspace/use-network.js';
import { dayOf } from './network-text.js';

const DAY_MS = 86_400_000;
/** The list shows the first this many; the strip counts them all. */
const LIST_MAX = 200;

export function NetworkTimeline(p: { readonly network: NetworkWorkspace }): ReactNode {
  const { t } = useI18n();
  const n = p.network;
  const f = n.filters;
  const tl = useMemo(() => assertionTimeline((n.data?.assertions ?? []).filter((a) => assertionPasses(a, { ...f, window: null }))), [n.data, f]);
  const max = Math.max(1, ...tl.months.map((m) => m.count));
  const first = tl.dated[0];
  const last = tl.dated[tl.dated.length - 1];
  return (
    <section className="network-card" data-testid="network-timeline" data-dated={tl.dated.length} data-undated={tl.undated}>
      <h3>{t('network.timeline')}</h3>
      {tl.months.length > 0 && (
        <div className="network-strip" role="img" aria-label={tl.months.map((m) => `${m.month}: ${m.count}`).join('; ')}>
          {tl.months.map((m) => (
            <span key={m.month} className="network-strip-bar" style={{ height: `${(100 * m.count) / max}%` }} title={`${m.month}: ${m.count}`} />
          ))}
        </div>
      )}
      {first !== undefined && last !== undefined && (
        <button
          type="button"
          className="small"
          onClick={() => {
            const start = Date.parse(`${dayOf(first.validFrom)!}T00:00:00Z`);
            const end = Date.parse(`${dayOf(last.validTo ?? last.validFrom)!}T00:00:00Z`) + DAY_MS;
            n.setFilters({ ...f, window: { startMs: start, endMs: end } });
          }}
        >
          {t('network.timeline.useWindow')}
        </button>
      )}
      <ol className="network-list network-timeline-list">
        {tl.dated.slice(0, LIST_MAX).map((a) => (
          <li key={a.id} data-testid="network-timeline-item">
            <span className="num">{dayOf(a.validFrom)}</span> {n.labelOf(a.from)} — {n.labelOf(a.to)} <span className="small muted">{a.type} · {a.grading} · {a.sourceRef}</span>
          </li>
        ))}
      </ol>
      {tl.undated > 0 && <p className="small muted">{t('network.timeline.undated', { count: tl.undated })}</p>}
    </section>
  );
}
