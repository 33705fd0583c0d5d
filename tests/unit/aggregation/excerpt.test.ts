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

  it('uses the story’s first paragraph when there is no summary, and drops publishers’ trailers', () => {
    expect(excerptText({ contentHtml: '<h2> </h2><p>First paragraph.</p><p>Second paragraph.</p>' }, 'dek')).toBe('First paragraph.');
    expect(excerptText({ summaryHtml: '<p>The news. The post Story appeared first on Wire.</p>' }, 'dek')).toBe('The news.');
    expect(excerptText({}, 'The dek.')).toBe('The dek.');
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
