/**
 * The slang glossary's hits beside the output, one per term: the forms
 * written and how often, whether the term was rewritten to neutral Spanish
 * before translation or only listed, its slang sense and its innocent
 * literal meaning, category and region, and whether a reviewer has signed
 * it — under the caveat that many terms have an innocent literal meaning.
 * Then the words the engine did not know (left as written).
 */
import { useMemo, type ReactNode } from 'react';
import type { Translation } from '../../api/schema/translation.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { glossaryList } from '../../translation/glossary-list.js';
import { categoryKey } from './translation-text.js';

export function GlossaryAside(p: { readonly translation: Translation; readonly glossaryApplied: boolean }): ReactNode {
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
            return (
              <li key={h.term} className="tr-glossary-hit" data-testid="tr-glossary-hit" data-term={h.term} data-applied={h.applied} data-reviewed={h.reviewed}>
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
