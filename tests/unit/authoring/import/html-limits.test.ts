import { describe, expect, it } from 'vitest';
import { htmlLimitProblem, MAX_HTML_DEPTH, MAX_HTML_LENGTH } from '../../../../src/lib/authoring/import/html-limits.ts';
import { htmlToMarkdown, HtmlTooComplexError } from '../../../../src/lib/authoring/import/html.ts';

const nested = (depth: number, tag = 'div') => `${`<${tag}>`.repeat(depth)}text${`</${tag}>`.repeat(depth)}`;

describe('htmlLimitProblem', () => {
  it('accepts ordinary articles, void elements and unclosed paragraphs included', () => {
    expect(htmlLimitProblem(`<p>One<br><img src="x.png"><p>Two ${'<p>more'.repeat(500)}`)).toBeUndefined();
    expect(htmlLimitProblem(nested(MAX_HTML_DEPTH))).toBeUndefined();
  });

  it('names the depth of HTML nested deeper than any article', () => {
    expect(htmlLimitProblem(nested(1_500))).toBe(`its HTML nests 1500 elements deep, more than the ${MAX_HTML_DEPTH} any article needs`);
  });

  it('refuses more HTML than an article can be', () => {
    expect(htmlLimitProblem('<p>x</p>'.repeat(MAX_HTML_LENGTH / 8 + 1))).toMatch(/^its HTML is 2\.0 million characters long/);
  });
});

describe('htmlToMarkdown on nesting it cannot convert', () => {
  it('throws a named error instead of overflowing the stack', () => {
    expect(() => htmlToMarkdown(nested(1_500, 'blockquote'))).toThrow(HtmlTooComplexError);
  });

  it('does not count wrappers the sanitiser removes', () => {
    expect(htmlToMarkdown(nested(1_500, 'section'))).toBe('text');
  });
});
