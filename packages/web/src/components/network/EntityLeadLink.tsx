/**
 * The lead an entity is tied to (its `lead_id`: the laboratory a lead is
 * about, a phone or vehicle seen there), with a button that opens the lead;
 * analysts tie it to another lead they may see, or untie it. The lead's
 * detail lists its entities in turn (leads/LeadEntities.tsx).
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { LeadId } from '../../api/schema/ids.js';
import type { Lead } from '../../api/schema/lead.js';
import type { NetworkEntity } from '../../api/schema/network.js';
import { useI18n } from '../../i18n/i18n-context.js';
import type { NetworkWorkspace } from '../../workspace/use-network.js';
import { useLatestRequest } from '../../workspace/use-latest-request.js';
import { errorText } from '../error-text.js';

/** The most recent leads offered in the picker. */
const LEADS_OFFERED = 200;

export function EntityLeadLink(p: { readonly network: NetworkWorkspace; readonly entity: NetworkEntity; readonly canWrite: boolean; readonly onOpenLead?: (id: LeadId) => void }): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const n = p.network;
  const e = p.entity;
  const leads = useLatestRequest<readonly Lead[]>();
  const { start } = leads;
  useEffect(() => start((signal) => n.client.leads({ limit: LEADS_OFFERED }, signal).then((page) => page.leads)), [start, n.client]);
  const [choice, setChoice] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const linked = e.leadId === null ? undefined : leads.result?.find((l) => l.id === e.leadId);
  const tie = (leadId: string | null): void => {
    setBusy(true);
    setError(null);
    n.client.updateNetworkEntity(e.id, { lead_id: leadId }).then(
      () => {
        setBusy(false);
        setChoice('');
        n.reload();
      },
      (err: unknown) => {
        setBusy(false);
        setError(errorText(t, err));
      },
    );
  };
  return (
    <div className="network-lead-link" data-testid="network-entity-lead" data-lead-id={e.leadId ?? ''}>
      {e.leadId === null ? (
        <p className="small muted">{t('network.entity.noLead')}</p>
      ) : (
        <p className="small">
          {t('network.entity.lead', { title: linked?.title ?? e.leadId })}{' '}
          {p.onOpenLead !== undefined && (
            <button type="button" className="small link" onClick={() => p.onOpenLead?.(e.leadId as LeadId)} data-testid="network-entity-lead-open">
              {t('network.entity.leadOpen')}
            </button>
          )}
        </p>
      )}
      {p.canWrite && (
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-lead`}>{t('network.entity.leadTie')}</label>
            <select id={`${id}-lead`} value={choice} onChange={(ev) => setChoice(ev.target.value)} data-testid="network-entity-lead-select">
              <option value="">{t('network.entity.leadPlaceholder')}</option>
              {(leads.result ?? []).filter((l) => l.id !== e.leadId).map((l) => (
                <option key={l.id} value={l.id}>
                  {l.title}
                </option>
              ))}
            </select>
          </div>
          <button type="button" disabled={busy || choice === ''} onClick={() => tie(choice)} data-testid="network-entity-lead-tie">
            {t('network.entity.leadTieButton')}
          </button>
          {e.leadId !== null && (
            <button type="button" disabled={busy} onClick={() => tie(null)} data-testid="network-entity-lead-untie">
              {t('network.entity.leadUntie')}
            </button>
          )}
        </div>
      )}
      {(error ?? (leads.error === null ? null : errorText(t, leads.error))) !== null && (
        <p className="error" role="alert" data-testid="network-entity-lead-error">
          {error ?? errorText(t, leads.error)}
        </p>
      )}
    </div>
  );
}
