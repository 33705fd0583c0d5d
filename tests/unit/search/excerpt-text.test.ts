import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createMarkdownToHtml } from '../../../src/lib/output/markdown-processor.ts';
import { excerptSafeHtml, excerptSafeText } from '../../../src/lib/search/excerpt-text.ts';

const textOf = (html: string) => JSDOM.fragment(html).textContent;
/** What a reader sees of an excerpt of `indexed`: Pagefind escapes `<` and `>` only, and the browser parses the rest as HTML. */
const shownExcerpt = (indexed: string) => textOf(`<p>${indexed.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`);

const writtenReferences = [
  'A paragraph about &lt;script&gt; and &amp;.',
  'Legacy names need no semicolon: &copy 2026, &amp, &lt;b, &notit; and &AMP.',
  'Numbers: &#60; &#x3C; &#X3c and &#0;.',
];

describe('excerptSafeText', () => {
  it('leaves an ampersand that starts no character reference as it is, so AT&T and R&D are indexed as typed', () => {
    for (const text of ['AT&T, R&D and Q&A', 'Tom & Jerry', '5 < 6 & 7 > 3', '<img src=x onerror=alert(1)>', 'a lone &', '&# and &#x and &#xg', '&;', 'no ampersand']) {
      expect(excerptSafeText(text)).toBe(text);
    }
  });

  it('escapes an ampersand that starts a character reference: named with or without its semicolon, or numbered', () => {
    expect(excerptSafeText('&lt;script&gt; &copy 2026 &#60; &#x3C;')).toBe('&amp;lt;script&amp;gt; &amp;copy 2026 &amp;#60; &amp;#x3C;');
    expect(excerptSafeText('&amp;')).toBe('&amp;amp;');
  });

  it('gives text whose excerpt, as Pagefind writes it, reads as the text', () => {
    for (const text of [...writtenReferences, 'A name that names nothing: &zzz; and &madeup2;.', 'AT&T & R&D', '5 < 6 & 7 > 3 <b>bold</b>']) {
      expect(shownExcerpt(excerptSafeText(text))).toBe(text);
    }
  });

  it('is needed: without it, those excerpts decode what the article shows', () => {
    for (const text of writtenReferences) expect(shownExcerpt(text)).not.toBe(text);
  });
});

describe('excerptSafeHtml', () => {
  it("gives the site's rendered Markdown the excerpt-safe text of the page, wherever the body writes a reference as text", async () => {
    const markdownToHtml = await createMarkdownToHtml('https://news.example.org');
    const body = [
      'Text: &amp;lt;script&amp;gt;, &amp;copy 2026, &amp;#60;, &amp;#x3C; and AT&T.',
      '`&lt;b&gt; &amp;amp; &copy`',
      '```\n&lt;img&gt; &#60; & R&D\n```',
      '<p>Raw HTML: &amp;lt;b&amp;gt;, &amp;#38;lt; and &copy; 2026.</p>',
      'Inline <em>&amp;copy &amp;nbsp;</em> HTML.',
    ].join('\n\n');
    const html = await markdownToHtml(body);
    const page = textOf(html);
    expect(page).toContain('&lt;script&gt;, &copy 2026, &#60;, &#x3C; and AT&T.');
    expect(textOf(excerptSafeHtml(html))).toBe(excerptSafeText(page));
    expect(excerptSafeHtml(html)).not.toBe(html);
  });

  it('leaves HTML whose text starts no character reference with an ampersand as it is', () => {
    const html = '<p>AT&amp;T &amp; R&amp;D, <a href="/?a=1&amp;b=2">Q&#38;A</a> &lt;b&gt;</p>';
    expect(excerptSafeHtml(html)).toBe(html);
  });
});
