/**
 * The annotations and bookmarks of the video in the player, in timeline
 * order, kept current by the live feed (anyone's changes), with the calls
 * that change them. A refusal (not the author, not signed in as an analyst)
 * is the server's error, passed on to the component that asked.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../api/client.js';
import type { Annotation } from '../api/schema/annotation.js';
import type { AnnotationId, VideoId } from '../api/schema/ids.js';
import type { AnnotationPatch, NewAnnotation } from '../video/annotation-request.js';
import { useLive, type LiveHub } from './live-hub.js';

export interface VideoAnnotationsState {
  readonly list: readonly Annotation[] | null;
  readonly error: unknown;
  readonly create: (a: NewAnnotation) => Promise<Annotation>;
  readonly update: (id: AnnotationId, patch: AnnotationPatch) => Promise<Annotation>;
  readonly remove: (id: AnnotationId) => Promise<void>;
}

function inTimelineOrder(list: readonly Annotation[]): Annotation[] {
  return [...list].sort((a, b) => a.tS - b.tS || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

export function useVideoAnnotations(client: ApiClient, hub: LiveHub, videoId: VideoId | null): VideoAnnotationsState {
  const [list, setList] = useState<readonly Annotation[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(() => {
    if (videoId === null) return undefined;
    const ctl = new AbortController();
    client.annotations(videoId, ctl.signal).then(
      (l) => {
        if (ctl.signal.aborted) return;
        setList(inTimelineOrder(l));
        setError(null);
      },
      (err: unknown) => !ctl.signal.aborted && setError(err),
    );
    return () => ctl.abort();
  }, [client, videoId]);
  useEffect(() => {
    setList(null);
    setError(null);
    return reload();
  }, [reload]);

  const put = useCallback(
    (a: Annotation) => {
      if (a.videoId !== videoId) return;
      setList((l) => inTimelineOrder([...(l ?? []).filter((x) => x.id !== a.id), a]));
    },
    [videoId],
  );
  const drop = useCallback((id: AnnotationId) => setList((l) => (l === null ? l : l.filter((x) => x.id !== id))), []);

  useLive(hub, {
    onMessage: (m) => {
      if (m.type === 'annotation') put(m.annotation);
      else if (m.type === 'annotation_deleted' && m.videoId === videoId) drop(m.id);
    },
    onReconnect: () => void reload(),
  });

  const create = useCallback(
    async (a: NewAnnotation) => {
      if (videoId === null) throw new Error('no video is open');
      const saved = await client.createAnnotation(videoId, a);
      put(saved);
      return saved;
    },
    [client, videoId, put],
  );
  const update = useCallback(
    async (id: AnnotationId, patch: AnnotationPatch) => {
      const saved = await client.updateAnnotation(id, patch);
      put(saved);
      return saved;
    },
    [client, put],
  );
  const remove = useCallback(
    async (id: AnnotationId) => {
      await client.deleteAnnotation(id);
      drop(id);
    },
    [client, drop],
  );

  return { list, error, create, update, remove };
}
