import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.js';

/** The mark every piece of simulated data carries wherever it is shown. */
export function SimulatedBadge(): ReactNode {
  const { t } = useI18n();
  return (
    <span className="badge badge-simulated" data-testid="simulated-badge">
      {t('simulated.badge')}
    </span>
  );
}
