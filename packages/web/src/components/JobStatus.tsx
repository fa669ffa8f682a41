import type { ReactNode } from 'react';
import type { Job } from '../api/schema/job.js';
import { isActive } from '../api/schema/job.js';
import { useI18n } from '../i18n/i18n-context.js';

function useJobText(job: Job | undefined): string {
  const { t, intl } = useI18n();
  if (job === undefined) return t('job.none');
  switch (job.state) {
    case 'queued':
      return t('job.queued');
    case 'running':
      return t('job.running', { percent: new Intl.NumberFormat(intl, { style: 'percent', maximumFractionDigits: 0 }).format(job.progress) });
    case 'done':
      return t('job.done');
    case 'failed':
      return t('job.failed', { message: job.error?.message ?? job.message });
    case 'cancelled':
      return t('job.cancelled');
  }
}

/** A compact job state for the sortie list. */
export function JobBadge(p: { readonly job: Job }): ReactNode {
  const text = useJobText(p.job);
  return <span className={`job-badge job-${p.job.state}`}>{text}</span>;
}

/** The selected sortie's localisation: state, progress and the button that runs it (analysts). */
export function JobStatus(p: { readonly job: Job | undefined; readonly canRun: boolean; readonly starting: boolean; readonly error: string | null; readonly onRun: () => void }): ReactNode {
  const { t } = useI18n();
  const text = useJobText(p.job);
  const active = p.job !== undefined && isActive(p.job.state);
  return (
    <section className="panel job" aria-labelledby="job-title">
      <h2 id="job-title">{t('job.title')}</h2>
      <div className="job-state" data-testid="job-state" data-state={p.job?.state ?? 'none'} data-job-id={p.job?.id ?? ''} role="status">
        <span>{text}</span>
        {active && <progress max={1} value={p.job?.state === 'running' ? p.job.progress : undefined} aria-label={text} />}
      </div>
      {p.canRun && (
        <button type="button" className="primary" disabled={active || p.starting} onClick={p.onRun} data-testid="run-locate">
          {p.starting ? t('job.starting') : t('job.run')}
        </button>
      )}
      {p.error !== null && (
        <p className="error" role="alert">
          {p.error}
        </p>
      )}
    </section>
  );
}
