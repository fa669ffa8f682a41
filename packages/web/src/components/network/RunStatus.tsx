/**
 * Where a server-side run stands (queued, running with its progress, done,
 * failed with the reason), and the request's own error if starting or
 * following it failed. Shared by the analysis and the windows controls.
 */
import type { ReactNode } from 'react';
import type { AnalysisRun } from '../../api/schema/network-analysis.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { errorText } from '../error-text.js';

export function RunStatus(p: { readonly run: AnalysisRun | null; readonly error: unknown; readonly testId: string }): ReactNode {
  const { t } = useI18n();
  const run = p.run;
  return (
    <>
      {run !== null && (
        <p className="small" role="status" data-testid={p.testId} data-state={run.state}>
          {run.state === 'queued'
            ? t('network.analysis.state.queued')
            : run.state === 'running'
              ? t('network.analysis.state.running', { percent: Math.round(run.progress * 100) })
              : run.state === 'done'
                ? t('network.analysis.state.done')
                : t('network.analysis.state.failed', { message: run.error ?? '' })}
        </p>
      )}
      {p.error !== null && (
        <p className="error" role="alert">
          {errorText(t, p.error)}
        </p>
      )}
    </>
  );
}
