/**
 * The one kind of malformed XML feeds commonly carry and that has a single meaning: a bare "&" (AT&T, R&D, a link's
 * ?a=1&b=2) or a "<" before a space or a digit (3 < 4), which cannot start markup. Each is escaped as its author
 * meant; the caller takes the result only when that makes the whole document well-formed, and says where it was.
 */

/** Where character data may hold "&" and "<" as they are, or where they are markup's own: left untouched. */
const OPAQUE = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>/gi;
/** An "&" that starts no character or entity reference, or a "<" that starts no markup. */
const BARE = /&(?![A-Za-z_:][\w.:-]*;|#\d+;|#x[\dA-Fa-f]+;)|<(?=[\s\d])/g;

export interface Escaped {
  text: string;
  /** The 1-based lines where a character was escaped, each once, in order. */
  lines: number[];
}

/** `document` with every bare "&" written as "&amp;" and every bare "<" as "&lt;", outside CDATA, comments and the DOCTYPE. */
export function escapeBareCharacters(document: string): Escaped {
  const lines = new Set<number>();
  let line = 1;
  let counted = 0;
  const lineAt = (offset: number) => {
    for (let index = document.indexOf('\n', counted); index !== -1 && index < offset; index = document.indexOf('\n', index + 1)) line++;
    counted = offset;
    return line;
  };
  const escapeRun = (run: string, start: number) =>
    run.replace(BARE, (character, offset: number) => {
      lines.add(lineAt(start + offset));
      return character === '&' ? '&amp;' : '&lt;';
    });
  let text = '';
  let last = 0;
  for (const opaque of document.matchAll(OPAQUE)) {
    text += escapeRun(document.slice(last, opaque.index), last) + opaque[0];
    last = opaque.index + opaque[0].length;
  }
  text += escapeRun(document.slice(last), last);
  return { text, lines: [...lines] };
}
