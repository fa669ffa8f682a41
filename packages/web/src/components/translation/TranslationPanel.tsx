/** The translation tab's left panel (placeholder). */
import type { ReactNode } from 'react';
import type { ApiClient } from '../../api/client.js';

export function TranslationPanel(p: { readonly client: ApiClient; readonly canSaveToLead: boolean }): ReactNode {
  void p;
  return <div className="translation-panel" data-testid="translation-panel" />;
}
