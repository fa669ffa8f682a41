/**
 * The lead's next states as the server lists them: an analyst's
 * transitions as buttons (closing asks first: it is final), the release
 * (its own dialog), and the states that only the partner portal can bring,
 * named as awaited. A transition the server refuses (another analyst moved
 * the lead meanwhile) shows its 409 reason, which names the allowed states.
 */
import { useState, type ReactNode } from 'react';
import type { ApiClient } from '../../api/client.js';
import type { LeadDetail, LeadStatus } from '../../api/schema/lead.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { analystTransitions, awaitedFromPartner, isFinal, releasable } from '../../leads/lead-lifecycle.js';
import { errorText } from '../error-text.js';
import { STATUS_KEY, TRANSITION_KEY } from './lead-text.js';
import { ServerMessage } from '../FormMessages.js';

export interface LeadTransitionsProps {
  readonly client: ApiClient;
  readonly lead: LeadDetail;
  readonly canWrite: boolean;
  readonly onChanged: () => void;
  readonly onRelease: () => void;
}

export function LeadTransitions(p: LeadTransitionsProps): ReactNode {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<LeadStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const l = p.lead;
  const moves = analystTransitions(l.nextStates);
  const partner = awaitedFromPartner(l.nextStates);

  const move = (to: LeadStatus): void => {
    if (isFinal(to) && !window.confirm(t('transition.confirmClose', { title: l.title }))) return;
    setBusy(to);
    setError(null);
    p.client.transitionLead(l.id, to, note).then(
      () => {
        setBusy(null);
        setNote('');
        p.onChanged();
      },
      (err: unknown) => {
        setBusy(null);
        setError(errorText(t, err));
        // The server's answer names the lead's real state: show it.
        p.onChanged();
      },
    );
  };

  return (
    <section className="lead-transitions" data-testid="lead-transitions">
      <h3>{t('transition.title')}</h3>
      {l.nextStates.length === 0 && <p className="muted small">{t('transition.none')}</p>}
      {p.canWrite && moves.length > 0 && (
        <>
          <input type="text" aria-label={t('transition.note')} placeholder={t('transition.note')} value={note} onChange={(e) => setNote(e.target.value)} data-testid="transition-note" />
          <div className="row wrap">
            {moves.map((to) => (
              <button key={to} type="button" className={isFinal(to) ? 'danger' : 'primary'} disabled={busy !== null} onClick={() => move(to)} data-testid={`transition-${to}`}>
                {t(TRANSITION_KEY[to])}
              </button>
            ))}
          </div>
        </>
      )}
      {p.canWrite && releasable(l.nextStates) && (
        <button type="button" className="primary release-open" onClick={p.onRelease} data-testid="release-open">
          {l.status === 'released' ? t('release.again') : t('release.open')}
        </button>
      )}
      {partner.length > 0 && (
        <p className="muted small" data-testid="awaiting-partner">
          {t('transition.awaitingPartner', { states: partner.map((s) => t(STATUS_KEY[s])).join(', ') })}
        </p>
      )}
      <ServerMessage text={error} testId="transition-error" />
    </section>
  );
}
