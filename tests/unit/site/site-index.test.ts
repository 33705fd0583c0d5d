import { describe, expect, it } from 'vitest';
import { buildSiteIndex, ContentError, indexedBody, type ArticleFields, type SourceArticle } from '../../../src/lib/site/site-index.ts';

const now = new Date('2026-11-25T12:00:00Z');

/** A source article at content/articles/<file>.md; the body repeats the title so related ranking has words to match. */
function source(file: string, fields: Omit<Partial<ArticleFields>, 'publishedAt'> & { publishedAt: string }): SourceArticle<ArticleFields> {
  const { publishedAt, ...rest } = fields;
  const title = rest.title ?? file.replace(/-/g, ' ');
  return {
    id: `${file}.md`,
    filePath: `content/articles/${file}.md`,
    data: { title, description: `About ${title}.`, authors: [], tags: ['AI'], related: [], draft: false, ...rest, publishedAt: new Date(publishedAt) },
    body: `${title}. ${title}.`,
  };
}

const build = (sources: SourceArticle<ArticleFields>[], relatedLimit = 5) => buildSiteIndex(sources, { now, relatedLimit });

describe('published order', () => {
  it('lists articles newest first', () => {
    const index = build([
      source('middle', { publishedAt: '2026-11-20T00:00:00Z' }),
      source('newest', { publishedAt: '2026-11-24T00:00:00Z' }),
      source('oldest', { publishedAt: '2026-11-01T00:00:00Z' }),
    ]);
    expect(index.articles.map((article) => article.slug)).toEqual(['newest', 'middle', 'oldest']);
  });

  it('orders articles published at the same instant by slug, whatever the input order', () => {
    const same = '2026-11-20T09:00:00Z';
    const sources = [source('beta', { publishedAt: same }), source('alpha', { publishedAt: same }), source('gamma', { publishedAt: same })];
    expect(build(sources).articles.map((article) => article.slug)).toEqual(['alpha', 'beta', 'gamma']);
    expect(build([...sources].reverse()).articles.map((article) => article.slug)).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('compares instants: a +09:00 time earlier on the clock face can be the later article', () => {
    const index = build([
      source('tokyo-0800', { publishedAt: '2026-11-20T08:00:00+09:00' }), // 2026-11-19T23:00Z
      source('utc-2200', { publishedAt: '2026-11-19T22:00:00Z' }),
    ]);
    expect(index.articles.map((article) => article.slug)).toEqual(['tokyo-0800', 'utc-2200']);
  });

  it('takes slugs from file names, or the slug field', () => {
    const index = build([source('Some File', { publishedAt: '2026-11-20T00:00:00Z' }), source('other', { publishedAt: '2026-11-19T00:00:00Z', slug: 'custom-slug' })]);
    expect(index.articles.map((article) => article.slug)).toEqual(['some-file', 'custom-slug']);
    expect(index.bySlug.get('custom-slug')?.filePath).toBe('content/articles/other.md');
    expect(index.bySlug.has('other')).toBe(false);
  });
});

describe('drafts and scheduled articles are left out of everything', () => {
  const index = build([
    source('published', { publishedAt: '2026-11-24T00:00:00Z', tags: ['AI', 'Chips'], authors: ['Mariko Tanaka'] }),
    source('also-published', { publishedAt: '2026-11-23T00:00:00Z', tags: ['ai', 'Chips'], authors: ['Alex Kim'] }),
    source('draft', { publishedAt: '2026-11-22T00:00:00Z', draft: true, tags: ['ai', 'Chips', 'Draft Tag'], authors: ['Draft Author', 'Alex Kim'] }),
    source('scheduled', { publishedAt: '2026-11-26T09:00:00+09:00', tags: ['ai', 'Chips', 'Scheduled Tag'], authors: ['Scheduled Author'] }),
  ]);

  it('from the article list', () => {
    expect(index.articles.map((article) => article.slug)).toEqual(['published', 'also-published']);
    expect(index.bySlug.has('draft')).toBe(false);
    expect(index.bySlug.has('scheduled')).toBe(false);
  });

  it('from tags: their own tags do not exist, shared tags do not count them', () => {
    expect(index.tags.all.map((tag) => [tag.name, tag.articleSlugs])).toEqual([
      ['AI', ['published', 'also-published']],
      ['Chips', ['published', 'also-published']],
    ]);
  });

  it('from the choice of spelling: unpublished "ai" tags do not outvote the published "AI"', () => {
    // Published: one "AI", one "ai" (a tie, settled the same way every build). Counting the draft and the
    // scheduled piece would make it three "ai" to one.
    expect(index.tags.byKey.get('ai')!.name).toBe('AI');
    expect(index.tags.byKey.get('ai')!.spellings).toEqual(['AI', 'ai']);
  });

  it('from authors', () => {
    expect(index.authors.all.map((author) => [author.name, author.articleSlugs])).toEqual([
      ['Alex Kim', ['also-published']],
      ['Mariko Tanaka', ['published']],
    ]);
  });

  it('from related lists', () => {
    for (const article of index.articles) {
      expect(article.related).not.toContain('draft');
      expect(article.related).not.toContain('scheduled');
    }
  });

  it('until a build runs at or after the scheduled instant', () => {
    const later = buildSiteIndex(
      [source('published', { publishedAt: '2026-11-24T00:00:00Z' }), source('scheduled', { publishedAt: '2026-11-26T09:00:00+09:00' })],
      { now: new Date('2026-11-26T00:00:00Z'), relatedLimit: 5 },
    );
    expect(later.articles.map((article) => article.slug)).toEqual(['scheduled', 'published']);
  });
});

describe('each indexed article', () => {
  const index = build([
    source('lead', { publishedAt: '2026-11-24T00:00:00Z', tags: ['ai', 'Policy', 'AI'], authors: ['Mariko Tanaka', 'Alex Kim'], related: ['third', 'second'] }),
    source('second', { publishedAt: '2026-11-23T00:00:00Z', tags: ['AI'] }),
    source('third', { publishedAt: '2026-11-22T00:00:00Z', tags: ['AI'] }),
    source('fourth', { publishedAt: '2026-11-21T00:00:00Z', tags: ['Policy'] }),
  ]);
  const lead = index.bySlug.get('lead')!;

  it('links its tags by their site-wide name and slug, in its own order, once each', () => {
    expect(lead.tags).toEqual([
      { name: 'AI', slug: 'ai' },
      { name: 'Policy', slug: 'policy' },
    ]);
  });

  it('links its authors in byline order', () => {
    expect(lead.authors).toEqual([
      { name: 'Mariko Tanaka', slug: 'mariko-tanaka' },
      { name: 'Alex Kim', slug: 'alex-kim' },
    ]);
  });

  it('has a word count and a reading time of at least a minute', () => {
    expect(lead.wordCount).toBeGreaterThan(0);
    expect(lead.readingMinutes).toBe(1);
  });

  it('lists curated related articles first, in the editor order, then ranked ones up to the limit', () => {
    expect(lead.related.slice(0, 2)).toEqual(['third', 'second']);
    expect(lead.related).toHaveLength(3);
    expect(lead.related).not.toContain('lead');
  });

  it('respects the related limit', () => {
    const small = build(
      [0, 1, 2, 3, 4, 5].map((n) => source(`piece-${n}`, { publishedAt: `2026-11-2${n}T00:00:00Z` })),
      2,
    );
    for (const article of small.articles) expect(article.related).toHaveLength(2);
  });

  it('skips a curated link to a scheduled article, with a warning for the editor', () => {
    const withScheduled = build([
      source('lead', { publishedAt: '2026-11-24T00:00:00Z', related: ['later', 'second'] }),
      source('second', { publishedAt: '2026-11-23T00:00:00Z' }),
      source('later', { publishedAt: '2026-12-01T00:00:00Z' }),
    ]);
    expect(withScheduled.bySlug.get('lead')!.related).toEqual(['second']);
    expect(withScheduled.warnings).toEqual([expect.objectContaining({ file: 'content/articles/lead.md', field: 'related.0', severity: 'warning' })]);
  });
});

describe('content errors stop the build', () => {
  it('throws ContentError for two articles with the same slug, naming both files', () => {
    const clash = () =>
      build([
        source('ai/japan-ai-race', { publishedAt: '2026-11-24T00:00:00Z' }),
        source('policy/japan-ai-race', { publishedAt: '2026-11-23T00:00:00Z' }),
      ]);
    expect(clash).toThrow(ContentError);
    try {
      clash();
    } catch (error) {
      const { problems, message } = error as ContentError;
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.every((problem) => problem.severity === 'error')).toBe(true);
      expect(message).toContain('japan-ai-race');
      expect(message).toContain('content/articles/ai/japan-ai-race.md');
      expect(message).toContain('content/articles/policy/japan-ai-race.md');
    }
  });

  it('counts a slug field clashing with another file name as a duplicate too', () => {
    expect(() =>
      build([source('japan-ai-race', { publishedAt: '2026-11-24T00:00:00Z' }), source('other', { publishedAt: '2026-11-23T00:00:00Z', slug: 'japan-ai-race' })]),
    ).toThrow(ContentError);
  });

  it('counts duplicates among drafts too, since publishing one later would break the site', () => {
    expect(() =>
      build([source('a/same', { publishedAt: '2026-11-24T00:00:00Z' }), source('b/same', { publishedAt: '2026-11-23T00:00:00Z', draft: true })]),
    ).toThrow(ContentError);
  });

  it('throws for a related slug that no article has', () => {
    expect(() => build([source('lead', { publishedAt: '2026-11-24T00:00:00Z', related: ['nowhere'] })])).toThrow(/nowhere/);
  });

  it('throws for a related link to a draft, which would never be shown', () => {
    expect(() =>
      build([source('lead', { publishedAt: '2026-11-24T00:00:00Z', related: ['wip'] }), source('wip', { publishedAt: '2026-11-23T00:00:00Z', draft: true })]),
    ).toThrow(ContentError);
  });
});

describe('stories', () => {
  const event = (file: string, publishedAt: string, outlet?: string, extra: Omit<Partial<ArticleFields>, 'publishedAt'> = {}) => ({
    ...source(file, {
      publishedAt,
      title: 'Halvorsen Logistics hit by ransomware attack in Bergen',
      description: 'The Akira gang encrypted servers at the Norwegian freight company, halting bookings.',
      ...(outlet ? { source: { name: outlet, url: `https://example.com/${file}` } } : {}),
      ...extra,
    }),
    body: 'Halvorsen Logistics said the Akira ransomware gang encrypted servers at its Bergen data centre.',
  });

  it('are found among published articles only, and each article knows its story', () => {
    const index = build([
      event('wire', '2026-11-24T08:00:00Z', 'Meridian Wire'),
      event('ours', '2026-11-24T10:00:00Z'),
      event('draft-copy', '2026-11-24T11:00:00Z', 'Breach Bulletin', { draft: true }),
      event('scheduled-copy', '2026-11-26T08:00:00Z', 'Ops Weekly'),
    ]);
    expect(index.stories.map((story) => [story.slug, story.articles.map((article) => article.slug)])).toEqual([['wire', ['wire', 'ours']]]);
    expect(index.storyOf.get('ours')?.slug).toBe('wire');
    expect(index.storyOf.has('draft-copy')).toBe(false);
  });

  it('keep "Explore more" to articles outside the story, still as many as the limit allows', () => {
    const others = ['alpha', 'beta', 'gamma'].map((file, day) => source(file, { publishedAt: `2026-11-1${day}T00:00:00Z` }));
    const index = build([event('wire', '2026-11-24T08:00:00Z', 'Meridian Wire'), event('ours', '2026-11-24T10:00:00Z'), ...others], 3);
    expect(index.bySlug.get('ours')!.related).toHaveLength(3);
    expect(index.bySlug.get('ours')!.related).not.toContain('wire');
    expect(index.bySlug.get('alpha')!.related).toContain('wire');
  });
});

describe('bodies kept only as far as the index reads them (indexedBody)', () => {
  // Long bodies: the words that relate articles come first, then thousands of words no other article has.
  const filler = (file: string) => Array.from({ length: 1500 }, (_, n) => `${file}${n}`).join(' ');
  const long = (file: string, topic: string, day: number, extra: Pick<Partial<ArticleFields>, 'related'> = {}) => ({
    ...source(file, { publishedAt: `2026-11-1${day}T00:00:00Z`, tags: [topic === 'chips' ? 'Hardware' : 'Security'], ...extra }),
    body: `${topic} ${topic} export rules tighten for ${topic} makers. ${filler(file)}`,
  });
  const sources = [
    long('chip-rules', 'chips', 1),
    long('chip-makers', 'chips', 2),
    long('ransom-wave', 'ransomware', 3),
    long('ransom-gang', 'ransomware', 4),
    long('chip-follow-up', 'chips', 5, { related: ['ransom-wave'] }),
  ];

  it('index the same related lists, stories and reading times as whole bodies', () => {
    const whole = build(sources, 3);
    const cut = build(sources.map((article) => ({ ...article, ...indexedBody(article.body) })), 3);
    const summary = (index: typeof whole) => index.articles.map(({ slug, related, wordCount, readingMinutes }) => ({ slug, related, wordCount, readingMinutes }));
    expect(summary(cut)).toEqual(summary(whole));
    expect(cut.stories.map((story) => story.slug)).toEqual(whole.stories.map((story) => story.slug));
    expect(whole.bySlug.get('chip-rules')!.wordCount).toBeGreaterThan(1500);
  });

  it('keep a short start of a long body, and the whole body\'s word count', () => {
    const { body, wordCount } = indexedBody(sources[0]!.body);
    expect(body.length).toBeLessThan(sources[0]!.body.length / 4);
    expect(sources[0]!.body.startsWith(body)).toBe(true);
    expect(wordCount).toBe(build([sources[0]!]).articles[0]!.wordCount);
  });
});

describe('stories handed over, as the build\'s content check grouped them', () => {
  const sources = [source('chip-rules', { publishedAt: '2026-11-20T00:00:00Z' }), source('chip-makers', { publishedAt: '2026-11-21T00:00:00Z' })];
  const grouped = [{ slug: 'chip-rules', lead: 'chip-rules', articles: ['chip-rules', 'chip-makers'], outlets: [{ key: 'wire', name: 'Wire' }, { key: 'daily', name: 'Daily' }] }];

  it('are the site\'s stories, and Explore more leaves an article\'s own story out', () => {
    const index = buildSiteIndex(sources, { now, relatedLimit: 5, stories: grouped });
    expect(index.stories.map((story) => story.articles.map((article) => article.slug))).toEqual([['chip-rules', 'chip-makers']]);
    expect(index.storyOf.get('chip-makers')!.slug).toBe('chip-rules');
    expect(index.bySlug.get('chip-rules')!.related).not.toContain('chip-makers');
    expect(build(sources).stories).toEqual([]);
  });

  it('a published article given no body stops the build, naming its file', () => {
    const [first, second] = sources;
    expect(() => build([first!, { ...second!, body: undefined }])).toThrow(/content\/articles\/chip-makers\.md: the site index was given no body/);
  });
});
