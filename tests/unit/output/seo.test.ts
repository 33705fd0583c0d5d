import { describe, expect, it } from 'vitest';
import { createPaths } from '../../../src/lib/site/paths.ts';
import { authorProfileJsonLd, newsArticleJsonLd, serializeJsonLd, socialMetaTags, type JsonLdArticle, type MetaTag, type PageDescription } from '../../../src/lib/output/seo.ts';

const paths = createPaths('/desk/');
const site = 'https://news.example.org';
const logo = { src: '/desk/logo.png', width: 512, height: 512 };

/** Tag values by property/name, in page order. */
function values(tags: MetaTag[], key: string): string[] {
  return tags.filter((tag) => ('property' in tag ? tag.property : tag.name) === key).map((tag) => tag.content);
}

const page: PageDescription = {
  site,
  siteName: 'Newsdesk',
  locale: 'en-US',
  title: 'AI',
  description: 'Articles tagged AI.',
  path: '/desk/tags/ai/',
  defaultImage: { ...logo, alt: 'Newsdesk logo' },
};

describe('social tags on ordinary pages', () => {
  const tags = socialMetaTags(page);

  it('describe a website with absolute URLs', () => {
    expect(values(tags, 'og:type')).toEqual(['website']);
    expect(values(tags, 'og:url')).toEqual(['https://news.example.org/desk/tags/ai/']);
    expect(values(tags, 'og:title')).toEqual(['AI']);
    expect(values(tags, 'og:description')).toEqual(['Articles tagged AI.']);
    expect(values(tags, 'og:site_name')).toEqual(['Newsdesk']);
    expect(values(tags, 'og:locale')).toEqual(['en_US']);
  });

  it("give a page in another language its own locale, with the likeliest territory when its tag names none or a numbered region", () => {
    expect(values(socialMetaTags({ ...page, locale: 'ja' }), 'og:locale')).toEqual(['ja_JP']);
    expect(values(socialMetaTags({ ...page, locale: 'de-CH' }), 'og:locale')).toEqual(['de_CH']);
    expect(values(socialMetaTags({ ...page, locale: 'he' }), 'og:locale')).toEqual(['he_IL']);
    expect(values(socialMetaTags({ ...page, locale: 'es-419' }), 'og:locale')).toEqual(['es_ES']);
  });

  it('fall back to the logo as a small card, with its size', () => {
    expect(values(tags, 'og:image')).toEqual(['https://news.example.org/desk/logo.png']);
    expect(values(tags, 'og:image:width')).toEqual(['512']);
    expect(values(tags, 'twitter:card')).toEqual(['summary']);
    expect(values(tags, 'twitter:image')).toEqual(['https://news.example.org/desk/logo.png']);
  });

  it('give no URL for pages without a canonical location', () => {
    expect(values(socialMetaTags({ ...page, path: undefined }), 'og:url')).toEqual([]);
  });

  it('carry no article tags', () => {
    expect(tags.filter((tag) => 'property' in tag && tag.property.startsWith('article:'))).toEqual([]);
  });
});

describe('social tags on article pages', () => {
  const tags = socialMetaTags({
    ...page,
    title: 'Japan gains ground',
    path: '/desk/articles/japan/',
    image: { src: 'https://images.example.com/lead.jpg', alt: 'Tokyo at night' },
    article: {
      publishedAt: new Date('2026-11-24T07:00:00Z'),
      modifiedAt: new Date('2026-11-25T08:00:00Z'),
      tags: ['AI', 'Policy'],
      authorUrls: ['https://news.example.org/desk/authors/mariko-tanaka/'],
    },
  });

  it('describe an article with its dates, section, tags and authors', () => {
    expect(values(tags, 'og:type')).toEqual(['article']);
    expect(values(tags, 'article:published_time')).toEqual(['2026-11-24T07:00:00.000Z']);
    expect(values(tags, 'article:modified_time')).toEqual(['2026-11-25T08:00:00.000Z']);
    expect(values(tags, 'article:section')).toEqual(['AI']);
    expect(values(tags, 'article:tag')).toEqual(['AI', 'Policy']);
    expect(values(tags, 'article:author')).toEqual(['https://news.example.org/desk/authors/mariko-tanaka/']);
  });

  it("show the page's picture large (its social card), with its size, never the logo", () => {
    const card = socialMetaTags({ ...page, path: '/desk/articles/japan/', image: { src: '/desk/cards/japan.png', alt: 'AI · Japan gains ground · Newsdesk', width: 1200, height: 630 } });
    expect(values(card, 'og:image')).toEqual(['https://news.example.org/desk/cards/japan.png']);
    expect(values(card, 'og:image:width')).toEqual(['1200']);
    expect(values(card, 'og:image:height')).toEqual(['630']);
    expect(values(card, 'og:image:alt')).toEqual(['AI · Japan gains ground · Newsdesk']);
    expect(values(card, 'twitter:card')).toEqual(['summary_large_image']);
  });

  it('show the lead image large, never the logo', () => {
    expect(values(tags, 'og:image')).toEqual(['https://images.example.com/lead.jpg']);
    expect(values(tags, 'og:image:alt')).toEqual(['Tokyo at night']);
    expect(values(tags, 'twitter:card')).toEqual(['summary_large_image']);
    expect(values(tags, 'twitter:image:alt')).toEqual(['Tokyo at night']);
  });
});

const hostileHeadline = '</script><script>alert(1)</script> & "quotes"';
const article: JsonLdArticle = {
  slug: 'japan-ai-race',
  data: {
    title: 'Is Japan Gaining Ground?',
    description: 'Japan is closing in.',
    publishedAt: new Date('2026-11-24T07:00:00Z'),
    source: { name: 'Tortoise Media', url: 'https://www.tortoisemedia.com/' },
  },
  tags: [{ name: 'AI', slug: 'ai' }, { name: 'Policy', slug: 'policy' }],
  authors: [{ name: 'Mariko Tanaka', slug: 'mariko-tanaka' }, { name: 'Tom Brennan', slug: 'tom-brennan' }],
  wordCount: 812,
};
const input = { site, paths, lang: 'en', publisher: { name: 'Newsdesk', logo } };

describe('a long picture description', () => {
  it('reaches X cut to the 420 characters it reads, at a word, and Open Graph whole', () => {
    const alt = `A chart of ${'the chip makers’ market shares, '.repeat(20)}by quarter`;
    const tags = socialMetaTags({ ...page, image: { src: '/desk/lead.jpg', alt } });
    const [twitterAlt] = values(tags, 'twitter:image:alt');
    expect(twitterAlt!.length).toBeLessThanOrEqual(420);
    expect(twitterAlt).toMatch(/^A chart of the chip makers’ market shares, .*[^ ]…$/);
    expect(alt.startsWith(twitterAlt!.slice(0, -1))).toBe(true);
    expect(values(tags, 'og:image:alt')).toEqual([alt]);
  });
});

describe('ProfilePage structured data', () => {
  it("names the author's page and the Person the articles' JSON-LD links to by the same URL", () => {
    const profile = authorProfileJsonLd(site, paths, { name: 'Mariko Tanaka', slug: 'mariko-tanaka' });
    const [byline] = newsArticleJsonLd({ ...input, article }).author as Array<{ url: string }>;
    expect(profile).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ProfilePage',
      url: byline!.url,
      mainEntity: { '@type': 'Person', name: 'Mariko Tanaka', url: byline!.url },
    });
  });
});

describe('NewsArticle structured data', () => {
  const ld = newsArticleJsonLd({ ...input, article });

  it('names the article, its page and its dates', () => {
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.headline).toBe('Is Japan Gaining Ground?');
    expect(ld.description).toBe('Japan is closing in.');
    expect(ld.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': 'https://news.example.org/desk/articles/japan-ai-race/' });
    expect(ld.datePublished).toBe('2026-11-24T07:00:00.000Z');
    // Never updated: modified is the publication instant, as search engines expect.
    expect(ld.dateModified).toBe('2026-11-24T07:00:00.000Z');
    expect(ld.keywords).toEqual(['AI', 'Policy']);
    expect(ld.articleSection).toBe('AI');
    expect(ld.isBasedOn).toBe('https://www.tortoisemedia.com/');
  });

  it('credits each author as a Person linked to their author page', () => {
    expect(ld.author).toEqual([
      { '@type': 'Person', name: 'Mariko Tanaka', url: 'https://news.example.org/desk/authors/mariko-tanaka/' },
      { '@type': 'Person', name: 'Tom Brennan', url: 'https://news.example.org/desk/authors/tom-brennan/' },
    ]);
  });

  it('names the publisher with a logo ImageObject of at least 112 px', () => {
    expect(ld.publisher).toEqual({
      '@type': 'Organization',
      name: 'Newsdesk',
      url: 'https://news.example.org/desk/',
      logo: { '@type': 'ImageObject', url: 'https://news.example.org/desk/logo.png', width: 512, height: 512 },
    });
  });

  it('lists the lead image first, then the social card, or the logo when there is neither', () => {
    expect(ld.image).toEqual(['https://news.example.org/desk/logo.png']);
    expect(newsArticleJsonLd({ ...input, article, images: ['/desk/cards/japan.png'] }).image).toEqual(['https://news.example.org/desk/cards/japan.png']);
    expect(newsArticleJsonLd({ ...input, article, images: ['https://cdn.example.com/a.jpg', '/desk/cards/japan.png'] }).image).toEqual([
      'https://cdn.example.com/a.jpg',
      'https://news.example.org/desk/cards/japan.png',
    ]);
  });

  it('credits the publication for its own unsigned pieces', () => {
    const unsigned = newsArticleJsonLd({ ...input, article: { ...article, data: { ...article.data, source: undefined }, authors: [] } });
    expect(unsigned.author).toEqual([unsigned.publisher]);
  });

  it("credits an unsigned aggregated piece to its outlet, as its page names it, never to the publication", () => {
    const unlisted = newsArticleJsonLd({ ...input, article: { ...article, authors: [] } });
    expect(unlisted.author).toEqual([{ '@type': 'Organization', name: 'Tortoise Media' }]);
    // A followed outlet goes by the registry's name and is linked to its page, as authors are to theirs.
    const listed = newsArticleJsonLd({ ...input, article: { ...article, authors: [], sourcePage: { id: 'tortoise', name: 'Tortoise' } } });
    expect(listed.author).toEqual([{ '@type': 'Organization', name: 'Tortoise', url: 'https://news.example.org/desk/sources/tortoise/' }]);
  });

  it("is in the site's language, or in the article's own when it has one", () => {
    expect(ld.inLanguage).toBe('en');
    expect(newsArticleJsonLd({ ...input, article: { ...article, data: { ...article.data, lang: 'ja' } } }).inLanguage).toBe('ja');
  });

  it('dates an updated article by its update', () => {
    const updated = newsArticleJsonLd({ ...input, article: { ...article, data: { ...article.data, updatedAt: new Date('2026-11-26T00:00:00Z') } } });
    expect(updated.dateModified).toBe('2026-11-26T00:00:00.000Z');
  });
});

describe('serialising JSON-LD into a script element', () => {
  const ld = newsArticleJsonLd({ ...input, article: { ...article, data: { ...article.data, title: hostileHeadline, description: 'a\u2028b\u2029c' } } });
  const json = serializeJsonLd(ld);

  it('never contains anything that could close the script element or open markup', () => {
    expect(json).not.toMatch(/[<>&]/);
    expect(json.toLowerCase()).not.toContain('</script');
    expect(json).not.toMatch(/[\u2028\u2029]/);
  });

  it('still parses back to exactly the same data', () => {
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(ld)));
    expect(JSON.parse(json).headline).toBe(hostileHeadline);
    expect(JSON.parse(json).description).toBe('a\u2028b\u2029c');
  });

  it('escapes with \\u sequences', () => {
    expect(serializeJsonLd({ h: '<&>' })).toBe('{"h":"\\u003c\\u0026\\u003e"}');
  });
});
