/**
 * The core site, built for real from tests/fixtures/site-basic under BASE_PATH=/desk/ at a fixed "now".
 *
 * The fixture: 14 published articles (two front pages of 10), a draft (`draft-unannounced-acquisition`) and a piece
 * scheduled for 09:00 in Tokyo on 26 November (`embargoed-model-launch`, i.e. 00:00Z), both tagged AI and carrying
 * tags and authors no published article has. `AI` ×6, `ai` ×3 and `Ai` ×2 on published articles make one tag of 11
 * (two tag pages); `C`, `C++`, `C#`; `日本`; `Québec` written composed in one file and decomposed in another; a
 * headline and an author name full of `<`, `&` and quotes; `japan-chip-subsidies` curates three related slugs, the
 * second of them the scheduled piece; a 63-letter German tag that must not push phone screens sideways.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import matter from 'gray-matter';
import type { HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countWords, readingMinutes } from '../../src/lib/site/reading-time.ts';
import { listOfNames } from '../../src/lib/stories/story-listing.ts';
import { launchChromium } from '../helpers/browser.ts';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';
import { serveSite } from '../helpers/serve.ts';
import { siteConfig } from '../../src/site.config.ts';

const FIXTURE = 'tests/fixtures/site-basic';
const NOW = '2026-11-25T12:00:00Z';
const AFTER_EMBARGO = '2026-11-26T00:00:00Z';
const DRAFT = 'draft-unannounced-acquisition';
const SCHEDULED = 'embargoed-model-launch';

/** Newest first; edge-ai-npus and llm-inference-costs share an instant, so slug order decides. */
const PUBLISHED = [
  'japan-chip-subsidies',
  'quebec-ai-institute-funding',
  'montreal-data-centres-hydro',
  'c-compiler-hardening',
  'cpp-contracts-vote',
  'csharp-ai-tooling',
  'tom-and-jerry-headline',
  'ai-chip-export-rules',
  'edge-ai-npus',
  'llm-inference-costs',
  'ai-phishing-kits',
  'bank-fraud-voice-clones',
  'post-quantum-vpn-audit',
  'german-labelling-law-lessons',
];
const AI_ARTICLES = PUBLISHED.filter((slug) => !['c-compiler-hardening', 'cpp-contracts-vote', 'german-labelling-law-lessons'].includes(slug));
const LONG_TAG = 'Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz';

/** The fixture's straight quotes as readers see them: its headlines and deks hold apostrophes and pairs of double quotes. */
const curled = (text: string) => text.replace(/(\p{L})'(\p{L})/gu, '$1’$2').replace(/"([^"]*)"/g, '“$1”');

/** The fixture's front matter (headline and dek as readers see them) and body, by slug, read independently of the site's own code. */
const fixture = new Map(
  readdirSync(FIXTURE, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.mdx?$/.test(file))
    .map((file) => {
      const { data, content } = matter(readFileSync(join(FIXTURE, file), 'utf8'));
      for (const field of ['title', 'description']) if (typeof data[field] === 'string') data[field] = curled(data[field]);
      const slug = (data.slug as string | undefined) ?? file.split('/').pop()!.replace(/\.mdx?$/, '');
      return [slug, { data, body: content }] as const;
    }),
);

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
/** Scripts a browser would run: JSON-LD (structured data) is not one of them. */
const executableScripts = (page: HTMLElement) => page.querySelectorAll('script').filter((script) => script.getAttribute('type') !== 'application/ld+json');
const textOf = (element: HTMLElement | null | undefined) => squash(element?.text ?? '');
const hrefs = (elements: HTMLElement[]) => elements.map((element) => element.getAttribute('href'));
const articleHref = (slug: string) => `/desk/articles/${encodeURIComponent(slug)}/`;
const slugOfHref = (href: string | undefined) => decodeURIComponent(/^\/desk\/articles\/([^/]+)\/$/.exec(href ?? '')?.[1] ?? `not an article link: ${href}`);
const teaserSlugs = (page: HTMLElement) => page.querySelectorAll('.teasers .teaser-title a').map((link) => slugOfHref(link.getAttribute('href')));
const exploreSlugs = (page: HTMLElement) => page.querySelectorAll('.explore li > a').map((link) => slugOfHref(link.getAttribute('href')));

/** Every file of the built site, relative to its root. */
function filesOf(site: BuiltSite): string[] {
  return readdirSync(site.outDir, { recursive: true, encoding: 'utf8', withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(site.outDir, resolve(entry.parentPath, entry.name)));
}
const htmlPagesOf = (site: BuiltSite) => filesOf(site).filter((file) => file.endsWith('.html'));
/** Pages this test owns the shape of: front, article, tag and author pages. */
const corePagesOf = (site: BuiltSite) => htmlPagesOf(site).filter((file) => /^(index\.html|page\/|articles\/|tags\/|authors\/)/.test(file));

async function build(now: string, env: Record<string, string> = {}): Promise<BuiltSite> {
  const site = await buildSite({ contentDir: FIXTURE, basePath: '/desk/', siteUrl: 'https://news.example.org', now, env });
  if (site.exitCode === 0) return site;
  site.cleanup();
  throw new Error(`build failed (${site.exitCode}):\n${site.stderr}\n${site.stdout.slice(-3000)}`);
}

describe(`the site built at ${NOW}`, () => {
  let site: BuiltSite;
  beforeAll(async () => void (site = await build(NOW)));
  afterAll(() => site?.cleanup());

  describe('article pages', () => {
    it('exist for every published article, at the slug (or the slug field) and nowhere else', () => {
      const built = filesOf(site)
        .filter((file) => /^articles\/[^/]+\/index\.html$/.test(file))
        .map((file) => file.split('/')[1])
        .sort();
      expect(built).toEqual([...PUBLISHED].sort());
      expect(site.exists('/desk/articles/quantum-safe-vpn/')).toBe(false);
    });

    it.each(PUBLISHED)('%s shows headline, dek, dates, reading time, tags and body', (slug) => {
      const { data, body } = fixture.get(slug)!;
      const page = site.html(articleHref(slug));
      const story = page.querySelector('article.story')!;
      expect(page.querySelectorAll('h1')).toHaveLength(1);
      expect(textOf(story.querySelector('h1'))).toBe(data.title);
      expect(textOf(story.querySelector('.dek'))).toBe(data.description);
      expect([story.querySelector('h1')?.getAttribute('dir'), story.querySelector('.dek')?.getAttribute('dir')]).toEqual(['auto', 'auto']);

      const published = story.querySelector('.dates time')!;
      expect(published.getAttribute('datetime')).toBe(new Date(data.publishedAt).toISOString());
      expect(textOf(story.querySelector('.dates'))).toContain(`${readingMinutes(countWords(body))} min read`);

      const tagLinks = story.querySelectorAll('.story-footer .tag-list a');
      expect(tagLinks.length).toBe(new Set((data.tags as string[]).map((tag) => tag.normalize('NFC').toLowerCase())).size);
      for (const link of tagLinks) expect(link.getAttribute('href')).toMatch(/^\/desk\/tags\/[^/]+\/$/);

      const firstParagraph = squash(body.trim().split('\n\n')[0]!).replace(/’/g, "'");
      expect(textOf(story.querySelector('.prose')).replace(/’/g, "'")).toContain(firstParagraph.slice(0, 60));
    });

    it('show the byline, dates and source of japan-chip-subsidies in full', () => {
      const story = site.html(articleHref('japan-chip-subsidies')).querySelector('article.story')!;
      const byline = story.querySelector('.byline')!;
      expect(textOf(byline)).toBe('By Mariko Tanaka');
      expect(hrefs(byline.querySelectorAll('a'))).toEqual(['/desk/authors/mariko-tanaka/']);

      const times = story.querySelectorAll('.dates time');
      expect(times.map((time) => time.getAttribute('datetime'))).toEqual(['2026-11-24T07:00:00.000Z', '2026-11-25T08:30:00.000Z']);
      expect(textOf(story.querySelector('.dates'))).toMatch(/Published Nov 24, 2026 · Updated Nov 25, 2026 · \d+ min read/);

      const source = story.querySelector('.source a')!;
      expect(textOf(source)).toBe('Nikkei Asia');
      expect(source.getAttribute('href')).toBe('https://asia.nikkei.com/Business/Tech/Semiconductors/japan-chip-subsidies');

      const tags = story.querySelectorAll('.story-footer .tag-list a');
      expect(tags.map((tag) => [textOf(tag), tag.getAttribute('href')])).toEqual([
        ['AI', '/desk/tags/ai/'],
        ['日本', '/desk/tags/%E6%97%A5%E6%9C%AC/'],
        ['Semiconductors', '/desk/tags/semiconductors/'],
      ]);
      expect(textOf(story.querySelector('.prose h2'))).toBe('Why packaging');
      expect(textOf(story.querySelector('.prose'))).toContain('「国内で完結するサプライチェーンを作りたい」');
    });

    it('link every author of a shared byline', () => {
      const byline = site.html(articleHref('ai-chip-export-rules')).querySelector('.byline')!;
      expect(textOf(byline)).toBe('By Mariko Tanaka and Alex Kim');
      expect(hrefs(byline.querySelectorAll('a'))).toEqual(['/desk/authors/mariko-tanaka/', '/desk/authors/alex-kim/']);
    });

    it('show a publishedAt with an offset as the same instant, in the site zone (UTC)', () => {
      // 2026-11-19T09:00:00+09:00 in the front matter.
      const time = site.html(articleHref('csharp-ai-tooling')).querySelector('.dates time')!;
      expect(time.getAttribute('datetime')).toBe('2026-11-19T00:00:00.000Z');
      expect(textOf(time)).toBe('Nov 19, 2026');
    });

    it('leave out the updated date and source when there are none', () => {
      const story = site.html(articleHref('quebec-ai-institute-funding')).querySelector('article.story')!;
      expect(story.querySelectorAll('.dates time')).toHaveLength(1);
      expect(story.querySelector('.source')).toBeNull();
    });

    it('render MDX bodies', () => {
      expect(textOf(site.html(articleHref('bank-fraud-voice-clones')).querySelector('.prose'))).toContain('Some banks have stopped using voice recognition');
    });

    it('put the links and pictures a body writes from the site root (/tags/media/, /logo.png) under /desk/', () => {
      const prose = site.html(articleHref('tom-and-jerry-headline')).querySelector('.prose')!;
      expect(prose.querySelector('a')!.getAttribute('href')).toBe('/desk/tags/media/');
      const logo = prose.querySelector('img')!;
      expect([logo.getAttribute('src'), logo.getAttribute('srcset')]).toEqual(['/desk/logo.png', '/desk/logo.png 2x']);
      expect([site.exists('/desk/tags/media/'), site.exists('/desk/logo.png')]).toEqual([true, true]);
    });

    it('put the links and pictures an MDX body writes as JSX from the site root under /desk/ too', () => {
      const aside = site.html(articleHref('bank-fraud-voice-clones')).querySelector('.prose aside')!;
      expect([aside.querySelector('a')!.getAttribute('href'), aside.querySelector('img')!.getAttribute('src')]).toEqual(['/desk/tags/fintech/', '/desk/logo.png']);
      expect(site.exists('/desk/tags/fintech/')).toBe(true);
    });

    it('show a remote https image as-is, with its alt text', () => {
      const image = site.html(articleHref('ai-phishing-kits')).querySelector('.story-image img')!;
      expect(image.getAttribute('src')).toBe('https://images.example.com/phishing-kit.jpg');
      expect(image.getAttribute('alt')).toBe('A laptop screen showing a fake sign-in page');
    });
  });

  describe('Explore more', () => {
    it('lists curated articles first, in the editor order, skipping the scheduled one, then ranked ones up to 5', () => {
      const slugs = exploreSlugs(site.html(articleHref('japan-chip-subsidies')));
      expect(slugs.slice(0, 2)).toEqual(['montreal-data-centres-hydro', 'cpp-contracts-vote']);
      expect(slugs).toHaveLength(5);
      expect(new Set(slugs).size).toBe(5);
    });

    it.each(PUBLISHED)('under %s: up to 5 published articles, never the article itself', (slug) => {
      const page = site.html(articleHref(slug));
      expect(textOf(page.querySelector('.explore h2'))).toBe('Explore more');
      const slugs = exploreSlugs(page);
      expect(slugs).toHaveLength(5);
      expect(slugs).not.toContain(slug);
      for (const other of slugs) expect(PUBLISHED).toContain(other);
      // Each entry shows the other article's headline and dek.
      const first = page.querySelector('.explore li')!;
      expect(textOf(first.querySelector('a'))).toBe(fixture.get(slugs[0]!)!.data.title);
      expect(textOf(first.querySelector('p'))).toBe(fixture.get(slugs[0]!)!.data.description);
    });
  });

  describe('front page', () => {
    it('lists the newest 10 articles first, with links to the next page', () => {
      const page = site.html('/desk/');
      expect(teaserSlugs(page)).toEqual(PUBLISHED.slice(0, 10));
      expect(page.querySelector('link[rel="next"]')?.getAttribute('href')).toBe('/desk/page/2/');
      expect(page.querySelector('link[rel="prev"]')).toBeNull();
      const next = page.querySelector('.pagination a[rel="next"]')!;
      expect(next.getAttribute('href')).toBe('/desk/page/2/');
      expect(textOf(next)).toMatch(/Older/);
      expect(textOf(page.querySelector('.pagination'))).toContain('Page 1 of 2');
      // Every page by its number, this one marked as the current page.
      const numbers = page.querySelectorAll('.pagination-pages a').map((link) => [textOf(link), link.getAttribute('href'), link.getAttribute('aria-current') ?? null]);
      expect(numbers).toEqual([
        ['Page 1', '/desk/', 'page'],
        ['Page 2', '/desk/page/2/', null],
      ]);
    });

    it('continues on page 2 with the rest, linking back', () => {
      const page = site.html('/desk/page/2/');
      expect(teaserSlugs(page)).toEqual(PUBLISHED.slice(10));
      expect(page.querySelector('link[rel="prev"]')?.getAttribute('href')).toBe('/desk/');
      expect(page.querySelector('link[rel="next"]')).toBeNull();
      expect(page.querySelector('.pagination a[rel="prev"]')?.getAttribute('href')).toBe('/desk/');
      expect(page.querySelector('.pagination a[rel="next"]')).toBeNull();
      expect(site.exists('/desk/page/3/')).toBe(false);
      // Named for what it lists, not the site twice ("Newsdesk, page 2 | Newsdesk").
      expect(textOf(page.querySelector('title'))).toBe('Latest coverage, page 2 | Newsdesk');
    });

    it("reads each topic's count in the rail as a number of articles, singular for one", () => {
      const counts = site.html('/desk/').querySelectorAll('.rail-list .count').map((count) => textOf(count));
      expect(counts).toContain('1 article');
      for (const count of counts) expect(count).toBe(`${parseInt(count, 10)} ${parseInt(count, 10) === 1 ? 'article' : 'articles'}`);
    });

    it('has no page 1 under /page/1/, so the first page has a single URL', () => {
      expect(site.exists('/desk/page/1/')).toBe(false);
    });

    it('shows each teaser as headline, dek, date and tags', () => {
      const teaser = site.html('/desk/').querySelector('.teaser')!;
      expect(textOf(teaser.querySelector('.teaser-title a'))).toBe('Japan widens chip subsidies as AI demand climbs');
      // Headlines and deks in any script take their own direction (an Arabic headline reads right to left).
      expect(teaser.querySelector('.teaser-title')?.getAttribute('dir')).toBe('auto');
      expect(teaser.querySelector('.teaser-dek')?.getAttribute('dir')).toBe('auto');
      expect(textOf(teaser.querySelector('.teaser-dek'))).toBe(fixture.get('japan-chip-subsidies')!.data.description);
      expect(teaser.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-24T07:00:00.000Z');
      expect(teaser.querySelectorAll('.tag-list a').map(textOf)).toEqual(['AI', '日本', 'Semiconductors']);
    });
  });

  describe('tags', () => {
    const EXPECTED_COUNTS = {
      AI: 11,
      C: 1,
      'C#': 1,
      'C++': 1,
      Cloud: 2,
      Fintech: 1,
      Hardware: 1,
      Media: 1,
      Networking: 1,
      Policy: 3,
      Programming: 1,
      Québec: 2,
      [LONG_TAG]: 1,
      Security: 3,
      Semiconductors: 1,
      日本: 1,
    };

    it('the index lists every tag with its count, and only those', () => {
      const entries = site.html('/desk/tags/').querySelectorAll('.directory li');
      const counts = Object.fromEntries(entries.map((entry) => [textOf(entry.querySelector('a')), Number.parseInt(textOf(entry.querySelector('.count')), 10)]));
      expect(counts).toEqual(EXPECTED_COUNTS);
    });

    it('every tag in the index links to a page listing that many articles', () => {
      const page = site.html('/desk/tags/');
      for (const entry of page.querySelectorAll('.directory li')) {
        const href = entry.querySelector('a')!.getAttribute('href')!;
        const count = Number.parseInt(textOf(entry.querySelector('.count')), 10);
        let listed = teaserSlugs(site.html(href)).length;
        if (count > 10) listed += teaserSlugs(site.html(`${href}page/2/`)).length;
        expect(listed, href).toBe(count);
      }
    });

    it('AI, ai and Ai are one tag page, titled with the most common spelling', () => {
      const page = site.html('/desk/tags/ai/');
      expect(textOf(page.querySelector('h1'))).toBe('AI');
      const tagDirs = filesOf(site).filter((file) => /^tags\/[^/]+\/index\.html$/.test(file));
      expect(tagDirs.filter((file) => file.toLowerCase().startsWith('tags/ai'))).toEqual(['tags/ai/index.html']);
      // Every article's tag link says "AI", whatever the file wrote.
      for (const slug of AI_ARTICLES) {
        const links = site.html(articleHref(slug)).querySelectorAll('.story-footer .tag-list a');
        expect(links.filter((link) => link.getAttribute('href') === '/desk/tags/ai/').map(textOf), slug).toEqual(['AI']);
      }
    });

    it('tag pages paginate: AI has 11 articles over two pages, newest first', () => {
      const first = site.html('/desk/tags/ai/');
      const second = site.html('/desk/tags/ai/page/2/');
      expect([...teaserSlugs(first), ...teaserSlugs(second)]).toEqual(AI_ARTICLES);
      expect(teaserSlugs(first)).toHaveLength(10);
      expect(first.querySelector('link[rel="next"]')?.getAttribute('href')).toBe('/desk/tags/ai/page/2/');
      expect(first.querySelector('.pagination a[rel="next"]')?.getAttribute('href')).toBe('/desk/tags/ai/page/2/');
      expect(second.querySelector('link[rel="prev"]')?.getAttribute('href')).toBe('/desk/tags/ai/');
      expect(second.querySelector('.pagination a[rel="prev"]')?.getAttribute('href')).toBe('/desk/tags/ai/');
      expect(textOf(second.querySelector('h1'))).toContain('page 2 of 2');
    });

    it('C, C++ and C# have distinct pages, each with its own article', () => {
      expect(teaserSlugs(site.html('/desk/tags/c/'))).toEqual(['c-compiler-hardening']);
      expect(teaserSlugs(site.html('/desk/tags/c-plus-plus/'))).toEqual(['cpp-contracts-vote']);
      expect(teaserSlugs(site.html('/desk/tags/c-sharp/'))).toEqual(['csharp-ai-tooling']);
      expect(['/desk/tags/c/', '/desk/tags/c-plus-plus/', '/desk/tags/c-sharp/'].map((href) => textOf(site.html(href).querySelector('h1')))).toEqual(['C', 'C++', 'C#']);
    });

    it('日本 and Québec have pages, linked with percent-encoded URLs; both spellings of Québec are one tag', () => {
      const index = site.html('/desk/tags/');
      const link = (name: string) => index.querySelectorAll('.directory a').find((a) => textOf(a) === name)?.getAttribute('href');
      expect(link('日本')).toBe('/desk/tags/%E6%97%A5%E6%9C%AC/');
      expect(link('Québec')).toBe('/desk/tags/qu%C3%A9bec/');
      expect(teaserSlugs(site.html('/desk/tags/%E6%97%A5%E6%9C%AC/'))).toEqual(['japan-chip-subsidies']);
      expect(teaserSlugs(site.html('/desk/tags/qu%C3%A9bec/'))).toEqual(['quebec-ai-institute-funding', 'montreal-data-centres-hydro']);
      expect(textOf(site.html('/desk/tags/qu%C3%A9bec/').querySelector('h1'))).toBe('Québec');
    });
  });

  describe('authors', () => {
    it('every byline link leads to the author page, which lists their articles', () => {
      for (const slug of PUBLISHED) {
        for (const link of site.html(articleHref(slug)).querySelectorAll('.byline a')) {
          const page = site.html(link.getAttribute('href')!);
          expect(textOf(page.querySelector('h1'))).toBe(textOf(link));
          expect(teaserSlugs(page)).toContain(slug);
        }
      }
    });

    it('the authors index lists published authors only', () => {
      const names = site.html('/desk/authors/').querySelectorAll('.directory a').map(textOf);
      expect(names).toEqual(['Alex Kim', 'Jean Tremblay', 'Mariko Tanaka', 'Priya Raman', 'Sam Okafor', 'Siobhán O\'Brien & "Sons" <Ltd>']);
      const count = (name: string) => textOf(site.html('/desk/authors/').querySelectorAll('.directory li').find((entry) => textOf(entry.querySelector('a')) === name)?.querySelector('.count'));
      expect(Number.parseInt(count('Jean Tremblay'), 10)).toBe(3);
    });
  });

  describe('the draft and the scheduled piece', () => {
    const unpublished = fixture.size ? [fixture.get(DRAFT)!, fixture.get(SCHEDULED)!] : [];
    const traces = [DRAFT, SCHEDULED, 'Draft Only Writer', 'Embargo Writer', 'Draft Only Tag', 'Embargo Watch', 'draft-only-tag', 'embargo-watch', ...unpublished.map((article) => article.data.title)];

    it('have no pages', () => {
      expect(site.exists(articleHref(DRAFT))).toBe(false);
      expect(site.exists(articleHref(SCHEDULED))).toBe(false);
      expect(site.exists('/desk/tags/draft-only-tag/')).toBe(false);
      expect(site.exists('/desk/tags/embargo-watch/')).toBe(false);
      expect(site.exists('/desk/authors/draft-only-writer/')).toBe(false);
      expect(site.exists('/desk/authors/embargo-writer/')).toBe(false);
    });

    it('leave no trace in any page, feed or sitemap: titles, slugs, tags, authors', () => {
      const textFiles = filesOf(site).filter((file) => /\.(html|xml|json|txt)$/.test(file));
      expect(textFiles.length).toBeGreaterThan(30);
      for (const file of textFiles) {
        const content = readFileSync(join(site.outDir, file), 'utf8');
        for (const trace of traces) expect(content.includes(trace), `${trace} in ${file}`).toBe(false);
      }
    });

    it('are not counted: AI shows 11 articles, not 13', () => {
      const ai = site.html('/desk/tags/').querySelectorAll('.directory li').find((entry) => textOf(entry.querySelector('a')) === 'AI')!;
      expect(Number.parseInt(textOf(ai.querySelector('.count')), 10)).toBe(11);
    });

    it('are not in the sitemap, which lists every published article', () => {
      const sitemap = site.read('sitemap-0.xml');
      const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
      for (const slug of PUBLISHED) expect(locs).toContain(`https://news.example.org${articleHref(slug)}`);
      expect(locs.some((loc) => loc.includes(DRAFT) || loc.includes(SCHEDULED))).toBe(false);
    });
  });

  describe('the search index', () => {
    /** Words only: Pagefind ends headings with a full stop of its own, which the page does not show. */
    const words = (text: string) => text.split(/[^\p{L}\p{N}’'-]+/u).filter(Boolean);

    it('holds exactly the published articles, at their URLs under the site root', () => {
      expect(site.searchIndex().map((page) => page.url).sort()).toEqual(PUBLISHED.map((slug) => `/articles/${encodeURIComponent(slug)}/`).sort());
    });

    it('gives each one the headline and date its page shows, and the words of its byline, dek, body and tags as the page has them (MDX too)', () => {
      for (const indexed of site.searchIndex()) {
        const page = site.html(`/desk${indexed.url}`);
        expect(indexed.meta.title, indexed.url).toBe(page.querySelector('h1')!.text);
        expect(indexed.meta.date, indexed.url).toBe(textOf(page.querySelector('.dates time')));
        const tags = page.querySelectorAll('.tag-list a').map((tag) => tag.text);
        const shown = [page.querySelector('.byline')?.text ?? '', page.querySelector('.dek')!.text, page.querySelector('.prose')!.text, listOfNames(tags)];
        expect(words(indexed.content), indexed.url).toEqual(words(shown.join(' ')));
      }
      expect(site.searchIndex().find((page) => page.url === '/articles/bank-fraud-voice-clones/')!.content).toContain('Reported by the fintech desk');
    });
  });

  describe('escaping', () => {
    // As typed: 'Tom & Jerry <b>"quoted"</b>: …', its quotes curled as the body's are.
    const headline = 'Tom & Jerry <b>“quoted”</b>: when an AI names the cartoon';
    const author = 'Siobhán O\'Brien & "Sons" <Ltd>';

    it('shows a headline with <, & and quotes as text on its page, never as markup', () => {
      const page = site.html(articleHref('tom-and-jerry-headline'));
      const h1 = page.querySelector('h1')!;
      expect(textOf(h1)).toBe(headline);
      expect(h1.querySelector('b')).toBeNull();
      expect(textOf(page.querySelector('title'))).toBe(`${headline} | Newsdesk`);
      expect(page.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(fixture.get('tom-and-jerry-headline')!.data.description);
      // Nowhere on the page as markup (inside a quoted attribute, as in og:title, `<` is text).
      expect(page.querySelectorAll('b')).toHaveLength(0);
    });

    it('shows the dek with a <script> in it as text', () => {
      const page = site.html(articleHref('tom-and-jerry-headline'));
      expect(textOf(page.querySelector('.dek'))).toBe('Headlines with <script>alert(“x”)</script> & other markup must reach readers as text, not code.');
      expect(executableScripts(page)).toHaveLength(0);
    });

    it('keeps structured data intact: a "</script>" in the dek cannot end the JSON-LD block early', () => {
      // An unescaped "</script>" would cut the block short: its JSON would no longer parse, or lose the dek's end.
      const { data } = fixture.get('tom-and-jerry-headline')!;
      for (const script of site.html(articleHref('tom-and-jerry-headline')).querySelectorAll('script')) {
        const json = JSON.parse(script.rawText) as { headline?: string; description?: string };
        if (json.headline !== undefined) expect(json.headline).toBe(data.title);
        if (json.description !== undefined) expect(json.description).toBe(data.description);
      }
    });

    it('escapes the headline in teasers and the author name in bylines and on the author page', () => {
      const teaser = site.html('/desk/').querySelectorAll('.teaser-title a').find((link) => link.getAttribute('href') === articleHref('tom-and-jerry-headline'))!;
      expect(textOf(teaser)).toBe(headline);
      expect(teaser.querySelector('b')).toBeNull();
      const byline = site.html(articleHref('tom-and-jerry-headline')).querySelector('.byline a')!;
      expect(textOf(byline)).toBe(author);
      expect(textOf(site.html(byline.getAttribute('href')!).querySelector('h1'))).toBe(author);
    });
  });

  describe('every front, article, tag and author page', () => {
    it('runs no JavaScript: no <script> apart from JSON-LD data', () => {
      const pages = corePagesOf(site);
      expect(pages.length).toBeGreaterThan(30);
      for (const file of pages) expect(executableScripts(site.html(file)).length, file).toBe(0);
    });

    it('keeps every internal link and asset under /desk/', () => {
      for (const file of corePagesOf(site)) {
        const page = site.html(file);
        const urls = [
          ...page.querySelectorAll('a[href], link[href]').map((element) => element.getAttribute('href')!),
          ...page.querySelectorAll('img[src], source[srcset]').map((element) => element.getAttribute('src') ?? element.getAttribute('srcset')!),
        ];
        for (const url of urls) {
          if (/^(https?:|mailto:)/.test(url) || url.startsWith('#')) continue;
          expect(url, `${url} in ${file}`).toMatch(/^\/desk\//);
        }
      }
    });

    it('links only to front, article, tag and author pages that exist', () => {
      for (const file of corePagesOf(site)) {
        for (const link of site.html(file).querySelectorAll('a[href^="/desk/"]')) {
          const href = link.getAttribute('href')!;
          if (!/^\/desk\/(page\/|articles\/|tags\/|authors\/|$)/.test(href) || href.endsWith('.xml')) continue;
          expect(site.exists(href), `${href} in ${file}`).toBe(true);
        }
      }
    });

    it('has a header naming the site, with the configured sections and a link to all tags', () => {
      for (const file of ['index.html', `articles/tom-and-jerry-headline/index.html`, 'tags/ai/index.html', 'tags/index.html', 'authors/alex-kim/index.html']) {
        const header = site.html(file).querySelector('header.site-header')!;
        expect(textOf(header.querySelector('.site-name'))).toBe('Newsdesk');
        expect(header.querySelector('.site-name a')?.getAttribute('href')).toBe('/desk/');
        const nav = header.querySelectorAll('nav a').map((link) => [textOf(link), link.getAttribute('href')]);
        expect(nav.slice(0, 6)).toEqual([
          ['AI', '/desk/tags/ai/'],
          ['Security', '/desk/tags/security/'],
          ['Networking', '/desk/tags/networking/'],
          ['Cloud', '/desk/tags/cloud/'],
          ['Fintech', '/desk/tags/fintech/'],
          ['All tags', '/desk/tags/'],
        ]);
        // This archive gathers no stories, so the header does not lead to an empty index.
        expect(nav.map(([name]) => name)).not.toContain('Stories');
      }
    });

    it('marks a section link as the current page only on that page, and as the current section on its further pages', () => {
      const current = (file: string) =>
        site.html(file).querySelectorAll('header a[aria-current]').map((link) => [textOf(link), link.getAttribute('aria-current')]);
      expect(current('index.html')).toEqual([['Newsdesk', 'page']]);
      expect(current('tags/ai/index.html')).toEqual([['AI', 'page']]);
      // Page 2 of the AI tag is in the AI section, but the link leads elsewhere: screen readers must not call it this page.
      expect(current('tags/ai/page/2/index.html')).toEqual([['AI', 'true']]);
      expect(current('tags/index.html')).toEqual([['All tags', 'page']]);
      expect(current('articles/tom-and-jerry-headline/index.html')).toEqual([]);
    });

    it('has the landmarks: header, nav, main, footer', () => {
      for (const file of ['index.html', 'articles/japan-chip-subsidies/index.html', 'tags/ai/index.html']) {
        const page = site.html(file);
        for (const landmark of ['header.site-header', 'nav', 'main#main', 'footer.site-footer']) expect(page.querySelector(landmark), `${landmark} in ${file}`).not.toBeNull();
      }
      expect(site.html('articles/japan-chip-subsidies/index.html').querySelector('main article')).not.toBeNull();
    });

    it('the footer gives the site’s description as written, without its name said twice before it', () => {
      const footer = site.html('index.html').querySelector('footer.site-footer')!;
      expect(footer.querySelector('p')!.text).toBe(siteConfig.description);
      expect(footer.querySelector('.fine-print')!.text).toContain(`© 2026 ${siteConfig.name}.`);
    });
  });

  describe('the theme colour', () => {
    /** A page's `<meta name="theme-color">`s, as [media, colour]. */
    const themeColors = (file: string) => site.html(file).querySelectorAll('meta[name="theme-color"]').map((meta) => [meta.getAttribute('media'), meta.getAttribute('content')]);

    it('is given on every page, for light and for dark mode, in one pair site-wide', () => {
      const pages = htmlPagesOf(site);
      expect(pages).toEqual(expect.arrayContaining(['index.html', '404.html', 'search/index.html', 'articles/japan-chip-subsidies/index.html', 'tags/index.html']));
      const [[lightMedia, light], [darkMedia, dark]] = themeColors('index.html');
      expect([lightMedia, darkMedia]).toEqual(['(prefers-color-scheme: light)', '(prefers-color-scheme: dark)']);
      expect(light).not.toBe(dark);
      for (const file of pages) expect(themeColors(file), file).toEqual([[lightMedia, light], [darkMedia, dark]]);
    });

    it('is the page’s own background in each mode, as Chromium paints it', async () => {
      const served = await serveSite(site.outDir, '/desk/');
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        expect(themeColors('index.html')).toHaveLength(2);
        const rgb = (hex: string) => `rgb(${[1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16)).join(', ')})`;
        for (const [media, color] of themeColors('index.html')) {
          await page.emulateMedia({ colorScheme: media!.includes('dark') ? 'dark' : 'light' });
          await page.goto(served.baseUrl);
          expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), media!).toBe(rgb(color!));
        }
      } finally {
        await browser.close();
        await served.close();
      }
    });
  });

  describe('on a 360 px phone (headless Chromium)', () => {
    it('no page scrolls sideways, even with a 63-letter tag in pills, lists and headings', async () => {
      const served = await serveSite(site.outDir, '/desk/');
      const browser = await launchChromium();
      try {
        const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
        const longTag = `tags/${encodeURIComponent(LONG_TAG.toLowerCase())}/`;
        for (const path of ['', 'page/2/', 'articles/german-labelling-law-lessons/', 'articles/tom-and-jerry-headline/', 'tags/', 'tags/policy/', longTag, 'authors/']) {
          await page.goto(served.baseUrl + path);
          expect(await page.title(), path).not.toMatch(/not found/i);
          const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
          expect(scrollWidth, `${path} is ${scrollWidth} px wide`).toBeLessThanOrEqual(clientWidth);
        }
      } finally {
        await browser.close();
        await served.close();
      }
    });
  });
});

describe(`the same corpus built at ${AFTER_EMBARGO}, the scheduled instant, with the search index made after Astro`, () => {
  let site: BuiltSite;
  beforeAll(async () => void (site = await build(AFTER_EMBARGO, { NEWSDESK_SEARCH_INDEX: 'after' })));
  afterAll(() => site?.cleanup());

  it('publishes the scheduled piece: its page, first on the front page and on its tags', () => {
    expect(site.exists(articleHref(SCHEDULED))).toBe(true);
    expect(teaserSlugs(site.html('/desk/'))[0]).toBe(SCHEDULED);
    expect(teaserSlugs(site.html('/desk/tags/ai/'))[0]).toBe(SCHEDULED);
    expect(teaserSlugs(site.html('/desk/tags/%E6%97%A5%E6%9C%AC/'))).toEqual([SCHEDULED, 'japan-chip-subsidies']);
    expect(site.exists('/desk/tags/embargo-watch/')).toBe(true);
    expect(site.exists('/desk/authors/embargo-writer/')).toBe(true);
    expect(site.read('sitemap-0.xml')).toContain(`https://news.example.org${articleHref(SCHEDULED)}`);
  });

  it('counts it: AI now shows 12', () => {
    const ai = site.html('/desk/tags/').querySelectorAll('.directory li').find((entry) => textOf(entry.querySelector('a')) === 'AI')!;
    expect(Number.parseInt(textOf(ai.querySelector('.count')), 10)).toBe(12);
  });

  it('puts it back in its curated place in Explore more', () => {
    expect(exploreSlugs(site.html(articleHref('japan-chip-subsidies'))).slice(0, 3)).toEqual(['montreal-data-centres-hydro', SCHEDULED, 'cpp-contracts-vote']);
  });

  it('makes it findable by search, and still not the draft', () => {
    const urls = site.searchIndex().map((page) => page.url);
    expect(urls).toContain(`/articles/${SCHEDULED}/`);
    expect(urls).not.toContain(`/articles/${DRAFT}/`);
    expect(urls).toHaveLength(PUBLISHED.length + 1);
  });

  it('still leaves the draft out', () => {
    expect(site.exists(articleHref(DRAFT))).toBe(false);
    for (const file of htmlPagesOf(site)) expect(site.read(file).includes(DRAFT), file).toBe(false);
  });
});
