/**
 * A pixel of the picture put on the ground: the server's point (from the
 * KLV corner points or the sensor model) for the frame at that time, shown
 * on the map, and offered as an annotation or bookmark (analysts).
 */
import { useId, useState, type ReactNode } from 'react';
import { formatLatLon } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { formatPlayerTime } from '../../video/timeline.js';
import type { GroundPickState } from '../../workspace/use-ground-pick.js';
import type { VideoAnnotationsState } from '../../workspace/use-video-annotations.js';
import { errorText } from '../error-text.js';
import { AnnotationForm } from './AnnotationForm.js';
import { PICK_METHOD_KEY } from './video-text.js';

export interface GroundPickPanelProps {
  readonly pick: GroundPickState;
  readonly annotations: VideoAnnotationsState;
  readonly canAnnotate: boolean;
  readonly sortieId: string | null;
  readonly onShow: (lon: number, lat: number) => void;
}

const EMPTY_FORM = { kind: 'annotation', text: '', tags: '', linkKind: '', linkId: '' } as const;

export function GroundPickPanel(p: GroundPickPanelProps): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  // A new form after each save (the same pixel may be saved twice, e.g. as a bookmark too).
  const [saves, setSaves] = useState(0);
  const { at, result, running, error } = p.pick;
  const state = running ? 'running' : error !== null ? 'failed' : result !== null ? 'done' : 'idle';
  return (
    <section className="panel ground-pick" aria-labelledby={`${id}-title`} data-testid="ground-pick" data-state={state} data-lat={result?.lat ?? ''} data-lon={result?.lon ?? ''}>
      <h2 id={`${id}-title`}>{t('pick.title')}</h2>
      {at === null && <p className="small muted">{t('pick.explain')}</p>}
      {at !== null && (
        <p className="small muted">
          {t('pick.at', { time: formatPlayerTime(at.tS), u: at.pixel.u.toFixed(3), v: at.pixel.v.toFixed(3) })}
        </p>
      )}
      {running && <p role="status">{t('pick.running')}</p>}
      {error !== null && (
        <p className="error" role="alert">
          {errorText(t, error)}
        </p>
      )}
      {result !== null && at !== null && (
        <>
          <p data-testid="ground-pick-result">
            <button type="button" className="link-like" onClick={() => p.onShow(result.lon, result.lat)} aria-label={t('pick.show')}>
              {formatLatLon(result.lat, result.lon)}
            </button>{' '}
            <span className="small muted">{t('pick.method', { method: t(PICK_METHOD_KEY[result.method]), time: formatPlayerTime(result.frameTS) })}</span>
          </p>
          {p.canAnnotate && (
            <details open className="pick-save">
              <summary>{t('pick.save')}</summary>
              <AnnotationForm
                key={`${at.tS}:${at.pixel.u}:${at.pixel.v}:${saves}`}
                initial={EMPTY_FORM}
                sortieId={p.sortieId}
                submitLabel={t('pick.saveSubmit')}
                busy={saving}
                testId="pick-save-form"
                onSubmit={(r) => {
                  setSaving(true);
                  setSaved(null);
                  setSaveError(null);
                  p.annotations
                    .create({ tS: at.tS, kind: r.kind, text: r.text, tags: r.tags, link: r.link, pixel: at.pixel, ground: { lat: result.lat, lon: result.lon } })
                    .then(
                      (a) => {
                        setSaving(false);
                        setSaves((n) => n + 1);
                        setSaved(a.text === '' ? formatPlayerTime(a.tS) : a.text);
                      },
                      (err: unknown) => {
                        setSaving(false);
                        setSaveError(err);
                      },
                    );
                }}
              />
            </details>
          )}
          {saved !== null && (
            <p className="notice small" role="status" data-testid="pick-saved">
              {t('pick.saved', { text: saved })}
            </p>
          )}
          {saveError !== null && (
            <p className="error small" role="alert">
              {errorText(t, saveError)}
            </p>
          )}
        </>
      )}
    </section>
  );
}
