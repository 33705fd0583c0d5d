/**
 * Characters XML 1.0 forbids, found and removed in one place: control characters (tab, line feed and carriage return
 * are allowed), the noncharacters U+FFFE and U+FFFF, and a surrogate without its pair (with the `u` flag the class
 * matches only those), which YAML's `\uD800` or a JSON feed's escape can produce.
 */

export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/u;

const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, 'gu');

/** `text` without them: a feed's stray backspace or escape would otherwise keep its item off the site. */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}
