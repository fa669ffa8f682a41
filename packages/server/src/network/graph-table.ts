/**
 * GraphML and GEXF files as import tables (csv-table.ts's shape), so a graph
 * exported by Nariz or drawn in Gephi or yEd goes through the same column
 * mapping as a spreadsheet: importing entities reads the nodes (columns
 * `id`, then each node attribute by name), importing assertions reads the
 * edges (`id`, `source`, `target`, then each edge attribute; GEXF adds
 * `label` and `weight`, GraphML a `directed` column when the file says
 * edges are directed). Each row's line is its element's.
 */
import { NarizError } from '@nariz/core';
import type { ImportKind } from '@nariz/store';
import type { ImportTable } from './csv-table.js';
import { childrenNamed, parseXml, type XmlElement } from './xml-reader.js';

function firstGraph(root: XmlElement, what: string): XmlElement {
  const g = childrenNamed(root, 'graph')[0];
  if (g === undefined) throw new NarizError('NARIZ_IMPORT_FILE', `${what}: no <graph> element`, { line: root.line });
  return g;
}

function table(columns: string[], rows: Array<{ line: number; values: Map<string, string> }>): ImportTable {
  return { columns, rows: rows.map((r) => ({ line: r.line, cells: columns.map((c) => r.values.get(c)) })) };
}

export function readGraphmlTable(text: string, kind: ImportKind): ImportTable {
  const root = parseXml(text);
  if (root.local !== 'graphml') throw new NarizError('NARIZ_IMPORT_FILE', `not GraphML: the root element is <${root.name}>`, { line: root.line });
  const graph = firstGraph(root, 'GraphML');
  const target = kind === 'entities' ? 'node' : 'edge';
  const keys = childrenNamed(root, 'key').filter((k) => k.attrs['for'] === target || k.attrs['for'] === 'all');
  const keyName = new Map(keys.map((k) => [k.attrs['id'] ?? '', k.attrs['attr.name'] ?? k.attrs['id'] ?? '']));
  const defaults = new Map(keys.flatMap((k) => { const d = childrenNamed(k, 'default')[0]; return d === undefined ? [] : [[keyName.get(k.attrs['id'] ?? '')!, d.text]]; }));
  const elements = childrenNamed(graph, target);
  const base = kind === 'entities' ? ['id'] : ['id', 'source', 'target'];
  const directedGraph = graph.attrs['edgedefault'] === 'directed';
  const nativeDirected = kind === 'assertions' && (directedGraph || elements.some((e) => e.attrs['directed'] !== undefined));
  const names = [...new Set(keys.map((k) => keyName.get(k.attrs['id'] ?? '')!))].filter((n) => !base.includes(n));
  const columns = [...base, ...(nativeDirected && !names.includes('directed') ? ['directed'] : []), ...names];
  const rows = elements.map((el) => {
    const values = new Map<string, string>(defaults);
    for (const b of base) if (el.attrs[b] !== undefined) values.set(b, el.attrs[b]!);
    if (nativeDirected) values.set('directed', el.attrs['directed'] ?? String(directedGraph));
    for (const d of childrenNamed(el, 'data')) {
      const name = keyName.get(d.attrs['key'] ?? '');
      if (name === undefined) throw new NarizError('NARIZ_IMPORT_FILE', `GraphML: <data key="${d.attrs['key'] ?? ''}"> names no <key> for ${target}s`, { line: d.line });
      values.set(name, d.text);
    }
    return { line: el.line, values };
  });
  return table(columns, rows);
}

export function readGexfTable(text: string, kind: ImportKind): ImportTable {
  const root = parseXml(text);
  if (root.local !== 'gexf') throw new NarizError('NARIZ_IMPORT_FILE', `not GEXF: the root element is <${root.name}>`, { line: root.line });
  const graph = firstGraph(root, 'GEXF');
  const cls = kind === 'entities' ? 'node' : 'edge';
  const attrs = childrenNamed(graph, 'attributes').filter((a) => (a.attrs['class'] ?? 'node') === cls).flatMap((a) => childrenNamed(a, 'attribute'));
  const title = new Map(attrs.map((a) => [a.attrs['id'] ?? '', a.attrs['title'] ?? a.attrs['id'] ?? '']));
  const defaults = new Map(attrs.flatMap((a) => { const d = childrenNamed(a, 'default')[0]; return d === undefined ? [] : [[title.get(a.attrs['id'] ?? '')!, d.text]]; }));
  const container = childrenNamed(graph, kind === 'entities' ? 'nodes' : 'edges')[0];
  const elements = container === undefined ? [] : childrenNamed(container, cls);
  const base = kind === 'entities' ? ['id', 'label'] : ['id', 'source', 'target', 'label', 'weight'];
  const columns = [...base, ...[...new Set(title.values())].filter((n) => !base.includes(n))];
  const rows = elements.map((el) => {
    const values = new Map<string, string>(defaults);
    for (const b of base) if (el.attrs[b] !== undefined) values.set(b, el.attrs[b]!);
    for (const av of childrenNamed(el, 'attvalues').flatMap((x) => childrenNamed(x, 'attvalue'))) {
      const name = title.get(av.attrs['for'] ?? av.attrs['id'] ?? '');
      if (name === undefined) throw new NarizError('NARIZ_IMPORT_FILE', `GEXF: <attvalue for="${av.attrs['for'] ?? ''}"> names no ${cls} attribute`, { line: av.line });
      values.set(name, av.attrs['value'] ?? '');
    }
    return { line: el.line, values };
  });
  return table(columns, rows);
}
