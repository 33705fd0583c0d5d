import { describe, expect, it } from 'vitest';
import { stripMarkdown } from '../../../src/lib/text/markdown-to-text.ts';
import { tokenize } from '../../../src/lib/text/tokenizer.ts';

/** The words of a string, ignoring how much whitespace separates them. */
const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('stripMarkdown', () => {
  it('keeps prose, link texts and image alt texts, and drops link and image URLs', () => {
    const text = stripMarkdown('Read [the report](https://example.com/a_b?c=d "Title") and ![a chart of prices](/img/chart.png).');
    expect(words(text)).toEqual(['Read', 'the', 'report', 'and', 'a', 'chart', 'of', 'prices', '.']);
  });

  it('drops reference-link definitions but keeps the link text', () => {
    const text = stripMarkdown('See [the guide][docs] today.\n\n[docs]: https://docs.example.com/guide "Guide"\n');
    expect(words(text)).toEqual(['See', 'the', 'guide', 'today.']);
  });

  it('drops autolinks and bare URLs', () => {
    const text = stripMarkdown('Visit <https://auto.example/path> or www.example.org/page or http://plain.example/x?y=1 now.');
    expect(words(text)).toEqual(['Visit', 'or', 'or', 'now.']);
  });

  it('drops fenced code (backticks or tildes) and inline code', () => {
    const markdown = [
      'Before.',
      '```ts',
      'const secret = fetchToken();',
      '```',
      'Middle with `inline code` inside.',
      '~~~~',
      'tilde fenced',
      '~~~~',
      'After.',
    ].join('\n');
    expect(words(stripMarkdown(markdown))).toEqual(['Before.', 'Middle', 'with', 'inside.', 'After.']);
  });

  it('ends a fence only at a run of the same character, at least as long', () => {
    const markdown = ['````md', '```', 'still code', '~~~~', 'more code', '````', 'Prose again.'].join('\n');
    expect(words(stripMarkdown(markdown))).toEqual(['Prose', 'again.']);
  });

  it('treats an unclosed fence as code up to the end, as CommonMark does', () => {
    expect(words(stripMarkdown('Prose.\n```\nnever closed\nstill code'))).toEqual(['Prose.']);
  });

  it('drops HTML tags, comments and entities, keeping the text between tags', () => {
    const text = stripMarkdown('<span class="x">Visible</span> <!-- hidden note --> caf&eacute; &#8217; &amp; done');
    expect(words(text)).toEqual(['Visible', 'caf', 'done']);
  });

  it('drops MDX import and export lines, but not prose that starts with those words', () => {
    const markdown = "import Chart from '../components/Chart.astro';\nexport const meta = { x: 1 };\nImport tariffs rose.\nexported goods fell.";
    expect(words(stripMarkdown(markdown))).toEqual(['Import', 'tariffs', 'rose.', 'exported', 'goods', 'fell.']);
  });

  it('leaves emphasis, headings and quotes to the tokenizer', () => {
    expect(tokenize(stripMarkdown('# Heading with *emphasis*\n\n> Quote with **bold** text'))).toEqual([
      'heading',
      'emphasis',
      'quote',
      'bold',
      'text',
    ]);
  });
});
