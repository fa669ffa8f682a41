import { lazy, Suspense, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import type { ConcentrationPlotProps } from './ConcentrationPlot.js';

const ConcentrationPlot = lazy(() => import('./ConcentrationPlot.js'));

/** The plot, loaded (with uPlot) the first time it is opened. */
export function ConcentrationPlotSlot(p: ConcentrationPlotProps): ReactNode {
  const { t } = useI18n();
  return (
    <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
      <ConcentrationPlot {...p} />
    </Suspense>
  );
}
