/**
 * The TAK stream (docs/exchange/cot.md, "In the platform"): every new
 * release that may go to the TAK server's country is sent there as CoT
 * events (the laboratory point and its hazard zone) over TCP or TLS, by
 * exchange's TakSender (queue, reconnect with backoff).
 *
 * The link acts as a named system subject, `system:tak`: the TAK server's
 * country as nationality, the clearance and accesses the deployment gives
 * the TAK network (tak-config.ts), no organisation of ours (so ORCON never
 * passes). It hears of releases on the live hub (a `lead` message in state
 * `released` follows every release, routes/leads-releases.ts) and then:
 *
 *  1. lists the lead's releases through its own access predicate (the store
 *     filters in the query) — to its country only, unless the TAK server is
 *     the own country's, which may see every release;
 *  2. skips those made before the link started (the start-up sync below
 *     sent those), or already sent;
 *  3. re-checks every portion at the exit for itself and for its country
 *     (export-guard.ts), builds the events (exchange's cotEvents, which
 *     refuses what its own release checks refuse) and queues them.
 *
 * When the link starts it first sends the current picture: for each open
 * lead (not closed) with a release it may stream, the newest such release.
 * The sender's queue is in memory, so a release queued while the TAK server
 * was unreachable and lost with a restart of Nariz is sent again then; CoT
 * events keep their uid from release to release (cot-uids.ts), so a TAK
 * server that already has one only sees it updated.
 *
 * Each release sent is audited `cot.export` (via `tak`, the event count,
 * `reason` release or sync); a refusal `export.refused`. Releases are
 * handled one at a time, in the order they were announced.
 */
import type { FastifyBaseLogger } from 'fastify';
import { cotEvents, TakSender, type CotEvent, type TakBackoff, type TakSenderState } from '@nariz/exchange';
import { accessPredicate, parseSubject, type AccessPredicate, type Subject } from '@nariz/security';
import { leadId, type ReleaseSummary } from '@nariz/store';
import { markingJson } from '../leads/lead-json.js';
import type { Platform } from '../platform.js';
import { releaseExports } from './release-exports.js';
import { throughExit } from './release-exit.js';
import type { TakConfig } from './tak-config.js';

export const TAK_ACTOR = 'system:tak';

/** The most releases the start-up sync reads (newest first). */
const SYNC_LIMIT = 10_000;

export interface TakLinkOptions {
  readonly platform: Platform;
  readonly config: TakConfig;
  readonly log: FastifyBaseLogger;
  /** Reconnection delays (tests shorten them). */
  readonly backoff?: Partial<TakBackoff>;
}

export interface TakLinkStatus {
  readonly configured: true;
  readonly host: string;
  readonly port: number;
  readonly tls: boolean;
  readonly releasable_to: string;
  readonly clearance: string;
  readonly accesses: readonly string[];
  readonly state: TakSenderState['state'] | 'stopped';
  readonly last_error: string | null;
  /** Releases made from this time on are streamed. */
  readonly since: string | null;
  readonly releases_sent: number;
  readonly releases_refused: number;
  readonly events_queued: number;
  readonly events_written: number;
  readonly events_dropped: number;
  readonly connections: number;
}

export class TakLink {
  readonly #p: Platform;
  readonly #cfg: TakConfig;
  readonly #log: FastifyBaseLogger;
  readonly #backoff: Partial<TakBackoff> | undefined;
  readonly #subject: Subject;
  #sender: TakSender | undefined;
  #unsubscribe: (() => void) | undefined;
  #since = 0;
  #state: TakSenderState['state'] | 'stopped' = 'stopped';
  #lastError: string | null = null;
  #work: Promise<void> = Promise.resolve();
  readonly #sent = new Set<string>();
  #refused = 0;

  constructor(o: TakLinkOptions) {
    this.#p = o.platform;
    this.#cfg = o.config;
    this.#log = o.log;
    this.#backoff = o.backoff;
    this.#subject = parseSubject({
      username: TAK_ACTOR, clearance: o.config.clearance, nationality: o.config.releasableTo, organisation: `TAK server ${o.config.host}`, roles: [], accesses: [...o.config.accesses],
    });
  }

  /** Connects (the sender retries until close) and starts listening for releases. */
  start(): void {
    if (this.#sender !== undefined) return;
    const c = this.#cfg;
    this.#since = this.#p.now().getTime();
    this.#sender = new TakSender({
      host: c.host,
      port: c.port,
      ...(c.tls === undefined ? {} : { tls: { ca: { file: c.tls.ca }, cert: { file: c.tls.cert }, key: { file: c.tls.key } } }),
      ...(this.#backoff === undefined ? {} : { backoff: this.#backoff }),
      onStateChange: (s) => this.#onState(s),
    });
    this.#unsubscribe = this.#p.hub.subscribe((m) => {
      if (m.type === 'lead' && m.status === 'released') this.#work = this.#work.then(() => this.#leadReleased(m.id));
    });
    this.#work = this.#work.then(() => this.#syncOpenLeads());
  }

  /** Resolves when every release announced so far has been handled (queued or refused). */
  idle(): Promise<void> {
    return this.#work;
  }

  async close(): Promise<void> {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    await this.#work;
    const s = this.#sender;
    if (s === undefined) return;
    try {
      await s.flush(2_000);
    } catch (err) {
      this.#log.warn({ err }, 'TAK link closed with events unsent');
    }
    await s.close();
  }

  status(): TakLinkStatus {
    const c = this.#cfg;
    const st = this.#sender?.stats();
    return {
      configured: true, host: c.host, port: c.port, tls: c.tls !== undefined, releasable_to: c.releasableTo, clearance: c.clearance, accesses: c.accesses,
      state: this.#state, last_error: this.#lastError, since: this.#sender === undefined ? null : new Date(this.#since).toISOString(),
      releases_sent: this.#sent.size, releases_refused: this.#refused,
      events_queued: st === undefined ? 0 : st.queued + st.inFlight, events_written: st?.written ?? 0, events_dropped: st?.dropped ?? 0, connections: st?.connections ?? 0,
    };
  }

  #onState(s: TakSenderState): void {
    this.#state = s.state;
    if (s.state === 'waiting') {
      this.#lastError = s.error;
      this.#log.warn({ host: this.#cfg.host, port: this.#cfg.port, error: s.error, retry_ms: s.delayMs }, 'TAK server link down');
    } else if (s.state === 'connected') {
      this.#log.info({ host: this.#cfg.host, port: this.#cfg.port }, 'TAK server link up');
    }
  }

  async #leadReleased(id: string): Promise<void> {
    try {
      await this.#send(id);
    } catch (err) {
      this.#log.error({ err, lead: id }, 'could not stream a release to the TAK server');
    }
  }

  /** The releases this link may stream: to its country, or every one when the TAK server is the own country's. */
  #query(): { readonly who: AccessPredicate; readonly own: boolean } {
    return { who: accessPredicate(this.#subject, this.#p.security), own: this.#cfg.releasableTo === this.#p.security.ownCountry };
  }

  async #syncOpenLeads(): Promise<void> {
    const p = this.#p;
    try {
      const { who, own } = this.#query();
      const newest = new Map<string, ReleaseSummary>();
      // Newest first: the first release seen of a lead is its newest.
      for (const s of await p.store.releases.listReleases(who, { ...(own ? {} : { partnerCountry: this.#cfg.releasableTo }), limit: SYNC_LIMIT })) {
        if (!newest.has(s.leadId)) newest.set(s.leadId, s);
      }
      for (const s of [...newest.values()].reverse()) {
        const lead = await p.store.leads.getLead(s.leadId, who);
        if (lead === undefined || lead.status === 'closed') continue;
        await this.#stream(s, 'sync');
      }
    } catch (err) {
      this.#log.error({ err }, 'could not send the open leads to the TAK server at start');
    }
  }

  async #send(id: string): Promise<void> {
    const { who, own } = this.#query();
    const releases = await this.#p.store.releases.listReleases(who, { leadId: leadId(id), ...(own ? {} : { partnerCountry: this.#cfg.releasableTo }), limit: 1000 });
    for (const s of [...releases].reverse()) {
      if (this.#sent.has(s.id) || Date.parse(s.createdAt) < this.#since) continue;
      await this.#stream(s, 'release');
    }
  }

  /** Re-checks one release at the exit, queues its events and audits it; a refusal is counted and audited by the exit. */
  async #stream(s: ReleaseSummary, reason: 'release' | 'sync'): Promise<void> {
    const p = this.#p;
    const c = this.#cfg;
    const { who, own } = this.#query();
    const r = await p.store.releases.getRelease(s.id, who, own ? undefined : c.releasableTo);
    if (r === undefined) return;
    let events: CotEvent[];
    try {
      events = await throughExit(p, this.#subject, r, releaseExports(p).of(r), { format: 'cot', via: 'tak', recipients: [c.releasableTo] }, (x) => cotEvents(x.package()));
    } catch (err) {
      this.#refused += 1;
      this.#log.warn({ err, release: r.id }, 'release not streamed to the TAK server');
      return;
    }
    this.#sent.add(r.id);
    const queued = this.#sender?.send(events) ?? false;
    if (!queued) this.#log.error({ release: r.id, events: events.length }, 'TAK queue full: release not streamed');
    await p.store.audit.append({
      actor: TAK_ACTOR, action: 'cot.export', target: r.id,
      details: { lead_id: r.leadId, via: 'tak', reason, host: c.host, port: c.port, events: events.length, queued, partner_country: r.partnerCountry, marking: markingJson(r.marking) },
    });
  }
}
