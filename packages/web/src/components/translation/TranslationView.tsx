/**
 * The translation tab's main view, above the map: the caveat with the
 * engine and its version, the actions (copy the translation, download it
 * with its caveat and provenance, save it on the lead chosen in the left
 * panel — for those who may write leads), the legend of the highlights,
 * the original and the translation side by side, and the glossary hits
 * beside them; or, switched by the buttons on top (or the panel's), the
 * slang glossary itself (GlossaryView). The state is shared with
 * TranslationPanel.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-context.js';
import { exportDocument, exportFileName, translationText } from '../../translation/export-text.js';
import { MAX_NOTE_SOURCE_CHARS, sourceChars } from '../../translation/save-request.js';
import type { TranslationWorkspace } from '../../workspace/use-translation.js';
import { errorText } from '../error-text.js';
import { saveFile } from '../flight/save-file.js';
import { Portion } from '../leads/MarkingText.js';
import { CaveatBox } from './CaveatBox.js';
import { GlossaryAside } from './GlossaryAside.js';
import { GlossaryView } from './GlossaryView.js';
import { ParallelText } from './ParallelText.js';

export interface TranslationViewProps {
  readonly tr: TranslationWorkspace;
  readonly canSaveToLead: boolean;
}

/** The two things the main view shows, as a pair of toggle buttons. */
function ViewSwitch(p: { readonly tr: TranslationWorkspace }): ReactNode {
  const { t } = useI18n();
  return (
    <div className="row tr-view-switch" role="group" aria-label={t('translate.viewSwitch')}>
      <button type="button" className="small" aria-pressed={p.tr.view === 'translation'} onClick={() => p.tr.setView('translation')} data-testid="tr-view-translation">
        {t('translate.viewTitle')}
      </button>
      <button type="button" className="small" aria-pressed={p.tr.view === 'glossary'} onClick={() => p.tr.setView('glossary')} data-testid="tr-view-glossary">
        {t('translate.gl.title')}
      </button>
    </div>
  );
}

export function TranslationView(p: TranslationViewProps): ReactNode {
  const { t, intl } = useI18n();
  const tr = p.tr;
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const outcome = tr.outcome;
  // "Copied" speaks of the translation it was said for.
  useEffect(() => setCopied(null), [outcome]);
  if (tr.view === 'glossary') {
    return (
      <section className="tr-view" data-testid="translation-view" data-state="glossary" aria-label={t('translate.gl.title')}>
        <ViewSwitch tr={tr} />
        <GlossaryView g={tr.glossaryBook} />
      </section>
    );
  }
  if (outcome === null) {
    return (
      <section className="tr-view" data-testid="translation-view" data-state={tr.running ? 'running' : 'empty'} aria-labelledby="tr-view-title">
        <ViewSwitch tr={tr} />
        <h2 id="tr-view-title">{t('translate.viewTitle')}</h2>
        <p className="muted">{tr.running ? t('translate.running') : t('translate.empty')}</p>
      </section>
    );
  }
  const tn = outcome.translation;
  const lead = tr.leads?.find((l) => l.id === tr.leadId) ?? null;
  const chars = sourceChars(tn);
  const tooLong = chars > MAX_NOTE_SOURCE_CHARS;
  const copy = (): void => {
    setCopied(null);
    navigator.clipboard.writeText(translationText(tn)).then(
      () => setCopied('ok'),
      () => setCopied('failed'),
    );
  };
  const download = (): void => {
    const text = exportDocument(tn, {
      engine: t('translate.exportEngine'),
      direction: t('translate.exportDirection'),
      source: t('translate.exportSource'),
      sourceValue: tn.document === null ? t('translate.pastedText') : `${tn.document.name} (${tn.document.format})`,
      original: t('translate.original'),
      translation: t('translate.translation'),
    });
    saveFile(new Blob([text], { type: 'text/plain;charset=utf-8' }), exportFileName(tn));
  };
  return (
    <section className="tr-view" data-testid="translation-view" data-state={tr.running ? 'running' : 'done'} aria-labelledby="tr-view-title">
      <ViewSwitch tr={tr} />
      <h2 id="tr-view-title" className="visually-hidden">
        {t('translate.viewTitle')}
      </h2>
      <CaveatBox translation={tn} />
      <div className="row tr-actions">
        <button type="button" className="small" onClick={copy} data-testid="tr-copy">
          {t('translate.copy')}
        </button>
        <button type="button" className="small" onClick={download} data-testid="tr-download">
          {t('translate.download')}
        </button>
        {p.canSaveToLead && (
          <button type="button" className="small primary" disabled={lead === null || tr.saving || tooLong} onClick={tr.save} data-testid="tr-save">
            {lead === null ? t('translate.save') : t('translate.saveOn', { title: lead.title })}
          </button>
        )}
        <span role="status" className="small tr-status">
          {copied === 'ok' && <span className="notice" data-testid="tr-copied">{t('translate.copied')}</span>}
          {copied === 'failed' && <span className="warning">{t('translate.copyFailed')}</span>}
          {tr.saving && <span className="muted">{t('translate.saving')}</span>}
          {tr.saved !== null && (
            <span className="notice" data-testid="tr-saved" data-evidence-id={tr.saved.evidence.id}>
              {t('translate.saved', { who: tr.saved.evidence.addedBy })} <Portion text={tr.saved.evidence.portion} testId="tr-saved-portion" />
            </span>
          )}
        </span>
      </div>
      {p.canSaveToLead && lead === null && <p className="muted small">{t('translate.saveChooseLead')}</p>}
      {p.canSaveToLead && tooLong && (
        <p className="warning small" data-testid="tr-too-long">
          {t('translate.tooLongToSave', { chars: new Intl.NumberFormat(intl).format(chars), max: new Intl.NumberFormat(intl).format(MAX_NOTE_SOURCE_CHARS) })}
        </p>
      )}
      {tr.saveError !== null && (
        <p className="error server-message" role="alert" data-testid="tr-save-error">
          {errorText(t, tr.saveError)}
        </p>
      )}
      <div className="tr-legend small" aria-label={t('translate.legend')}>
        <span className="tr-entity">{t('translate.legendEntity')}</span> <span className="tr-mark tr-mark-unknown">{t('translate.legendUnknown')}</span> <span className="tr-gloss">{t('translate.legendGlossary')}</span>
      </div>
      <div className="tr-body">
        <ParallelText translation={tn} />
        <GlossaryAside translation={tn} glossaryApplied={outcome.options.glossary} changed={tr.changedHits} onOpen={tr.openInGlossary} />
      </div>
    </section>
  );
}
