/**
 * Upload of a sortie CSV by drag and drop or the file picker, with a
 * progress bar from the request's upload events. The server stores the file
 * as it streams in and queues a localisation when it completes.
 */
import { useId, useState, type ReactNode } from 'react';
import type { ApiClient } from '../api/client.js';
import type { Sortie } from '../api/schema/sortie.js';
import { useI18n } from '../i18n/i18n-context.js';
import { errorText } from './error-text.js';
import { FileDropZone } from './FileDropZone.js';

type UploadState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'sending'; readonly name: string; readonly fraction: number }
  | { readonly phase: 'processing'; readonly name: string }
  | { readonly phase: 'done'; readonly name: string; readonly warnings: readonly string[] }
  | { readonly phase: 'failed'; readonly name: string; readonly message: string };

export function UploadPanel(p: { readonly client: ApiClient; readonly onUploaded: (s: Sortie) => void }): ReactNode {
  const { t, intl } = useI18n();
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const [simulated, setSimulated] = useState(false);
  const titleId = useId();
  const busy = state.phase === 'sending' || state.phase === 'processing';

  const start = (file: File): void => {
    if (!file.name.toLowerCase().endsWith('.csv')) {
      setState({ phase: 'failed', name: file.name, message: t('upload.notCsv') });
      return;
    }
    setState({ phase: 'sending', name: file.name, fraction: 0 });
    const h = p.client.uploadSortie(file, file.name, simulated, ({ loaded, total }) => {
      const fraction = total > 0 ? Math.min(1, loaded / total) : 0;
      setState(fraction >= 1 ? { phase: 'processing', name: file.name } : { phase: 'sending', name: file.name, fraction });
    });
    h.done.then(
      (r) => {
        setState({ phase: 'done', name: file.name, warnings: r.warnings });
        p.onUploaded(r.sortie);
      },
      (err: unknown) => setState({ phase: 'failed', name: file.name, message: errorText(t, err) }),
    );
  };


  const fraction = state.phase === 'sending' ? state.fraction : state.phase === 'idle' || state.phase === 'failed' ? 0 : 1;
  const percent = new Intl.NumberFormat(intl, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);

  return (
    <section className="panel upload" aria-labelledby={`${titleId}-title`}>
      <h2 id={`${titleId}-title`}>{t('upload.title')}</h2>
      <FileDropZone
        accept=".csv,text/csv"
        disabled={busy}
        dropText={t('upload.drop')}
        chooseText={t('upload.choose')}
        inputLabel={t('upload.inputLabel')}
        testId="upload"
        onFile={start}
      />
      <label className="checkbox">
        <input type="checkbox" checked={simulated} onChange={(e) => setSimulated(e.target.checked)} data-testid="upload-simulated" />
        {t('upload.simulated')}
      </label>
      {state.phase !== 'idle' && (
        <div className="upload-status" data-testid="upload-status" data-phase={state.phase}>
          <progress max={1} value={fraction} aria-label={t('upload.progress', { name: state.name, percent })} data-testid="upload-progress" />
          <p role="status">
            {state.phase === 'sending' && t('upload.progress', { name: state.name, percent })}
            {state.phase === 'processing' && t('upload.processing', { name: state.name })}
            {state.phase === 'done' && t('upload.done', { name: state.name })}
          </p>
          {state.phase === 'done' && state.warnings.length > 0 && <p className="warning">{t('upload.warnings', { warnings: state.warnings.join('; ') })}</p>}
          {state.phase === 'failed' && (
            <p className="error" role="alert">
              {t('upload.failed', { name: state.name, message: state.message })}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
