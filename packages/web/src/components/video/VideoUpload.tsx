/**
 * Upload of a drone video (MPEG-TS with MISB ST 0601 KLV) by drag and drop
 * or the file picker, with a progress bar from the request's upload
 * events. The server answers once the file is stored and processes it in
 * the background: the list then shows its progress, live.
 */
import { useId, useState, type ReactNode } from 'react';
import type { ApiClient } from '../../api/client.js';
import type { Video } from '../../api/schema/video.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { errorText } from '../error-text.js';
import { FileDropZone } from '../FileDropZone.js';

type UploadState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'sending'; readonly name: string; readonly fraction: number }
  | { readonly phase: 'stored'; readonly name: string }
  | { readonly phase: 'done'; readonly name: string }
  | { readonly phase: 'failed'; readonly name: string; readonly message: string };

export function VideoUpload(p: { readonly client: ApiClient; readonly onUploaded: (v: Video) => void }): ReactNode {
  const { t, intl } = useI18n();
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const titleId = useId();
  const busy = state.phase === 'sending' || state.phase === 'stored';

  const start = (file: File): void => {
    setState({ phase: 'sending', name: file.name, fraction: 0 });
    const h = p.client.uploadVideo(file, file.name, ({ loaded, total }) => {
      const fraction = total > 0 ? Math.min(1, loaded / total) : 0;
      setState(fraction >= 1 ? { phase: 'stored', name: file.name } : { phase: 'sending', name: file.name, fraction });
    });
    h.done.then(
      (v) => {
        setState({ phase: 'done', name: file.name });
        p.onUploaded(v);
      },
      (err: unknown) => setState({ phase: 'failed', name: file.name, message: errorText(t, err) }),
    );
  };


  const fraction = state.phase === 'sending' ? state.fraction : state.phase === 'idle' || state.phase === 'failed' ? 0 : 1;
  const percent = new Intl.NumberFormat(intl, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);

  return (
    <section className="panel upload" aria-labelledby={`${titleId}-title`} data-testid="video-upload">
      <h2 id={`${titleId}-title`}>{t('videoUpload.title')}</h2>
      <FileDropZone
        accept=".ts,.m2ts,.mts,.trp,video/mp2t"
        disabled={busy}
        dropText={t('videoUpload.drop')}
        chooseText={t('upload.choose')}
        inputLabel={t('videoUpload.inputLabel')}
        testId="video-upload"
        onFile={start}
      />
      <p className="small muted">{t('videoUpload.explain')}</p>
      {state.phase !== 'idle' && (
        <div className="upload-status" data-testid="video-upload-status" data-phase={state.phase}>
          <progress max={1} value={fraction} aria-label={t('upload.progress', { name: state.name, percent })} />
          <p role="status">
            {state.phase === 'sending' && t('upload.progress', { name: state.name, percent })}
            {state.phase === 'stored' && t('videoUpload.stored', { name: state.name })}
            {state.phase === 'done' && t('videoUpload.done', { name: state.name })}
          </p>
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
