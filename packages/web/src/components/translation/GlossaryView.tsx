/**
 * The slang glossary in the translation tab's main view: searchable (a
 * substring, a category, unreviewed only), paged, each term with its
 * variants, its literal meaning and its slang sense side by side, the
 * neutral Spanish it is rewritten to or that it is only listed, category,
 * region, note, and a reviewed/unreviewed badge — under the caveat that
 * many terms have an innocent literal meaning. Administrators (the server
 * says who: `editable`) add, edit, delete (asked twice) and mark entries
 * reviewed; an edit from an older version is the server's 409, shown with
 * the way to reload. Opened from a translation's hit, the list is searched
 * for the hit's term and its entry is highlighted and scrolled to (or the
 * view says it is no longer there); read-only for those who may not edit.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { GLOSSARY_CATEGORIES, type GlossaryCategory, type GlossaryEntry } from '../../api/schema/translation-glossary.js';
import { useI18n } from '../../i18n/i18n-context.js';
import type { GlossaryWorkspace } from '../../workspace/use-translation-glossary.js';
import { errorText } from '../error-text.js';
import { GlossaryEntryForm } from './GlossaryEntryForm.js';
import { focusIndex } from '../../translation/glossary-focus.js';
import { categoryKey } from './translation-text.js';

const isCategory = (s: string): s is GlossaryCategory => (GLOSSARY_CATEGORIES as readonly string[]).includes(s);

/** The highlight of the entry opened from a translation (inline: the shared stylesheet is not this tab's). */
const FOCUSED_STYLE = { borderColor: 'var(--accent)', background: '#122434' } as const;

function EntryItem(p: { readonly e: GlossaryEntry; readonly g: GlossaryWorkspace; readonly editable: boolean; readonly focused: boolean }): ReactNode {
  const { t, intl } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const ref = useRef<HTMLLIElement>(null);
  const { e, g } = p;
  useEffect(() => {
    if (p.focused) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [p.focused]);
  const ck = categoryKey(e.category);
  const editingThis = g.editing?.kind === 'edit' && g.editing.entry.id === e.id;
  const reviewed = e.reviewedBy !== null;
  const date = (iso: string): string => new Intl.DateTimeFormat(intl, { dateStyle: 'medium' }).format(new Date(iso));
  return (
    <li
      ref={ref}
      className="tr-glossary-hit"
      style={p.focused ? FOCUSED_STYLE : undefined}
      aria-current={p.focused ? 'true' : undefined}
      data-testid="tr-gl-entry"
      data-id={e.id}
      data-term={e.term}
      data-reviewed={reviewed}
      data-version={e.version}
      data-focused={p.focused}
    >
      <div className="row">
        <strong lang="es">{e.term}</strong>
        {e.variants.length > 0 && (
          <span className="muted small" lang="es">
            {t('translate.gl.variantsList', { variants: e.variants.join(', ') })}
          </span>
        )}
        <span className={`kind-badge${reviewed ? '' : ' tr-unreviewed'}`} data-testid="tr-gl-badge">
          {reviewed ? t('translate.gl.reviewedBy', { reviewer: e.reviewedBy ?? '', date: date(e.reviewedAt ?? e.updatedAt) }) : t('translate.hitUnreviewed')}
        </span>
      </div>
      <div className="tr-row">
        <div data-testid="tr-gl-literal">{e.literal === '' ? t('translate.hitNoLiteral') : t('translate.hitLiteral', { literal: e.literal })}</div>
        <div data-testid="tr-gl-slang">{t('translate.hitSlang', { gloss: e.gloss })}</div>
      </div>
      <div className="small" data-testid="tr-gl-action">
        {e.action === 'replace' ? t('translate.gl.rewrittenAs', { neutral: e.neutral }) : t('translate.gl.onlyListed', { neutral: e.neutral })}
      </div>
      <div className="muted small">
        {ck === undefined ? e.category : t(ck)} · {e.region}
        {e.note !== '' && <> · {e.note}</>}
      </div>
      <div className="muted small">{t('translate.gl.changed', { who: e.updatedBy, date: date(e.updatedAt) })}</div>
      {p.editable && !editingThis && (
        <div className="row">
          <button type="button" className="small" onClick={() => g.startEdit(e)} data-testid="tr-gl-edit">
            {t('translate.gl.edit')}
          </button>
          {!reviewed && (
            <button type="button" className="small" onClick={() => g.review(e)} data-testid="tr-gl-review">
              {t('translate.gl.markReviewed')}
            </button>
          )}
          {confirming ? (
            <>
              <button type="button" className="small danger" onClick={() => g.remove(e)} data-testid="tr-gl-delete-confirm">
                {t('translate.gl.deleteConfirm', { term: e.term })}
              </button>
              <button type="button" className="small" onClick={() => setConfirming(false)}>
                {t('translate.gl.cancel')}
              </button>
            </>
          ) : (
            <button type="button" className="small" onClick={() => setConfirming(true)} data-testid="tr-gl-delete">
              {t('translate.gl.delete')}
            </button>
          )}
        </div>
      )}
      {editingThis && <GlossaryEntryForm g={g} />}
      {g.actionError?.id === e.id && (
        <p className="error server-message small" role="alert" data-testid="tr-gl-action-error">
          {g.isConflict(g.actionError.error) ? t('translate.gl.conflict', { message: errorText(t, g.actionError.error) }) : errorText(t, g.actionError.error)}
        </p>
      )}
    </li>
  );
}

export function GlossaryView(p: { readonly g: GlossaryWorkspace }): ReactNode {
  const { t } = useI18n();
  const g = p.g;
  const page = g.page;
  const editable = page?.editable === true;
  const first = page === null || page.total === 0 ? 0 : g.offset + 1;
  const last = page === null ? 0 : g.offset + page.entries.length;
  const focusAt = page === null ? -1 : focusIndex(page.entries, g.focus);
  return (
    <div className="stack" data-testid="tr-glossary-view" data-state={g.loading ? 'loading' : 'done'} data-editable={editable}>
      <h2>{t('translate.gl.title')}</h2>
      <p className="tr-glossary-caveat" role="note">
        {t('translate.glossaryCaveat')}
      </p>
      {page !== null && (
        <p className="muted small" data-testid="tr-gl-counts">
          {t('translate.gl.counts', { entries: page.counts.entries, reviewed: page.counts.reviewed })} {editable ? t('translate.gl.youEdit') : t('translate.gl.adminsEdit')}
        </p>
      )}
      <div className="row">
        <input type="search" value={g.q} placeholder={t('translate.gl.search')} aria-label={t('translate.gl.search')} onChange={(e) => g.setQ(e.target.value)} data-testid="tr-gl-search" />
        <select
          value={g.category ?? ''}
          aria-label={t('translate.gl.category')}
          onChange={(e) => g.setCategory(isCategory(e.target.value) ? e.target.value : null)}
          data-testid="tr-gl-category"
        >
          <option value="">{t('translate.gl.allCategories')}</option>
          {GLOSSARY_CATEGORIES.map((c) => {
            const k = categoryKey(c);
            return (
              <option key={c} value={c}>
                {k === undefined ? c : t(k)}
              </option>
            );
          })}
        </select>
        <label className="checkbox">
          <input type="checkbox" checked={g.unreviewedOnly} onChange={(e) => g.setUnreviewedOnly(e.target.checked)} data-testid="tr-gl-unreviewed" />
          {t('translate.gl.unreviewedOnly')}
        </label>
        {editable && g.editing?.kind !== 'new' && (
          <button type="button" className="small" onClick={g.startNew} data-testid="tr-gl-add">
            {t('translate.gl.add')}
          </button>
        )}
      </div>
      {g.focus !== null && (
        <p className="small row" data-testid="tr-gl-focus" data-found={focusAt >= 0}>
          <span>{page !== null && !g.loading && focusAt < 0 ? t('translate.gl.focusMissing', { term: g.focus.term }) : t('translate.gl.focused', { term: g.focus.term })}</span>
          <button type="button" className="small" onClick={() => g.setQ('')} data-testid="tr-gl-focus-clear">
            {t('translate.gl.showAll')}
          </button>
        </p>
      )}
      {g.editing?.kind === 'new' && <GlossaryEntryForm g={g} />}
      {g.error !== null && (
        <p className="error" role="alert" data-testid="tr-gl-error">
          {errorText(t, g.error)}{' '}
          <button type="button" className="small" onClick={g.reload}>
            {t('common.retry')}
          </button>
        </p>
      )}
      {page === null && g.error === null && <p className="muted">{t('translate.gl.loading')}</p>}
      {page !== null && page.entries.length === 0 && <p className="muted" data-testid="tr-gl-empty">{t('translate.gl.none')}</p>}
      {page !== null && (
        <ul className="tr-glossary-items" data-testid="tr-gl-list" data-total={page.total}>
          {page.entries.map((e) => (
            <EntryItem key={e.id} e={e} g={g} editable={editable} focused={e.id === g.focus?.id} />
          ))}
        </ul>
      )}
      {page !== null && page.total > page.limit && (
        <div className="row small">
          <button type="button" className="small" disabled={g.offset === 0} onClick={() => g.setOffset(Math.max(0, g.offset - page.limit))} data-testid="tr-gl-prev">
            {t('translate.gl.prev')}
          </button>
          <span data-testid="tr-gl-range">{t('translate.gl.range', { first, last, total: page.total })}</span>
          <button type="button" className="small" disabled={last >= page.total} onClick={() => g.setOffset(g.offset + page.limit)} data-testid="tr-gl-next">
            {t('translate.gl.next')}
          </button>
        </div>
      )}
    </div>
  );
}
