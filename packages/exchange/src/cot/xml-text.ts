/**
 * XML 1.0 escaping for the CoT writer. Characters XML 1.0 cannot carry at
 * all (C0 controls other than tab, line feed and carriage return; lone
 * surrogates; U+FFFE, U+FFFF) become U+FFFD, so no input text can make an
 * event unparseable. In attributes, tab, line feed and carriage return are
 * written as character references so attribute-value normalisation
 * (XML 1.0 §3.3.3) does not turn them into spaces.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXmlText(s: string): string {
  return s.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeXmlAttribute(s: string): string {
  return escapeXmlText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

export type XmlAttributes = Readonly<Record<string, string | number | boolean | undefined>>;

function openTag(name: string, attributes: XmlAttributes): string {
  let s = `<${name}`;
  for (const [k, v] of Object.entries(attributes)) {
    if (v !== undefined) s += ` ${k}="${escapeXmlAttribute(String(v))}"`;
  }
  return s;
}

/** `<name a="…">children</name>`, or `<name a="…"/>` with no children; undefined attributes are left out. */
export function xmlElement(name: string, attributes: XmlAttributes, children: readonly string[] = []): string {
  const s = openTag(name, attributes);
  return children.length === 0 ? `${s}/>` : `${s}>${children.join('')}</${name}>`;
}

/** `<name …>text</name>` with the text escaped. */
export function xmlTextElement(name: string, attributes: XmlAttributes, text: string): string {
  return `${openTag(name, attributes)}>${escapeXmlText(text)}</${name}>`;
}
