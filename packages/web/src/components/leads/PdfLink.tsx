/**
 * A PDF rendering fetched on request: the server prints it with Chromium,
 * which can take seconds, or answers 503 NARIZ_UNAVAILABLE when it has no
 * Chromium — whose message (with the fix) is shown as it is. Once fetched,
 * a link opens it.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { ApiClient } from '../../api/client.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { errorText } from '../error-text.js';

type PdfState = { readonly s: 'idle' } | { readonly s: 'busy' } | { readonly s: 'ready'; readonly url: string; readonly bytes: number } | { readonly s: 'failed'; readonly message: string };

export function PdfLink(p: { readonly client: ApiClient; readonly path: string; readonly filename: string; readonly label: string; readonly testId: string }): ReactNode {
  const { t, intl } = useI18n();
  const [state, setState] = useState<PdfState>({ s: 'idle' });
  const url = state.s === 'ready' ? state.url : null;
  useEffect(() => () => {
    if (url !== null) URL.revokeObjectURL(url);
  }, [url]);
  const fetchPdf = (): void => {
    setState({ s: 'busy' });
    p.client.rendering(p.path).then(
      (blob) => setState({ s: 'ready', url: URL.createObjectURL(blob), bytes: blob.size }),
      (err: unknown) => setState({ s: 'failed', message: errorText(t, err) }),
    );
  };
  return (
    <span className="pdf-link" data-testid={p.testId} data-state={state.s}>
      {state.s !== 'ready' && (
        <button type="button" className="small" disabled={state.s === 'busy'} onClick={fetchPdf} data-testid={`${p.testId}-fetch`}>
          {state.s === 'busy' ? t('release.pdfBusy') : p.label}
        </button>
      )}
      {state.s === 'ready' && (
        <a href={state.url} target="_blank" rel="noopener" download={p.filename} data-testid={`${p.testId}-ready`}>
          {t('release.pdfReady', { label: p.label, size: new Intl.NumberFormat(intl, { maximumFractionDigits: 0 }).format(state.bytes / 1024) })}
        </a>
      )}
      {state.s === 'failed' && (
        <span className="error small" role="alert" data-testid={`${p.testId}-error`}>
          {t('release.pdfFailed', { message: state.message })}
        </span>
      )}
    </span>
  );
}
