import { describe, expect, it } from 'vitest';
import { decodeUtf8Mixed } from '../../../src/lib/text/utf8.ts';

describe('decodeUtf8Mixed', () => {
  it('reads what a UTF-8 decoder reads, byte-order mark and U+FFFD written as text included, when every byte is UTF-8', () => {
    const text = 'Café — 日本 🚀 \uFEFF \uFFFD';
    expect(decodeUtf8Mixed(new TextEncoder().encode(text), 'windows-1252')).toEqual({ text, replaced: 0 });
  });

  it.each([
    ['a lone Windows-1252 byte', [0x43, 0x61, 0x66, 0xe9], 'Café', 1],
    ['a UTF-8 sequence cut short', [0xe2, 0x80, 0x41], 'â€A', 2],
    ['an overlong encoding of "/"', [0xc0, 0xaf], 'À¯', 2],
    ['an encoded UTF-16 surrogate', [0xed, 0xa0, 0x80], 'í\u00a0€', 3],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 'ô\u0090€€', 4],
    ['a sequence at the very end', [0x41, 0xf0, 0x9f], 'AðŸ', 2],
  ])('reads %s as Windows-1252, byte by byte', (_case, bytes, text, replaced) => {
    expect(decodeUtf8Mixed(Uint8Array.from(bytes), 'windows-1252')).toEqual({ text, replaced });
  });
});
