import type { ReactNode } from 'react';
import type { SortieId } from '../api/schema/ids.js';
import type { Job } from '../api/schema/job.js';
import type { Sortie } from '../api/schema/sortie.js';
import { formatInteger, formatUtcTime, formatUtc } from '../format/numbers.js';
import { useI18n } from '../i18n/i18n-context.js';
import { JobBadge } from './JobStatus.js';
import { SimulatedBadge } from './SimulatedBadge.js';

export interface SortieListProps {
  readonly sorties: readonly Sortie[] | null;
  readonly jobs: ReadonlyMap<SortieId, Job>;
  readonly selected: SortieId | null;
  readonly canDelete: boolean;
  readonly onSelect: (id: SortieId) => void;
  readonly onDelete: (s: Sortie) => void;
}

export function SortieList(p: SortieListProps): ReactNode {
  const { t, intl } = useI18n();
  return (
    <section className="panel sorties" aria-labelledby="sorties-title">
      <h2 id="sorties-title">{t('sorties.title')}</h2>
      {p.sorties === null && <p className="muted">{t('common.loading')}</p>}
      {p.sorties !== null && p.sorties.length === 0 && <p className="muted">{t('sorties.empty')}</p>}
      <ul className="sortie-list">
        {(p.sorties ?? []).map((s) => {
          const selected = s.id === p.selected;
          const job = p.jobs.get(s.id);
          return (
            <li key={s.id} className={selected ? 'selected' : undefined} data-testid="sortie-item" data-sortie-id={s.id} data-simulated={s.simulated ? 'true' : 'false'}>
              <button type="button" className="sortie-select" aria-pressed={selected} onClick={() => p.onSelect(s.id)}>
                <span className="sortie-name">
                  {s.name} {s.simulated && <SimulatedBadge />}
                </span>
                <span className="sortie-meta">
                  {t('sorties.samples')}: {formatInteger(intl, s.sampleCount)}
                </span>
                <span className="sortie-meta" title={s.timeRangeS === null ? undefined : `${formatUtc(intl, s.timeRangeS[0])} – ${formatUtc(intl, s.timeRangeS[1])}`}>
                  {s.timeRangeS === null
                    ? t('sorties.noSamples')
                    : `${new Intl.DateTimeFormat(intl, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(s.timeRangeS[0] * 1000))} ${formatUtcTime(intl, s.timeRangeS[0])}–${formatUtcTime(intl, s.timeRangeS[1])} UTC`}
                </span>
                {job !== undefined && <JobBadge job={job} />}
              </button>
              {p.canDelete && (
                <button type="button" className="danger small" aria-label={t('sorties.deleteLabel', { name: s.name })} onClick={() => p.onDelete(s)} data-testid="sortie-delete">
                  {t('sorties.delete')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
