/**
 * The services behind the routes, made once per app: the store, the live
 * hub, the job runner and the live detector. Routes get this object; tests
 * reach it as `app.platform` (e.g. to wait until jobs are done).
 */
import { availableParallelism } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { Store } from '@nariz/store';
import { JobRunner } from './jobs/job-runner.js';
import { LiveHub } from './live/hub.js';
import { LiveDetector } from './live/detections.js';
import type { MavlinkUdpListener } from './mavlink/udp-listener.js';
import { AuthorityRegistry } from './flight/authorities.js';
import { VideoService } from './video/video-service.js';
import { securityPolicy, type SecurityPolicy } from '@nariz/security';
import { PdfRenderer } from './leads/pdf-renderer.js';
import { AuditLedger, type AuditLedgerOptions } from './audit/audit-ledger.js';
import { TranslationService } from './translation/translation-service.js';
import type { TranslationConfig } from './translation/translation-config.js';

export interface Platform {
  readonly store: Store;
  readonly hub: LiveHub;
  readonly jobs: JobRunner;
  readonly detector: LiveDetector;
  readonly now: () => Date;
  /** Airspace authorities: the defaults and those stored. */
  readonly authorities: AuthorityRegistry;
  /** The authority live vehicles are checked against, if any. */
  readonly liveAuthorityId: string | undefined;
  /** Full-motion video: files, ffmpeg, the video work queue (video/video-service.ts). */
  readonly video: VideoService;
  /** The audit log as a Merkle tree: proofs, signed checkpoints, the export (audit/audit-ledger.ts). */
  readonly audit: AuditLedger;
  /** The deployment's own country, which markings depend on (docs/security/markings.md). */
  readonly security: SecurityPolicy;
  /** Release PDFs through Chromium (leads/pdf-renderer.ts). */
  readonly pdf: PdfRenderer;
  /** Spanish <-> English translation: the engine registry, opened when the app is ready (translation/translation-service.ts). */
  readonly translation: TranslationService;
  /** Live MAVLink over UDP, when configured (set once the app is ready). */
  mavlink: MavlinkUdpListener | undefined;
}

export interface PlatformOptions {
  readonly store: Store;
  readonly log: FastifyBaseLogger;
  readonly now?: () => Date;
  readonly jobThreads?: number;
  readonly liveAuthorityId?: string;
  /** The video directory, ffmpeg's path and the upload limit (video-service.ts). */
  readonly video?: { readonly dir?: string; readonly ffmpegPath?: string; readonly maxBytes?: number };
  /** ISO 3166-1 alpha-3 (default USA) and Chromium's path (default /usr/bin/chromium). */
  readonly ownCountry?: string;
  readonly chromiumPath?: string;
  /** The checkpoint key (a file, or the directory to keep one in), the log's origin and the checkpoint interval. */
  readonly audit?: Omit<AuditLedgerOptions, 'store' | 'log'>;
  /** Translation's engines and files (absent: not configured, the translation routes answer 503). */
  readonly translation?: TranslationConfig;
}

export function createPlatform(o: PlatformOptions): Platform {
  const now = o.now ?? (() => new Date());
  const hub = new LiveHub();
  // A localisation leaves one core to the server, so ingest and the live push keep their latency while it runs.
  const threads = o.jobThreads ?? Math.max(1, Math.min(8, availableParallelism() - 1));
  const jobs = new JobRunner({ store: o.store, hub, log: o.log, now, threads });
  const detector = new LiveDetector({
    store: o.store,
    hub,
    log: o.log,
    onNewDetections: (id) => {
      jobs.ensureLocate(id).catch((err: unknown) => o.log.error({ err, sortie: id }, 'could not queue a localisation'));
    },
  });
  const video = new VideoService({ store: o.store, hub, log: o.log, now, ...o.video });
  const audit = new AuditLedger({ store: o.store, log: o.log, ...o.audit });
  return { store: o.store, hub, jobs, detector, now, mavlink: undefined, authorities: new AuthorityRegistry(o.store), liveAuthorityId: o.liveAuthorityId, video, audit, security: securityPolicy(o.ownCountry ?? 'USA'), pdf: new PdfRenderer(o.chromiumPath), translation: new TranslationService(o.translation, o.log) };
}

declare module 'fastify' {
  interface FastifyInstance {
    platform: Platform;
  }
}
