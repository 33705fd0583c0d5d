/** A file's bytes as every tool reads the files editors save (articles, the sources registry): strict UTF-8. */
import type { Problem } from '../checks/problems.ts';
import { lineOfOffset } from './line-of-offset.ts';

// A byte-order mark is kept, for the reader to drop: a file of nothing else then reads as blank, not as empty.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8');

/**
 * The text, or the problem of a file saved in another encoding (Windows-1252, Latin-1, UTF-16), at the line of its
 * first character that is not UTF-8: read leniently, each would become U+FFFD, lost for good once a tool rewrites it.
 */
export function utf8Text(file: string, bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: Problem } {
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    const lenient = lenientUtf8.decode(bytes);
    const at = lenient.indexOf('\uFFFD');
    return {
      ok: false,
      problem: { file, line: at === -1 ? undefined : lineOfOffset(lenient, at), severity: 'error', message: 'the file is not UTF-8 text', hint: 'save it as UTF-8 in your editor (often "Save with encoding" or "Reopen with encoding", then save)' },
    };
  }
}
