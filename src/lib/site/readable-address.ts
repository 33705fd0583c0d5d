/**
 * An address as an editor reads it in a terminal: the letters of a non-Latin slug as themselves (an IRI, which
 * browsers and terminals open as they open its percent-encoded form), not as runs of `%E6%97%A5`.
 */

/** Characters written out: visible letters, marks, digits, punctuation and symbols outside ASCII. */
const SHOWN = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
/**
 * Kept encoded: what shows as nothing (a Hangul filler is a letter, a variation selector a mark) and could not be
 * told apart from its absence, as browsers keep it in their address bars. ASCII stays as the URL builder wrote it:
 * an encoded `%`, `?`, `#` or space is needed there.
 */
const HIDDEN = /\p{Default_Ignorable_Code_Point}/u;

const ENCODED_RUN = /(?:%[0-9A-Fa-f]{2})+/g;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const bytes = new TextEncoder();
const encoded = (character: string) => Array.from(bytes.encode(character), (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');

export function readableAddress(address: string): string {
  return address.replace(ENCODED_RUN, (run) => {
    let text: string;
    try {
      text = utf8.decode(Uint8Array.from(run.slice(1).split('%'), (byte) => parseInt(byte, 16)));
    } catch {
      return run;
    }
    return Array.from(text, (character) => (character.codePointAt(0)! > 0x7f && SHOWN.test(character) && !HIDDEN.test(character) ? character : encoded(character))).join('');
  });
}
