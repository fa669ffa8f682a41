/**
 * Importing entities or assertions from a spreadsheet or a graph file, in
 * two steps (docs/network.md, "In the platform"):
 *
 *   POST /api/network/imports?kind=entities|assertions&format?&header?&delimiter?&sheet?&name?
 *        body: the file (text/csv; application/graphml+xml, application/gexf+xml
 *        or application/xml; the XLSX content type; or application/octet-stream
 *        with `format` or a name ending .csv, .graphml, .gexf, .xlsx) → 201 a
 *        preview: the columns found with sample values and a suggested field
 *        each, the row count, the fields
 *   GET  /api/network/imports/:id                    the preview again (and the result once committed)
 *   POST /api/network/imports/:id/commit {mapping: {column: field}, defaults: {marking, entity_type?, type?,
 *        grading?, directed?, source_ref?, source_title?}, skip_invalid?, create_entities?}
 *        → the rows validated (import-plan.ts) and stored in one transaction;
 *          any row that fails, and nothing is stored: 422 NARIZ_IMPORT_ROWS with
 *          every problem by line and column, and for a workbook the cell
 *          ("Sheet1!C7") (unless skip_invalid: the valid rows are stored, the
 *          others listed); committing again with the same
 *          mapping and defaults answers the first result (`duplicate: true`),
 *          with others 409.
 *
 * XLSX (xlsx-table.ts) becomes the same rows as the CSV path: the first
 * worksheet or `sheet`, at most MAX_XLSX_INFLATED bytes inflated and
 * MAX_XLSX_ROWS rows (the body itself is capped by the server's body limit,
 * as a CSV is); encrypted files, legacy .xls and other ZIPs are refused
 * with 400 and the reason. An import and its file are the uploader's alone;
 * the file is dropped once committed. The commit is audited
 * (network.import.commit) and announced live.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { NarizError } from '@nariz/core';
import { parseGrading } from '@nariz/network';
import type { Marking } from '@nariz/security';
import { ENTITY_TYPES, IMPORT_KINDS, leadId, type EntityType, type ImportFormat, type ImportKind, type NetworkImportRecord } from '@nariz/store';
import { accessOf, markingFromRequest, type Access } from '../leads/acting-subject.js';
import { canonicalJson } from '../leads/canonical-json.js';
import { markingSchema } from '../leads/lead-json.js';
import { readCsvTable, type ImportTable } from '../network/csv-table.js';
import { readGexfTable, readGraphmlTable } from '../network/graph-table.js';
import { ASSERTION_FIELDS, ENTITY_FIELDS, checkMapping, planAssertions, planEntities, type ImportDefaults } from '../network/import-plan.js';
import { auditNetwork, combined, publishNetwork } from '../network/network-access.js';
import { networkIdSchema } from '../network/network-json.js';
import { cellAddress, readXlsxTable, rowAddress, type XlsxTable } from '../network/xlsx-table.js';
import type { Platform } from '../platform.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const RAW_TYPES = ['text/csv', 'application/xml', 'text/xml', 'application/graphml+xml', 'application/gexf+xml', 'application/octet-stream', XLSX];

interface ImportOptions {
  header: boolean;
  delimiter?: string;
  /** XLSX: the worksheet's name (default the first). */
  sheet?: string;
}

/** An XLSX's entries inflated, summed, at most: twice the CSV path's body limit (64 MiB), as sheet XML is wordier than CSV. */
export const MAX_XLSX_INFLATED = 128 * 2 ** 20;
/** Rows of a worksheet, at most. */
export const MAX_XLSX_ROWS = 500_000;

interface CommitBody {
  mapping: Record<string, string>;
  defaults: { marking: unknown; entity_type?: EntityType; type?: string; grading?: string; directed?: boolean; source_ref?: string; source_title?: string };
  skip_invalid?: boolean;
  create_entities?: boolean;
}

/** The format from the query, else the content type, else the file name, else the root element of an XML body. */
function formatOf(req: FastifyRequest, asked: string | undefined, name: string, text: () => string): ImportFormat {
  if (asked !== undefined) return asked as ImportFormat;
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (type === XLSX || ext === 'xlsx') return 'xlsx';
  if (type === 'application/graphml+xml' || ext === 'graphml') return 'graphml';
  if (type === 'application/gexf+xml' || ext === 'gexf') return 'gexf';
  if (type === 'text/csv' || type === 'text/plain' || ext === 'csv' || ext === 'txt') return 'csv';
  if (type.endsWith('xml')) {
    const root = /<([A-Za-z_:][\w.:-]*)[\s>]/.exec(text().replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ''))?.[1]?.replace(/^.*:/, '');
    if (root === 'graphml' || root === 'gexf') return root;
  }
  throw new NarizError('NARIZ_UNSUPPORTED_MEDIA_TYPE', `say what the file is: format=csv|graphml|gexf|xlsx, a content type (text/csv, application/graphml+xml, application/gexf+xml, ${XLSX}) or a name ending .csv, .graphml, .gexf or .xlsx`);
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new NarizError('NARIZ_IMPORT_FILE', 'the file is not UTF-8 text (save it as "CSV UTF-8")');
  }
}

export async function readImportTable(content: Uint8Array, format: ImportFormat, kind: ImportKind, o: ImportOptions): Promise<ImportTable | XlsxTable> {
  if (format === 'xlsx') {
    const table = await readXlsxTable(content, { header: o.header, ...(o.sheet !== undefined ? { sheet: o.sheet } : {}), maxInflatedBytes: MAX_XLSX_INFLATED, maxRows: MAX_XLSX_ROWS });
    if (table.rows.length === 0) throw new NarizError('NARIZ_IMPORT_FILE', `the sheet "${table.sheet}" has no rows to import`);
    return table;
  }
  const text = decodeUtf8(content);
  const table = format === 'csv' ? readCsvTable(text, { header: o.header, ...(o.delimiter !== undefined ? { delimiter: o.delimiter } : {}) })
    : format === 'graphml' ? readGraphmlTable(text, kind) : readGexfTable(text, kind);
  if (table.rows.length === 0) throw new NarizError('NARIZ_IMPORT_FILE', `the file has no ${format === 'csv' ? 'rows' : kind === 'entities' ? 'nodes' : 'edges'} to import`);
  return table;
}

const SYNONYMS: Record<ImportKind, Record<string, string>> = {
  entities: {
    id: 'id', label: 'label', name: 'label', nombre: 'label', type: 'type', kind: 'type', tipo: 'type', aliases: 'aliases', alias: 'aliases', lat: 'lat', latitude: 'lat',
    latitud: 'lat', lon: 'lon', lng: 'lon', long: 'lon', longitude: 'lon', longitud: 'lon', leadid: 'lead_id', lead: 'lead_id', attributes: 'attributes', portion: 'portion',
    marking: 'portion', originator: 'originator',
  },
  assertions: {
    id: 'id', from: 'from', source: 'from', origen: 'from', fromid: 'from', to: 'to', target: 'to', destino: 'to', toid: 'to', type: 'type', relation: 'type', relacion: 'type',
    directed: 'directed', sourceref: 'source_ref', report: 'source_ref', ref: 'source_ref', reference: 'source_ref', fuente: 'source_ref', sourcetitle: 'source_title',
    title: 'source_title', date: 'date', fecha: 'date', validfrom: 'valid_from', start: 'valid_from', validto: 'valid_to', end: 'valid_to', grading: 'grading', grade: 'grading',
    reliability: 'reliability', credibility: 'credibility', count: 'count', weight: 'count', note: 'note', notes: 'note', portion: 'portion', marking: 'portion', originator: 'originator',
  },
};

function preview(i: NetworkImportRecord, table: ImportTable | undefined): Record<string, unknown> {
  const used = new Set<string>();
  return {
    id: i.id, kind: i.kind, format: i.format, file_name: i.fileName, rows: i.rowCount, created_at: i.createdAt,
    columns: i.columns.map((name, k) => {
      const key = name.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '');
      const field = SYNONYMS[i.kind][key];
      const suggested = field !== undefined && !used.has(field) ? field : null;
      if (suggested !== null) used.add(suggested);
      const samples = table === undefined ? [] : table.rows.map((r) => r.cells[k]?.trim() ?? '').filter((v) => v !== '').slice(0, 3);
      return { name, samples, suggested };
    }),
    fields: i.kind === 'entities' ? [...ENTITY_FIELDS, 'attribute:<name>'] : [...ASSERTION_FIELDS],
    committed_at: i.committedAt ?? null, result: i.result ?? null,
  };
}

const previewSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' }, kind: { type: 'string' }, format: { type: 'string' }, file_name: { type: 'string' }, rows: { type: 'integer' }, created_at: { type: 'string' },
    columns: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, samples: { type: 'array', items: { type: 'string' } }, suggested: { type: ['string', 'null'] } }, required: ['name', 'samples', 'suggested'] } },
    fields: { type: 'array', items: { type: 'string' } }, committed_at: { type: ['string', 'null'] }, result: { type: ['object', 'null'], additionalProperties: true },
  },
  required: ['id', 'kind', 'format', 'file_name', 'rows', 'created_at', 'columns', 'fields', 'committed_at', 'result'],
} as const;

export const networkImportRoutes: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform: p }) => {
  const access = (req: FastifyRequest): Promise<Access> => accessOf(req, p.store, p.security);
  app.addContentTypeParser(RAW_TYPES, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.post<{ Querystring: { kind: ImportKind; format?: ImportFormat; header?: boolean; delimiter?: string; sheet?: string; name?: string }; Body: Buffer | string }>(
    '/network/imports',
    {
      config: { right: 'network:write' },
      schema: {
        consumes: [...RAW_TYPES, 'text/plain'],
        querystring: {
          type: 'object',
          properties: {
            kind: { type: 'string', enum: [...IMPORT_KINDS] }, format: { type: 'string', enum: ['csv', 'graphml', 'gexf', 'xlsx'] },
            header: { type: 'boolean', description: 'CSV: the first row names the columns (default true)' },
            delimiter: { type: 'string', enum: [',', ';', '\t', '|'], description: 'CSV: default detected from the first line' },
            sheet: { type: 'string', minLength: 1, maxLength: 31, description: 'XLSX: the worksheet to read, by name (default the first)' },
            name: { type: 'string', maxLength: 200, description: 'the file name (shown, and the default source of assertions)' },
          },
          required: ['kind'],
          additionalProperties: false,
        },
        response: { 201: previewSchema },
      },
    },
    async (req, reply) => {
      const a = await access(req);
      const content = typeof req.body === 'string' ? new TextEncoder().encode(req.body) : new Uint8Array(req.body);
      if (content.length === 0) throw new NarizError('NARIZ_IMPORT_FILE', 'the body is empty: send the file');
      const name = req.query.name ?? `import.${req.query.format ?? 'csv'}`;
      const format = formatOf(req, req.query.format, name, () => new TextDecoder().decode(content.subarray(0, 4096)));
      const options: ImportOptions = {
        header: req.query.header ?? true, ...(req.query.delimiter !== undefined ? { delimiter: req.query.delimiter } : {}), ...(req.query.sheet !== undefined ? { sheet: req.query.sheet } : {}),
      };
      const table = await readImportTable(content, format, req.query.kind, options);
      const i = await p.store.network.createImport({
        id: randomUUID(), kind: req.query.kind, format, fileName: name, options, columns: table.columns, rowCount: table.rows.length, content, createdBy: a.subject.username,
        at: p.now().toISOString(),
      });
      return reply.status(201).header('location', `/api/network/imports/${i.id}`).send(preview(i, table));
    },
  );

  const importOf = async (a: Access, id: string): Promise<NetworkImportRecord> => {
    const i = await p.store.network.getImport(id, a.subject.username);
    if (i === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no import "${id}"`);
    return i;
  };
  const idParams = { type: 'object', properties: { id: networkIdSchema }, required: ['id'] } as const;

  app.get<{ Params: { id: string } }>('/network/imports/:id', { config: { right: 'network:write' }, schema: { params: idParams, response: { 200: previewSchema } } }, async (req) => {
    const a = await access(req);
    const i = await importOf(a, req.params.id);
    return preview(i, i.committedAt === undefined ? await readImportTable(i.content, i.format, i.kind, i.options as ImportOptions) : undefined);
  });

  app.post<{ Params: { id: string }; Body: CommitBody }>(
    '/network/imports/:id/commit',
    {
      config: { right: 'network:write' },
      schema: {
        params: idParams,
        body: {
          type: 'object',
          properties: {
            mapping: { type: 'object', additionalProperties: { type: 'string', maxLength: 80 }, maxProperties: 500, description: 'column → field (see the preview’s fields; "ignore" skips a column)' },
            defaults: {
              type: 'object',
              properties: {
                marking: markingSchema, entity_type: { type: 'string', enum: [...ENTITY_TYPES] }, type: { type: 'string', minLength: 1, maxLength: 64 },
                grading: { type: 'string', pattern: '^[A-Fa-f][1-6]$' }, directed: { type: 'boolean' }, source_ref: { type: 'string', minLength: 1, maxLength: 300 },
                source_title: { type: 'string', maxLength: 300 },
              },
              required: ['marking'],
              additionalProperties: false,
            },
            skip_invalid: { type: 'boolean' }, create_entities: { type: 'boolean' },
          },
          required: ['mapping', 'defaults'],
          additionalProperties: false,
        },
      },
    },
    async (req, reply) => {
      const a = await access(req);
      const i = await importOf(a, req.params.id);
      const b = req.body;
      const marking = markingFromRequest(b.defaults.marking, a, p.security, 'defaults.marking');
      let grading;
      if (b.defaults.grading !== undefined) {
        try {
          grading = parseGrading(b.defaults.grading);
        } catch (err) {
          throw new NarizError('NARIZ_GRADING', (err as Error).message, { path: 'defaults.grading' });
        }
      }
      const defaults: ImportDefaults = {
        marking, ...(b.defaults.entity_type !== undefined ? { entityType: b.defaults.entity_type } : {}), ...(b.defaults.type !== undefined ? { type: b.defaults.type.trim() } : {}),
        ...(grading !== undefined ? { grading } : {}), ...(b.defaults.directed !== undefined ? { directed: b.defaults.directed } : {}),
        ...(b.defaults.source_ref !== undefined ? { sourceRef: b.defaults.source_ref.trim() } : {}), ...(b.defaults.source_title !== undefined ? { sourceTitle: b.defaults.source_title.trim() } : {}),
      };
      const key = createHash('sha256').update(canonicalJson({ mapping: b.mapping, defaults: b.defaults, skip_invalid: b.skip_invalid ?? false, create_entities: b.create_entities ?? true })).digest('hex');
      const at = p.now().toISOString();
      if (i.committedAt !== undefined) {
        const again = await p.store.network.commitImport(i.id, a.subject.username, { key, entities: [], assertions: [], result: null, at });
        return { ...(again.result as Record<string, unknown>), duplicate: again.duplicate };
      }
      const table = await readImportTable(i.content, i.format, i.kind, i.options as ImportOptions);
      const byField = checkMapping(i.kind, table.columns, b.mapping, defaults);
      const snap = await p.store.network.snapshot(a.who);
      const leads = new Set<string>();
      const leadColumn = byField.get('lead_id');
      if (i.kind === 'entities' && leadColumn !== undefined) {
        for (const id of new Set(table.rows.map((r) => r.cells[leadColumn]?.trim() ?? '').filter((x) => x !== ''))) {
          const lead = await p.store.leads.getLead(leadId(id), a.who);
          if (lead !== undefined) leads.add(lead.id);
        }
      }
      const ctx = {
        importId: i.id, fileName: i.fileName, username: a.subject.username, at, subject: a.subject, policy: p.security, known: [...snap.entities, ...snap.merged],
        knownAssertions: new Set(snap.assertions.map((x) => x.id)), visibleLeads: leads, createEntities: b.create_entities ?? true,
      };
      const plan = i.kind === 'entities' ? planEntities(table, byField, defaults, ctx) : planAssertions(table, byField, defaults, ctx);
      // A workbook's problems also name their cell (Sheet1!C7; a whole row: Sheet1!7:7).
      const sheet = 'sheet' in table ? table.sheet : undefined;
      const cellOf = (line: number, column: string): { cell: string } | Record<string, never> => {
        if (sheet === undefined) return {};
        const k = table.columns.indexOf(column);
        return { cell: k < 0 ? rowAddress(sheet, line) : cellAddress(sheet, line, k + 1) };
      };
      const problems = plan.problems.slice(0, 500).map((x) => ({ line: x.line, column: x.column, ...cellOf(x.line, x.column), message: x.message }));
      if (plan.problems.length > 0 && b.skip_invalid !== true) {
        const first = plan.problems[0]!;
        const at = cellOf(first.line, first.column);
        const where = 'cell' in at ? `${at.cell} (column "${first.column}")` : `line ${first.line}, column "${first.column}"`;
        return reply.status(422).send({
          error: {
            code: 'NARIZ_IMPORT_ROWS', location: { line: first.line, column: first.column, ...at },
            message: `${where}: ${first.message} (${plan.problems.length} problem(s) in ${plan.rows - plan.validRows} of ${plan.rows} rows; nothing was stored)`,
          },
          problems, rows: plan.rows, valid_rows: plan.validRows,
        });
      }
      const result = {
        import_id: i.id, kind: i.kind, rows: plan.rows, entities_created: plan.entities.length, assertions_created: plan.assertions.length,
        skipped: plan.rows - plan.validRows, problems: b.skip_invalid === true ? problems : [],
      };
      const stored = await p.store.network.commitImport(i.id, a.subject.username, { key, entities: plan.entities, assertions: plan.assertions, result, at });
      if (!stored.duplicate) {
        const markings: Marking[] = [marking, ...plan.entities.map((e) => e.marking), ...plan.assertions.map((x) => x.marking)];
        const over = combined(p, markings);
        await auditNetwork(p, a.subject.username, 'network.import.commit', i.id, { kind: i.kind, format: i.format, rows: plan.rows, entities: plan.entities.length, assertions: plan.assertions.length, skipped: result.skipped }, over);
        publishNetwork(p, 'import', i.id, 'committed', over);
      }
      return { ...(stored.result as Record<string, unknown>), duplicate: stored.duplicate };
    },
  );
};
