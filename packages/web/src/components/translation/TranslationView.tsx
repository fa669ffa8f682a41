/** Original and translation side by side above the map while the translation tab is open (placeholder). */
import type { ReactNode } from 'react';
import type { ApiClient } from '../../api/client.js';

export function TranslationView(p: { readonly client: ApiClient; readonly canSaveToLead: boolean }): ReactNode {
  void p;
  return <div className="translation-view" data-testid="translation-view" />;
}
