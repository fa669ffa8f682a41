/** An error in words for the user: the server's own message when it sent one. */
import { ApiError } from '../api/api-error.js';
import type { Translate } from '../i18n/i18n-context.js';

export function errorText(t: Translate, err: unknown): string {
  if (err instanceof ApiError) {
    switch (err.kind) {
      case 'server':
        return err.message;
      case 'network':
        return t('error.network');
      case 'http':
        return t('error.http', { status: err.status });
      case 'schema':
        return t('error.unexpected', { detail: err.message });
      case 'aborted':
        return '';
    }
  }
  return err instanceof Error ? err.message : String(err);
}
