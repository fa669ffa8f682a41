/** Words for the video codes (annotation kinds, link kinds, ground-pick methods), shared by the video panels. */
import type { AnnotationKind, LinkKind } from '../../api/schema/annotation.js';
import type { GroundPick } from '../../api/schema/video.js';
import type { MessageKey } from '../../i18n/catalogue/keys.js';

export const ANNOTATION_KIND_KEY: Readonly<Record<AnnotationKind, MessageKey>> = {
  annotation: 'annotation.kind.annotation',
  bookmark: 'annotation.kind.bookmark',
};

export const LINK_KIND_KEY: Readonly<Record<LinkKind, MessageKey>> = {
  source: 'annotation.link.source',
  lead: 'annotation.link.lead',
  sortie: 'annotation.link.sortie',
};

export const PICK_METHOD_KEY: Readonly<Record<GroundPick['method'], MessageKey>> = {
  corners: 'pick.method.corners',
  'sensor-model': 'pick.method.sensorModel',
};
