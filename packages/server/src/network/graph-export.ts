/**
 * The network a user may see, as files for other tools and for re-import:
 * GraphML (Brandes et al., graphml.graphdrawing.org, 1.0) and GEXF 1.2
 * (gexf.net), and CSV of entities and of assertions. Nodes are the
 * entities (merges applied for the reader), edges the assertions, one
 * each (a multigraph: the analysis graph is built from them by choices,
 * and a file of the built graph would lose the provenance). Every node and
 * edge carries its portion mark and originator, so the file re-imports
 * with its markings (import-plan.ts maps `portion` and `originator`), and
 * the file carries the banner over everything in it.
 *
 * Direction is an edge attribute (`directed`), not GraphML's or GEXF's own
 * edge direction: assertions of both kinds share one graph, and a mixed
 * graph is refused by many readers (NetworkX among them).
 *
 * XML text is escaped, and characters XML 1.0 cannot carry (most C0
 * controls, lone surrogates) are replaced by U+FFFD.
 */
import { portionMarking, type SecurityPolicy } from '@nariz/security';
import type { NetworkAssertionRecord, NetworkEntityRecord, NetworkSnapshot, ResolvedAssertion } from '@nariz/store';
import { gradingText } from './network-json.js';

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export const xmlText = (s: string): string =>
  s.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
/** In an attribute value literal white space is normalised to spaces by every reader (XML 1.0 §3.3.3): line breaks and tabs go as references. */
export const xmlAttr = (s: string): string => xmlText(s).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');

type Scalar = string | number | null;

interface Column<T> {
  readonly name: string;
  readonly type: 'string' | 'double' | 'boolean';
  readonly value: (x: T) => Scalar | boolean;
}

function entityColumns(policy: SecurityPolicy): Column<NetworkEntityRecord>[] {
  return [
    { name: 'label', type: 'string', value: (e) => e.label },
    { name: 'type', type: 'string', value: (e) => e.type },
    { name: 'aliases', type: 'string', value: (e) => e.aliases.join(' | ') },
    { name: 'lat', type: 'double', value: (e) => e.lat ?? null },
    { name: 'lon', type: 'double', value: (e) => e.lon ?? null },
    { name: 'lead_id', type: 'string', value: (e) => e.leadId ?? null },
    { name: 'attributes', type: 'string', value: (e) => (Object.keys(e.attributes).length === 0 ? null : JSON.stringify(e.attributes)) },
    { name: 'portion', type: 'string', value: (e) => portionMarking(e.marking, policy) },
    { name: 'originator', type: 'string', value: (e) => e.marking.originator },
  ];
}

function assertionColumns(policy: SecurityPolicy): Column<NetworkAssertionRecord>[] {
  return [
    { name: 'type', type: 'string', value: (a) => a.type },
    { name: 'directed', type: 'boolean', value: (a) => a.directed },
    { name: 'source_ref', type: 'string', value: (a) => a.sourceRef },
    { name: 'source_title', type: 'string', value: (a) => a.sourceTitle },
    { name: 'valid_from', type: 'string', value: (a) => a.validFrom ?? null },
    { name: 'valid_to', type: 'string', value: (a) => a.validTo ?? null },
    { name: 'grading', type: 'string', value: (a) => gradingText(a) },
    { name: 'count', type: 'double', value: (a) => a.count },
    { name: 'note', type: 'string', value: (a) => (a.note === '' ? null : a.note) },
    { name: 'portion', type: 'string', value: (a) => portionMarking(a.marking, policy) },
    { name: 'originator', type: 'string', value: (a) => a.marking.originator },
  ];
}

const text = (v: Scalar | boolean): string => (typeof v === 'string' ? v : String(v));

export function toGraphml(snap: NetworkSnapshot, banner: string | null, policy: SecurityPolicy): string {
  const ec = entityColumns(policy);
  const ac = assertionColumns(policy);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    ...(banner === null ? [] : [`<!-- ${xmlText(banner).replace(/--/g, '- -')} -->`]),
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="g_banner" for="graph" attr.name="banner" attr.type="string"/>',
    ...ec.map((c) => `  <key id="n_${c.name}" for="node" attr.name="${c.name}" attr.type="${c.type}"/>`),
    ...ac.map((c) => `  <key id="e_${c.name}" for="edge" attr.name="${c.name}" attr.type="${c.type}"/>`),
    '  <graph id="nariz" edgedefault="undirected">',
    `    <data key="g_banner">${xmlText(banner ?? '')}</data>`,
  ];
  const data = <T>(cols: Column<T>[], x: T, prefix: string): string =>
    cols.map((c) => [c, c.value(x)] as const).filter(([, v]) => v !== null).map(([c, v]) => `<data key="${prefix}_${c.name}">${xmlText(text(v))}</data>`).join('');
  for (const e of snap.entities) out.push(`    <node id="${xmlText(e.id)}">${data(ec, e, 'n')}</node>`);
  for (const a of snap.assertions) out.push(`    <edge id="${xmlText(a.id)}" source="${xmlText(a.resolvedFrom)}" target="${xmlText(a.resolvedTo)}">${data(ac, a, 'e')}</edge>`);
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

export function toGexf(snap: NetworkSnapshot, banner: string | null, policy: SecurityPolicy, today: string): string {
  const ec = entityColumns(policy).filter((c) => c.name !== 'label');
  const ac = assertionColumns(policy);
  const attrs = <T>(cols: Column<T>[], x: T): string => {
    const vs = cols.map((c) => [c, c.value(x)] as const).filter(([, v]) => v !== null);
    return vs.length === 0 ? '' : `<attvalues>${vs.map(([c, v]) => `<attvalue for="${c.name}" value="${xmlAttr(text(v))}"/>`).join('')}</attvalues>`;
  };
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">',
    `  <meta lastmodifieddate="${today}"><creator>Nariz</creator><description>${xmlText(banner ?? '')}</description></meta>`,
    '  <graph defaultedgetype="undirected" mode="static">',
    `    <attributes class="node">${ec.map((c) => `<attribute id="${c.name}" title="${c.name}" type="${c.type}"/>`).join('')}</attributes>`,
    `    <attributes class="edge">${ac.map((c) => `<attribute id="${c.name}" title="${c.name}" type="${c.type}"/>`).join('')}</attributes>`,
    '    <nodes>',
  ];
  for (const e of snap.entities) out.push(`      <node id="${xmlAttr(e.id)}" label="${xmlAttr(e.label)}">${attrs(ec, e)}</node>`);
  out.push('    </nodes>', '    <edges>');
  for (const a of snap.assertions) {
    out.push(`      <edge id="${xmlAttr(a.id)}" source="${xmlAttr(a.resolvedFrom)}" target="${xmlAttr(a.resolvedTo)}" weight="${a.count}">${attrs(ac, a)}</edge>`);
  }
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}

/** RFC 4180: a cell is quoted when it holds a comma, quote or line break; a leading =, +, - or @ is prefixed with ' so spreadsheets do not run it as a formula. */
export function csvCell(v: Scalar | boolean): string {
  if (v === null) return '';
  let s = text(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function entitiesCsv(entities: readonly NetworkEntityRecord[], policy: SecurityPolicy): string {
  const cols = entityColumns(policy);
  const lines = [['id', ...cols.map((c) => c.name)].join(',')];
  for (const e of entities) lines.push([csvCell(e.id), ...cols.map((c) => csvCell(c.value(e)))].join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function assertionsCsv(assertions: readonly ResolvedAssertion[], policy: SecurityPolicy): string {
  const cols = assertionColumns(policy);
  const lines = [['id', 'from', 'to', ...cols.map((c) => c.name)].join(',')];
  for (const a of assertions) lines.push([csvCell(a.id), csvCell(a.resolvedFrom), csvCell(a.resolvedTo), ...cols.map((c) => csvCell(c.value(a)))].join(','));
  return `${lines.join('\r\n')}\r\n`;
}
