/** The video list, kept current by the live feed (uploads, processing progress, deletions). */
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../api/client.js';
import type { VideoId } from '../api/schema/ids.js';
import type { Video } from '../api/schema/video.js';
import { useLive, type LiveHub } from './live-hub.js';

export interface VideosState {
  readonly videos: readonly Video[] | null;
  readonly error: unknown;
  readonly reload: () => void;
  /** Puts a video the app already has (an upload's answer) into the list at once. */
  readonly upsert: (v: Video) => void;
  readonly remove: (id: VideoId) => void;
}

function upsertInto(list: readonly Video[] | null, v: Video): Video[] {
  const rest = (list ?? []).filter((x) => x.id !== v.id);
  // Newest first, as the API lists them.
  return [v, ...rest].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

export function useVideos(client: ApiClient, hub: LiveHub): VideosState {
  const [videos, setVideos] = useState<readonly Video[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(() => {
    client.videos().then(
      (list) => {
        setVideos(list);
        setError(null);
      },
      (err: unknown) => setError(err),
    );
  }, [client]);
  useEffect(reload, [reload]);

  const upsert = useCallback((v: Video) => setVideos((list) => upsertInto(list, v)), []);
  const remove = useCallback((id: VideoId) => setVideos((list) => (list ?? []).filter((x) => x.id !== id)), []);

  useLive(hub, {
    onMessage: (m) => {
      if (m.type === 'video') upsert(m.video);
      else if (m.type === 'video_deleted') remove(m.id);
    },
    onReconnect: reload,
  });

  return { videos, error, reload, upsert, remove };
}
