/**
 * The translation tab's left panel: the direction (or detection from the
 * text), the engine (the server's choice or one by name) with what the
 * server has for the direction, a pasted text or a document (txt, docx,
 * PDF text layer) dropped or chosen, the options (case names kept as
 * written, the slang glossary on or off) with a summary of the glossary
 * and the button that opens it in the main view, the Translate button,
 * and — for those who may write leads —
 * the lead to save on with the note's marking. The result is in the main
 * view (TranslationView), which shares this state (use-translation.ts).
 */
import { useId, type FormEvent, type ReactNode } from 'react';
import { DIRECTIONS } from '../../api/schema/translation.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { formatFileSize } from '../../translation/file-size.js';
import type { DirectionChoice, InputMode, TranslationWorkspace } from '../../workspace/use-translation.js';
import { errorText } from '../error-text.js';
import { FileDropZone } from '../FileDropZone.js';
import { EngineList } from './EngineList.js';
import { LeadSaveForm } from './LeadSaveForm.js';
import { DIRECTION_KEY } from './translation-text.js';

/** The server's MAX_TEXT_CHARS for a pasted text. */
const MAX_TEXT_CHARS = 100_000;
const ACCEPT = '.txt,.docx,.pdf,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const CHOICES: readonly DirectionChoice[] = ['es-en', 'en-es', 'auto'];
const MODES: readonly InputMode[] = ['text', 'file'];

export interface TranslationPanelProps {
  readonly tr: TranslationWorkspace;
  readonly canSaveToLead: boolean;
}

export function TranslationPanel(p: TranslationPanelProps): ReactNode {
  const { t, intl } = useI18n();
  const id = useId();
  const tr = p.tr;
  const eng = tr.engines;
  const off = eng !== null && !eng.enabled;
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    tr.translate();
  };
  return (
    <div className="tr-panel stack" data-testid="translation-panel">
      <h2>{t('translate.panelTitle')}</h2>
      {tr.enginesError !== null && (
        <p className="error" role="alert">
          {errorText(t, tr.enginesError)}{' '}
          <button type="button" className="small" onClick={tr.reloadEngines}>
            {t('common.retry')}
          </button>
        </p>
      )}
      {eng === null && tr.enginesError === null && <p className="muted small">{t('translate.enginesLoading')}</p>}
      {off && (
        <p className="warning" role="alert" data-testid="tr-unavailable">
          {t('translate.unavailable', { reason: eng.reason ?? '' })}
        </p>
      )}
      <form className="stack" onSubmit={submit} noValidate data-testid="tr-form">
        <fieldset className="group tr-directions">
          <legend>{t('translate.direction')}</legend>
          {CHOICES.map((d) => (
            <label key={d} className="checkbox">
              <input type="radio" name={`${id}-direction`} value={d} checked={tr.direction === d} onChange={() => tr.setDirection(d)} data-testid={`tr-direction-${d}`} />
              {t(DIRECTION_KEY[d])}
            </label>
          ))}
        </fieldset>
        {eng !== null && eng.enabled && <EngineList engines={eng} directions={tr.direction === 'auto' ? DIRECTIONS : [tr.direction]} choice={tr.engine} onChoose={tr.setEngine} />}
        <fieldset className="group">
          <legend>{t('translate.input')}</legend>
          <div className="row tr-modes" role="radiogroup">
            {MODES.map((m) => (
              <label key={m} className="checkbox">
                <input type="radio" name={`${id}-mode`} value={m} checked={tr.mode === m} onChange={() => tr.setMode(m)} data-testid={`tr-mode-${m}`} />
                {t(m === 'text' ? 'translate.mode.text' : 'translate.mode.file')}
              </label>
            ))}
          </div>
          {tr.mode === 'text' && (
            <div className="field">
              <label htmlFor={`${id}-text`}>{t('translate.textLabel')}</label>
              <textarea
                id={`${id}-text`}
                className="tr-textarea"
                rows={10}
                maxLength={MAX_TEXT_CHARS}
                value={tr.text}
                placeholder={t('translate.textPlaceholder')}
                onChange={(e) => tr.setText(e.target.value)}
                data-testid="tr-text"
              />
              <span className="muted small">{t('translate.characters', { count: tr.text.length, max: MAX_TEXT_CHARS })}</span>
            </div>
          )}
          {tr.mode === 'file' && (
            <div className="stack">
              <FileDropZone accept={ACCEPT} disabled={tr.running} dropText={t('translate.dropText')} chooseText={t('translate.chooseFile')} inputLabel={t('translate.fileInput')} testId="tr-file" onFile={tr.setFile} />
              {tr.file !== null && (
                <div className="row small" data-testid="tr-file-chosen">
                  <span className="mono">{t('translate.fileChosen', { name: tr.file.name, size: formatFileSize(intl, tr.file.size) })}</span>
                  <button type="button" className="small" onClick={() => tr.setFile(null)}>
                    {t('translate.fileClear')}
                  </button>
                </div>
              )}
              {eng !== null && <p className="muted small">{t('translate.fileLimits', { size: formatFileSize(intl, eng.documents.maxBytes) })}</p>}
              {eng !== null && !eng.documents.pdf.available && (
                <p className="warning small" data-testid="tr-pdf-unavailable">
                  {t('translate.pdfUnavailable', { detail: eng.documents.pdf.detail })}
                </p>
              )}
            </div>
          )}
        </fieldset>
        <details className="tr-options">
          <summary>{t('translate.options')}</summary>
          <div className="stack">
            <label className="checkbox">
              <input type="checkbox" checked={tr.glossary} onChange={(e) => tr.setGlossary(e.target.checked)} data-testid="tr-glossary-on" />
              {t('translate.glossaryOption')}
            </label>
            <div className="field">
              <label htmlFor={`${id}-names`}>{t('translate.caseNames')}</label>
              <textarea id={`${id}-names`} rows={3} value={tr.caseNames} onChange={(e) => tr.setCaseNames(e.target.value)} data-testid="tr-case-names" />
              <span className="muted small">{t('translate.caseNamesHelp')}</span>
            </div>
          </div>
        </details>
        {eng?.glossary != null && (
          <div className="tr-glossary-summary small" data-testid="tr-glossary-summary">
            <p>{t('translate.glossarySummary', { entries: eng.glossary.entries, reviewed: eng.glossary.reviewed })}</p>
            <button type="button" className="small" aria-pressed={tr.view === 'glossary'} onClick={() => tr.setView(tr.view === 'glossary' ? 'translation' : 'glossary')} data-testid="tr-open-glossary">
              {tr.view === 'glossary' ? t('translate.glossaryClose') : t('translate.glossaryOpen')}
            </button>
          </div>
        )}
        <div className="row">
          <button type="submit" className="primary" disabled={!tr.ready || tr.running || off} data-testid="tr-submit">
            {t('translate.submit')}
          </button>
          {tr.running && (
            <>
              <span className="muted" role="status" data-testid="tr-running">
                {t('translate.running')}
              </span>
              <button type="button" className="small" onClick={tr.cancel}>
                {t('translate.cancel')}
              </button>
            </>
          )}
        </div>
        {tr.error !== null && errorText(t, tr.error) !== '' && (
          <p className="error server-message" role="alert" data-testid="tr-error">
            {errorText(t, tr.error)}
          </p>
        )}
      </form>
      {p.canSaveToLead && <LeadSaveForm tr={tr} />}
    </div>
  );
}
