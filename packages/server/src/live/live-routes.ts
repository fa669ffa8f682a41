/**
 * WebSockets.
 *
 *   GET /api/live     every change, pushed as JSON (hub.ts's LiveMessage)
 *   GET /api/ingest   batches in, acknowledgements out, in order
 *
 * Both need a signed-in caller (the session cookie from this server's own
 * origin, or an API token); ingest needs the right to write sorties. A
 * browser that cannot keep up (over 4 MiB unsent) is disconnected rather
 * than allowed to grow the server's memory; it reconnects and reloads.
 */
import type { FastifyPluginAsync } from 'fastify';
import '@fastify/websocket';
import { NarizError } from '@nariz/core';
import { canAccess, type Subject } from '@nariz/security';
import { subjectOfUser } from '../leads/acting-subject.js';
import type { Platform } from '../platform.js';
import { principalOf } from '../auth/auth-plugin.js';
import { ingestBatch } from './ingest.js';

const MAX_BUFFERED = 4 * 1024 * 1024;
const ID = /^[A-Za-z0-9_.:-]{1,128}$/;

interface IngestMessage {
  readonly sortie_id: string;
  readonly batch_id: string;
  readonly csv: string;
}

/** An ingest frame's fields, or the reason it is not one. */
export function parseIngestMessage(text: string): IngestMessage | string {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return 'a frame must be JSON';
  }
  if (typeof v !== 'object' || v === null) return 'a frame must be a JSON object';
  const o = v as Record<string, unknown>;
  if (o['type'] !== 'batch') return 'the only frame type is "batch"';
  const { sortie_id: s, batch_id: b, csv } = o;
  if (typeof s !== 'string' || !ID.test(s)) return 'sortie_id must be an id (letters, digits, _ . : -, up to 128)';
  if (typeof b !== 'string' || !ID.test(b)) return 'batch_id must be an id (letters, digits, _ . : -, up to 128)';
  if (typeof csv !== 'string') return 'csv must be a string of sortie CSV';
  return { sortie_id: s, batch_id: b, csv };
}

export const liveRoutes: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform: p }) => {
  app.get('/live', { websocket: true, schema: { hide: true } }, (socket, req) => {
    const who = principalOf(req).username;
    // Marked messages (leads) go only where their marking allows; the subject is read once, when the socket opens.
    let subject: Subject | undefined;
    void p.store.accounts
      .getUser(who)
      .then((u) => {
        if (u !== undefined) subject = subjectOfUser(u, p.security);
      })
      .catch((err: unknown) => req.log.warn({ err, username: who }, 'live: no subject; marked messages withheld'));
    const off = p.hub.subscribe((m) => {
      if (socket.readyState !== socket.OPEN) return;
      if ('marking' in m && (subject === undefined || !canAccess(subject, m.marking, p.security).allowed)) return;
      if (socket.bufferedAmount > MAX_BUFFERED) {
        req.log.warn({ username: who }, 'live client too slow; disconnected');
        socket.close(1013, 'too slow');
        return;
      }
      socket.send(JSON.stringify(m));
    });
    socket.on('close', off);
    socket.on('error', off);
    socket.send(JSON.stringify({ type: 'hello', user: who }));
  });

  app.get('/ingest', { websocket: true, config: { right: 'sortie:write' }, schema: { hide: true } }, (socket, req) => {
    let chain = Promise.resolve();
    socket.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
      const text = isBinary ? '' : Buffer.isBuffer(data) ? data.toString('utf8') : Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data).toString('utf8');
      chain = chain.then(async () => {
        const m = parseIngestMessage(text);
        if (typeof m === 'string') {
          socket.send(JSON.stringify({ type: 'error', batch_id: null, error: { code: 'NARIZ_BAD_REQUEST', message: m } }));
          return;
        }
        try {
          const ack = await ingestBatch(p, m.sortie_id, m.batch_id, m.csv);
          socket.send(JSON.stringify({ type: 'ack', ...ack }));
        } catch (err) {
          const e = err instanceof NarizError ? err.toJSON() : { code: 'NARIZ_INTERNAL', message: 'internal error (logged)' };
          if (!(err instanceof NarizError)) req.log.error({ err }, 'ingest failed');
          socket.send(JSON.stringify({ type: 'error', batch_id: m.batch_id, error: e }));
        }
      });
    });
  });
};
