import { describe, expect, it } from 'vitest';
import { storyFeedScope, storyItemListJsonLd } from '../../../src/lib/output/story-feed.ts';
import { createPaths } from '../../../src/lib/site/paths.ts';

const config = { name: 'Newsdesk', description: 'Technology coverage.', lang: 'en', logo: 'logo.png', favicon: 'favicon.svg' };
const paths = createPaths('/desk/');

describe("a story's feed", () => {
  it("is titled with the site's name and the story's headline", () => {
    expect(storyFeedScope(paths, config, { slug: 'cloud-region', headline: 'Cloud region opens' }).title).toBe('Newsdesk: Cloud region opens');
  });

  it('sets a Hebrew headline apart from the site name, as the page title does', () => {
    const scope = storyFeedScope(paths, config, { slug: 'cloud-region', headline: 'Google ו-AWS מתחרות', headlineWords: { lang: 'he', dir: 'rtl' } });
    expect(scope.title).toBe('Newsdesk: \u2067Google ו-AWS מתחרות\u2069');
  });
});

describe("a story's ItemList", () => {
  it("gives each NewsArticle its own language, or the site's", () => {
    const article = (slug: string, lang?: string) => ({
      slug,
      data: { title: slug, description: `Dek of ${slug}.`, publishedAt: new Date('2026-11-21T09:00:00Z'), ...(lang ? { lang } : {}) },
      tags: [],
      authors: [],
    });
    const data = storyItemListJsonLd('https://news.example.org', paths, { slug: 'a', headline: 'A', articles: [article('a', 'he'), article('b')], siteLang: 'en' });
    const items = (data.itemListElement as Array<{ item: { inLanguage: string } }>).map((entry) => entry.item.inLanguage);
    expect(items).toEqual(['he', 'en']);
  });
});

describe("a story's ItemList credits", () => {
  it('an outlet listed in the sources registry by the registry\'s name, as the article\'s page does', () => {
    const article = {
      slug: 'listed',
      data: { title: 'T', description: 'D.', publishedAt: new Date('2026-11-21T09:00:00Z'), source: { name: 'The Reg', url: 'https://reg.example/a' } },
      tags: [],
      authors: [],
      sourcePage: { id: 'the-register', name: 'The Register' },
    };
    const data = storyItemListJsonLd('https://news.example.org', paths, { slug: 'listed', headline: 'T', articles: [article], siteLang: 'en' });
    expect((data.itemListElement as Array<{ item: { sourceOrganization: { name: string } } }>)[0]!.item.sourceOrganization.name).toBe('The Register');
  });
});
