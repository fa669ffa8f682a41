/**
 * The right column while a clip is in the player: the pixel put on the
 * ground (and saving it), the clip's annotations and bookmarks, and the
 * motion cue.
 */
import type { ReactNode } from 'react';
import type { Session } from '../../api/schema/session.js';
import { canAnalyse } from '../../api/schema/session.js';
import { hasNoMetadata } from '../../api/schema/video.js';
import type { VideoWorkspace } from '../../workspace/use-video.js';
import { AnnotationList } from './AnnotationList.js';
import { GroundPickPanel } from './GroundPickPanel.js';
import { MotionPanel } from './MotionPanel.js';

export interface VideoClipPanelProps {
  readonly video: VideoWorkspace;
  readonly session: Session;
  readonly sortieId: string | null;
  readonly onShow: (lon: number, lat: number) => void;
}

export function VideoClipPanel(p: VideoClipPanelProps): ReactNode {
  const v = p.video;
  const open = v.open;
  if (open === null) return null;
  const analyst = canAnalyse(p.session.role);
  return (
    <div className="video-clip-panel" data-testid="video-clip-panel">
      {!hasNoMetadata(open) && <GroundPickPanel pick={v.pick} annotations={v.annotations} canAnnotate={analyst} sortieId={p.sortieId} onShow={p.onShow} />}
      <AnnotationList
        annotations={v.annotations}
        session={p.session}
        sortieId={p.sortieId}
        onSeek={(a) => {
          v.seek(a.tS);
          if (a.ground !== null) p.onShow(a.ground.lon, a.ground.lat);
        }}
      />
      <MotionPanel motion={v.motion} canRun={analyst} ready={open.status === 'ready'} onSeek={v.seek} />
    </div>
  );
}
