/** What identifies a part's index: its documents, byte for byte and in order, and the Pagefind version that indexes them. */
import { createHash } from 'node:crypto';

export function partHash(documents: Iterable<{ url: string; content: string }>, pagefindVersion: string): string {
  const hash = createHash('sha256').update(`pagefind ${pagefindVersion}\0`);
  // Lengths first, so that no two different lists of documents run together into the same text.
  for (const { url, content } of documents) hash.update(`${url.length}:${url}${content.length}:${content}`);
  return hash.digest('hex');
}
