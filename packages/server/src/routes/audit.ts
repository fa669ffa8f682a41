/**
 * The audit log's proofs, checkpoints and export (audit/audit-ledger.ts;
 * docs/api.md, "Audit log: proofs and checkpoints"). Hashes are hex, as
 * `leaf_hash` in GET /api/audit; the signed checkpoint notes carry theirs in
 * base64, as C2SP says.
 *
 *   GET /api/audit/public-key                          the checkpoint key (any signed-in user)
 *   GET /api/audit/status                              verified, or broken and why
 *   GET /api/audit/checkpoint                          the newest signed checkpoint
 *   GET /api/audit/checkpoints?from_size&limit         stored checkpoints, ascending
 *   GET /api/audit/proof/inclusion?seq&tree_size       RFC 9162 inclusion proof
 *   GET /api/audit/proof/consistency?from&to           RFC 9162 consistency proof
 *   GET /api/audit/bundle?from&to&include              the export (nariz-audit-bundle/v1)
 *
 * All but the public key are for admins (`user:admin`; an `audit:read`
 * right can replace it when roles gain one). The listing itself,
 * GET /api/audit, stays in routes/users.ts.
 *
 * The bundle holds only leaf hashes unless `include=entries`: entries name
 * users and objects and may hold details not releasable to the partner.
 * TODO(partner release): partner officials get a variant with the leaf
 * hashes plus only the entries releasable to them, each checkable against
 * the bundle's checkpoints by its inclusion proof.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { AuditCheckpointRecord } from '@nariz/store';
import type { Platform } from '../platform.js';
import type { AuditProblem } from '../audit/audit-ledger.js';

const AUDIT_RIGHT = 'user:admin';

const hex = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
const HEX32 = { type: 'string', pattern: '^[0-9a-f]{64}$' } as const;
const SIZE = { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER } as const;

const checkpointSchema = {
  type: 'object',
  properties: { tree_size: { type: 'integer' }, root_hash: HEX32, at: { type: 'string' }, checkpoint: { type: 'string' } },
  required: ['tree_size', 'root_hash', 'at', 'checkpoint'],
} as const;

const checkpointJson = (c: AuditCheckpointRecord): Record<string, unknown> => ({ tree_size: c.treeSize, root_hash: c.rootHash, at: c.at, checkpoint: c.signed });

const problemSchema = {
  type: 'object',
  properties: { check: { type: 'string' }, message: { type: 'string' }, from: { type: 'integer' }, to: { type: 'integer' } },
  required: ['check', 'message'],
} as const;

const problemJson = (p: AuditProblem): Record<string, unknown> => ({ check: p.check, message: p.message, ...(p.from !== undefined ? { from: p.from } : {}), ...(p.to !== undefined ? { to: p.to } : {}) });

const strings = { type: 'array', items: { type: 'string' } } as const;

export const auditRoutes: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform }) => {
  const ledger = platform.audit;

  app.get(
    '/audit/public-key',
    {
      schema: {
        response: {
          200: {
            type: 'object',
            properties: { origin: { type: 'string' }, key_name: { type: 'string' }, key_id: { type: 'string' }, public_key: { type: 'string' }, verifier_key: { type: 'string' } },
            required: ['origin', 'key_name', 'key_id', 'public_key', 'verifier_key'],
          },
        },
      },
    },
    async () => {
      const k = ledger.publicKey();
      return { origin: k.origin, key_name: k.keyName, key_id: k.keyId, public_key: k.pem, verifier_key: k.verifierKey };
    },
  );

  app.get(
    '/audit/status',
    {
      config: { right: AUDIT_RIGHT },
      schema: {
        response: {
          200: {
            type: 'object',
            properties: {
              state: { type: 'string', enum: ['verified', 'broken'] }, origin: { type: 'string' }, tree_size: { type: 'integer' },
              checkpoint: { anyOf: [{ type: 'null' }, { type: 'object', properties: { tree_size: { type: 'integer' }, root_hash: HEX32, at: { type: 'string' } }, required: ['tree_size', 'root_hash', 'at'] }] },
              problems: { type: 'array', items: problemSchema },
            },
            required: ['state', 'origin', 'tree_size', 'checkpoint', 'problems'],
          },
        },
      },
    },
    async () => {
      const s = ledger.status();
      return {
        state: s.ok ? 'verified' : 'broken', origin: s.origin, tree_size: s.treeSize,
        checkpoint: s.newest === undefined ? null : { tree_size: s.newest.treeSize, root_hash: s.newest.rootHash, at: s.newest.at },
        problems: s.problems.map(problemJson),
      };
    },
  );

  app.get('/audit/checkpoint', { config: { right: AUDIT_RIGHT }, schema: { response: { 200: checkpointSchema } } }, async () => checkpointJson(await ledger.latestCheckpoint()));

  app.get<{ Querystring: { from_size?: number; limit?: number } }>(
    '/audit/checkpoints',
    {
      config: { right: AUDIT_RIGHT },
      schema: {
        querystring: { type: 'object', properties: { from_size: SIZE, limit: { type: 'integer', minimum: 1, maximum: 1000 } }, additionalProperties: false },
        response: { 200: { type: 'object', properties: { checkpoints: { type: 'array', items: checkpointSchema } }, required: ['checkpoints'] } },
      },
    },
    async (req) => ({ checkpoints: (await ledger.checkpoints(req.query.from_size ?? 0, req.query.limit ?? 100)).map(checkpointJson) }),
  );

  app.get<{ Querystring: { seq: number; tree_size?: number } }>(
    '/audit/proof/inclusion',
    {
      config: { right: AUDIT_RIGHT },
      schema: {
        querystring: { type: 'object', properties: { seq: SIZE, tree_size: { ...SIZE, minimum: 1 } }, required: ['seq'], additionalProperties: false },
        response: {
          200: {
            type: 'object',
            properties: { seq: { type: 'integer' }, tree_size: { type: 'integer' }, leaf_hash: HEX32, proof: { type: 'array', items: HEX32 }, root: HEX32, checkpoint: { type: ['string', 'null'] } },
            required: ['seq', 'tree_size', 'leaf_hash', 'proof', 'root', 'checkpoint'],
          },
        },
      },
    },
    async (req) => {
      const p = await ledger.inclusionProof(req.query.seq, req.query.tree_size);
      return { seq: p.seq, tree_size: p.treeSize, leaf_hash: hex(p.leafHash), proof: p.proof.map(hex), root: hex(p.root), checkpoint: p.checkpoint ?? null };
    },
  );

  app.get<{ Querystring: { from: number; to?: number } }>(
    '/audit/proof/consistency',
    {
      config: { right: AUDIT_RIGHT },
      schema: {
        querystring: { type: 'object', properties: { from: { ...SIZE, minimum: 1 }, to: { ...SIZE, minimum: 1 } }, required: ['from'], additionalProperties: false },
        response: {
          200: {
            type: 'object',
            properties: {
              from: { type: 'integer' }, to: { type: 'integer' }, proof: { type: 'array', items: HEX32 }, from_root: HEX32, to_root: HEX32,
              from_checkpoint: { type: ['string', 'null'] }, to_checkpoint: { type: ['string', 'null'] },
            },
            required: ['from', 'to', 'proof', 'from_root', 'to_root', 'from_checkpoint', 'to_checkpoint'],
          },
        },
      },
    },
    async (req) => {
      const p = await ledger.consistencyProof(req.query.from, req.query.to);
      return { from: p.from, to: p.to, proof: p.proof.map(hex), from_root: hex(p.fromRoot), to_root: hex(p.toRoot), from_checkpoint: p.fromCheckpoint ?? null, to_checkpoint: p.toCheckpoint ?? null };
    },
  );

  app.get<{ Querystring: { from?: number; to?: number; include?: 'hashes' | 'entries' } }>(
    '/audit/bundle',
    {
      config: { right: AUDIT_RIGHT },
      schema: {
        querystring: { type: 'object', properties: { from: SIZE, to: { ...SIZE, minimum: 1 }, include: { type: 'string', enum: ['hashes', 'entries'] } }, additionalProperties: false },
        response: {
          200: {
            type: 'object',
            properties: {
              format: { type: 'string' }, origin: { type: 'string' }, keyName: { type: 'string' }, publicKey: { type: 'string' }, verifierKey: { type: 'string' },
              entries: strings, leafHashes: strings, checkpoints: strings,
            },
            required: ['format', 'origin', 'keyName', 'publicKey', 'verifierKey', 'checkpoints'],
          },
        },
      },
    },
    async (req, reply) => {
      const bundle = await ledger.bundle({ from: req.query.from ?? 0, to: req.query.to, include: req.query.include ?? 'hashes' });
      const size = bundle.entries?.length ?? bundle.leafHashes?.length ?? 0;
      void reply.header('content-disposition', `attachment; filename="nariz-audit-${size}.json"`);
      return bundle;
    },
  );
};
