/** A file's bytes as every tool reads the files editors save (articles, the sources registry): strict UTF-8. */
import type { Problem } from '../checks/problems.ts';
import { decodeUtf8Mixed } from '../text/utf8.ts';
import { lineOfOffset } from './line-of-offset.ts';

// A byte-order mark is kept, for the reader to drop: a file of nothing else then reads as blank, not as empty.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8');

const SAVE_AS_UTF8 = 'save it as UTF-8 in your editor (often "Save with encoding" or "Reopen with encoding", then save)';
/** The longest stretch of a word shown in the hint: enough to find it, however long the line. */
const WORD_AROUND = 30;

/**
 * The text, or the problem of a file saved in another encoding (Windows-1252, Latin-1, UTF-16), at the line of its
 * first character that is not UTF-8: read leniently, each would become U+FFFD, lost for good once a tool rewrites it.
 */
export function utf8Text(file: string, bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: Problem } {
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    const at = lenientUtf8.decode(bytes).indexOf('\uFFFD');
    const text = decodeUtf8Mixed(bytes, 'windows-1252').text;
    return { ok: false, problem: { file, line: at === -1 ? undefined : lineOfOffset(text, at), severity: 'error', message: 'the file is not UTF-8 text', hint: encodingHint(bytes, text, at) } };
  }
}

/**
 * What to do, for the encodings editors save in by mistake. Opened as UTF-8 (as most editors open it), the file
 * shows "Caf�" and saving it then keeps the "�": it must be reopened in its own encoding first. The word holding the
 * first such character (with the quotes or dashes around it), read as Windows-1252 would read it, shows the editor where it is and that this is the one.
 */
function encodingHint(bytes: Uint8Array, text: string, at: number): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return `it is saved as UTF-16; ${SAVE_AS_UTF8}`;
  // Five bytes mean nothing in Windows-1252: a file holding one is in some other encoding.
  if (at === -1 || /\p{Cc}/u.test(text[at]!)) return SAVE_AS_UTF8;
  const start = Math.max(text.slice(0, at).search(/\S*$/u), at - WORD_AROUND);
  const end = Math.min(at + 1 + text.slice(at + 1).search(/\s|$/u), at + WORD_AROUND);
  return `it reads as Windows-1252 (that line has ${text.slice(start, end)}): reopen it in that encoding (in VS Code: "Reopen with Encoding", then Western (Windows 1252)), then save it as UTF-8 ("Save with Encoding", UTF-8)`;
}
