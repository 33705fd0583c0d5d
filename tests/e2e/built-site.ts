/** Reads the served build straight from disk: the published articles the browser tests expect to find everywhere. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { site } from './support.ts';

export interface BuiltArticle {
  slug: string;
  /** As linked on the site, e.g. /desk/articles/x/ */
  path: string;
  title: string;
  dek: string;
  body: string;
  /** Bylines, as the page names them. */
  authors: string[];
  tagSlugs: string[];
  publishedAt: Date;
}

export function readPage(relativePath: string): HTMLElement {
  return parse(readFileSync(join(site.distDir, relativePath), 'utf8'));
}

export function distFile(relativePath: string): string {
  return readFileSync(join(site.distDir, relativePath), 'utf8');
}

export function distHas(relativePath: string): boolean {
  return existsSync(join(site.distDir, relativePath));
}

let articles: BuiltArticle[] | undefined;

/** Every article page in the build (drafts and scheduled pieces never get one), newest first. */
export function builtArticles(): BuiltArticle[] {
  articles ??= readdirSync(join(site.distDir, 'articles'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(site.distDir, 'articles', entry.name, 'index.html')))
    .map((entry) => {
      const html = readPage(`articles/${entry.name}/index.html`);
      const article = html.querySelector('main article');
      if (!article) throw new Error(`articles/${entry.name}/ has no <article> in <main>`);
      const time = article.querySelector('header time[datetime]')?.getAttribute('datetime');
      const tagPrefix = `${site.basePath}tags/`;
      return {
        slug: decodeURIComponent(entry.name),
        path: `${site.basePath}articles/${entry.name}/`,
        title: article.querySelector('h1')?.text.trim() ?? '',
        dek: article.querySelector('header .dek')?.text.trim() ?? '',
        body: article.querySelector('.prose')?.text ?? '',
        authors: article.querySelectorAll('.byline a[rel~="author"]').map((link) => link.text.trim()),
        tagSlugs: article
          .querySelectorAll('a[rel~="tag"]')
          .map((link) => link.getAttribute('href') ?? '')
          .filter((href) => href.startsWith(tagPrefix))
          .map((href) => decodeURIComponent(href.slice(tagPrefix.length).replace(/\/$/, ''))),
        publishedAt: new Date(time ?? Number.NaN),
      };
    })
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.slug.localeCompare(b.slug));
  return articles;
}

export interface BuiltStory {
  slug: string;
  /** As linked on the site, e.g. /desk/stories/x/ */
  path: string;
  /** Its articles' pages, in the story page's order (earliest first). */
  articlePaths: string[];
}

let stories: BuiltStory[] | undefined;

/** Every story page in the build. */
export function builtStories(): BuiltStory[] {
  stories ??= readdirSync(join(site.distDir, 'stories'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(site.distDir, 'stories', entry.name, 'index.html')))
    .map((entry) => ({
      slug: decodeURIComponent(entry.name),
      path: `${site.basePath}stories/${entry.name}/`,
      articlePaths: readPage(`stories/${entry.name}/index.html`)
        .querySelectorAll('main article ol > li h2 a[href]')
        .map((link) => link.getAttribute('href')!),
    }));
  return stories;
}

const words = (text: string): Set<string> => new Set(text.toLowerCase().match(/\p{L}+/gu) ?? []);

/** The tag most articles carry: a search for it has more results than a screen holds. */
export function commonestTag(): string {
  const counts = new Map<string, number>();
  for (const slug of builtArticles().flatMap((article) => article.tagSlugs)) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

/**
 * The tag with the most articles that never use its name in their words (none shares its first five letters, which
 * no stemming of their words could match), and those articles: a search for it finds them by their tags alone.
 */
export function tagOnlyInTags(): { slug: string; articles: BuiltArticle[] } {
  const all = builtArticles();
  const missing = (slug: string) =>
    all.filter((article) => article.tagSlugs.includes(slug) && !`${article.title} ${article.dek} ${article.body} ${article.authors.join(' ')}`.toLowerCase().includes(slug.slice(0, 5)));
  const slugs = [...new Set(all.flatMap((article) => article.tagSlugs))].filter((slug) => /^[a-z]{5,}$/.test(slug));
  const [slug, articles] = slugs.map((slug) => [slug, missing(slug)] as const).sort((a, b) => b[1].length - a[1].length)[0]!;
  return { slug, articles };
}

/**
 * A word found in exactly one article's body and in no headline or dek anywhere: searching for it proves the
 * body itself is indexed. Long words only, so stemming cannot drag in unrelated matches from headlines.
 */
export function bodyOnlyWord(): { word: string; article: BuiltArticle } {
  const all = builtArticles();
  // Stems, roughly: a body word sharing its first seven letters with a headline word could match through the headline.
  const stem = (word: string) => word.slice(0, 7);
  const inHeadlines = new Set(all.flatMap((article) => [...words(`${article.title} ${article.dek}`)].map(stem)));
  const bodies = all.map((article) => ({ article, words: words(article.body) }));
  const candidates = bodies.flatMap(({ article, words: own }) =>
    [...own]
      .filter((word) => /^[a-z]{9,}$/.test(word) && !inHeadlines.has(stem(word)))
      .filter((word) => bodies.every((other) => other.article === article || !other.words.has(word)))
      .map((word) => ({ word, article })),
  );
  const chosen = candidates.sort((a, b) => a.word.localeCompare(b.word))[0];
  if (!chosen) throw new Error('No word appears in exactly one article body and nowhere in headlines or deks');
  return chosen;
}
