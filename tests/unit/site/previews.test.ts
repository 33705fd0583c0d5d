import { describe, expect, it } from 'vitest';
import { previewArticles, previewDateLabel, previewNotice, previewRelated } from '../../../src/lib/site/previews.ts';
import { buildSiteIndex, type ArticleFields, type SourceArticle } from '../../../src/lib/site/site-index.ts';
import type { Source } from '../../../src/lib/aggregation/registry.ts';

const now = new Date('2026-11-25T12:00:00Z');

/** A source article at content/articles/<file>.md whose body repeats its title, so related ranking has words to match. */
function source(file: string, fields: Omit<Partial<ArticleFields>, 'publishedAt'> & { publishedAt: string }): SourceArticle<ArticleFields> & { body: string } {
  const { publishedAt, ...rest } = fields;
  const title = rest.title ?? file.replace(/-/g, ' ');
  return {
    id: `${file}.md`,
    filePath: `content/articles/${file}.md`,
    data: { title, description: `About ${title}.`, authors: [], tags: [], related: [], draft: false, ...rest, publishedAt: new Date(publishedAt) },
    body: `${title}. ${title}.`,
  };
}

const registry = [{ id: 'chipwire', name: 'ChipWire', feed: 'https://chipwire.example/feed.xml' }] as Source[];
const sources = [
  source('fab-opens', { publishedAt: '2026-11-24T00:00:00Z', title: 'Fab opens in Dresden', tags: ['AI', 'Wi-Fi'], authors: ['Mariko Tanaka'] }),
  source('fab-expands', { publishedAt: '2026-11-23T00:00:00Z', title: 'Fab expands in Dresden', tags: ['ai', 'Wi-Fi'], authors: ['Alex Kim'] }),
  source('unrelated', { publishedAt: '2026-11-22T00:00:00Z', title: 'Rust compiler release', tags: ['Rust'] }),
  source('draft-fab', {
    publishedAt: '2026-11-20T00:00:00Z',
    draft: true,
    title: 'Fab in Dresden doubles',
    tags: ['ai', 'Wi Fi', 'Merger Watch', 'merger  watch'],
    authors: ['Alex Kim', 'New Writer'],
    source: { name: 'chipwire', url: 'https://chipwire.example/a' },
  }),
  source('scheduled-fab', { publishedAt: '2026-11-26T00:00:00Z', title: 'Fab in Dresden scheduled' }),
];
const index = buildSiteIndex(sources, { now, relatedLimit: 5, registry: { sources: registry, file: 'content/sources.yaml' } });
const previews = previewArticles(sources, index, now, (article) => `${article.body} More words here.`);
const [draft, scheduled] = previews;

describe('previews of unpublished articles', () => {
  it('are the drafts and scheduled pieces, each saying which, while the index still leaves them out', () => {
    expect(previews.map((preview) => [preview.slug, preview.unpublished])).toEqual([
      ['draft-fab', 'draft'],
      ['scheduled-fab', 'scheduled'],
    ]);
    expect(index.bySlug.has('draft-fab')).toBe(false);
    expect(index.tags.byKey.has('merger watch')).toBe(false);
  });

  it('show the site’s tags and authors as the site spells them, and new ones at the address they will get', () => {
    expect(draft!.tags).toEqual([
      { name: 'AI', slug: 'ai' },
      { name: 'Wi Fi', slug: 'wi-fi-2' },
      { name: 'Merger Watch', slug: 'merger-watch' },
    ]);
    expect(draft!.authors).toEqual([
      { name: 'Alex Kim', slug: 'alex-kim' },
      { name: 'New Writer', slug: 'new-writer' },
    ]);
  });

  it('count their own words and name the registry source they will be listed under', () => {
    expect(draft!.wordCount).toBe(11);
    expect(draft!.sourcePage).toEqual({ id: 'chipwire', name: 'ChipWire' });
    expect(scheduled!.sourcePage).toBeUndefined();
  });

  it('leave out one whose address a published article has', () => {
    const taken = source('fab-opens-again', { publishedAt: '2026-11-20T00:00:00Z', draft: true, slug: 'fab-opens' });
    expect(previewArticles([...sources, taken], index, now, () => '').map((preview) => preview.slug)).toEqual(['draft-fab', 'scheduled-fab']);
  });

  it('rank published articles alone for "Explore more", the closest first', () => {
    const withSlug = (article: (typeof sources)[number]) => ({ ...article, slug: article.id.replace('.md', '') });
    const related = previewRelated(withSlug(sources[3]!), sources.slice(0, 3).map(withSlug), index, 2).map((article) => article.slug);
    expect(related).toEqual(['fab-opens', 'fab-expands']);
  });

  it('tell the editor why readers do not see the page, with a scheduled piece’s moment', () => {
    const format = (value: Date) => value.toISOString();
    expect(previewNotice(draft!, format)).toMatch(/^Draft: .*delete “draft: true”/);
    expect(previewNotice(scheduled!, format)).toBe('Scheduled for 2026-11-26T00:00:00.000Z: this page is not on the site yet. It appears with the first build after that moment.');
  });

  it('date a draft and a scheduled piece without saying they were published', () => {
    expect(previewDateLabel('draft')).toBe('Draft dated');
    expect(previewDateLabel('scheduled')).toBe('To be published');
  });
});
