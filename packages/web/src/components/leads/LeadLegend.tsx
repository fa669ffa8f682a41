/** The leads layer's legend: a lead's colour is its state; a thick ring, the outcome its partner reported. */
import type { ReactNode } from 'react';
import { LEAD_STATUSES, OUTCOME_KINDS } from '../../api/schema/lead.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { OUTCOME_COLOURS, STATUS_COLOURS } from '../../leads/lead-lifecycle.js';
import { OUTCOME_KEY, STATUS_KEY } from './lead-text.js';

export function LeadLegend(): ReactNode {
  const { t } = useI18n();
  return (
    <figure className="legend-block" data-testid="lead-legend">
      <figcaption>{t('legend.leads')}</figcaption>
      <ul className="hazard-legend legend-columns">
        {LEAD_STATUSES.map((s) => (
          <li key={s}>
            <span className="swatch swatch-dot" style={{ background: STATUS_COLOURS[s] }} aria-hidden="true" />
            {t(STATUS_KEY[s])}
          </li>
        ))}
      </ul>
      <ul className="hazard-legend">
        {OUTCOME_KINDS.map((k) => (
          <li key={k}>
            <span className="swatch swatch-ring" style={{ borderColor: OUTCOME_COLOURS[k] }} aria-hidden="true" />
            {t(OUTCOME_KEY[k])}
          </li>
        ))}
      </ul>
    </figure>
  );
}
