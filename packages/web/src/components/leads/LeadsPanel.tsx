/**
 * The left column's leads tab: a new lead (from a source, through the
 * Sources list's "Create lead", or by clicking its place on the map), the
 * leads with a status filter and text search, and the dashboard.
 */
import type { ReactNode } from 'react';
import type { ApiClient } from '../../api/client.js';
import type { Lead } from '../../api/schema/lead.js';
import { useI18n } from '../../i18n/i18n-context.js';
import type { LeadsWorkspace } from '../../workspace/use-leads.js';
import { LeadCreateForm } from './LeadCreateForm.js';
import { LeadDashboardView } from './LeadDashboardView.js';
import { LeadList } from './LeadList.js';

export interface LeadsPanelProps {
  readonly client: ApiClient;
  readonly leads: LeadsWorkspace;
  readonly canWrite: boolean;
  /** Whether a sortie is simulated (leads from its sources are too). */
  readonly sortieSimulated: (sortieId: string) => boolean;
}

export function LeadsPanel(p: LeadsPanelProps): ReactNode {
  const { t } = useI18n();
  const w = p.leads;
  const draft = w.draft;
  const created = (l: Lead): void => {
    w.cancelDraft();
    w.open(l.id);
    w.changed();
  };
  return (
    <div className="leads-panel" data-testid="leads-panel">
      {p.canWrite && draft === null && (
        <section className="panel">
          <h2>{t('leads.newTitle')}</h2>
          <p className="muted small">{t('leads.newHelp')}</p>
          <button type="button" aria-pressed={w.picking} onClick={() => w.setPicking(!w.picking)} data-testid="lead-pick-place">
            {w.picking ? t('leads.picking') : t('leads.pickPlace')}
          </button>
        </section>
      )}
      {p.canWrite && draft !== null && (
        <LeadCreateForm
          key={draft.kind === 'source' ? `${draft.sortieId}/${draft.jobId}/${draft.sourceIndex}` : `${draft.lat},${draft.lon}`}
          client={p.client}
          origin={draft}
          simulated={draft.kind === 'source' && p.sortieSimulated(draft.sortieId)}
          onCreated={created}
          onCancel={w.cancelDraft}
        />
      )}
      <LeadList leads={w} simulated={(l) => l.source !== null && p.sortieSimulated(l.source.sortieId)} />
      <LeadDashboardView leads={w} />
    </div>
  );
}
