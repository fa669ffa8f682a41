/**
 * The left column's video tab: upload (analysts), the clips with their
 * processing state, "which video saw this place?", and the search across
 * every clip's annotations and bookmarks.
 */
import type { ReactNode } from 'react';
import type { ApiClient } from '../../api/client.js';
import type { Annotation } from '../../api/schema/annotation.js';
import type { VideoId } from '../../api/schema/ids.js';
import type { Video } from '../../api/schema/video.js';
import type { VideoWorkspace } from '../../workspace/use-video.js';
import { AnnotationSearch } from './AnnotationSearch.js';
import { CoveragePanel } from './CoveragePanel.js';
import { VideoList } from './VideoList.js';
import { VideoUpload } from './VideoUpload.js';

export interface VideoPanelProps {
  readonly client: ApiClient;
  readonly video: VideoWorkspace;
  readonly canUpload: boolean;
  readonly canDelete: boolean;
  readonly source: { readonly n: number; readonly lat: number; readonly lon: number } | null;
  readonly onUploaded: (v: Video) => void;
  readonly onOpen: (id: VideoId, atS?: number) => void;
  readonly onDelete: (v: Video) => void;
}

export function VideoPanel(p: VideoPanelProps): ReactNode {
  const v = p.video;
  return (
    <div className="video-panel" data-testid="video-panel">
      {p.canUpload && <VideoUpload client={p.client} onUploaded={p.onUploaded} />}
      <VideoList videos={v.videos} openId={v.openId} canDelete={p.canDelete} onOpen={(id) => p.onOpen(id)} onDelete={p.onDelete} />
      <CoveragePanel coverage={v.coverage} source={p.source} onOpen={p.onOpen} />
      <AnnotationSearch search={v.search} videos={v.videos.videos ?? []} onOpen={(a: Annotation) => p.onOpen(a.videoId, a.tS)} />
    </div>
  );
}
