/**
 * The model: Admiralty gradings, and assertions → analysis graph by the
 * analyst's choices (multiplicity, window, minimum grading, relations,
 * counts as strength or distance, which nodes), with every edge's
 * provenance; deliberate failures carry codes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isNarizError } from '@nariz/core';
import {
  assertionId, betweenness, buildAnalysisGraph, edgeBetween, edgeProvenance, entityId, formatGrading, meetsMinimumGrading, parseGrading,
  INFORMATION_CREDIBILITY, SOURCE_RELIABILITY, type Entity, type Grading, type LinkAssertion,
} from '../src/index.js';
import { krebsEntitiesAndAssertions } from './networks.js';

test('Admiralty gradings: parse, format, describe, and the minimum rule (F and 6 pass only when asked for)', () => {
  assert.deepEqual(parseGrading('B2'), { reliability: 'B', credibility: 2 });
  assert.deepEqual(parseGrading(' f6 '), { reliability: 'F', credibility: 6 });
  assert.equal(formatGrading({ reliability: 'C', credibility: 3 }), 'C3');
  for (const bad of ['G1', 'A7', 'A0', '2B', 'AB', '', 'A22']) assert.throws(() => parseGrading(bad), (e) => isNarizError(e, 'NARIZ_GRADING'), bad);
  assert.equal(SOURCE_RELIABILITY.A, 'Completely reliable');
  assert.equal(INFORMATION_CREDIBILITY[6], 'Truth cannot be judged');
  const min = parseGrading('C3');
  assert.ok(meetsMinimumGrading(parseGrading('A1'), min));
  assert.ok(meetsMinimumGrading(parseGrading('C3'), min));
  assert.ok(!meetsMinimumGrading(parseGrading('B4'), min));
  assert.ok(!meetsMinimumGrading(parseGrading('D1'), min));
  assert.ok(!meetsMinimumGrading(parseGrading('F1'), parseGrading('E5')));
  assert.ok(meetsMinimumGrading(parseGrading('F6'), parseGrading('F6')));
});

const DAY = 86_400_000;
const people: Entity[] = ['ana', 'beto', 'caro', 'dani', 'eli'].map((id) => ({ id: entityId(id), kind: 'person' }));
let serial = 0;
function link(source: string, target: string, day: number, grading: string, o: { relation?: string; count?: number; days?: number } = {}): LinkAssertion {
  serial++;
  const g: Grading = parseGrading(grading);
  return {
    id: assertionId(`a${serial}`), source: entityId(source), target: entityId(target), relation: o.relation ?? 'meeting', grading: g,
    validFromMs: day * DAY, validToMs: (day + (o.days ?? 0)) * DAY, provenance: `report ${serial}`, ...(o.count === undefined ? {} : { count: o.count }),
  };
}
const record: LinkAssertion[] = [
  link('ana', 'beto', 1, 'A1'), // a1
  link('beto', 'ana', 3, 'B2', { relation: 'phone-call', count: 4 }), // a2
  link('beto', 'caro', 5, 'C3'), // a3
  link('caro', 'dani', 10, 'E5', { days: 5 }), // a4
  link('dani', 'dani', 11, 'A1'), // a5: self
  link('ana', 'caro', 20, 'B1', { relation: 'phone-call' }), // a6
];

test('one edge per pair, with each edge\'s provenance; one per assertion makes parallel edges', () => {
  const ag = buildAnalysisGraph(people, record);
  assert.equal(ag.graph.nodeCount, 5);
  assert.deepEqual(ag.nodeIds, ['ana', 'beto', 'caro', 'dani', 'eli']);
  assert.equal(ag.graph.edgeCount, 4);
  assert.deepEqual(ag.excluded, { relation: 0, grading: 0, window: 0, selfLinks: 1 });
  assert.equal(ag.used, 5);
  const ab = edgeBetween(ag.graph, 0, 1);
  assert.deepEqual(edgeProvenance(ag, ab), ['a1', 'a2']);
  assert.deepEqual(edgeProvenance(ag, edgeBetween(ag.graph, 2, 3)), ['a4']);
  const each = buildAnalysisGraph(people, record, { multiplicity: 'one-per-assertion' });
  assert.equal(each.graph.edgeCount, 5);
  for (let e = 0; e < each.graph.edgeCount; e++) assert.equal(edgeProvenance(each, e).length, 1);
  assert.throws(() => edgeProvenance(ag, 4), (e) => isNarizError(e, 'NARIZ_GRAPH'));
});

test('time window, minimum grading and relations leave assertions out, counted by reason', () => {
  const win = buildAnalysisGraph(people, record, { window: { startMs: 4 * DAY, endMs: 12 * DAY } });
  assert.deepEqual(win.excluded, { relation: 0, grading: 0, window: 3, selfLinks: 1 });
  assert.equal(win.graph.edgeCount, 2); // beto–caro, caro–dani (valid 10–15, overlapping)
  const graded = buildAnalysisGraph(people, record, { minGrading: parseGrading('B2') });
  assert.equal(graded.excluded.grading, 2);
  assert.deepEqual(edgeProvenance(graded, edgeBetween(graded.graph, 0, 1)), ['a1', 'a2']);
  const calls = buildAnalysisGraph(people, record, { relations: ['phone-call'] });
  assert.equal(calls.excluded.relation, 4);
  assert.equal(calls.graph.edgeCount, 2);
  const active = buildAnalysisGraph(people, record, { relations: ['phone-call'], nodes: 'linked-only' });
  assert.deepEqual(active.nodeIds, ['ana', 'beto', 'caro']);
});

test('counts as strength (summed) or as distance (1 / sum), each read only by the measures of its kind', () => {
  const s = buildAnalysisGraph(people, record, { weight: 'count-as-strength' });
  assert.equal(s.graph.weightKind, 'strength');
  assert.equal(s.graph.edgeWeights![edgeBetween(s.graph, 0, 1)], 5);
  const d = buildAnalysisGraph(people, record, { weight: 'count-as-distance' });
  assert.equal(d.graph.weightKind, 'length');
  assert.equal(d.graph.edgeWeights![edgeBetween(d.graph, 0, 1)], 1 / 5);
  // ana–beto–caro (1/5 + 1) is longer than ana–caro (1): betweenness through beto is 0 by distance, and by hops.
  assert.equal(betweenness(d.graph, { normalized: false })[1], 0);
  assert.throws(() => betweenness(s.graph, { weighted: true }), (e) => isNarizError(e, 'NARIZ_USAGE'));
  const directed = buildAnalysisGraph(people, record, { directed: true });
  assert.equal(directed.graph.edgeCount, 5); // ana→beto and beto→ana apart
});

test('inconsistent input is refused with NARIZ_GRAPH and where it is', () => {
  const unknown = [{ ...record[0]!, target: entityId('zoe') }];
  assert.throws(() => buildAnalysisGraph(people, unknown), (e) => isNarizError(e, 'NARIZ_GRAPH') && e.location?.path === 'assertions[0]');
  assert.throws(() => buildAnalysisGraph([...people, people[0]!], []), (e) => isNarizError(e, 'NARIZ_GRAPH'));
  assert.throws(() => buildAnalysisGraph(people, [{ ...record[0]!, count: 0 }]), (e) => isNarizError(e, 'NARIZ_GRAPH'));
  assert.throws(() => buildAnalysisGraph(people, [{ ...record[0]!, validToMs: -1 }]), (e) => isNarizError(e, 'NARIZ_GRAPH'));
  assert.throws(() => buildAnalysisGraph(people, record, { window: { startMs: 5, endMs: 5 } }), (e) => isNarizError(e, 'NARIZ_USAGE'));
});

test('the Krebs record: 382 assertions make 158 links among 68 people, repeats merged with their provenance', () => {
  const { entities, assertions } = krebsEntitiesAndAssertions();
  const ag = buildAnalysisGraph(entities, assertions);
  assert.equal(ag.graph.edgeCount, 158);
  assert.equal(ag.used, assertions.length);
  let total = 0;
  for (let e = 0; e < ag.graph.edgeCount; e++) total += edgeProvenance(ag, e).length;
  assert.equal(total, assertions.length);
});
