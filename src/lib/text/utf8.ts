/** Text measured as UTF-8, the way file systems (255 bytes to a name) and URL segments count it. */

const encoder = new TextEncoder();

export function byteLength(text: string): number {
  return encoder.encode(text).length;
}

function codePointBytes(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  return codePoint < 0x10000 ? 3 : 4;
}

/** The longest start of `text` that fits in `maxBytes`, cut between code points (never through a character). */
export function truncateToBytes(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const character of text) {
    bytes += codePointBytes(character.codePointAt(0)!);
    if (bytes > maxBytes) return text.slice(0, end);
    end += character.length;
  }
  return text;
}
