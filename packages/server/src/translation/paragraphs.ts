/**
 * Plain text into paragraphs: blocks of lines separated by one or more
 * blank lines (lines of only spaces and tabs count as blank). Inside a
 * paragraph the line breaks stay as written (Apertium carries them through
 * as format, docs/translation.md), trailing blanks are cut and the
 * indentation common to its lines is removed, so a paragraph of
 * `pdftotext -layout` output keeps its columns but not the page margin.
 */
export function splitParagraphs(text: string): string[] {
  const out: string[] = [];
  let block: string[] = [];
  const flush = (): void => {
    if (block.length === 0) return;
    const indent = block.reduce((m, l) => Math.min(m, /^[ \t]*/.exec(l)![0].length), Infinity);
    out.push(block.map((l) => l.slice(indent)).join('\n'));
    block = [];
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/[ \t\f\v\u00a0]+$/u, '');
    if (line.trim() === '') flush();
    else block.push(line);
  }
  flush();
  return out;
}
