import { describe, expect, it } from 'vitest';
import { excerptText } from '../../../src/lib/aggregation/excerpt.ts';
import { toSourceItem } from '../../../src/lib/aggregation/item.ts';
import type { Draft } from '../../../src/lib/authoring/import/draft.ts';

const sentence = (index: number) => `Sentence number ${index} has exactly eight words here.`;
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe('excerptText', () => {
  it('keeps whole sentences up to about sixty words', () => {
    const summary = `<p>${Array.from({ length: 12 }, (_, index) => sentence(index)).join(' ')}</p>`;
    const excerpt = excerptText({ summaryHtml: summary }, 'dek');
    expect(words(excerpt)).toBe(56);
    expect(excerpt.endsWith(sentence(6))).toBe(true);
  });

  it('cuts one overlong sentence at a word, with an ellipsis', () => {
    const excerpt = excerptText({ summaryHtml: `<p>${'word '.repeat(100)}end.</p>` }, 'dek');
    expect(words(excerpt)).toBe(59);
    expect(excerpt.endsWith('word…')).toBe(true);
  });

  it('uses the story’s opening paragraphs when there is no summary, and drops publishers’ trailers', () => {
    expect(excerptText({ contentHtml: '<h2> </h2><p>First paragraph.</p><p>Second paragraph.</p>' }, 'dek')).toBe('First paragraph.\n\nSecond paragraph.');
    expect(excerptText({ summaryHtml: '<p>The news. The post Story appeared first on Wire.</p>' }, 'dek')).toBe('The news.');
    expect(excerptText({}, 'The dek.')).toBe('The dek.');
  });

  it('keeps the paragraphs apart, whole while they fit, then the whole sentences of the next that fit', () => {
    const paragraph = (from: number, count: number) => `<p>${Array.from({ length: count }, (_, index) => sentence(from + index)).join(' ')}</p>`;
    // 24 and 24 words whole, then 1 of the third paragraph's 3 sentences: 56 words.
    const excerpt = excerptText({ summaryHtml: paragraph(0, 3) + paragraph(3, 3) + paragraph(6, 3) }, 'dek');
    expect(excerpt.split('\n\n')).toEqual([[0, 1, 2], [3, 4, 5], [6]].map((indexes) => indexes.map(sentence).join(' ')));
    expect(words(excerpt)).toBe(56);
    // A later paragraph whose first sentence does not fit is left out, never cut.
    const long = `<p>${'word '.repeat(40)}end.</p>`;
    expect(excerptText({ contentHtml: paragraph(0, 3) + long }, 'dek')).toBe(Array.from({ length: 3 }, (_, index) => sentence(index)).join(' '));
    // A first paragraph cut mid-way ends the excerpt there.
    expect(excerptText({ summaryHtml: paragraph(0, 9) + paragraph(9, 1) }, 'dek').split('\n\n')).toHaveLength(1);
  });
});

describe('toSourceItem', () => {
  const draft: Draft = {
    title: 'Headline',
    description: 'The dek.',
    publishedAt: new Date('2026-11-30T10:00:00Z'),
    authors: [],
    tags: ['AI'],
    source: { id: 'chipwire', name: 'Chipwire', url: 'https://chipwire.example/story' },
    body: 'The *full* text.',
    draft: true,
  };

  it('gives an excerpt source’s item the escaped excerpt as its body and marks it', () => {
    const item = toSourceItem({ content: 'excerpt', publish: 'review' })(draft, { title: 'Headline', summaryHtml: '<p>Chips *rise*. [Really].</p>', authors: [], categories: [] });
    expect(item.source).toEqual({ id: 'chipwire', name: 'Chipwire', url: 'https://chipwire.example/story', excerpt: true });
    expect(item.body).toBe('Chips \\*rise\\*. \\[Really\\].');
    expect(item.draft).toBe(true);
  });

  it('keeps the full text for a full source, and publishes at once for an auto one', () => {
    const item = toSourceItem({ content: 'full', publish: 'auto' })(draft, { title: 'Headline', authors: [], categories: [] });
    expect(item.source).toEqual({ id: 'chipwire', name: 'Chipwire', url: 'https://chipwire.example/story' });
    expect(item.body).toBe('The *full* text.');
    expect(item.draft).toBe(false);
  });
});
