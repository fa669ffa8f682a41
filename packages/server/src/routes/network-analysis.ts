/**
 * Analysis of the network a user may see (docs/network.md, "In the
 * platform"). Heavy work runs as a stored run in a worker thread
 * (network/analysis-runner.ts), with progress pushed live; light questions
 * about one pair or one entity are answered in the request.
 *
 *   POST /api/network/analysis {choices?, measures?, communities?: {algorithm?, resolution?, seed?}, key_players?: {k, objective?}, removal?: {measure?, steps}}
 *        → 202 the run; GET /api/network/analysis/:id for its state and, once done,
 *          its result keyed by entity id (and the edges with their assertions)
 *   POST /api/network/windows {choices?, start, end, width_s, step_s, measure?, top?}  → 202 a run of kind windows
 *   GET  /api/network/analysis                           the caller's runs, newest first
 *   GET  /api/network/edges/:from/:to?<choices>           the edge(s) between two entities under the choices and the assertions behind them
 *   GET  /api/network/paths?from&to&max_hops&max_paths&<choices>  every simple path of at most max_hops links, and a shortest one
 *   GET  /api/network/ego/:id?radius&direction&<choices>  the entity, everyone within radius links, and the links among them
 *
 * Choices in query strings: multi, window_start, window_end, min_grading,
 * weight_as, directed, relations (comma-separated), nodes, component.
 * Everything is built from what the caller may see, merges applied for
 * them; results carry the banner of what they used. A run is read back
 * only by its creator, and only while they may see its banner.
 */
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { NarizError } from '@nariz/core';
import { egoNetwork, pathsWithin, shortestPath } from '@nariz/network';
import { assertAccess, type Marking } from '@nariz/security';
import type { NetworkSnapshot } from '@nariz/store';
import { accessOf, type Access } from '../leads/acting-subject.js';
import { AnalysisRunner } from '../network/analysis-runner.js';
import { COMMUNITY_ALGORITHMS, MEASURES, type MeasureName } from '../network/analysis-worker.js';
import { choicesEcho, choicesFromQuery, choicesQueryProperties, choicesSchema, parseChoices, type ChoicesJson, type ChoicesQuery } from '../network/choices.js';
import { buildView, edgeJson, modelInput, type GraphView, type ModelInput } from '../network/graph-view.js';
import { allowedFor, bannerOf } from '../network/network-access.js';
import { analysisJson, analysisSchema, assertionJson, networkIdSchema } from '../network/network-json.js';
import type { Platform } from '../platform.js';

const edgeSchema = {
  type: 'object',
  properties: { from: { type: 'string' }, to: { type: 'string' }, weight: { type: ['number', 'null'] }, assertions: { type: 'array', items: { type: 'string' } } },
  required: ['from', 'to', 'weight', 'assertions'],
} as const;

interface Built {
  readonly snap: NetworkSnapshot;
  readonly input: ModelInput;
  readonly view: GraphView;
  /** Any visible entity id (merged ones too) → the entity it stands for now. */
  readonly resolve: (id: string) => string | undefined;
  readonly label: (id: string) => { label: string; type: string };
}

export const networkAnalysisRoutes: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform: p }) => {
  const access = (req: FastifyRequest): Promise<Access> => accessOf(req, p.store, p.security);
  const runner = new AnalysisRunner({
    store: p.store, hub: p.hub, log: app.log, policy: p.security, now: p.now, threads: Math.max(1, Math.min(8, availableParallelism() - 1)),
  });
  app.addHook('onReady', async () => {
    await runner.start();
  });
  app.addHook('onClose', async () => {
    await runner.close();
  });

  /** The caller's graph under the choices. */
  const built = async (a: Access, c: ChoicesJson): Promise<Built> => {
    const choices = parseChoices(c);
    const snap = await p.store.network.snapshot(a.who);
    const input = modelInput(snap, choices);
    const view = buildView(input, choices);
    const into = new Map(snap.merged.map((e) => [e.id, e.mergedInto!]));
    const known = new Map([...snap.entities, ...snap.merged].map((e) => [e.id, e]));
    const resolve = (id: string): string | undefined => {
      if (!known.has(id)) return undefined;
      let cur = id;
      for (let hops = 0; into.has(cur) && hops <= into.size; hops++) cur = into.get(cur)!;
      return cur;
    };
    return { snap, input, view, resolve, label: (id) => ({ label: known.get(id)?.label ?? id, type: known.get(id)?.type ?? 'other' }) };
  };
  const entityOf = (b: Built, id: string, path: string): string => {
    const r = b.resolve(id);
    if (r === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no entity "${id}"`, { path });
    return r;
  };
  /** The banner over the entities and assertions of a reply. */
  const bannerFor = (b: Built, entities: Iterable<string>, assertions: Iterable<string>): string | null => {
    const ms: Marking[] = [];
    for (const id of entities) ms.push(b.input.entityMarkings[id]!);
    for (const id of assertions) ms.push(b.input.assertionMarkings[id]!);
    return bannerOf(p, ms);
  };

  const measuresSchema = { type: 'array', items: { type: 'string', enum: [...MEASURES] }, uniqueItems: true } as const;

  app.post<{ Body: { choices?: ChoicesJson; measures?: MeasureName[]; communities?: object; key_players?: { k: number }; removal?: { steps: number } } }>(
    '/network/analysis',
    {
      config: { right: 'job:run' },
      schema: {
        body: {
          type: 'object',
          properties: {
            choices: choicesSchema, measures: measuresSchema,
            communities: {
              type: 'object',
              properties: {
                algorithm: { type: 'string', enum: [...COMMUNITY_ALGORITHMS], description: 'leiden (default: connected communities) or louvain' },
                resolution: { type: 'number', exclusiveMinimum: 0, maximum: 100 }, seed: { type: 'integer', minimum: 0 },
              },
              additionalProperties: false,
            },
            key_players: {
              type: 'object',
              properties: { k: { type: 'integer', minimum: 1, maximum: 20 }, objective: { type: 'string', enum: ['fragmentation', 'distance-fragmentation'] }, starts: { type: 'integer', minimum: 0, maximum: 200 }, seed: { type: 'integer', minimum: 0 } },
              required: ['k'],
              additionalProperties: false,
            },
            removal: { type: 'object', properties: { measure: { type: 'string', enum: ['betweenness', 'degree'] }, steps: { type: 'integer', minimum: 0, maximum: 1000 } }, required: ['steps'], additionalProperties: false },
          },
          additionalProperties: false,
        },
        response: { 202: analysisSchema },
      },
    },
    async (req, reply) => {
      const a = await access(req);
      parseChoices(req.body.choices);
      const run = await p.store.network.createAnalysis({ id: randomUUID(), kind: 'analysis', request: req.body, createdBy: a.subject.username, at: p.now().toISOString() });
      await p.store.audit.append({ actor: a.subject.username, action: 'network.analysis', target: run.id, details: { kind: 'analysis', measures: req.body.measures ?? [] } });
      runner.submit(run.id);
      return reply.status(202).header('location', `/api/network/analysis/${run.id}`).send(analysisJson(run, p.security));
    },
  );

  app.post<{ Body: { choices?: ChoicesJson; start: string; end: string; width_s: number; step_s: number; measure?: MeasureName; top?: number } }>(
    '/network/windows',
    {
      config: { right: 'job:run' },
      schema: {
        body: {
          type: 'object',
          properties: {
            choices: choicesSchema, start: { type: 'string', format: 'date-time' }, end: { type: 'string', format: 'date-time' },
            width_s: { type: 'number', exclusiveMinimum: 0 }, step_s: { type: 'number', exclusiveMinimum: 0 }, measure: { type: 'string', enum: [...MEASURES] },
            top: { type: 'integer', minimum: 0, maximum: 10_000 },
          },
          required: ['start', 'end', 'width_s', 'step_s'],
          additionalProperties: false,
        },
        response: { 202: analysisSchema },
      },
    },
    async (req, reply) => {
      const a = await access(req);
      const b = req.body;
      const choices = parseChoices(b.choices);
      if (choices.model.window !== undefined) throw new NarizError('NARIZ_BAD_REQUEST', 'the windows are start, end, width_s and step_s; leave choices.window out', { path: 'choices.window' });
      const span = Date.parse(b.end) - Date.parse(b.start);
      if (!(span > 0)) throw new NarizError('NARIZ_BAD_REQUEST', 'end must be after start', { path: 'end' });
      if (Math.ceil(span / (b.step_s * 1000)) > 500) throw new NarizError('NARIZ_BAD_REQUEST', 'more than 500 windows; widen step_s', { path: 'step_s' });
      const run = await p.store.network.createAnalysis({ id: randomUUID(), kind: 'windows', request: b, createdBy: a.subject.username, at: p.now().toISOString() });
      await p.store.audit.append({ actor: a.subject.username, action: 'network.analysis', target: run.id, details: { kind: 'windows', measure: b.measure ?? 'degree' } });
      runner.submit(run.id);
      return reply.status(202).header('location', `/api/network/analysis/${run.id}`).send(analysisJson(run, p.security));
    },
  );

  app.get<{ Querystring: { limit?: number } }>(
    '/network/analysis',
    {
      config: { right: 'network:read' },
      schema: {
        querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 500 } }, additionalProperties: false },
        response: { 200: { type: 'object', properties: { analyses: { type: 'array', items: analysisSchema } }, required: ['analyses'] } },
      },
    },
    async (req) => {
      const a = await access(req);
      const runs = (await p.store.network.listAnalyses(a.subject.username, a.who, req.query.limit ?? 50)).filter((r) => r.marking === undefined || allowedFor(p, a)(r.marking));
      return { analyses: runs.map((r) => analysisJson(r, p.security)) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/network/analysis/:id',
    {
      config: { right: 'network:read' },
      schema: {
        params: { type: 'object', properties: { id: networkIdSchema }, required: ['id'] },
        response: { 200: { type: 'object', properties: { ...analysisSchema.properties, result: { type: ['object', 'null'], additionalProperties: true } }, required: [...analysisSchema.required, 'result'] } },
      },
    },
    async (req) => {
      const a = await access(req);
      const run = await p.store.network.getAnalysis(req.params.id, a.subject.username, a.who);
      if (run === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no analysis "${req.params.id}"`);
      if (run.marking !== undefined) assertAccess(a.subject, run.marking, p.security, `analysis "${run.id}"`);
      const result = run.state === 'done' ? ((await p.store.network.analysisResult(run.id, a.subject.username, a.who)) ?? null) : null;
      return { ...analysisJson(run, p.security), result };
    },
  );

  const choicesQuery = { ...choicesQueryProperties };

  app.get<{ Params: { from: string; to: string }; Querystring: ChoicesQuery }>(
    '/network/edges/:from/:to',
    {
      config: { right: 'network:read' },
      schema: {
        params: { type: 'object', properties: { from: networkIdSchema, to: networkIdSchema }, required: ['from', 'to'] },
        querystring: { type: 'object', properties: choicesQuery, additionalProperties: false },
        response: {
          200: {
            type: 'object',
            properties: {
              from: { type: 'string' }, to: { type: 'string' }, choices: { type: 'object', additionalProperties: true }, edges: { type: 'array', items: edgeSchema },
              assertions: { type: 'array', items: { type: 'object', additionalProperties: true } }, banner: { type: ['string', 'null'] },
            },
            required: ['from', 'to', 'choices', 'edges', 'assertions', 'banner'],
          },
        },
      },
    },
    async (req) => {
      const a = await access(req);
      const b = await built(a, choicesFromQuery(req.query));
      const from = entityOf(b, req.params.from, 'from');
      const to = entityOf(b, req.params.to, 'to');
      const g = b.view.graph;
      const u = b.view.indexOf.get(from);
      const v = b.view.indexOf.get(to);
      const edges: number[] = [];
      if (u !== undefined && v !== undefined) for (let k = g.offsets[u]!; k < g.offsets[u + 1]!; k++) if (g.targets[k] === v) edges.push(g.arcEdge[k]!);
      const ids = [...new Set(edges.flatMap((e) => b.view.edgeAssertions(e)))];
      const byId = new Map(b.snap.assertions.map((x) => [x.id, x]));
      const records = ids.map((id) => byId.get(id)!).filter((x) => allowedFor(p, a)(x.marking));
      return {
        from, to, choices: choicesEcho(parseChoices(choicesFromQuery(req.query))), edges: edges.map((e) => edgeJson(b.view, e)),
        assertions: records.map((x) => ({ ...assertionJson(x, p.security), resolved_from: x.resolvedFrom, resolved_to: x.resolvedTo })),
        banner: bannerFor(b, [from, to], ids),
      };
    },
  );

  const nodeList = (b: Built, ids: readonly string[]): Array<Record<string, unknown>> => ids.map((id) => ({ id, ...b.label(id) }));

  app.get<{ Querystring: ChoicesQuery & { from: string; to: string; max_hops?: number; max_paths?: number } }>(
    '/network/paths',
    {
      config: { right: 'network:read' },
      schema: {
        querystring: {
          type: 'object',
          properties: {
            ...choicesQuery, from: networkIdSchema, to: networkIdSchema, max_hops: { type: 'integer', minimum: 1, maximum: 6 }, max_paths: { type: 'integer', minimum: 1, maximum: 10_000 },
          },
          required: ['from', 'to'],
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              from: { type: 'string' }, to: { type: 'string' }, max_hops: { type: 'integer' },
              shortest: { type: ['object', 'null'], properties: { distance: { type: 'number' }, nodes: { type: 'array', items: { type: 'string' } }, edges: { type: 'array', items: edgeSchema } } },
              paths: { type: 'array', items: { type: 'array', items: { type: 'string' } } }, truncated: { type: 'boolean' },
              nodes: { type: 'array', items: { type: 'object', additionalProperties: true } }, edges: { type: 'array', items: edgeSchema }, banner: { type: ['string', 'null'] },
            },
            required: ['from', 'to', 'max_hops', 'shortest', 'paths', 'truncated', 'nodes', 'edges', 'banner'],
          },
        },
      },
    },
    async (req) => {
      const a = await access(req);
      const { from: f, to: t, max_hops: hops = 3, max_paths: maxPaths = 1000, ...rest } = req.query;
      const b = await built(a, choicesFromQuery(rest));
      const from = entityOf(b, f, 'from');
      const to = entityOf(b, t, 'to');
      if (from === to) throw new NarizError('NARIZ_BAD_REQUEST', `"${f}" and "${t}" are the same entity${f !== t ? ' (merged)' : ''}`, { path: 'to' });
      const u = b.view.indexOf.get(from);
      const v = b.view.indexOf.get(to);
      const ids = b.view.nodeIds;
      if (u === undefined || v === undefined) {
        return { from, to, max_hops: hops, shortest: null, paths: [], truncated: false, nodes: [], edges: [], banner: bannerFor(b, [from, to], []) };
      }
      const within = pathsWithin(b.view.graph, u, v, hops, { maxPaths });
      const sp = shortestPath(b.view.graph, u, v);
      const edgeIds = [...new Set([...within.edges, ...(sp?.edges ?? [])])];
      const nodeIds = [...new Set([...Array.from(within.nodes, (x) => ids[x]!), from, to, ...Array.from(sp?.nodes ?? [], (x) => ids[x]!)])];
      return {
        from, to, max_hops: hops,
        shortest: sp === undefined ? null : { distance: sp.distance, nodes: Array.from(sp.nodes, (x) => ids[x]!), edges: Array.from(sp.edges, (e) => edgeJson(b.view, e)) },
        paths: within.paths.map((path) => Array.from(path, (x) => ids[x]!)), truncated: within.truncated,
        nodes: nodeList(b, nodeIds), edges: Array.from(within.edges, (e) => edgeJson(b.view, e)),
        banner: bannerFor(b, nodeIds, edgeIds.flatMap((e) => b.view.edgeAssertions(e))),
      };
    },
  );

  app.get<{ Params: { id: string }; Querystring: ChoicesQuery & { radius?: number; direction?: 'out' | 'in' | 'both' } }>(
    '/network/ego/:id',
    {
      config: { right: 'network:read' },
      schema: {
        params: { type: 'object', properties: { id: networkIdSchema }, required: ['id'] },
        querystring: {
          type: 'object',
          properties: { ...choicesQuery, radius: { type: 'integer', minimum: 0, maximum: 5 }, direction: { type: 'string', enum: ['out', 'in', 'both'] } },
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              center: { type: 'string' }, radius: { type: 'integer' }, members: { type: 'array', items: { type: 'object', additionalProperties: true } },
              edges: { type: 'array', items: edgeSchema }, banner: { type: ['string', 'null'] },
            },
            required: ['center', 'radius', 'members', 'edges', 'banner'],
          },
        },
      },
    },
    async (req) => {
      const a = await access(req);
      const { radius = 1, direction, ...rest } = req.query;
      const b = await built(a, choicesFromQuery(rest));
      const center = entityOf(b, req.params.id, 'id');
      const c = b.view.indexOf.get(center);
      if (c === undefined) return { center, radius, members: [{ id: center, ...b.label(center), hops: 0 }], edges: [], banner: bannerFor(b, [center], []) };
      const ego = egoNetwork(b.view.graph, c, radius, direction === undefined ? {} : { direction });
      const members = Array.from(ego.nodes, (v, k) => ({ id: b.view.nodeIds[v]!, ...b.label(b.view.nodeIds[v]!), hops: ego.hops[k]! }));
      const edges = Array.from(ego.subgraph.originalEdge, (e) => edgeJson(b.view, e));
      return { center, radius, members, edges, banner: bannerFor(b, members.map((m) => m.id), edges.flatMap((e) => e.assertions)) };
    },
  );
};
