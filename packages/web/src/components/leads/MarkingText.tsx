/**
 * Marking text as the server computed it — a portion mark before a
 * paragraph, or a banner across the top and bottom of what it covers.
 * Never translated (CAPCO text reads the same to everyone who handles it).
 */
import type { ReactNode } from 'react';

export function Portion(p: { readonly text: string; readonly testId?: string }): ReactNode {
  return (
    <span className="portion mono" lang="en" translate="no" data-testid={p.testId ?? 'portion'}>
      {p.text}
    </span>
  );
}

/** The banner of a view: `where` says whether it is the top or the bottom one. */
export function Banner(p: { readonly text: string; readonly where: 'top' | 'bottom'; readonly testId?: string }): ReactNode {
  return (
    <div className={`marking-banner banner-${p.where}`} lang="en" translate="no" role="note" data-testid={p.testId ?? `banner-${p.where}`}>
      {p.text}
    </div>
  );
}
