/**
 * The network tab's pure parts: the Admiralty rule against the analysis
 * library's own (every pair), merges resolved to their survivor, the chart
 * model (one edge per assertion, merges, every filter, sizes, communities,
 * focus), the filters as the server's choices, positions and the saved
 * layout's body, the top-N ranking, the timeline, the import mapping, the
 * map points, and the readers refusing bad shapes with the path.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { meetsMinimumGrading as libraryMeets, parseGrading } from '@nariz/network';
import { ENTITY_TYPES as STORE_ENTITY_TYPES } from '@nariz/store';
import { readAnalysisRun } from '../src/api/schema/network-analysis.js';
import type { ImportPreview } from '../src/api/schema/network-import.js';
import { ENTITY_TYPES, readNetworkEntity, type NetworkAssertion, type NetworkEntity } from '../src/api/schema/network.js';
import { SchemaError } from '../src/api/schema/read.js';
import { CREDIBILITIES, meetsMinimumGrading, normaliseGrading, RELIABILITIES } from '../src/network/admiralty.js';
import { assertionTimeline } from '../src/network/assertion-timeline.js';
import { choicesJson, choicesQuery, NO_FILTERS, relationsOf, type ChartFilters } from '../src/network/chart-filters.js';
import { buildChartModel, pairKey, type ChartInput } from '../src/network/chart-model.js';
import { communityColour, MAX_NODE_SIZE, MIN_NODE_SIZE, sizeFor, TYPE_STYLE } from '../src/network/chart-style.js';
import { commitBody, duplicateFields, fieldChoices, initialMapping } from '../src/network/import-mapping.js';
import { layoutBody, placeNodes, spiralPosition } from '../src/network/layout-positions.js';
import { networkPoints } from '../src/network/network-map-features.js';
import { topN } from '../src/network/ranking.js';
import { survivorOf } from '../src/network/resolve-ends.js';

const MARKING = { classification: 'U' as const, controls: [], relTo: [], originator: 'task force' };

function entity(id: string, over: Partial<NetworkEntity> = {}): NetworkEntity {
  return { id, type: 'person', label: id.toUpperCase(), aliases: [], attributes: {}, lat: null, lon: null, leadId: null, mergedInto: null, marking: MARKING, portion: '(U)', ...over };
}

function assertion(id: string, from: string, to: string, over: Partial<NetworkAssertion> = {}): NetworkAssertion {
  return {
    id, from, to, type: 'meeting', directed: false, sourceRef: `R-${id}`, sourceTitle: '', validFrom: '2026-03-01T00:00:00.000Z', validTo: '2026-03-01T23:59:59.999Z',
    grading: 'B2', count: 1, note: '', marking: MARKING, portion: '(U)', ...over,
  };
}

function input(entities: NetworkEntity[], assertions: NetworkAssertion[], over: Partial<ChartInput> = {}): ChartInput {
  return { entities, assertions, filters: NO_FILTERS, positions: new Map(), measure: null, communities: null, focus: null, ...over };
}

test('the Admiralty minimum agrees with @nariz/network on all 36 × 36 pairs', () => {
  const all = RELIABILITIES.flatMap((r) => CREDIBILITIES.map((c) => `${r}${c}`));
  assert.equal(all.length, 36);
  for (const g of all) for (const m of all) assert.equal(meetsMinimumGrading(g, m), libraryMeets(parseGrading(g), parseGrading(m)), `${g} vs minimum ${m}`);
  assert.equal(meetsMinimumGrading('F6', 'E5'), false, 'unjudged material does not pass a judged minimum');
  assert.equal(meetsMinimumGrading('x9', 'A1'), false);
  assert.equal(normaliseGrading(' b2 '), 'B2');
  assert.equal(normaliseGrading('G1'), null);
});

test('entity types are the store’s', () => {
  assert.deepEqual([...ENTITY_TYPES], [...STORE_ENTITY_TYPES]);
  for (const t of ENTITY_TYPES) assert.ok(TYPE_STYLE[t].glyph.length > 0);
});

test('survivorOf follows merges to the entity standing now, refuses unknown ids and cycles', () => {
  const r = survivorOf([entity('a'), entity('b', { mergedInto: 'c' }), entity('c', { mergedInto: 'a' }), entity('d')]);
  assert.equal(r('b'), 'a');
  assert.equal(r('c'), 'a');
  assert.equal(r('d'), 'd');
  assert.equal(r('zz'), undefined);
  const cyc = survivorOf([entity('x', { mergedInto: 'y' }), entity('y', { mergedInto: 'x' })]);
  assert.equal(cyc('x'), undefined);
});

test('the chart: one edge per assertion (parallel ones kept), merged ends drawn at the survivor, a link merged into itself hidden', () => {
  const entities = [entity('a'), entity('b'), entity('c', { mergedInto: 'a' })];
  const m = buildChartModel(input(entities, [assertion('1', 'a', 'b'), assertion('2', 'a', 'b', { type: 'phone-call', directed: true }), assertion('3', 'c', 'b'), assertion('4', 'a', 'c')]));
  assert.deepEqual(m.nodes.map((n) => n.key), ['a', 'b'], 'the merged entity is not a node');
  assert.deepEqual(m.edges.map((e) => [e.key, e.source, e.target]), [['1', 'a', 'b'], ['2', 'a', 'b'], ['3', 'a', 'b']]);
  assert.equal(m.hiddenAssertions, 1);
  assert.equal(m.edges[1]!.attributes.directed, true);
  assert.equal(m.nodes[0]!.attributes.label, `${TYPE_STYLE.person.glyph} A`);
  assert.equal(m.nodes[0]!.attributes.shape, TYPE_STYLE.person.shape);
});

test('the chart’s filters: type, relation, grading and a window that drops undated assertions', () => {
  const entities = [entity('a'), entity('b'), entity('p', { type: 'phone' })];
  const xs = [
    assertion('1', 'a', 'b'),
    assertion('2', 'a', 'p', { type: 'phone-call' }),
    assertion('3', 'a', 'b', { grading: 'D4' }),
    assertion('4', 'a', 'b', { validFrom: null, validTo: null }),
    assertion('5', 'a', 'b', { validFrom: '2026-05-10T00:00:00.000Z', validTo: '2026-05-10T23:59:59.999Z' }),
  ];
  const keys = (f: Partial<ChartFilters>): string[] => buildChartModel(input(entities, xs, { filters: { ...NO_FILTERS, ...f } })).edges.map((e) => e.key);
  assert.deepEqual(keys({}), ['1', '2', '3', '4', '5']);
  assert.deepEqual(keys({ types: ['person'] }), ['1', '3', '4', '5']);
  assert.deepEqual(keys({ relations: ['phone-call'] }), ['2']);
  assert.deepEqual(keys({ minGrading: 'C3' }), ['1', '2', '4', '5']);
  const march = { startMs: Date.parse('2026-03-01T00:00:00Z'), endMs: Date.parse('2026-04-01T00:00:00Z') };
  assert.deepEqual(keys({ window: march }), ['1', '2', '3']);
  // Half-open: a window ending where an assertion begins leaves it out; one starting on its last instant keeps it.
  assert.deepEqual(keys({ window: { startMs: Date.parse('2026-02-01T00:00:00Z'), endMs: Date.parse('2026-03-01T00:00:00Z') } }), []);
  assert.deepEqual(keys({ window: { startMs: Date.parse('2026-03-01T23:59:59.999Z'), endMs: Date.parse('2026-03-02T00:00:00Z') } }), ['1', '2', '3']);
  assert.deepEqual(relationsOf(xs), ['meeting', 'phone-call']);
});

test('the filters as the server’s choices, in the body and in the query string', () => {
  const f: ChartFilters = { types: ['person'], relations: ['meeting', 'phone-call'], minGrading: 'C3', window: { startMs: Date.UTC(2026, 0, 1), endMs: Date.UTC(2026, 1, 1) } };
  assert.deepEqual(choicesJson(f), { relations: ['meeting', 'phone-call'], min_grading: 'C3', window: { start: '2026-01-01T00:00:00.000Z', end: '2026-02-01T00:00:00.000Z' } });
  assert.deepEqual(choicesQuery(f), [['relations', 'meeting,phone-call'], ['min_grading', 'C3'], ['window_start', '2026-01-01T00:00:00.000Z'], ['window_end', '2026-02-01T00:00:00.000Z']]);
  assert.deepEqual(choicesJson(NO_FILTERS), {});
  assert.deepEqual(choicesQuery(NO_FILTERS), []);
});

test('sizes by a measure (area ∝ value), colours by community, focus dims the rest', () => {
  assert.equal(sizeFor(4, 4), MAX_NODE_SIZE);
  assert.equal(sizeFor(0, 4), MIN_NODE_SIZE);
  assert.equal(sizeFor(1, 4), MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * 0.5);
  const entities = [entity('a'), entity('b'), entity('c')];
  const m = buildChartModel(input(entities, [assertion('1', 'a', 'b'), assertion('2', 'b', 'c')], {
    measure: { a: 0, b: 1, c: 0.25 },
    communities: { a: 0, b: 0, c: 13 },
    focus: { nodes: new Set(['a', 'b']), pairs: new Set([pairKey('b', 'a')]) },
  }));
  const byKey = new Map(m.nodes.map((n) => [n.key, n.attributes]));
  assert.equal(byKey.get('b')!.size, MAX_NODE_SIZE);
  assert.equal(byKey.get('a')!.size, MIN_NODE_SIZE);
  assert.equal(byKey.get('a')!.color, communityColour(0));
  assert.equal(byKey.get('c')!.dimmed, true);
  assert.notEqual(byKey.get('c')!.color, communityColour(13));
  assert.equal(communityColour(13), communityColour(1));
  assert.deepEqual(m.edges.map((e) => e.attributes.dimmed), [false, true]);
});

test('positions: current, else saved, else the spiral; the saved body drops non-finite positions', () => {
  const placed = placeNodes(['a', 'b', 'c'], new Map([['a', { x: 1, y: 2, pinned: true }]]), { a: { x: 9, y: 9, pinned: false }, b: { x: 3, y: 4, pinned: true } });
  assert.deepEqual(placed.get('a'), { x: 1, y: 2, pinned: true });
  assert.deepEqual(placed.get('b'), { x: 3, y: 4, pinned: true });
  assert.deepEqual(placed.get('c'), { ...spiralPosition(2), pinned: false });
  const again = placeNodes(['c'], new Map(), {});
  assert.deepEqual(again.get('c'), { ...spiralPosition(0), pinned: false }, 'deterministic');
  placed.set('d', { x: Number.NaN, y: 0, pinned: false });
  assert.deepEqual(Object.keys(layoutBody(placed).positions), ['a', 'b', 'c']);
});

test('top N: largest first, float noise and ties by label, competition ranks', () => {
  const rows = topN({ a: 0.5, b: 0.5 + 1e-15, c: 0.9, d: 0.1 }, (id) => ({ a: 'Zeta', b: 'Alpha', c: 'Mid', d: 'Low' })[id] ?? id, 3);
  assert.deepEqual(rows.map((r) => [r.id, r.rank]), [['c', 1], ['b', 2], ['a', 2]]);
});

test('the timeline: ordered by start, every month counted (empty ones too), undated apart', () => {
  const tl = assertionTimeline([
    assertion('1', 'a', 'b', { validFrom: '2026-03-05T00:00:00.000Z' }),
    assertion('2', 'a', 'b', { validFrom: '2026-01-20T00:00:00.000Z' }),
    assertion('3', 'a', 'b', { validFrom: null, validTo: null }),
    assertion('4', 'a', 'b', { validFrom: '2026-03-01T00:00:00.000Z' }),
  ]);
  assert.deepEqual(tl.dated.map((a) => a.id), ['2', '4', '1']);
  assert.deepEqual(tl.months.map((m) => [m.month, m.count]), [['2026-01', 1], ['2026-02', 0], ['2026-03', 2]]);
  assert.equal(tl.months[1]!.startMs, Date.UTC(2026, 1, 1));
  assert.equal(tl.undated, 1);
});

test('the import mapping: suggestions first, attributes for entity columns, duplicates found, the commit body', () => {
  const pv: ImportPreview = {
    id: 'i1', kind: 'entities', format: 'csv', fileName: 'e.csv', rows: 2, fields: ['id', 'label', 'type', 'ignore', 'attribute:<name>'],
    columns: [{ name: 'id', samples: ['1'], suggested: 'id' }, { name: 'Nombre', samples: ['Ana'], suggested: 'label' }, { name: 'alias 2', samples: [], suggested: null }],
  };
  const m = initialMapping(pv);
  assert.deepEqual(m, { id: 'id', Nombre: 'label', 'alias 2': 'ignore' });
  assert.deepEqual(fieldChoices(pv, 'alias 2'), ['id', 'label', 'type', 'ignore', 'attribute:alias 2']);
  assert.deepEqual(duplicateFields({ ...m, 'alias 2': 'label' }), ['label']);
  assert.deepEqual(commitBody(m, { marking: MARKING, entityType: 'person', relation: ' meeting ', grading: 'B2' }, true), {
    mapping: m,
    defaults: { marking: { classification: 'U', controls: [], relTo: [], originator: 'task force' }, entity_type: 'person', type: 'meeting', grading: 'B2' },
    skip_invalid: true,
  });
});

test('map points: located entities standing for themselves, in their type’s colour', () => {
  const fc = networkPoints([entity('a', { lat: 19.4, lon: -99.1, type: 'lab' }), entity('b'), entity('c', { lat: 1, lon: 2, mergedInto: 'a' })]);
  assert.equal(fc.features.length, 1);
  assert.deepEqual(fc.features[0]!.geometry.coordinates, [-99.1, 19.4]);
  assert.equal(fc.features[0]!.properties.colour, TYPE_STYLE.lab.colour);
});

test('readers: an analysis run with its result, and bad shapes refused with their path', () => {
  const run = readAnalysisRun({
    id: 'r1', kind: 'analysis', state: 'done', progress: 1, message: '', created_at: '', started_at: null, finished_at: null, error: null, banner: 'UNCLASSIFIED', request: {},
    result: {
      graph: { nodes: 2, edges: 1 }, nodes: [{ id: 'a', label: 'A', type: 'person' }, { id: 'b', label: 'B', type: 'person' }],
      edges: [{ from: 'a', to: 'b', weight: null, assertions: ['x'] }], measures: { degree: { a: 1, b: 1 }, unknown_measure: { a: 3 } },
      communities: { algorithm: 'leiden', count: 1, modularity: 0, membership: { a: 0, b: 0 } }, key_players: { k: 1, objective: 'fragmentation', ids: ['a'], score: 0 },
      removal: { measure: 'betweenness', initial_largest: 2, relative_sizes: [1, 0.5], steps: [{ removed: 'a', score: 0, tied: 2, margin: 0, largest_component: 1, relative_size: 0.5 }] },
      errors: { eigenvector: { code: 'NARIZ_NUMERIC', message: 'no convergence' } },
    },
  });
  assert.equal(run.result?.nodeCount, 2);
  assert.deepEqual(run.result?.measures.degree, { a: 1, b: 1 });
  assert.deepEqual(Object.keys(run.result?.measures ?? {}), ['degree']);
  assert.deepEqual(run.result?.removal?.relativeSizes, [1, 0.5]);
  assert.equal(run.result?.errors['eigenvector'], 'no convergence');
  assert.throws(() => readNetworkEntity({ ...entityJson(), type: 'alien' }, 'entity'), (e: unknown) => e instanceof SchemaError && e.path === 'entity.type');
  assert.throws(() => readNetworkEntity({ ...entityJson(), lat: 'north' }, 'entity'), (e: unknown) => e instanceof SchemaError && e.path === 'entity.lat');
  assert.equal(readNetworkEntity(entityJson(), 'entity').label, 'Ana');
});

function entityJson(): Record<string, unknown> {
  return {
    id: 'e1', type: 'person', label: 'Ana', aliases: [], attributes: { edad: 30 }, lat: null, lon: null, lead_id: null, merged_into: null,
    marking: { classification: 'U', controls: [], relTo: [], originator: 'task force' }, portion: '(U)', created_by: 'x', created_at: '', updated_at: '',
  };
}
