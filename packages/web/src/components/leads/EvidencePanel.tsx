/**
 * A lead's evidence, each piece under its own marking (the server's
 * portion mark before it): notes, and links to what the suspicion rests
 * on — a located source, a detection, a video annotation (by id; the
 * server checks the annotation exists). Only notes can ever be released,
 * and only those marked releasable to the partner.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ApiClient } from '../../api/client.js';
import { EVIDENCE_KINDS, type EvidenceKind, type LeadDetail, type TextLanguage } from '../../api/schema/lead.js';
import { formatIsoLocal } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { readEvidenceForm } from '../../leads/lead-request.js';
import { draftMarking, emptyDraft, type MarkingDraft } from '../../leads/marking-draft.js';
import { errorText } from '../error-text.js';
import { LanguageSelect } from './LanguageSelect.js';
import { EVIDENCE_KIND_KEY } from './lead-text.js';
import { useLabelScope } from '../../session/label-scope.js';
import { MarkingPicker } from './MarkingPicker.js';
import { Portion } from './MarkingText.js';
import { FieldProblem, ServerMessage } from '../FormMessages.js';

/** Something in the workspace a piece of evidence can point at: the selected source, a detection, an annotation of the open video. */
export interface EvidenceLink {
  readonly kind: EvidenceKind;
  readonly ref: string;
  readonly label: string;
}

/** The kinds offered in the form: entities are tied to a lead from the Network tab (their `lead_id`), not added here. */
const FORM_KINDS: readonly EvidenceKind[] = EVIDENCE_KINDS.filter((k) => k !== 'entity');

export interface EvidencePanelProps {
  readonly client: ApiClient;
  readonly lead: LeadDetail;
  readonly canWrite: boolean;
  readonly links: readonly EvidenceLink[];
  readonly onChanged: () => void;
}

function EvidenceForm(p: EvidencePanelProps & { readonly onDone: () => void }): ReactNode {
  const { t, locale } = useI18n();
  const id = useId();
  const [kind, setKind] = useState<EvidenceKind>('note');
  const [ref, setRef] = useState('');
  const [text, setText] = useState('');
  const [lang, setLang] = useState<TextLanguage>(locale);
  const scope = useLabelScope();
  const [marking, setMarking] = useState<MarkingDraft>(() => emptyDraft(scope.organisation));
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const checked = readEvidenceForm(kind, ref, text);
  const problem = shown && !checked.ok ? checked.problem : null;
  const offered = p.links.filter((l) => l.kind === kind);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setShown(true);
    if (!checked.ok) return;
    setBusy(true);
    setError(null);
    p.client.addEvidence(p.lead.id, { kind, ref: checked.value.ref, text: checked.value.text, lang, marking: draftMarking(marking) }).then(
      () => {
        setBusy(false);
        setText('');
        setRef('');
        setShown(false);
        p.onChanged();
        p.onDone();
      },
      (err: unknown) => {
        setBusy(false);
        setError(errorText(t, err));
      },
    );
  };

  return (
    <form className="stack evidence-form" onSubmit={submit} noValidate data-testid="evidence-form">
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('evidence.kind')}</label>
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(e) => {
            const k = FORM_KINDS.find((x) => x === e.target.value);
            if (k !== undefined) {
              setKind(k);
              setRef('');
            }
          }}
          data-testid="evidence-kind"
        >
          {FORM_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(EVIDENCE_KIND_KEY[k])}
            </option>
          ))}
        </select>
      </div>
      {kind !== 'note' && (
        <div className="field">
          <label htmlFor={`${id}-ref`}>{t('evidence.ref')}</label>
          {offered.length > 0 && (
            <select aria-label={t('evidence.pick')} value="" onChange={(e) => e.target.value !== '' && setRef(e.target.value)} data-testid="evidence-link-pick">
              <option value="">{t('evidence.pick')}</option>
              {offered.map((l) => (
                <option key={l.ref} value={l.ref}>
                  {l.label}
                </option>
              ))}
            </select>
          )}
          {offered.length === 0 && <p className="muted small">{t('evidence.nothingSelected')}</p>}
          <input id={`${id}-ref`} type="text" className="mono" value={ref} onChange={(e) => setRef(e.target.value)} aria-invalid={problem?.field === 'ref'} data-testid="evidence-ref" />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-text`}>{kind === 'note' ? t('evidence.noteText') : t('evidence.comment')}</label>
        <textarea id={`${id}-text`} rows={3} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={problem?.field === 'text'} data-testid="evidence-text" />
      </div>
      <LanguageSelect value={lang} onChange={setLang} label={t('leads.textLanguage')} testId="evidence-lang" />
      <MarkingPicker draft={marking} onChange={setMarking} legend={t('evidence.marking')} testId="evidence-marking" />
      <FieldProblem problem={problem} />
      <ServerMessage text={error} testId="evidence-error" />
      <div className="row">
        <button type="submit" className="primary small" disabled={busy} data-testid="evidence-submit">
          {t('evidence.add')}
        </button>
        <button type="button" className="small" onClick={p.onDone}>
          {t('annotation.cancel')}
        </button>
      </div>
    </form>
  );
}

export function EvidencePanel(p: EvidencePanelProps): ReactNode {
  const { t, intl } = useI18n();
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const l = p.lead;
  const remove = (evidenceId: string): void => {
    if (!window.confirm(t('evidence.confirmRemove'))) return;
    setError(null);
    p.client.removeEvidence(l.id, evidenceId).then(p.onChanged, (err: unknown) => setError(errorText(t, err)));
  };
  return (
    <section className="lead-evidence" data-testid="lead-evidence">
      <h3>{t('evidence.title', { count: l.evidence.length })}</h3>
      {l.evidence.length === 0 && <p className="muted small">{t('evidence.empty')}</p>}
      <ul className="evidence-items">
        {l.evidence.map((e) => (
          <li key={e.id} className="evidence-item" data-testid="evidence-item" data-kind={e.kind} data-portion={e.portion}>
            <div className="evidence-head">
              <Portion text={e.portion} testId="evidence-portion" /> <span className="kind-badge">{t(EVIDENCE_KIND_KEY[e.kind])}</span>
              {e.ref !== null && <span className="mono small"> {e.ref}</span>}
            </div>
            {e.text !== '' && (
              <div className="evidence-text" lang={e.lang} data-testid="evidence-text-shown">
                {e.text}
              </div>
            )}
            <div className="muted small">
              {t('annotations.by', { who: e.addedBy })} · {formatIsoLocal(intl, e.addedAt)}
              {p.canWrite && (
                <>
                  {' '}
                  <button type="button" className="link-like small" onClick={() => remove(e.id)} data-testid="evidence-remove">
                    {t('evidence.remove')}
                  </button>
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {p.canWrite && !adding && (
        <button type="button" className="small" onClick={() => setAdding(true)} data-testid="evidence-open">
          {t('evidence.addOpen')}
        </button>
      )}
      {p.canWrite && adding && <EvidenceForm {...p} onDone={() => setAdding(false)} />}
      <p className="muted small">{t('evidence.releaseRule')}</p>
    </section>
  );
}
