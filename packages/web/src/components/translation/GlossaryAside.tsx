/**
 * The slang glossary's hits beside the output, one per term: the forms
 * written and how often, whether the term was rewritten to neutral Spanish
 * before translation or only listed, its slang sense and its innocent
 * literal meaning, category and region, and whether a reviewer has signed
 * it — under the caveat that many terms have an innocent literal meaning.
 * Each hit opens its entry in the glossary view ("Open in the glossary":
 * admins review or correct it there, others read it); a hit whose entry
 * was edited, reviewed or deleted since the translation was asked for
 * says it was made with the previous version ("re-translate to apply").
 * Then the words the engine did not know (left as written).
 */
import { useMemo, type ReactNode } from 'react';
import type { Translation } from '../../api/schema/translation.js';
import { useI18n } from '../../i18n/i18n-context.js';
import type { GlossaryChangeKind } from '../../translation/glossary-changes.js';
import { glossaryList } from '../../translation/glossary-list.js';
import { categoryKey } from './translation-text.js';

export interface GlossaryAsideProps {
  readonly translation: Translation;
  readonly glossaryApplied: boolean;
  /** Entries changed since the translation was asked for (use-translation.ts). */
  readonly changed: ReadonlyMap<string, Exclude<GlossaryChangeKind, 'created'>>;
  readonly onOpen: (entryId: string, term: string) => void;
}

export function GlossaryAside(p: GlossaryAsideProps): ReactNode {
  const { t } = useI18n();
  const tr = p.translation;
  const items = useMemo(() => glossaryList(tr.segments), [tr.segments]);
  const unknown = useMemo(() => {
    const words: string[] = [];
    for (const s of tr.segments) for (const m of s.marks) if (m.kind === 'unknown' && !words.includes(m.form)) words.push(m.form);
    return words;
  }, [tr.segments]);
  return (
    <aside className="tr-side" data-testid="tr-side">
      <section className="tr-glossary" data-testid="tr-glossary" data-count={items.length}>
        <h3>{t('translate.glossaryHits', { count: items.length })}</h3>
        {tr.direction === 'es-en' && (
          <p className="tr-glossary-caveat" role="note" data-testid="tr-glossary-caveat">
            {t('translate.glossaryCaveat')}
          </p>
        )}
        {tr.direction === 'en-es' && <p className="muted small">{t('translate.glossarySpanishOnly')}</p>}
        {tr.direction === 'es-en' && !p.glossaryApplied && <p className="muted small">{t('translate.glossaryOff')}</p>}
        {tr.direction === 'es-en' && p.glossaryApplied && items.length === 0 && <p className="muted small">{t('translate.glossaryNone')}</p>}
        <ul className="tr-glossary-items">
          {items.map(({ hit: h, forms, count }) => {
            const ck = categoryKey(h.category);
            const entryId = h.entryId;
            const change = entryId === null ? undefined : p.changed.get(entryId);
            return (
              <li key={h.term} className="tr-glossary-hit" data-testid="tr-glossary-hit" data-term={h.term} data-applied={h.applied} data-reviewed={h.reviewed} data-stale={change ?? 'false'}>
                {change !== undefined && (
                  <p className="warning small" role="status" data-testid="tr-hit-stale">
                    {change === 'deleted' ? t('translate.hitStaleDeleted') : change === 'reviewed' ? t('translate.hitStaleReviewed') : t('translate.hitStaleEdited')}
                  </p>
                )}
                <div className="row">
                  <strong lang="es">{h.term}</strong>
                  {count > 1 && <span className="muted small">{t('translate.hitCount', { count })}</span>}
                  <span className={`kind-badge${h.reviewed ? '' : ' tr-unreviewed'}`}>{h.reviewed ? t('translate.hitReviewed', { reviewer: h.reviewer ?? '' }) : t('translate.hitUnreviewed')}</span>
                </div>
                {(forms.length > 1 || forms[0] !== h.term) && (
                  <div className="muted small" lang="es">
                    {t('translate.hitForms', { forms: forms.join(', ') })}
                  </div>
                )}
                <div className="small">{h.applied === 'replaced' ? t('translate.hitReplaced', { replacement: h.replacement ?? '' }) : t('translate.hitAnnotated')}</div>
                <div data-testid="tr-hit-gloss">{t('translate.hitSlang', { gloss: h.gloss })}</div>
                <div data-testid="tr-hit-literal">{h.literal === '' ? t('translate.hitNoLiteral') : t('translate.hitLiteral', { literal: h.literal })}</div>
                <div className="muted small">
                  {ck === undefined ? h.category : t(ck)} · {h.region}
                </div>
                {entryId !== null && change !== 'deleted' && (
                  <div>
                    <button type="button" className="small" onClick={() => p.onOpen(entryId, h.term)} data-testid="tr-hit-open" aria-label={t('translate.hitOpenLabel', { term: h.term })}>
                      {t('translate.hitOpen')}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      {unknown.length > 0 && (
        <p className="small tr-unknown-list" data-testid="tr-unknown-list">
          {t('translate.unknownWords', { words: unknown.join(', ') })}
        </p>
      )}
    </aside>
  );
}
