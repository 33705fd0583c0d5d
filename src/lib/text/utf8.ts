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

/** The length of the well-formed UTF-8 sequence at `start` (the WHATWG decoder's rules), or 0 when there is none. */
function sequenceLength(bytes: Uint8Array, start: number): number {
  const lead = bytes[start]!;
  if (lead < 0x80) return 1;
  const [length, low, high] = lead >= 0xc2 && lead <= 0xdf ? [2, 0x80, 0xbf] : lead === 0xe0 ? [3, 0xa0, 0xbf] : lead === 0xed ? [3, 0x80, 0x9f] : lead >= 0xe1 && lead <= 0xef ? [3, 0x80, 0xbf] : lead === 0xf0 ? [4, 0x90, 0xbf] : lead === 0xf4 ? [4, 0x80, 0x8f] : lead >= 0xf1 && lead <= 0xf3 ? [4, 0x80, 0xbf] : [0, 0, 0];
  if (!length || start + length > bytes.length) return 0;
  if (bytes[start + 1]! < low || bytes[start + 1]! > high) return 0;
  for (let offset = 2; offset < length; offset++) if (bytes[start + offset]! < 0x80 || bytes[start + offset]! > 0xbf) return 0;
  return length;
}

/**
 * Text that is UTF-8 but for some bytes in a single-byte encoding (a CMS pasting a Windows-1252 headline into a UTF-8
 * page): each well-formed UTF-8 sequence is read as UTF-8 and every other byte as one `fallback` character, where a
 * UTF-8 decoder would put U+FFFD. `replaced` counts those bytes.
 */
export function decodeUtf8Mixed(bytes: Uint8Array, fallback: string): { text: string; replaced: number } {
  // Each run is decoded on its own: a byte-order mark inside one is text, not a mark to drop.
  const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
  const single = new TextDecoder(fallback);
  const parts: string[] = [];
  let replaced = 0;
  let runStart = 0;
  for (let position = 0; position < bytes.length; ) {
    const length = sequenceLength(bytes, position);
    if (length) {
      position += length;
      continue;
    }
    parts.push(utf8.decode(bytes.subarray(runStart, position)), single.decode(bytes.subarray(position, position + 1)));
    replaced++;
    runStart = ++position;
  }
  parts.push(utf8.decode(bytes.subarray(runStart)));
  return { text: parts.join(''), replaced };
}
