/**
 * The lead's history, append-only as the server keeps it: who moved it,
 * when it was recorded and when it happened, from which state to which,
 * and the details — the release (unit and country), the partner's note,
 * the outcome with its arrests and seizures.
 */
import type { ReactNode } from 'react';
import type { LeadEvent } from '../../api/schema/lead.js';
import { formatInteger, formatIsoLocal, formatSignificant } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { OUTCOME_KEY, STATUS_KEY } from './lead-text.js';

export function OutcomeText(p: { readonly outcome: NonNullable<LeadEvent['outcome']> }): ReactNode {
  const { t, intl } = useI18n();
  const o = p.outcome;
  return (
    <span className="outcome" data-testid="event-outcome" data-kind={o.kind} data-arrests={o.arrests} data-seizures={o.seizures.length}>
      {t(OUTCOME_KEY[o.kind])}; {t('outcome.arrests', { count: formatInteger(intl, o.arrests) })}
      {o.seizures.length > 0 && `; ${t('outcome.seizures', { list: o.seizures.map((s) => `${s.what} ${formatSignificant(intl, s.quantity, 6)} ${s.unit}`).join(', ') })}`}
    </span>
  );
}

export function LeadTimeline(p: { readonly events: readonly LeadEvent[] }): ReactNode {
  const { t, intl } = useI18n();
  return (
    <section className="lead-timeline" data-testid="lead-timeline">
      <h3>{t('timelineLead.title')}</h3>
      <ol className="event-list">
        {p.events.map((e) => (
          <li key={e.seq} className="event" data-testid="lead-event" data-seq={e.seq} data-from={e.from ?? ''} data-to={e.to} data-actor={e.actor}>
            <div className="event-head">
              <span className="event-states">
                {e.from === null ? t('timelineLead.created', { to: t(STATUS_KEY[e.to]) }) : t('timelineLead.moved', { from: t(STATUS_KEY[e.from]), to: t(STATUS_KEY[e.to]) })}
              </span>
              <span className="muted small">{t('timelineLead.by', { who: e.actor, when: formatIsoLocal(intl, e.at) })}</span>
            </div>
            {e.occurredAt !== e.at && <div className="small">{t('timelineLead.occurred', { when: formatIsoLocal(intl, e.occurredAt) })}</div>}
            {e.partnerUnit !== null && <div className="small">{t('timelineLead.partner', { unit: e.partnerUnit, country: e.partnerCountry ?? '' })}</div>}
            {e.outcome !== null && (
              <div className="small">
                <OutcomeText outcome={e.outcome} />
              </div>
            )}
            {e.note !== '' && (
              <div className="event-note" data-testid="event-note">
                {e.note}
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
