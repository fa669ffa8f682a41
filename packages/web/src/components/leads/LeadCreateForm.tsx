/**
 * A new lead: its title (always the analyst's own words), an optional
 * summary, the language they are written in, and its marking (pickers).
 * From a located source, the server reads the position, 95 % radius, lab
 * probability and first detection from the stored estimate; by hand, the
 * place clicked on the map is the lead's position.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ApiClient } from '../../api/client.js';
import type { Lead, TextLanguage } from '../../api/schema/lead.js';
import { formatLatLon } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { readLeadText, type LeadOrigin } from '../../leads/lead-request.js';
import { draftMarking, emptyDraft, type MarkingDraft } from '../../leads/marking-draft.js';
import { errorText } from '../error-text.js';
import { SimulatedBadge } from '../SimulatedBadge.js';
import { LanguageSelect } from './LanguageSelect.js';
import { useLabelScope } from '../../session/label-scope.js';
import { MarkingPicker } from './MarkingPicker.js';
import { FieldProblem, ServerMessage } from '../FormMessages.js';

export interface LeadCreateFormProps {
  readonly client: ApiClient;
  readonly origin: LeadOrigin;
  /** The source's sortie is simulated: the lead will be too. */
  readonly simulated: boolean;
  readonly onCreated: (l: Lead) => void;
  readonly onCancel: () => void;
}

export function LeadCreateForm(p: LeadCreateFormProps): ReactNode {
  const { t, locale } = useI18n();
  const id = useId();
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [lang, setLang] = useState<TextLanguage>(locale);
  const scope = useLabelScope();
  const [marking, setMarking] = useState<MarkingDraft>(() => emptyDraft(scope.organisation));
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const checked = readLeadText(title, summary);
  const problem = shown && !checked.ok ? checked.problem : null;
  const o = p.origin;

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setShown(true);
    if (!checked.ok) return;
    setBusy(true);
    setError(null);
    p.client.createLead({ title: checked.value.title, summary: checked.value.summary, lang, marking: draftMarking(marking), origin: o }).then(
      (l) => {
        setBusy(false);
        p.onCreated(l);
      },
      (err: unknown) => {
        setBusy(false);
        setError(errorText(t, err));
      },
    );
  };

  return (
    <form className="panel stack lead-create" onSubmit={submit} noValidate data-testid="lead-create-form" data-origin={o.kind}>
      <h2>{t('leads.newTitle')}</h2>
      <p className="small" data-testid="lead-origin">
        {o.kind === 'source' ? t('leads.fromSource', { n: o.sourceIndex + 1, position: formatLatLon(o.lat, o.lon) }) : t('leads.fromPlace', { position: formatLatLon(o.lat, o.lon) })}{' '}
        {p.simulated && <SimulatedBadge />}
      </p>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('leads.title')}</label>
        <input id={`${id}-title`} type="text" value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={problem?.field === 'title'} data-testid="lead-title" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-summary`}>{t('leads.summary')}</label>
        <textarea id={`${id}-summary`} rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} aria-invalid={problem?.field === 'summary'} data-testid="lead-summary" />
      </div>
      <LanguageSelect value={lang} onChange={setLang} label={t('leads.textLanguage')} testId="lead-lang" />
      <MarkingPicker draft={marking} onChange={setMarking} legend={t('leads.marking')} testId="lead-marking" />
      <FieldProblem problem={problem} />
      <ServerMessage text={error} testId="lead-create-error" />
      <div className="row">
        <button type="submit" className="primary" disabled={busy} data-testid="lead-create-submit">
          {busy ? t('leads.creating') : t('leads.create')}
        </button>
        <button type="button" onClick={p.onCancel} data-testid="lead-create-cancel">
          {t('annotation.cancel')}
        </button>
      </div>
    </form>
  );
}
