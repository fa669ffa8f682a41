/**
 * The original and the translation side by side, one row per paragraph
 * (alignRows): pointing at or focusing either side highlights both
 * paragraphs of the row. On the original, protected entities and glossary
 * terms are highlighted; on the translation, the same entities where they
 * ended up and the engine's marks (unknown words left as written). A PDF's
 * page is shown where it changes.
 */
import { Fragment, useMemo, useState, type ReactNode } from 'react';
import type { TranslatedSegment, Translation } from '../../api/schema/translation.js';
import type { MessageKey } from '../../i18n/catalogue/keys.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { alignRows } from '../../translation/align.js';
import { highlightRuns, type Run, type Tagged } from '../../translation/highlight.js';
import type { Range } from '../../translation/paragraphs.js';
import { ENTITY_KEY, LANGUAGE_KEY, MARK_KEY } from './translation-text.js';

/** What a highlighted stretch is: a protected entity, an engine mark, a glossary term. */
type Tag =
  | { readonly what: 'entity'; readonly kind: string; readonly title: string }
  | { readonly what: 'mark'; readonly kind: string; readonly title: string }
  | { readonly what: 'glossary'; readonly term: string; readonly title: string };

type T = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;

function sourceSpans(s: TranslatedSegment, t: T): Tagged<Tag>[] {
  return [
    ...s.entities.map((e) => ({ start: e.source.start, end: e.source.end, tag: { what: 'entity', kind: e.kind, title: entityTitle(t, e.kind, e.detail) } as const })),
    ...s.glossary.map((g) => ({ start: g.start, end: g.end, tag: { what: 'glossary', term: g.term, title: t('translate.glossaryTitle', { gloss: g.gloss }) } as const })),
  ];
}

function targetSpans(s: TranslatedSegment, t: T): Tagged<Tag>[] {
  const out: Tagged<Tag>[] = [];
  for (const e of s.entities) if (e.target !== null) out.push({ start: e.target.start, end: e.target.end, tag: { what: 'entity', kind: e.kind, title: entityTitle(t, e.kind, e.detail) } });
  for (const m of s.marks) out.push({ start: m.start, end: m.end, tag: { what: 'mark', kind: m.kind, title: t(MARK_KEY[m.kind]) } });
  return out;
}

function entityTitle(t: T, kind: keyof typeof ENTITY_KEY, detail: string | null): string {
  const base = t('translate.entityTitle', { kind: t(ENTITY_KEY[kind]) });
  return detail === null ? base : `${base} — ${detail}`;
}

function RunText(p: { readonly run: Run<Tag> }): ReactNode {
  const r = p.run;
  if (r.tags.length === 0) return r.text;
  const entity = r.tags.find((x) => x.what === 'entity');
  const mark = r.tags.find((x) => x.what === 'mark');
  const gloss = r.tags.find((x) => x.what === 'glossary');
  const cls = [entity !== undefined ? 'tr-entity' : '', mark !== undefined ? `tr-mark tr-mark-${mark.kind}` : '', gloss !== undefined ? 'tr-gloss' : ''].filter((c) => c !== '').join(' ');
  return (
    <span
      className={cls}
      title={r.tags.map((x) => x.title).join('\n')}
      data-testid={entity !== undefined ? 'tr-entity' : mark !== undefined ? 'tr-mark' : 'tr-gloss'}
      {...(entity !== undefined && entity.what === 'entity' ? { 'data-kind': entity.kind } : {})}
      {...(mark !== undefined && mark.what === 'mark' ? { 'data-mark': mark.kind } : {})}
      {...(gloss !== undefined && gloss.what === 'glossary' ? { 'data-term': gloss.term } : {})}
    >
      {r.text}
    </span>
  );
}

function Paragraph(p: {
  readonly text: string;
  readonly range: Range;
  readonly spans: readonly Tagged<Tag>[];
  readonly lang: string;
  readonly side: 'source' | 'target';
  readonly row: number;
  readonly active: boolean;
  readonly onActive: (row: number | null) => void;
}): ReactNode {
  const runs = highlightRuns(p.text, p.range, p.spans);
  return (
    <div
      className={`tr-para tr-${p.side}${p.active ? ' active' : ''}`}
      lang={p.lang}
      tabIndex={0}
      onMouseEnter={() => p.onActive(p.row)}
      onMouseLeave={() => p.onActive(null)}
      onFocus={() => p.onActive(p.row)}
      onBlur={() => p.onActive(null)}
      data-testid={`tr-${p.side}`}
      data-row={p.row}
      data-active={p.active}
    >
      {runs.map((r) => (
        <RunText key={r.start} run={r} />
      ))}
    </div>
  );
}

export function ParallelText(p: { readonly translation: Translation }): ReactNode {
  const { t } = useI18n();
  const tr = p.translation;
  const [active, setActive] = useState<number | null>(null);
  const rows = useMemo(() => alignRows(tr.segments), [tr.segments]);
  const spans = useMemo(() => tr.segments.map((s) => ({ source: sourceSpans(s, t), target: targetSpans(s, t) })), [tr.segments, t]);
  const from = tr.direction === 'es-en' ? 'es' : 'en';
  const to = from === 'es' ? 'en' : 'es';
  return (
    <div className="tr-parallel" data-testid="tr-parallel">
      <div className="tr-parallel-head">
        <div>{t('translate.columnOriginal', { language: t(LANGUAGE_KEY[from]) })}</div>
        <div>{t('translate.columnTranslation', { language: t(LANGUAGE_KEY[to]) })}</div>
      </div>
      {rows.map((row, i) => {
        const seg = tr.segments[row.segment]!;
        const prevPage = i === 0 ? null : tr.segments[rows[i - 1]!.segment]!.page;
        return (
          <Fragment key={i}>
            {seg.page !== null && seg.page !== prevPage && <div className="tr-page muted small">{t('translate.page', { page: seg.page })}</div>}
            <div className={`tr-row${active === i ? ' active' : ''}`}>
              <Paragraph text={seg.source} range={row.source} spans={spans[row.segment]!.source} lang={from} side="source" row={i} active={active === i} onActive={setActive} />
              <Paragraph text={seg.translation} range={row.target} spans={spans[row.segment]!.target} lang={to} side="target" row={i} active={active === i} onActive={setActive} />
            </div>
          </Fragment>
        );
      })}
    </div>
  );
}
