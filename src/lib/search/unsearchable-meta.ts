/**
 * Metadata a search result shows but no query may find it by. Pagefind indexes the words of every metadata field
 * (a field's `metaWeights` of 0 only stops a match adding to the score: the page is still found), so a story's
 * fields, which name other outlets and headlines, made an article a result for words that are not its own, as an
 * article's language ("de") would for that word. Pagefind keeps only the letters, digits and emoji of a word: text
 * written as Braille patterns, one per byte of its UTF-8, gives it no word at all, and the search page reads it back
 * before a result is drawn.
 */

/** The fields of a search document written unsearchable (./search-documents.ts) and read back on the search page. */
export const UNSEARCHABLE_META = ['story', 'story_more', 'story_url', 'story_lang', 'story_dir', 'lang', 'dir'] as const;

/** U+2800, the first of the 256 Braille patterns: symbols, neither letters nor digits, one for each byte. */
const FIRST_PATTERN = 0x2800;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** `text` as Braille patterns, one per byte of its UTF-8. */
export function unsearchable(text: string): string {
  return Array.from(encoder.encode(text), (byte) => String.fromCharCode(FIRST_PATTERN + byte)).join('');
}

/** The text `unsearchable` wrote. */
export function readUnsearchable(written: string): string {
  return decoder.decode(Uint8Array.from(written, (pattern) => pattern.charCodeAt(0) - FIRST_PATTERN));
}

/** A result's metadata with the unsearchable fields read back; the others as they are. */
export function readableMeta<Meta extends Readonly<Record<string, string | undefined>>>(meta: Meta): Meta {
  const read: Record<string, string | undefined> = { ...meta };
  for (const field of UNSEARCHABLE_META) {
    const written = meta[field];
    if (written !== undefined) read[field] = readUnsearchable(written);
  }
  return read as Meta;
}
