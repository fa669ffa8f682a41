/**
 * A small, strict XML reader for KML: elements, attributes, text, CDATA,
 * comments, processing instructions and a DOCTYPE without internal subset;
 * the five predefined entities and numeric character references. Enough for
 * mission KML; not a validating parser (no DTDs, no namespaces beyond
 * stripping the prefix into `name`). Errors carry the 1-based line.
 */

export interface XmlElement {
  /** Local name (prefix removed). */
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** Character data directly inside the element, entities decoded. */
  readonly text: string;
  /** Line of the start tag. */
  readonly line: number;
}

export class XmlSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

interface Building {
  name: string;
  qname: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}

const NAME = /^[A-Za-z_][\w.:-]*/;

export function parseXml(src: string): XmlElement {
  const lineStarts = [0];
  for (let i = 0; i < src.length; i++) if (src.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineAt = (pos: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const fail = (pos: number, message: string): never => {
    throw new XmlSyntaxError(lineAt(pos), message);
  };
  const until = (pos: number, end: string, what: string): number => {
    const k = src.indexOf(end, pos);
    if (k < 0) fail(pos, `unterminated ${what}`);
    return k;
  };

  const stack: Building[] = [];
  let root: XmlElement | undefined;
  let i = src.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    const textEnd = lt < 0 ? src.length : lt;
    if (textEnd > i) {
      const chunk = src.slice(i, textEnd);
      const top = stack[stack.length - 1];
      if (top === undefined) {
        if (chunk.trim() !== '') fail(i, 'text outside the root element');
      } else {
        top.text += decode(chunk, i, fail);
      }
    }
    if (lt < 0) break;
    i = lt;
    if (src.startsWith('<?', i)) {
      i = until(i, '?>', 'processing instruction') + 2;
    } else if (src.startsWith('<!--', i)) {
      i = until(i, '-->', 'comment') + 3;
    } else if (src.startsWith('<![CDATA[', i)) {
      const end = until(i, ']]>', 'CDATA section');
      const top = stack[stack.length - 1];
      if (top === undefined) fail(i, 'CDATA outside the root element');
      top!.text += src.slice(i + 9, end);
      i = end + 3;
    } else if (src.startsWith('<!DOCTYPE', i)) {
      i = until(i, '>', 'DOCTYPE') + 1;
    } else if (src.startsWith('</', i)) {
      const end = until(i, '>', 'end tag');
      const qname = src.slice(i + 2, end).trim();
      const top = stack.pop();
      if (top === undefined) fail(i, `end tag </${qname}> without a start tag`);
      if (top!.qname !== qname) fail(i, `end tag </${qname}> does not match <${top!.qname}> opened on line ${top!.line}`);
      const done: XmlElement = { name: top!.name, attrs: top!.attrs, children: top!.children, text: top!.text, line: top!.line };
      const parent = stack[stack.length - 1];
      if (parent === undefined) root = done;
      else parent.children.push(done);
      i = end + 1;
    } else {
      const start = i;
      i++;
      const m = NAME.exec(src.slice(i, i + 200));
      if (m === null) fail(i, 'expected an element name after "<"');
      const qname = m![0];
      i += qname.length;
      const attrs: Record<string, string> = {};
      let selfClosing = false;
      for (;;) {
        while (i < src.length && /\s/.test(src[i]!)) i++;
        if (i >= src.length) fail(start, `unterminated start tag <${qname}>`);
        if (src.startsWith('/>', i)) {
          selfClosing = true;
          i += 2;
          break;
        }
        if (src[i] === '>') {
          i++;
          break;
        }
        const a = NAME.exec(src.slice(i, i + 200));
        if (a === null) fail(i, `bad attribute in <${qname}>`);
        i += a![0].length;
        while (/\s/.test(src[i] ?? '')) i++;
        if (src[i] !== '=') fail(i, `attribute ${a![0]} in <${qname}> has no value`);
        i++;
        while (/\s/.test(src[i] ?? '')) i++;
        const quote = src[i];
        if (quote !== '"' && quote !== "'") fail(i, `attribute ${a![0]} in <${qname}> must be quoted`);
        const close = until(i + 1, quote!, 'attribute value');
        attrs[a![0]] = decode(src.slice(i + 1, close), i, fail);
        i = close + 1;
      }
      if (stack.length === 0 && root !== undefined) fail(start, 'a second root element');
      const el: Building = { name: qname.replace(/^.*:/, ''), qname, attrs, children: [], text: '', line: lineAt(start) };
      if (selfClosing) {
        const done: XmlElement = { name: el.name, attrs, children: [], text: '', line: el.line };
        const parent = stack[stack.length - 1];
        if (parent === undefined) root = done;
        else parent.children.push(done);
      } else {
        stack.push(el);
      }
    }
  }
  if (stack.length > 0) fail(src.length, `<${stack[stack.length - 1]!.qname}> opened on line ${stack[stack.length - 1]!.line} is never closed`);
  if (root === undefined) fail(0, 'no root element');
  return root!;
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string, pos: number, fail: (pos: number, message: string) => never): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);|&/g, (all, ref: string | undefined) => {
    if (ref === undefined) return fail(pos, 'a bare "&" (write &amp;)');
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    const e = ENTITIES[ref];
    return e ?? fail(pos, `unknown entity ${all}`);
  });
}

/** XML text escaping for element content and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Every descendant element named `name`, in document order. */
export function descendants(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of e.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}
