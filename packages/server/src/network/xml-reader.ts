/**
 * A small, strict XML 1.0 reader for the graph files the platform imports
 * (GraphML, GEXF): elements with attributes, text, CDATA, comments and
 * processing instructions, the five predefined entities and character
 * references, each element with the line it starts on. A DOCTYPE is
 * refused (no DTD, so no entity expansion and no external entities: the
 * "billion laughs" and XXE attacks have nothing to work with). Namespace
 * prefixes are kept in `name`; `local` drops them. Malformed input is
 * NARIZ_IMPORT_FILE with its line.
 */
import { NarizError } from '@nariz/core';

export interface XmlElement {
  readonly name: string;
  /** The name without its namespace prefix. */
  readonly local: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** The element's own text (children's excluded), entities decoded. */
  text: string;
  readonly line: number;
}

// Sticky: each matches exactly at lastIndex, so nothing is copied however long the file.
const NAME = /[A-Za-z_:][A-Za-z0-9_.:\u00B7\u00C0-\uFFFF-]*/y;
const SPACE = /\s*/y;
const ATTRIBUTE = /([A-Za-z_:][A-Za-z0-9_.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const at = (re: RegExp, text: string, pos: number): RegExpExecArray | null => {
  re.lastIndex = pos;
  return re.exec(text);
};
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function parseXml(text: string): XmlElement {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const fail = (message: string): never => {
    throw new NarizError('NARIZ_IMPORT_FILE', `XML: ${message}`, { line });
  };
  const advance = (to: number): void => {
    for (let k = i; k < to; k++) if (text.charCodeAt(k) === 10) line++;
    i = to;
  };
  const decode = (s: string): string =>
    s.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z]+);|&/g, (m: string, ref: string | undefined) => {
      if (ref === undefined) return fail('a bare "&" (write &amp;)');
      if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
      if (ref.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
      return PREDEFINED[ref] ?? fail(`unknown entity "${m}" (no DTD is read)`);
    });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = lt < 0 ? text.slice(i) : text.slice(i, lt);
    if (chunk.trim() !== '') {
      if (stack.length === 0) fail('text outside the root element');
      stack[stack.length - 1]!.text += decode(chunk);
    }
    if (lt < 0) {
      advance(text.length);
      break;
    }
    advance(lt);
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) fail('a comment is not closed');
      advance(end + 3);
    } else if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      if (end < 0) fail('a CDATA section is not closed');
      if (stack.length === 0) fail('CDATA outside the root element');
      stack[stack.length - 1]!.text += text.slice(i + 9, end);
      advance(end + 3);
    } else if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) fail('a processing instruction is not closed');
      advance(end + 2);
    } else if (text.startsWith('<!', i)) {
      fail('a DOCTYPE or DTD declaration is not accepted');
    } else if (text.startsWith('</', i)) {
      const m = at(NAME, text, i + 2);
      if (m === null) fail('a malformed end tag');
      const open = stack.pop();
      if (open === undefined || open.name !== m![0]) fail(`</${m![0]}> does not close <${open?.name ?? '(nothing)'}>`);
      const end = text.indexOf('>', i);
      if (end < 0 || text.slice(i + 2 + m![0].length, end).trim() !== '') fail('a malformed end tag');
      advance(end + 1);
    } else {
      const startLine = line;
      const m = at(NAME, text, i + 1);
      if (m === null) fail('a "<" that starts no tag (write &lt;)');
      const name = m![0];
      advance(i + 1 + name.length);
      const attrs: Record<string, string> = {};
      for (;;) {
        const ws = at(SPACE, text, i)![0];
        advance(i + ws.length);
        if (text.startsWith('/>', i) || text[i] === '>') break;
        if (ws === '') fail(`attributes of <${name}> must be separated by white space`);
        const a = at(ATTRIBUTE, text, i);
        if (a === null) fail(`a malformed attribute in <${name}>`);
        if (Object.hasOwn(attrs, a![1]!)) fail(`attribute "${a![1]}" repeated in <${name}>`);
        attrs[a![1]!] = decode((a![2] ?? a![3] ?? '').replace(/[\t\n\r]/g, ' '));
        advance(i + a![0].length);
      }
      const selfClosing = text.startsWith('/>', i);
      advance(i + (selfClosing ? 2 : 1));
      const el: XmlElement = { name, local: name.includes(':') ? name.slice(name.indexOf(':') + 1) : name, attrs, children: [], text: '', line: startLine };
      if (stack.length > 0) stack[stack.length - 1]!.children.push(el);
      else if (root !== undefined) fail('more than one root element');
      else root = el;
      if (!selfClosing) stack.push(el);
    }
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1]!.name}> is not closed`);
  if (root === undefined) fail('no root element');
  return root!;
}

/** The direct children named `local` (namespace prefix ignored). */
export const childrenNamed = (e: XmlElement, local: string): XmlElement[] => e.children.filter((c) => c.local === local);
