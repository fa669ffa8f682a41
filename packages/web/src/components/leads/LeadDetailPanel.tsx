/**
 * One lead, in the right column: the server's banner over everything
 * shown (top and bottom), the title and summary (editable by analysts),
 * its marking (the server's portion mark; changed with pickers), what is
 * known of the place, the next states, the releases with their renderings,
 * the evidence, and the history.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ApiClient } from '../../api/client.js';
import type { LeadDetail, TextLanguage } from '../../api/schema/lead.js';
import { formatIsoLocal, formatLatLon, formatProbability, formatSignificant } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { countryName } from '../../leads/countries.js';
import { readLeadText } from '../../leads/lead-request.js';
import { draftMarking, draftOf, type MarkingDraft } from '../../leads/marking-draft.js';
import type { LeadsWorkspace } from '../../workspace/use-leads.js';
import { errorText } from '../error-text.js';
import { SimulatedBadge } from '../SimulatedBadge.js';
import { EvidencePanel, type EvidenceLink } from './EvidencePanel.js';
import { LeadEntities } from './LeadEntities.js';
import { LanguageSelect } from './LanguageSelect.js';
import { StatusBadge } from './LeadList.js';
import { LeadTimeline } from './LeadTimeline.js';
import { LeadTransitions } from './LeadTransitions.js';
import { MarkingPicker } from './MarkingPicker.js';
import { Banner, Portion } from './MarkingText.js';
import { ReleaseDialog } from './ReleaseDialog.js';
import { ReleaseList } from './ReleaseList.js';
import { ServerMessage } from '../FormMessages.js';

export interface LeadDetailPanelProps {
  readonly client: ApiClient;
  readonly leads: LeadsWorkspace;
  readonly canWrite: boolean;
  /** The lead's source sortie is simulated. */
  readonly simulated: boolean;
  readonly links: readonly EvidenceLink[];
  readonly onShow: (lon: number, lat: number) => void;
  /** Opens a counter-network entity on the link chart; absent when the user cannot read the network. */
  readonly onShowEntity?: (id: string) => void;
}

function LeadTextForm(p: { readonly client: ApiClient; readonly lead: LeadDetail; readonly onDone: (changed: boolean) => void }): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const [title, setTitle] = useState(p.lead.title);
  const [summary, setSummary] = useState(p.lead.summary);
  const [lang, setLang] = useState<TextLanguage>(p.lead.lang);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const checked = readLeadText(title, summary);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (!checked.ok) {
      setError(t(checked.problem.key, checked.problem.values));
      return;
    }
    setBusy(true);
    setError(null);
    p.client.updateLead(p.lead.id, { title: checked.value.title, summary: checked.value.summary, lang }).then(
      () => {
        setBusy(false);
        p.onDone(true);
      },
      (err: unknown) => {
        setBusy(false);
        setError(errorText(t, err));
      },
    );
  };
  return (
    <form className="stack" onSubmit={submit} noValidate data-testid="lead-edit-form">
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('leads.title')}</label>
        <input id={`${id}-title`} type="text" value={title} onChange={(e) => setTitle(e.target.value)} data-testid="lead-edit-title" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-summary`}>{t('leads.summary')}</label>
        <textarea id={`${id}-summary`} rows={4} value={summary} onChange={(e) => setSummary(e.target.value)} data-testid="lead-edit-summary" />
      </div>
      <LanguageSelect value={lang} onChange={setLang} label={t('leads.textLanguage')} testId="lead-edit-lang" />
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary small" disabled={busy} data-testid="lead-edit-save">
          {t('annotations.saveChanges')}
        </button>
        <button type="button" className="small" onClick={() => p.onDone(false)}>
          {t('annotation.cancel')}
        </button>
      </div>
    </form>
  );
}

function LeadMarkingForm(p: { readonly client: ApiClient; readonly lead: LeadDetail; readonly onDone: (changed: boolean) => void }): ReactNode {
  const { t } = useI18n();
  const [draft, setDraft] = useState<MarkingDraft>(() => draftOf(p.lead.marking));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = (): void => {
    setBusy(true);
    setError(null);
    p.client.updateLead(p.lead.id, { marking: draftMarking(draft) }).then(
      () => {
        setBusy(false);
        p.onDone(true);
      },
      (err: unknown) => {
        setBusy(false);
        setError(errorText(t, err));
      },
    );
  };
  return (
    <div className="stack" data-testid="lead-marking-form">
      <MarkingPicker draft={draft} onChange={setDraft} legend={t('leads.marking')} testId="lead-remark" />
      <p className="muted small">{t('leads.remarkNote')}</p>
      <ServerMessage text={error} testId="lead-marking-error" />
      <div className="row">
        <button type="button" className="primary small" disabled={busy} onClick={save} data-testid="lead-marking-save">
          {t('leads.remarkSave')}
        </button>
        <button type="button" className="small" onClick={() => p.onDone(false)}>
          {t('annotation.cancel')}
        </button>
      </div>
    </div>
  );
}

export function LeadDetailPanel(p: LeadDetailPanelProps): ReactNode {
  const { t, intl } = useI18n();
  const w = p.leads;
  const [editing, setEditing] = useState<'text' | 'marking' | null>(null);
  const [releasing, setReleasing] = useState(false);
  const l = w.detail;
  const done = (changed: boolean): void => {
    setEditing(null);
    if (changed) w.changed();
  };

  if (l === null || l.id !== w.openId) {
    return (
      <section className="panel lead-detail" data-testid="lead-detail" data-loading="true">
        <div className="panel-head">
          <h2>{t('leads.detailTitle')}</h2>
          <button type="button" className="small" onClick={w.close} aria-label={t('common.close')}>
            ×
          </button>
        </div>
        {w.detailError !== null ? (
          <p className="error" role="alert">
            {errorText(t, w.detailError)}
          </p>
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )}
      </section>
    );
  }

  return (
    <section className="panel lead-detail" aria-labelledby="lead-detail-title" data-testid="lead-detail" data-lead-id={l.id} data-status={l.status} data-portion={l.portion}>
      <Banner text={l.banner} where="top" testId="lead-banner-top" />
      <div className="panel-head">
        <h2 id="lead-detail-title">{t('leads.detailTitle')}</h2>
        <button type="button" className="small" onClick={w.close} aria-label={t('common.close')} data-testid="lead-close">
          ×
        </button>
      </div>
      <h3 className="lead-heading">
        <Portion text={l.portion} testId="lead-portion" /> <span data-testid="lead-detail-title-text">{l.title}</span> {p.simulated && <SimulatedBadge />}
      </h3>
      <div className="row">
        <StatusBadge status={l.status} />
        <button type="button" className="small" onClick={() => p.onShow(l.lon, l.lat)} data-testid="lead-show">
          {t('leads.showOnMap')}
        </button>
      </div>
      {p.simulated && <p className="simulated-note small">{t('leads.simulatedNote')}</p>}
      {editing === 'text' ? (
        <LeadTextForm client={p.client} lead={l} onDone={done} />
      ) : (
        <>
          {l.summary !== '' && (
            <p className="lead-summary" lang={l.lang} data-testid="lead-summary-text">
              <Portion text={l.portion} /> {l.summary}
            </p>
          )}
          {p.canWrite && (
            <button type="button" className="small" onClick={() => setEditing('text')} data-testid="lead-edit">
              {t('leads.edit')}
            </button>
          )}
        </>
      )}
      <dl className="fields">
        <dt>{t('sources.position')}</dt>
        <dd className="mono">{formatLatLon(l.lat, l.lon)}</dd>
        <dt>{t('sources.radius')}</dt>
        <dd>{l.ci95M === null ? t('leads.notKnown') : `${formatSignificant(intl, l.ci95M, 2)} m`}</dd>
        <dt>{t('sources.lab')}</dt>
        <dd>{l.labProbability === null ? t('leads.notKnown') : formatProbability(intl, l.labProbability)}</dd>
        <dt>{t('leads.detectedAt')}</dt>
        <dd>{l.detectedAt === null ? t('leads.notKnown') : formatIsoLocal(intl, l.detectedAt)}</dd>
        <dt>{t('leads.origin')}</dt>
        <dd className="small" data-testid="lead-source">
          {l.source === null ? t('leads.byHand') : t('leads.sourceRef', { n: l.source.sourceIndex + 1, sortie: l.source.sortieId })}
        </dd>
        {l.partnerUnit !== null && (
          <>
            <dt>{t('leads.partner')}</dt>
            <dd>
              {l.partnerUnit} — {countryName(l.partnerCountry ?? '', intl)} ({l.partnerCountry})
            </dd>
          </>
        )}
        <dt>{t('leads.created')}</dt>
        <dd className="small">{t('timelineLead.by', { who: l.createdBy, when: formatIsoLocal(intl, l.createdAt) })}</dd>
      </dl>
      <section className="lead-marking" data-testid="lead-marking">
        <h3>{t('leads.marking')}</h3>
        <p>
          <Portion text={l.portion} testId="lead-marking-portion" /> <span className="muted small">{t('leads.markingNote')}</span>
        </p>
        {editing === 'marking' ? (
          <LeadMarkingForm client={p.client} lead={l} onDone={done} />
        ) : (
          p.canWrite && (
            <button type="button" className="small" onClick={() => setEditing('marking')} data-testid="lead-remark-open">
              {t('leads.remark')}
            </button>
          )
        )}
      </section>
      <LeadTransitions client={p.client} lead={l} canWrite={p.canWrite} onChanged={w.changed} onRelease={() => setReleasing(true)} />
      <ReleaseList client={p.client} leadId={l.id} releases={l.releases} />
      <EvidencePanel client={p.client} lead={l} canWrite={p.canWrite} links={p.links} onChanged={w.changed} />
      {p.onShowEntity !== undefined && <LeadEntities client={p.client} leadId={l.id} version={l.updatedAt} onShowEntity={p.onShowEntity} />}
      <LeadTimeline events={l.events} />
      <Banner text={l.banner} where="bottom" testId="lead-banner-bottom" />
      {releasing && <ReleaseDialog client={p.client} lead={l} onClose={() => setReleasing(false)} onReleased={() => w.changed()} />}
    </section>
  );
}
