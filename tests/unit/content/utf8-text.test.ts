import { describe, expect, it } from 'vitest';
import { utf8Text } from '../../../src/lib/content/utf8-text.ts';

const bytes = (text: string) => Buffer.from(text, 'latin1');
const WINDOWS_1252 = 'reopen it in that encoding (in VS Code: "Reopen with Encoding", then Western (Windows 1252)), then save it as UTF-8 ("Save with Encoding", UTF-8)';

describe('a file saved in another encoding than UTF-8', () => {
  it('reads UTF-8 as it is, a byte-order mark and Windows line ends kept', () => {
    expect(utf8Text('a.md', Buffer.from('\uFEFF---\r\ntitle: "Café"\r\n'))).toEqual({ ok: true, text: '\uFEFF---\r\ntitle: "Café"\r\n' });
  });

  it('names the line and the word of the first character Windows-1252 wrote, and how to reopen the file before saving it as UTF-8', () => {
    const read = utf8Text('a.md', bytes('---\ntitle: "Chips"\ndescription: "A caf\xe9 \x93menu\x94 \x96 priced"\n'));
    expect(read).toEqual({ ok: false, problem: { file: 'a.md', line: 3, severity: 'error', message: 'the file is not UTF-8 text', hint: `it reads as Windows-1252 (that line has café): ${WINDOWS_1252}` } });
  });

  it('says a file saved as UTF-16 is, and a file in some other encoding only that it must be saved as UTF-8', () => {
    const utf16 = utf8Text('a.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\ntitle: x\n', 'utf16le')]));
    expect(utf16.ok === false && utf16.problem).toMatchObject({ line: 1, hint: 'it is saved as UTF-16; save it as UTF-8 in your editor (often "Save with encoding" or "Reopen with encoding", then save)' });
    // 0x81 is no character in Windows-1252.
    const other = utf8Text('a.md', bytes('---\ntitle: "\x81\x82"\n'));
    expect(other.ok === false && other.problem).toMatchObject({ line: 2, hint: 'save it as UTF-8 in your editor (often "Save with encoding" or "Reopen with encoding", then save)' });
  });
});
