import { describe, expect, it } from 'vitest';
import { htmlLimitProblem, HtmlTooComplexError, MAX_HTML_DEPTH, MAX_HTML_LENGTH } from '../../../../src/lib/authoring/import/html-limits.ts';
import { htmlToMarkdown, htmlToText, sanitizeFeedHtml } from '../../../../src/lib/authoring/import/html.ts';

const nested = (depth: number, tag = 'div') => `${`<${tag}>`.repeat(depth)}text${`</${tag}>`.repeat(depth)}`;
const TOO_DEEP = `its HTML nests more than ${MAX_HTML_DEPTH} elements deep, deeper than any article needs`;
// 1.2 MB of open tags: htmlparser2 and sanitize-html take minutes over it, so only a refusal before they run passes in time.
const hostile = `${'<b>'.repeat(200_000)}text`;
const paragraphs = Array.from({ length: 500 }, (_, index) => `<p>Paragraph ${index + 1} is never closed.`).join('\n');

describe('htmlLimitProblem', () => {
  it('accepts ordinary articles, void elements and unclosed paragraphs included', () => {
    expect(htmlLimitProblem(`<p>One<br><img src="x.png"><p>Two ${'<p>more'.repeat(500)}`)).toBeUndefined();
    expect(htmlLimitProblem(nested(MAX_HTML_DEPTH))).toBeUndefined();
  });

  it('refuses HTML nested deeper than any article', () => {
    expect(htmlLimitProblem(nested(MAX_HTML_DEPTH + 1))).toBe(TOO_DEEP);
    expect(htmlLimitProblem(nested(1_500))).toBe(TOO_DEEP);
  });

  it('counts elements whose end tags are optional when they really nest', () => {
    expect(htmlLimitProblem('<li><p>'.repeat(MAX_HTML_DEPTH))).toBe(TOO_DEEP);
  });

  it('refuses more HTML than an article can be', () => {
    expect(htmlLimitProblem('<p>x</p>'.repeat(MAX_HTML_LENGTH / 8 + 1))).toMatch(/^its HTML is 2\.0 million characters long/);
  });
});

describe('every parse of feed HTML is bounded before it starts', () => {
  it('refuses a megabyte of nested tags at once, whichever way the HTML is read', () => {
    for (const read of [(html: string) => htmlToMarkdown(html), htmlToText, (html: string) => sanitizeFeedHtml(html)]) {
      expect(() => read(hostile)).toThrow(new HtmlTooComplexError(TOO_DEEP));
    }
  });

  it('judges the HTML as sent, before sanitising removes wrappers or scripts', () => {
    expect(() => htmlToMarkdown(nested(1_500, 'section'))).toThrow(new HtmlTooComplexError(TOO_DEEP));
    expect(() => htmlToMarkdown(`<p>Story.</p><script>${'x'.repeat(MAX_HTML_LENGTH)}</script>`)).toThrow(/^its HTML is 2\.0 million characters long/);
  });

  it('still converts a long article whose paragraphs are never closed', () => {
    const markdown = htmlToMarkdown(paragraphs);
    expect(markdown.split('\n\n')).toHaveLength(500);
    expect(markdown).toMatch(/^Paragraph 1 is never closed\.\n\nParagraph 2/);
    expect(htmlToText(paragraphs).split('\n\n')).toHaveLength(500);
  });
});
