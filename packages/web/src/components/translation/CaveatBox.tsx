/**
 * The caveat every translation is shown under: "Machine translation —
 * check before use" in the reader's language, the engine with its version,
 * the direction (and, when the server chose it, the detection's scores),
 * the document read, and the server's fixed sentence in both languages,
 * so a reader of either language sees it whatever the direction.
 */
import type { ReactNode } from 'react';
import type { Translation } from '../../api/schema/translation.js';
import { formatInteger } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { DIRECTION_KEY } from './translation-text.js';

export function CaveatBox(p: { readonly translation: Translation }): ReactNode {
  const { t, intl } = useI18n();
  const tr = p.translation;
  const doc = tr.document;
  const fallbacks = tr.segments.filter((s) => s.protection === 'fallback').length;
  return (
    <div className="tr-caveat" role="note" data-testid="tr-caveat" data-engine={tr.engine.id} data-direction={tr.direction}>
      <strong className="tr-caveat-title">{t('translate.caveatTitle')}</strong>
      <div data-testid="tr-caveat-engine">{t('translate.caveatEngine', { engine: tr.engine.id, version: tr.engine.version })}</div>
      <div>
        {t('translate.caveatDirection', { direction: t(DIRECTION_KEY[tr.direction]) })}
        {tr.detected !== null && <span className="muted"> — {t('translate.detected', { es: tr.detected.es, en: tr.detected.en })}</span>}
      </div>
      {doc !== null && (
        <div data-testid="tr-document">
          {t('translate.documentInfo', { name: doc.name, format: doc.format, characters: formatInteger(intl, doc.characters) })}
          {doc.pages !== null && <>; {t('translate.documentPages', { pages: doc.pages })}</>}
          {doc.encoding !== null && doc.format === 'txt' && <>; {t('translate.documentEncoding', { encoding: doc.encoding })}</>}
        </div>
      )}
      <div className="tr-caveat-fixed small">
        <span lang="en">{tr.caveat.en}</span> <span lang="es">{tr.caveat.es}</span>
      </div>
      {fallbacks > 0 && (
        <div className="warning" data-testid="tr-fallback">
          {t('translate.fallback', { count: fallbacks })}
        </div>
      )}
    </div>
  );
}
