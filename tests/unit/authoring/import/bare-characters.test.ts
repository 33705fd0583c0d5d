import { describe, expect, it } from 'vitest';
import { escapeBareCharacters } from '../../../../src/lib/authoring/import/bare-characters.ts';

describe('escapeBareCharacters', () => {
  it('escapes a bare & or a < before a space or digit, in text and attributes, naming each line once', () => {
    const document = '<rss>\n<title>AT&T & R&D</title>\n<link href="https://x.example/?a=1&b=2"/>\n<title>3 < 4, 2 <3</title>\n</rss>';
    expect(escapeBareCharacters(document)).toEqual({
      text: '<rss>\n<title>AT&amp;T &amp; R&amp;D</title>\n<link href="https://x.example/?a=1&amp;b=2"/>\n<title>3 &lt; 4, 2 &lt;3</title>\n</rss>',
      lines: [2, 3, 4],
    });
  });

  it('leaves references, markup, CDATA sections, comments and the DOCTYPE as they are', () => {
    const document = '<?xml version="1.0"?>\n<!DOCTYPE rss [ <!-- a & b --> ]>\n<rss><title>Q&amp;A &#169; &#xA9; &nbsp;</title><![CDATA[AT&T < 3]]><!-- R&D < 4 --></rss>';
    expect(escapeBareCharacters(document)).toEqual({ text: document, lines: [] });
  });
});
