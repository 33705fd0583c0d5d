/** Control characters XML 1.0 forbids (tab, line feed and carriage return are allowed), found and removed in one place. */

export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/u;

const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, 'gu');

/** `text` without them: a feed's stray backspace or escape would otherwise keep its item off the site. */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}
