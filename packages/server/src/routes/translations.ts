/**
 * Translation (docs/api.md, "Translation"; docs/translation.md, "In the
 * platform"): a pasted text or an uploaded document translated between
 * Spanish and English offline, side by side with its source, with the
 * engine and its version, the engine's marks, the protected entities, the
 * glossary hits and the machine-translation caveat; and a translation
 * saved as a note on a lead, with its provenance.
 *
 *   GET  /api/translation/engines                     what can translate here, and why not
 *   POST /api/translations                            {text, direction?, engine?, protect?: {entities?}, glossary?}
 *   POST /api/translation-uploads?name&direction&engine&glossary&entities   a txt, docx or PDF as the body
 *   POST /api/leads/:id/translations                  {text | segments, document?, direction?, engine?, protect?, glossary?, marking} → a note
 *   /api/translation/glossary…                        the slang glossary: browse, and (admins) edit and review
 *                                                     (translation/glossary-routes.ts)
 *
 * `engine` (apertium | bergamot) picks the engine; absent, each direction
 * uses its default (Bergamot when its models load, else Apertium). An
 * engine that cannot translate the direction here is 422
 * NARIZ_ENGINE_UNAVAILABLE with the reason.
 *
 * Translating needs the `translate` right (analysts, admins); saving to a
 * lead also `lead:write`, and the note's marking follows the rules of any
 * evidence (the analyst gives it, and cannot mark above their own access).
 * Without an engine the routes answer 503 NARIZ_TRANSLATE with the reason;
 * the engines open when the app is ready and close with it (this plugin's
 * hooks).
 */
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { NarizError } from '@nariz/core';
import { sourceLanguage, type Direction } from '@nariz/translate';
import { principalOf } from '../auth/auth-plugin.js';
import { can } from '../auth/roles.js';
import { accessOf, markingFromRequest } from '../leads/acting-subject.js';
import { publishLead } from '../leads/lead-changes.js';
import { evidenceJson, evidenceSchema, markingJson, markingSchema } from '../leads/lead-json.js';
import { leadParams, visibleLead } from '../leads/visible-lead.js';
import type { Platform } from '../platform.js';
import { MACHINE_TRANSLATION_CAVEAT } from '../translation/caveat.js';
import { detectDirection } from '../translation/detect-direction.js';
import type { DocumentFormat } from '../translation/document-text.js';
import { readDocument } from '../translation/read-document.js';
import { documentTranslationSchema, provenanceProperties, segmentJson, textTranslationSchema } from '../translation/translation-json.js';
import { formatTranslationNote, TRANSLATION_NOTE_REF } from '../translation/translation-note.js';
import { GlossaryBook } from '../translation/glossary-book.js';
import { glossaryRoutes } from '../translation/glossary-routes.js';
import { ENGINE_IDS, type EngineId, type TranslatedSegments } from '../translation/translation-service.js';

/** Largest pasted text, characters. */
export const MAX_TEXT_CHARS = 100_000;
/** Largest uploaded file, bytes. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** Most text read from one document, characters. */
export const MAX_DOCUMENT_CHARS = 200_000;
/** Most source text saved in one note, characters (the note holds it twice, translated). */
export const MAX_NOTE_SOURCE_CHARS = 40_000;
/** A translation request is abandoned after this long (its engine call is aborted). */
const TRANSLATE_TIMEOUT_MS = 5 * 60_000;

const direction = { type: 'string', enum: ['es-en', 'en-es'] } as const;
const engine = { type: 'string', enum: [...ENGINE_IDS], description: 'the engine to use (default: Bergamot when its models load, else Apertium); 422 when it cannot translate the direction here' } as const;
const protect = {
  type: 'object',
  properties: { entities: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 200 }, maxItems: 500, description: 'names from the case file to keep as written (people, aliases, places, organisations)' } },
  additionalProperties: false,
} as const;
const glossary = { type: 'boolean', description: 'apply the slang glossary to Spanish sources (default true); every hit is listed beside the output' } as const;

interface TranslateBody {
  text: string;
  direction?: Direction;
  engine?: EngineId;
  protect?: { entities?: string[] };
  glossary?: boolean;
}

interface AttachBody {
  text?: string;
  segments?: string[];
  document?: { name: string; format: DocumentFormat };
  direction?: Direction;
  engine?: EngineId;
  protect?: { entities?: string[] };
  glossary?: boolean;
  marking: unknown;
}

/** The direction given, or detected from the text (400 when the heuristic cannot tell). */
function chooseDirection(given: Direction | undefined, text: string): { direction: Direction; detected: { es: number; en: number } | null } {
  if (given !== undefined) return { direction: given, detected: null };
  const guess = detectDirection(text);
  if (guess.direction === undefined) {
    throw new NarizError('NARIZ_BAD_REQUEST', 'cannot tell whether the text is Spanish or English (no function words of either language); give direction "es-en" or "en-es"', { path: 'direction' });
  }
  return { direction: guess.direction, detected: { es: guess.scores.es, en: guess.scores.en } };
}

/** Aborted (the engine call with it) when the client goes away, or after TRANSLATE_TIMEOUT_MS with NARIZ_TRANSLATE. */
function requestSignal(reply: FastifyReply): AbortSignal {
  const c = new AbortController();
  const timer = setTimeout(() => c.abort(new NarizError('NARIZ_TRANSLATE', `the translation took longer than ${TRANSLATE_TIMEOUT_MS / 1000} s and was stopped`)), TRANSLATE_TIMEOUT_MS);
  timer.unref();
  reply.raw.once('close', () => {
    clearTimeout(timer);
    if (!reply.raw.writableFinished) c.abort(new NarizError('NARIZ_BAD_REQUEST', 'the client closed the connection'));
  });
  return c.signal;
}

function provenanceJson(t: TranslatedSegments, d: ReturnType<typeof chooseDirection>): Record<string, unknown> {
  return { direction: d.direction, detected: d.detected, engine: { id: t.engine.id, version: t.engine.version }, caveat: { ...MACHINE_TRANSLATION_CAVEAT } };
}

async function readLimited(body: Readable, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    n += c.length;
    if (n > MAX_UPLOAD_BYTES) throw new NarizError('NARIZ_TOO_LARGE', `${name} is larger than the ${MAX_UPLOAD_BYTES} bytes accepted for translation`);
    chunks.push(c);
  }
  return Buffer.concat(chunks);
}

export const translationRoutes: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform: p }) => {
  const t = p.translation;
  const book = new GlossaryBook(p.store, t, p.now, app.log);
  app.addHook('onReady', async () => {
    await t.start();
    await book.start();
  });
  app.addHook('onClose', async () => t.close());
  await app.register(glossaryRoutes, { platform: p, book });

  app.get(
    '/translation/engines',
    {
      config: { right: 'read' },
      schema: {
        response: {
          200: {
            type: 'object',
            properties: {
              enabled: { type: 'boolean', description: 'false: translation is off or no engine opened (`reason` says why)' },
              reason: { type: ['string', 'null'] },
              engines: {
                type: 'array',
                description: 'every engine × direction, in order of preference: its version when available, else why not',
                items: { type: 'object', properties: { id: { type: 'string' }, direction, available: { type: 'boolean' }, detail: { type: 'string' } }, required: ['id', 'direction', 'available', 'detail'] },
              },
              default: { type: 'object', properties: { 'es-en': { type: ['string', 'null'] }, 'en-es': { type: ['string', 'null'] } }, required: ['es-en', 'en-es'], description: 'the engine each direction uses' },
              glossary: {
                type: ['object', 'null'],
                description: 'the slang glossary in use: its name ("database"), how many entries, how many reviewed (GET /api/translation/glossary lists them)',
                properties: { name: { type: 'string' }, entries: { type: 'integer' }, reviewed: { type: 'integer' } },
                required: ['name', 'entries', 'reviewed'],
              },
              documents: {
                type: 'object',
                properties: {
                  formats: { type: 'array', items: { type: 'string' } }, max_bytes: { type: 'integer' }, max_characters: { type: 'integer' },
                  pdf: { type: 'object', properties: { available: { type: 'boolean' }, detail: { type: 'string' } }, required: ['available', 'detail'] },
                },
                required: ['formats', 'max_bytes', 'max_characters', 'pdf'],
              },
              caveat: provenanceProperties.caveat,
            },
            required: ['enabled', 'reason', 'engines', 'default', 'glossary', 'documents', 'caveat'],
          },
        },
      },
    },
    async () => {
      const s = t.status();
      const first = (d: Direction): string | null => s.availability.find((a) => a.direction === d && a.available)?.id ?? null;
      return {
        enabled: s.enabled && s.reason === undefined, reason: s.reason ?? null,
        engines: s.availability.map((a) => ({ id: a.id, direction: a.direction, available: a.available, detail: a.detail })),
        default: { 'es-en': first('es-en'), 'en-es': first('en-es') },
        glossary: s.glossary ?? null,
        documents: { formats: ['txt', 'docx', 'pdf'], max_bytes: MAX_UPLOAD_BYTES, max_characters: MAX_DOCUMENT_CHARS, pdf: s.pdf },
        caveat: { ...MACHINE_TRANSLATION_CAVEAT },
      };
    },
  );

  app.post<{ Body: TranslateBody }>(
    '/translations',
    {
      config: { right: 'translate' },
      schema: {
        body: {
          type: 'object',
          properties: { text: { type: 'string', minLength: 1, maxLength: MAX_TEXT_CHARS }, direction, engine, protect, glossary },
          required: ['text'],
          additionalProperties: false,
        },
        response: { 200: textTranslationSchema },
      },
    },
    async (req, reply) => {
      t.assertAvailable();
      const b = req.body;
      if (b.text.trim() === '') throw new NarizError('NARIZ_BAD_REQUEST', 'text is blank', { path: 'text' });
      const d = chooseDirection(b.direction, b.text);
      const r = await t.translate([b.text], d.direction, {
        ...(b.protect?.entities !== undefined ? { entities: b.protect.entities } : {}), ...(b.engine !== undefined ? { engine: b.engine } : {}), glossary: b.glossary ?? true, signal: requestSignal(reply),
      });
      return { ...segmentJson(r.segments[0]!), ...provenanceJson(r, d) };
    },
  );

  // Uploads in their own context: every body is a raw stream here, whatever its Content-Type.
  await app.register(async (up) => {
    up.removeAllContentTypeParsers();
    up.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    // An answer given before the body was read to its end closes the connection (as sortie uploads do).
    up.addHook('onSend', async (req, reply, payload) => {
      if (!req.raw.complete) {
        reply.header('connection', 'close');
        reply.raw.once('finish', () => req.raw.socket.destroy());
      }
      return payload;
    });
    up.post<{ Querystring: { name: string; direction?: Direction; engine?: EngineId; glossary?: boolean; entities?: string }; Body: Readable }>(
      '/translation-uploads',
      {
        bodyLimit: Number.MAX_SAFE_INTEGER,
        config: { right: 'translate' },
        schema: {
          querystring: {
            type: 'object',
            properties: {
              name: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[^\\u0000-\\u001f\\u007f/\\\\]+$', description: 'the file name (its extension is checked against the content)' },
              direction, engine, glossary,
              entities: { type: 'string', maxLength: 20_000, description: 'case names to keep as written, separated by ";" or new lines' },
            },
            required: ['name'],
            additionalProperties: false,
          },
          response: { 200: documentTranslationSchema },
        },
      },
      async (req, reply) => {
        t.assertAvailable();
        const name = req.query.name;
        const declared = Number(req.headers['content-length']);
        if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES) throw new NarizError('NARIZ_TOO_LARGE', `${name} is ${declared} bytes, more than the ${MAX_UPLOAD_BYTES} accepted for translation`);
        if (req.body === undefined || req.body === null) throw new NarizError('NARIZ_DOCUMENT', `${name} is empty`);
        const bytes = await readLimited(req.body, name);
        // Without an engine, say so rather than read the document for nothing.
        if (req.query.direction !== undefined) t.engineFor(req.query.direction, req.query.engine);
        const doc = await readDocument(bytes, name, { ...(t.pdftotext !== undefined ? { pdftotext: t.pdftotext } : {}), maxChars: MAX_DOCUMENT_CHARS });
        const d = chooseDirection(req.query.direction, doc.segments.map((s) => s.text).join('\n\n'));
        const entities = req.query.entities === undefined ? [] : req.query.entities.split(/[;\n]/).map((x) => x.trim()).filter((x) => x !== '');
        const r = await t.translate(doc.segments.map((s) => s.text), d.direction, { entities, ...(req.query.engine !== undefined ? { engine: req.query.engine } : {}), glossary: req.query.glossary ?? true, signal: requestSignal(reply) });
        return {
          ...provenanceJson(r, d),
          document: { name, format: doc.format, encoding: doc.encoding ?? null, pages: doc.pages ?? null, characters: doc.segments.reduce((n, s) => n + s.text.length, 0) },
          segments: r.segments.map((s, i) => ({ index: i, page: doc.segments[i]?.page ?? null, ...segmentJson(s) })),
        };
      },
    );
  });

  app.post<{ Params: { id: string }; Body: AttachBody }>(
    '/leads/:id/translations',
    {
      config: { right: 'lead:write' },
      schema: {
        params: leadParams,
        body: {
          type: 'object',
          properties: {
            text: { type: 'string', minLength: 1, maxLength: MAX_NOTE_SOURCE_CHARS, description: 'a pasted text (or give segments)' },
            segments: { type: 'array', items: { type: 'string', maxLength: MAX_NOTE_SOURCE_CHARS }, minItems: 1, maxItems: 5000, description: 'a document’s paragraphs, as an upload answered them' },
            document: {
              type: 'object',
              properties: { name: { type: 'string', minLength: 1, maxLength: 200 }, format: { type: 'string', enum: ['txt', 'docx', 'pdf'] } },
              required: ['name', 'format'],
              additionalProperties: false,
              description: 'the document the segments came from (recorded as the note’s source)',
            },
            direction, engine, protect, glossary, marking: markingSchema,
          },
          required: ['marking'],
          additionalProperties: false,
        },
        response: {
          201: {
            type: 'object',
            properties: {
              evidence: evidenceSchema,
              translation: { type: 'object', properties: { ...provenanceProperties, segments: { type: 'array', items: { type: 'object', properties: { source: { type: 'string' }, translation: { type: 'string' } }, required: ['source', 'translation'] } } }, required: ['direction', 'detected', 'engine', 'caveat', 'segments'] },
            },
            required: ['evidence', 'translation'],
          },
        },
      },
    },
    async (req, reply) => {
      t.assertAvailable();
      const principal = principalOf(req);
      if (!can(principal.role, 'translate')) throw new NarizError('NARIZ_FORBIDDEN', `the role "${principal.role}" does not have the right "translate"`);
      const a = await accessOf(req, p.store, p.security);
      const lead = await visibleLead(p, a, req.params.id);
      const b = req.body;
      const marking = markingFromRequest(b.marking, a, p.security, 'marking');
      if ((b.text === undefined) === (b.segments === undefined)) throw new NarizError('NARIZ_BAD_REQUEST', 'give the text, or the segments of a document, not both', { path: b.text === undefined ? 'text' : 'segments' });
      const sources = (b.segments ?? [b.text as string]).filter((s) => s.trim() !== '');
      if (sources.length === 0) throw new NarizError('NARIZ_BAD_REQUEST', 'there is no text to translate', { path: b.text === undefined ? 'segments' : 'text' });
      const chars = sources.reduce((n, s) => n + s.length, 0);
      if (chars > MAX_NOTE_SOURCE_CHARS) throw new NarizError('NARIZ_TOO_LARGE', `a translation note holds at most ${MAX_NOTE_SOURCE_CHARS} characters of source text (this is ${chars}); save the document in parts`, { path: 'segments' });
      const d = chooseDirection(b.direction, sources.join('\n\n'));
      const r = await t.translate(sources, d.direction, {
        ...(b.protect?.entities !== undefined ? { entities: b.protect.entities } : {}), ...(b.engine !== undefined ? { engine: b.engine } : {}), glossary: b.glossary ?? true, signal: requestSignal(reply),
      });
      const at = p.now().toISOString();
      const text = formatTranslationNote({
        engine: r.engine, direction: d.direction, at, by: a.subject.username,
        source: b.document === undefined ? { kind: 'text' } : { kind: 'document', name: b.document.name, format: b.document.format }, segments: r.segments,
      });
      const e = await p.store.leads.addEvidence({
        id: randomUUID(), leadId: lead.id, kind: 'note', ref: TRANSLATION_NOTE_REF, text, lang: sourceLanguage(d.direction), marking, addedBy: a.subject.username, at,
      });
      await p.store.audit.append({
        actor: a.subject.username, action: 'lead.evidence.add', target: lead.id,
        details: { evidence_id: e.id, kind: e.kind, ref: TRANSLATION_NOTE_REF, marking: markingJson(marking), engine: r.engine.id, direction: d.direction },
      });
      publishLead(p.hub, { ...lead, updatedAt: e.addedAt });
      return reply.status(201).header('location', `/api/leads/${lead.id}`).send({
        evidence: evidenceJson(e, p.security),
        translation: { ...provenanceJson(r, d), segments: r.segments.map((s) => ({ source: s.source, translation: s.text })) },
      });
    },
  );
};
