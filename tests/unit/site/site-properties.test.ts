/**
 * Property tests of what the site derives from the archive once per build (the site index, its facets, listings,
 * related lists, feeds and sitemap pages), on generated archives that the schema accepts: headlines in any script,
 * tags and bylines that differ only in case, accents, punctuation or spacing, articles sharing an instant, drafts,
 * scheduled pieces, stories, sources and curated related lists with cycles and repeats.
 *
 * FC_SEED and FC_RUNS explore other archives: `FC_SEED=1 FC_RUNS=2000 npx vitest run --project unit tests/unit/site/site-properties.test.ts`.
 */
import { getRssString } from '@astrojs/rss';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parseSources } from '../../../src/lib/aggregation/registry.ts';
import { articleSchema, type ArticleData } from '../../../src/lib/content/schema.ts';
import { parseArticle } from '../../../src/lib/content/article.ts';
import { articlePages, articlePagesOfIndex, isListedPage } from '../../../src/lib/output/sitemap.ts';
import { FEED_LIMIT, facetFeedScope, feedContext, jsonFeed, rssFeed, siteFeedScope } from '../../../src/lib/output/feeds.ts';
import { facetKey } from '../../../src/lib/site/facets.ts';
import { facetListingPaths, listingPaths } from '../../../src/lib/site/listings.ts';
import { absoluteUrl, createPaths } from '../../../src/lib/site/paths.ts';
import { rankRelated } from '../../../src/lib/site/related/related.ts';
import { buildSiteIndex, ContentError, type SourceArticle } from '../../../src/lib/site/site-index.ts';
import { groupByStory, storyEntries, ungroupedEntries, type ListingEntry } from '../../../src/lib/stories/story-listing.ts';

const SEED = 20261206;
const runs = (fallback: number) => Number(process.env.FC_RUNS ?? fallback);
const seed = Number(process.env.FC_SEED ?? SEED);

const NOW = new Date('2026-12-01T12:00:00Z');
const PAGE_SIZE = 3;
const RELATED_LIMIT = 4;
const SITE = 'https://news.example.org';
const BASES = ['/', '/desk/', '/news/desk/', 'desk', '/news/désk/', '//desk//', '/news/d%C3%A9sk/', '/100%25/'];

const { sources: registry } = parseSources(
  [
    '- id: chipwire\n  name: Chipwire\n  feed: https://chipwire.example.com/feed.xml',
    '- id: ledger\n  name: Ledger Lines\n  feed: https://ledger.example.org/atom',
    '- id: cafe\n  name: Café Wire\n  feed: https://cafe.example.net/rss',
  ].join('\n'),
  'sources.yaml',
);

/** Names readers would take for one, or nearly: case, spacing, accents (composed and not), punctuation, scripts. */
const CONFUSABLE_NAMES = [
  'AI', 'ai', 'Ai', 'A.I.', 'A I', ' a  i ', 'A-I', 'a_i', 'AI!', 'ÁI',
  'Café', 'Cafe\u0301', 'CAFÉ', 'Cafe', 'cafe',
  'Wi-Fi', 'Wi Fi', 'wifi', 'WiFi', 'Wi–Fi',
  'C++', 'C#', 'C', 'c', 'C--', 'F#',
  'Straße', 'STRASSE', 'strasse', 'İstanbul', 'istanbul', 'ISTANBUL',
  'ΟΔΟΣ', 'οδος', 'Οδός', '日本', '日 本', 'Москва', 'москва',
  'Tag', 'tag', 'Tag 2', 'tag-2', 'tag 3', 'Author', 'author-2',
  '!!!', '???', '…', '🚀', '🚀🚀', '&', 'AT&T', 'AT and T',
  'page', 'Page 2', 'rss.xml', 'index', '404', 'search',
  'Mariko Tanaka', 'mariko  tanaka', 'Maríko Tanaka', 'MARIKO TANAKA', "O'Brien", 'O’Brien', 'OBrien', 'Jean-Luc', 'Jean Luc',
];

const WORDS = ['chip', 'plant', 'model', 'cloud', 'breach', 'router', 'ledger', 'quantum', 'policy', 'Tokyo', 'Québec', 'データ', 'сеть', 'شبكة', 'fab'];

/** Names near the length limit, whose URL segment is near 200 bytes, and their look-alikes. */
const LONG_NAMES = ['データ'.repeat(22), 'データ'.repeat(22) + '!', ` ${'データ'.repeat(22)} `, 'x'.repeat(100), 'X'.repeat(100), `${'x'.repeat(99)}.`, 'é'.repeat(100), 'e\u0301'.repeat(100)];

/** Any code point, lone surrogates and noncharacters included: what a pasted or mis-decoded text may hold. */
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((codePoint) => String.fromCodePoint(codePoint));

const nameArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CONFUSABLE_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom(...LONG_NAMES) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: anyCodePoint, minLength: 1, maxLength: 6 }) },
);

const titleArb = fc.oneof(
  fc.array(fc.constantFrom(...WORDS, '"Quoted"', "it's", '&', '<b>', '—', '?', '!', '#1', '🚀', ':', ']]>', '&amp;', '&#0;', '<![CDATA[', '\u200F', 'ﷺ'), { minLength: 1, maxLength: 8 }).map((words) => words.join(' ')),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
  fc.string({ unit: anyCodePoint, minLength: 1, maxLength: 10 }),
);

/** Few distinct instants, so that many articles share one; some after NOW (scheduled). */
const INSTANTS = [
  '2026-11-20T09:00:00Z', '2026-11-20T18:00:00+09:00', '2026-11-21', '2026-11-30T23:59:59Z',
  '2026-12-01T12:00:00Z', '2026-12-01T12:00:01Z', '2026-12-02T00:00:00Z', '2027-05-01T08:00:00Z', '2025-01-01T00:00:00Z',
];
const SLUGS = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu', 'nu', 'xi', 'omicron', 'pi', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega', 'café', '日本-ai', 'a-1', 'a-2', 'z'];

interface Planned {
  slug: string;
  viaField: boolean;
  title: string;
  description: string;
  publishedAt: string;
  updatedAt?: number;
  authors: string[];
  tags: string[];
  draft: boolean;
  lang?: string;
  source?: { id?: string; name: string; url: string; excerpt?: boolean };
  relatedPicks: number[];
  storyPick?: number | false;
  formerSlugs: string[];
  body: string[];
}

const plannedArb = (slug: string): fc.Arbitrary<Planned> =>
  fc.record(
    {
      slug: fc.constant(slug),
      viaField: fc.boolean(),
      title: titleArb,
      description: titleArb,
      publishedAt: fc.constantFrom(...INSTANTS),
      updatedAt: fc.option(fc.integer({ min: 0, max: 72 }), { nil: undefined }),
      authors: fc.array(nameArb, { maxLength: 3 }),
      tags: fc.array(nameArb, { minLength: 1, maxLength: 4 }),
      draft: fc.nat(3).map((roll) => roll === 0),
      lang: fc.option(fc.constantFrom('de', 'ja', 'ar', 'en', 'fr-CA'), { nil: undefined }),
      source: fc.option(
        fc.record(
          {
            id: fc.option(fc.constantFrom('chipwire', 'ledger', 'cafe'), { nil: undefined }),
            name: fc.constantFrom('Chipwire', 'chipwire', 'Ledger  Lines', 'Cafe\u0301 Wire', 'Other Outlet'),
            url: fc.constantFrom('https://chipwire.example.com/a', 'https://other.example/story?x=1&y=2'),
            excerpt: fc.option(fc.boolean(), { nil: undefined }),
          },
          { requiredKeys: ['name', 'url'] },
        ),
        { nil: undefined },
      ),
      relatedPicks: fc.array(fc.nat(40), { maxLength: 6 }),
      storyPick: fc.option(fc.oneof(fc.nat(40), fc.constant(false as const)), { nil: undefined }),
      formerSlugs: fc.subarray([`old-${slug}`, `older-${slug}`]),
      body: fc.array(fc.constantFrom(...WORDS), { maxLength: 30 }),
    },
    { requiredKeys: ['slug', 'viaField', 'title', 'description', 'publishedAt', 'authors', 'tags', 'draft', 'relatedPicks', 'formerSlugs', 'body'] },
  );

interface Archive {
  articles: Array<SourceArticle<ArticleData>>;
  /** The same articles as files: front matter (as JSON, which YAML reads) and body. */
  files: Array<{ path: string; text: string }>;
  base: string;
}

/** Each planned article as the schema reads its front matter, with `related` and `story` resolved so the archive has no cross-article error. */
function toArchive(drafts: Planned[], base: string): Archive {
  const drafted = new Set(drafts.filter((draft) => draft.draft).map((draft) => draft.slug));
  // A story names an article that joins no story itself and is no draft.
  const leads = drafts.filter((draft) => draft.storyPick === undefined && !draft.draft);
  const files: Archive['files'] = [];
  const articles = drafts.map((draft, position): SourceArticle<ArticleData> => {
    const others = drafts.filter((other) => other.slug !== draft.slug && !drafted.has(other.slug));
    const related = others.length === 0 ? [] : draft.relatedPicks.map((pick) => others[pick % others.length]!.slug);
    const storyLeads = leads.filter((lead) => lead.slug !== draft.slug);
    const story =
      draft.storyPick === false ? false : draft.storyPick === undefined || storyLeads.length === 0 ? undefined : storyLeads[draft.storyPick % storyLeads.length]!.slug;
    const published = new Date(draft.publishedAt);
    const frontMatter = {
      title: draft.title,
      description: draft.description,
      publishedAt: draft.publishedAt,
      ...(draft.updatedAt !== undefined && { updatedAt: new Date(published.getTime() + draft.updatedAt * 3_600_000).toISOString() }),
      authors: draft.authors,
      tags: draft.tags,
      draft: draft.draft,
      related,
      ...(story !== undefined && { story }),
      ...(draft.viaField && { slug: draft.slug }),
      ...(draft.formerSlugs.length > 0 && { formerSlugs: draft.formerSlugs }),
      ...(draft.lang && { lang: draft.lang }),
      ...(draft.source && { source: draft.source }),
    };
    const parsed = articleSchema.safeParse(frontMatter);
    if (!parsed.success) throw new Error(`the generator made front matter the schema refuses: ${JSON.stringify(frontMatter)}: ${parsed.error.message}`);
    const file = draft.viaField ? `file-${position}` : draft.slug;
    files.push({ path: `content/articles/${file}.md`, text: `---\n${JSON.stringify(frontMatter)}\n---\n${draft.body.join(' ')}\n` });
    return { id: `${file}.md`, filePath: `content/articles/${file}.md`, data: parsed.data, body: draft.body.join(' ') };
  });
  return { articles, files, base };
}

/** Names the schema takes for a tag or byline (generated strings may be blank or hold characters it refuses). */
function acceptedName(name: string): boolean {
  const result = articleSchema.safeParse({ title: 'T', description: 'D', publishedAt: '2026-11-01', tags: [name], authors: [name] });
  return result.success;
}

const archiveArb = (maxArticles: number) =>
  fc
    .tuple(fc.shuffledSubarray(SLUGS, { minLength: 0, maxLength: Math.min(maxArticles, SLUGS.length) }), fc.constantFrom(...BASES))
    .chain(([slugs, base]) => fc.tuple(fc.tuple(...slugs.map(plannedArb)), fc.constant(base)))
    .map(([drafts, base]) =>
      toArchive(
        drafts.map((draft) => ({
          ...draft,
          tags: draft.tags.filter(acceptedName).length > 0 ? draft.tags.filter(acceptedName) : ['AI'],
          authors: draft.authors.filter(acceptedName),
          title: acceptedTitle(draft.title),
          description: acceptedTitle(draft.description),
        })),
        base,
      ),
    );

function acceptedTitle(text: string): string {
  const result = articleSchema.safeParse({ title: text, description: text, publishedAt: '2026-11-01', tags: ['AI'] });
  return result.success ? text : 'Plain headline';
}

const index = (archive: Archive) => buildSiteIndex(archive.articles, { now: NOW, relatedLimit: RELATED_LIMIT, storyWindowHours: 72, registry: { sources: registry, file: 'sources.yaml' } });
type Index = ReturnType<typeof index>;

const isPublishedSource = (article: SourceArticle<ArticleData>) => !article.data.draft && article.data.publishedAt.getTime() <= NOW.getTime();
const slugOfSource = (article: SourceArticle<ArticleData>) => article.data.slug ?? article.filePath.replace(/^.*\/|\.md$/g, '');

/** Every article a listing's pages show: each entry's teaser and the rest of its story's coverage. */
const shownSlugs = <A extends { slug: string }>(entries: ReadonlyArray<ListingEntry<A>>) =>
  entries.flatMap((entry) => [entry.article.slug, ...(entry.story?.others.map((other) => other.slug) ?? [])]);

const properties = { seed, numRuns: runs(25) };

describe('site index properties', () => {
  it('publishes exactly the articles that are neither drafts nor scheduled, newest first, ties by slug', () => {
    fc.assert(
      fc.property(archiveArb(20), (archive) => {
        const site = index(archive);
        const expected = archive.articles
          .filter(isPublishedSource)
          .map((article) => ({ slug: slugOfSource(article), at: article.data.publishedAt.getTime() }))
          .sort((a, b) => b.at - a.at || (a.slug < b.slug ? -1 : 1))
          .map((article) => article.slug);
        expect(site.articles.map((article) => article.slug)).toEqual(expected);
      }),
      properties,
    );
  });

  it('lists every published article once across the front page, in newest-first order, with no empty page but an empty archive’s first', () => {
    fc.assert(
      fc.property(archiveArb(20), (archive) => {
        const site = index(archive);
        const paths = createPaths(archive.base);
        const pages = listingPaths(groupByStory(site.articles, site.storyOf), PAGE_SIZE, paths.home).map((path) => path.props.page);
        const entries = pages.flatMap((page) => page.items);
        expect(shownSlugs(entries).sort()).toEqual(site.articles.map((article) => article.slug).sort());
        checkPages(pages, entries.length);
        // An entry stands where its newest article would: entries keep the order of their first article.
        const rank = new Map(site.articles.map((article, position) => [article.slug, position]));
        const firsts = entries.map((entry) => Math.min(...shownSlugs([entry]).map((slug) => rank.get(slug)!)));
        expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
      }),
      properties,
    );
  });

  it('lists every published article once on each of its tags’, authors’ and source’s pages, newest first', () => {
    fc.assert(
      fc.property(archiveArb(20), (archive) => {
        const site = index(archive);
        const paths = createPaths(archive.base);
        for (const [kind, facets, entriesOf, urlFor] of [
          ['tags', site.tags, storyEntries(site.bySlug, site.storyOf), paths.tag],
          ['authors', site.authors, ungroupedEntries(site.bySlug), paths.author],
        ] as const) {
          for (const facet of facets.all) {
            const carriers = site.articles.filter((article) => article.data[kind].some((name) => facetKey(name) === facet.key)).map((article) => article.slug);
            expect(facet.articleSlugs).toEqual(carriers);
            const pages = facetListingPaths([facet], entriesOf, PAGE_SIZE, urlFor, 'facet').map((path) => path.props.page);
            const entries = pages.flatMap((page) => page.items);
            const shown = shownSlugs(entries);
            expect(new Set(shown).size).toBe(shown.length);
            for (const slug of carriers) expect(shown).toContain(slug);
            checkPages(pages, entries.length);
            expect(carriers.length).toBeGreaterThan(0);
          }
          // Every published article's every name has its facet.
          for (const article of site.articles) for (const name of article.data[kind]) expect(facets.byKey.has(facetKey(name))).toBe(true);
        }
        for (const source of site.sources.all) {
          const listed = site.articles.filter((article) => site.sources.sourceOf.get(article.slug)?.id === source.slug).map((article) => article.slug);
          expect(source.articleSlugs).toEqual(listed);
          checkPages(facetListingPaths([source], ungroupedEntries(site.bySlug), PAGE_SIZE, paths.source, 'source').map((path) => path.props.page), listed.length);
        }
      }),
      properties,
    );
  });

  it('gives every tag and author a URL of its own, a valid path segment', () => {
    fc.assert(
      fc.property(archiveArb(20), (archive) => {
        const site = index(archive);
        const paths = createPaths(archive.base);
        for (const [facets, urlFor] of [[site.tags, paths.tag], [site.authors, paths.author]] as const) {
          const urls = facets.all.map((facet) => urlFor(facet.slug));
          expect(new Set(urls).size).toBe(urls.length);
          expect(new Set(facets.all.map((facet) => facet.key)).size).toBe(facets.all.length);
          for (const facet of facets.all) {
            expect(facet.slug).toMatch(/^[^/?#\s%]+$/u);
            // "page" is a fine slug: a listing's later pages are at <slug>/page/2/, and the tag and author indexes have none.
            expect(['.', '..']).not.toContain(facet.slug);
            expect(facet.slug).toBe(facet.slug.normalize('NFC'));
            expect(new TextEncoder().encode(facet.slug).length).toBeLessThanOrEqual(204);
            expect(facets.bySlug.get(facet.slug)).toBe(facet);
            expect(decodeURIComponent(new URL(urlFor(facet.slug), SITE).pathname)).toBe(`${decodeURIComponent(paths.root)}${urlFor === paths.tag ? 'tags' : 'authors'}/${facet.slug}/`);
          }
          // Each article links each of its names' one page, once.
          for (const article of site.articles) {
            const links = (urlFor === paths.tag ? article.tags : article.authors).map((link) => link.slug);
            expect(new Set(links).size).toBe(links.length);
          }
        }
      }),
      properties,
    );
  });

  it('never shows a draft or a scheduled piece: not in listings, facets, stories, sources, related lists, feeds or the sitemap', () => {
    fc.assert(
      fc.property(archiveArb(20), (archive) => {
        const site = index(archive);
        const hidden = new Set(archive.articles.filter((article) => !isPublishedSource(article)).map(slugOfSource));
        const paths = createPaths(archive.base);
        const seen = [
          ...site.articles.flatMap((article) => [article.slug, ...article.related]),
          ...site.tags.all.flatMap((facet) => facet.articleSlugs),
          ...site.authors.all.flatMap((facet) => facet.articleSlugs),
          ...site.stories.flatMap((story) => [story.lead.slug, ...story.articles.map((article) => article.slug)]),
          ...site.sources.all.flatMap((source) => source.articleSlugs),
          ...site.sources.sourceOf.keys(),
        ];
        for (const slug of seen) expect(hidden.has(slug), slug).toBe(false);
        const context = feedContext(SITE, paths, { name: 'Desk', description: 'D', lang: 'en', logo: 'logo.png', favicon: 'favicon.svg' });
        const items = jsonFeed(site.articles, context, siteFeedScope(paths, { name: 'Desk', description: 'D', lang: 'en', logo: 'logo.png', favicon: 'favicon.svg' }, 'json')).items;
        const hiddenUrls = new Set([...hidden].map((slug) => absoluteUrl(SITE, paths.article(slug))));
        for (const item of items) expect(hiddenUrls.has(item.url)).toBe(false);
        const sitemap = articlePagesOfIndex(site, archive.base);
        for (const page of sitemap.lastModified.keys()) for (const slug of hidden) expect(page).not.toBe(decodeURIComponent(paths.article(slug)));
      }),
      properties,
    );
  });

  it('lists under "Explore more" other published articles only, each once, the curated ones first, up to the limit', () => {
    fc.assert(
      fc.property(archiveArb(20), (archive) => {
        const site = index(archive);
        for (const article of site.articles) {
          const { related } = article;
          expect(related).not.toContain(article.slug);
          expect(new Set(related).size).toBe(related.length);
          expect(related.length).toBeLessThanOrEqual(RELATED_LIMIT);
          for (const slug of related) expect(site.bySlug.has(slug)).toBe(true);
          const story = site.storyOf.get(article.slug);
          const mates = new Set(story?.articles.map((other) => other.slug) ?? []);
          for (const slug of related) expect(mates.has(slug)).toBe(false);
          // Filled with other articles whenever there are any to fill with.
          const available = site.articles.filter((other) => other.slug !== article.slug && !mates.has(other.slug)).length;
          expect(related.length).toBe(Math.min(RELATED_LIMIT, available));
          const curated = [...new Set(article.data.related)].filter((slug) => site.bySlug.has(slug) && slug !== article.slug && !mates.has(slug));
          expect(related.slice(0, Math.min(curated.length, RELATED_LIMIT))).toEqual(curated.slice(0, RELATED_LIMIT));
        }
      }),
      properties,
    );
  });

  it('ranks "Explore more" apart from the site index the same way: curated self-references, repeats and unknown slugs are skipped', () => {
    const candidateArb = fc.uniqueArray(fc.constantFrom(...SLUGS), { maxLength: 15 }).chain((slugs) =>
      fc.tuple(
        ...slugs.map((slug) =>
          fc.record({
            slug: fc.constant(slug),
            title: titleArb,
            description: titleArb,
            body: fc.array(fc.constantFrom(...WORDS), { maxLength: 20 }).map((words) => words.join(' ')),
            tagKeys: fc.uniqueArray(fc.constantFrom('ai', 'a.i.', 'chips', 'café'), { maxLength: 3 }),
            publishedAt: fc.constantFrom(...INSTANTS).map((instant) => new Date(instant)),
            curated: fc.array(fc.oneof(fc.constantFrom(...slugs), fc.constant(slug), fc.constant('nowhere')), { maxLength: 6 }),
          }),
        ),
      ),
    );
    fc.assert(
      fc.property(candidateArb, fc.nat(6), (candidates, limit) => {
        const ranked = rankRelated(candidates, { limit });
        expect([...ranked.keys()].sort()).toEqual(candidates.map((candidate) => candidate.slug).sort());
        for (const candidate of candidates) {
          const related = ranked.get(candidate.slug)!;
          expect(related).not.toContain(candidate.slug);
          expect(new Set(related).size).toBe(related.length);
          expect(related.length).toBe(Math.min(limit, candidates.length - 1));
          const curated = [...new Set(candidate.curated)].filter((slug) => slug !== candidate.slug && slug !== 'nowhere');
          expect(related.slice(0, Math.min(curated.length, limit))).toEqual(curated.slice(0, limit));
        }
      }),
      properties,
    );
  });

  it('refuses to build an archive whose article lists itself or a draft under related, naming the file and the field', () => {
    fc.assert(
      fc.property(archiveArb(12), fc.nat(), fc.boolean(), (archive, pick, itself) => {
        const published = archive.articles.filter(isPublishedSource);
        const drafts = archive.articles.filter((article) => article.data.draft);
        fc.pre(published.length > 0 && (itself || drafts.length > 0));
        const article = published[pick % published.length]!;
        const target = itself ? slugOfSource(article) : slugOfSource(drafts[pick % drafts.length]!);
        const broken = { ...article, data: { ...article.data, related: [...article.data.related, target] } };
        const field = `related.${article.data.related.length}`;
        try {
          index({ ...archive, articles: archive.articles.map((other) => (other === article ? broken : other)) });
          expect.unreachable('the archive was built');
        } catch (error) {
          expect(error).toBeInstanceOf(ContentError);
          expect((error as ContentError).problems).toContainEqual(expect.objectContaining({ file: article.filePath, field, severity: 'error' }));
        }
      }),
      properties,
    );
  });

  it('feeds parse and hold the newest articles, up to the feed limit', () => {
    fc.assert(
      fc.asyncProperty(archiveArb(SLUGS.length), fc.integer({ min: 0, max: 60 }), async (archive, padding) => {
        const site = index(archive);
        const paths = createPaths(archive.base);
        const config = { name: 'Desk & <Co>', description: 'News "and" more', lang: 'en', logo: 'logo.png', favicon: 'favicon.svg' };
        const context = feedContext(SITE, paths, config);
        // An archive longer than the limit: the oldest article again under other slugs, after the real ones.
        const oldest = site.articles.at(-1);
        const articles = oldest ? [...site.articles, ...Array.from({ length: padding }, (_, n) => ({ ...oldest, slug: `old-${n}` }))] : site.articles;
        const expected = articles.slice(0, FEED_LIMIT).map((article) => absoluteUrl(SITE, paths.article(article.slug)));
        const xml = await getRssString(rssFeed(articles, context, siteFeedScope(paths, config, 'rss')));
        const parsed = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: false, isArray: (name) => name === 'item' || name === 'category' }).parse(xml, true);
        const rssItems = (parsed.rss.channel.item ?? []) as Array<{ link: string; title: string; category?: string | string[] }>;
        expect(rssItems.map((item) => item.link)).toEqual(expected);
        // Headlines and tags read in a feed reader as on the page.
        rssItems.forEach((item, position) => {
          expect(String(item.title)).toBe(articles[position]!.data.title);
          expect([item.category ?? []].flat().map(String)).toEqual(articles[position]!.tags.map((tag) => tag.name));
        });
        const json = JSON.parse(JSON.stringify(jsonFeed(articles, context, siteFeedScope(paths, config, 'json'))));
        expect(json.items.map((item: { url: string }) => item.url)).toEqual(expected);
        for (const facet of site.tags.all) {
          const tagged = facet.articleSlugs.map((slug) => site.bySlug.get(slug)!);
          const tagXml = await getRssString(rssFeed(tagged, context, facetFeedScope(paths, config, 'tag', facet)));
          const tagItems = new XMLParser({ isArray: (name) => name === 'item' }).parse(tagXml, true).rss.channel.item as Array<{ link: string }>;
          expect(tagItems.map((item) => item.link)).toEqual(tagged.slice(0, FEED_LIMIT).map((article) => absoluteUrl(SITE, paths.article(article.slug))));
        }
      }),
      { ...properties, numRuns: runs(15) },
    );
  });

  it('gives the sitemap unique absolute URLs under the site and its base path', () => {
    fc.assert(
      fc.property(archiveArb(20), (archive) => {
        const site = index(archive);
        const paths = createPaths(archive.base);
        const origin = absoluteUrl(SITE, paths.root);
        const pagePaths = [
          ...listingPaths(groupByStory(site.articles, site.storyOf), PAGE_SIZE, paths.home).map((path) => path.props.page.url),
          ...site.articles.map((article) => paths.article(article.slug)),
          paths.tags(),
          paths.authors(),
          ...facetListingPaths(site.tags.all, storyEntries(site.bySlug, site.storyOf), PAGE_SIZE, paths.tag, 'tag').map((path) => path.props.page.url),
          ...facetListingPaths(site.authors.all, ungroupedEntries(site.bySlug), PAGE_SIZE, paths.author, 'author').map((path) => path.props.page.url),
          ...site.stories.map((story) => paths.story(story.slug)),
          ...site.sources.all.map((source) => paths.source(source.slug)),
        ];
        const urls = pagePaths.map((path) => absoluteUrl(SITE, path));
        expect(new Set(urls).size).toBe(urls.length);
        for (const url of urls) {
          expect(url.startsWith(origin), url).toBe(true);
          expect(isListedPage(url, archive.base), url).toBe(true);
        }
        const sitemap = articlePagesOfIndex(site, archive.base);
        // `astro build` alone reads the files instead of the index: the sitemap is the same.
        const fromFiles = articlePages(archive.files.map((file) => parseArticle(file.path, file.text)), archive.base, { now: NOW, windowHours: 72 });
        // The files' version also dates unpublished pieces, which have no page for the sitemap to list.
        const listed = new Set(site.articles.map((article) => decodeURIComponent(paths.article(article.slug))));
        expect([...fromFiles.lastModified].filter(([page]) => listed.has(page) || page.includes('/stories/')).sort()).toEqual([...sitemap.lastModified].sort());
        const ownPages = new Set(site.articles.flatMap((article) => [article.slug, ...article.data.formerSlugs]).map((slug) => decodeURIComponent(paths.article(slug))));
        expect([...fromFiles.canonicalElsewhere].filter((page) => ownPages.has(page)).sort()).toEqual([...sitemap.canonicalElsewhere].sort());
        const decoded = new Set(pagePaths.map((path) => decodeURIComponent(path)));
        for (const page of sitemap.lastModified.keys()) expect(decoded.has(page), page).toBe(true);
        // The pages at former slugs send readers on, and excerpts name the outlet's page as theirs: neither is listed.
        for (const article of site.articles) {
          const elsewhere = [...article.data.formerSlugs, ...(article.data.source?.excerpt ? [article.slug] : [])];
          for (const slug of elsewhere) expect(sitemap.canonicalElsewhere.has(decodeURIComponent(paths.article(slug)))).toBe(true);
        }
      }),
      properties,
    );
  });

  it('derives the same site from the archive in any file order', () => {
    fc.assert(
      fc.property(
        archiveArb(20).chain((archive) => fc.tuple(fc.constant(archive), fc.shuffledSubarray(archive.articles, { minLength: archive.articles.length, maxLength: archive.articles.length }))),
        ([archive, shuffled]) => {
          expect(summary(index({ ...archive, articles: shuffled }), archive.base)).toEqual(summary(index(archive), archive.base));
        },
      ),
      properties,
    );
  });
});

/** Page numbers and links agree, and no page is empty unless it is the only one of an empty listing. */
function checkPages(pages: ReadonlyArray<{ items: unknown[]; number: number; total: number; url: string }>, entries: number): void {
  expect(pages.length).toBe(Math.max(1, Math.ceil(entries / PAGE_SIZE)));
  pages.forEach((page, position) => {
    expect(page.number).toBe(position + 1);
    expect(page.total).toBe(pages.length);
    if (entries > 0) expect(page.items.length).toBeGreaterThan(0);
  });
  expect(new Set(pages.map((page) => page.url)).size).toBe(pages.length);
}

/** What readers would see of an index, in comparable form. */
function summary(site: Index, base: string) {
  const paths = createPaths(base);
  const context = feedContext(SITE, paths, { name: 'Desk', description: 'D', lang: 'en', logo: 'logo.png', favicon: 'favicon.svg' });
  const facets = (all: Index['tags']['all']) => all.map((facet) => [facet.key, facet.name, facet.slug, facet.articleSlugs, facet.spellings]);
  return {
    articles: site.articles.map((article) => [article.slug, article.tags, article.authors, article.related, article.sourcePage]),
    tags: facets(site.tags.all),
    authors: facets(site.authors.all),
    stories: site.stories.map((story) => [story.slug, story.lead.slug, story.articles.map((article) => article.slug)]),
    sources: site.sources.all.map((source) => [source.slug, source.articleSlugs]),
    feed: jsonFeed(site.articles, context, siteFeedScope(paths, { name: 'Desk', description: 'D', lang: 'en', logo: 'logo.png', favicon: 'favicon.svg' }, 'json')),
    sitemap: [...articlePagesOfIndex(site, base).lastModified].sort(),
    warnings: site.warnings.map((warning) => `${warning.file} ${warning.field} ${warning.message}`).sort(),
  };
}
