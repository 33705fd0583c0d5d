/**
 * The same awkward files through every tool that reads articles: the checker, the search index, the importer's
 * duplicate check, the scaffolder's slug check, the site's body reader, the sitemap's dates and the social cards. They must agree on
 * which files are articles, on each one's slug and on its body.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArticles, type LoadedArticle } from '../../../src/io/article-files.ts';
import { listingOf } from '../../../src/io/article-listing.ts';
import type { ListedArticle } from '../../../src/lib/content/article-listing.ts';
import { inspectFile } from '../../../src/io/inspect-file.ts';
import { siteCardJobs } from '../../../src/lib/cards/site-card-jobs.ts';
import { toExistingArticles } from '../../../src/lib/authoring/import/existing-articles.ts';
import { existingForScaffold } from '../../../src/lib/authoring/scaffold.ts';
import { checkArticles } from '../../../src/lib/checks/check-content.ts';
import { articleBody } from '../../../src/lib/content/front-matter.ts';
import { articlePages } from '../../../src/lib/output/sitemap.ts';

const NOW = new Date('2026-12-01T00:00:00Z');
const fields = 'description: "A dek."\npublishedAt: 2026-11-20T09:00:00Z\ntags: ["AI"]\n';

const FILES: Record<string, string> = {
  // js-yaml 3 (gray-matter's default) reads tab indentation; Astro's js-yaml 4 refuses it, so every tool must.
  'tabs.md': `---\ntitle: "Tabs"\n${fields}source:\n\tname: "Wire"\n\turl: "https://wire.example/"\n---\nBody.\n`,
  'quotes.md': `---\ntitle: 'It''s "quoted": really'\n${fields}---\nQuoted body.\n`,
  'unclosed-quote.md': `---\ntitle: "Never closed\n${fields}---\nBody.\n`,
  'thematic-break.md': `---\ntitle: "Rules"\nslug: "  spaced-slug "\n${fields}---\nBefore the rule.\n\n---\n\nAfter the rule.\n`,
  'byte-order-mark.md': `\uFEFF---\ntitle: "BOM"\n${fields}---\nBody after a BOM.\n`,
  'windows.md': `---\r\ntitle: "CRLF"\r\n${fields.replaceAll('\n', '\r\n')}updatedAt: 2026-11-22T10:00:00Z\r\n---\r\nLine one.\r\n\r\nLine two.\r\n`,
  'blank-lines-first.md': `\n\n---\ntitle: "Late start"\n${fields}---\nBody.\n`,
  'no-front-matter.md': 'Just prose, --- and dashes.\n',
};

let dir: string;
let loaded: LoadedArticle[];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsdesk-readers-'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
  loaded = [...loadArticles(dir, (path) => path.slice(dir.length + 1))];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The search index's view of the folder (src/cli/search-documents.ts): the listing's articles, by where their file is, each body cut from its file. */
function searchArticles(): Map<string, ListedArticle> {
  return new Map(listingOf(undefined, dir, NOW, 72).articles.map((article) => [article.absolutePath, article]));
}

/** The social cards' view of the folder: each article card's slug and headline. */
function cardArticles(): Array<[string, string]> {
  const jobs = siteCardJobs(listingOf(undefined, dir, NOW, 72), [], { siteName: 'Newsdesk', formatDate: (date) => date.at.toISOString(), cardArticles: 5000 });
  return jobs.filter((job) => !job.file.startsWith('stories/')).map((job) => [job.file.replace(/\.png$/, ''), job.content.headline]);
}

describe('every reader of article files', () => {
  it('accepts and refuses the same files', () => {
    const { problems } = checkArticles(loaded, { now: NOW, contentDir: dir, projectRoot: process.cwd(), inspectFile, nearDuplicates: false });
    const refusedByChecker = new Set(problems.filter((problem) => problem.severity === 'error').map((problem) => problem.file));
    expect([...refusedByChecker].sort()).toEqual(['no-front-matter.md', 'tabs.md', 'unclosed-quote.md']);
    expect(problems.find((problem) => problem.file === 'tabs.md')?.hint).toBe('indent with spaces, not tabs');

    const existing = toExistingArticles(loaded);
    const searched = searchArticles();
    const sitemapPaths = articlePages(loaded.map((article) => article.result), '/').lastModified;
    for (const [position, { file, absolutePath }] of loaded.entries()) {
      const accepted = !refusedByChecker.has(file);
      expect({ file, searchable: searched.has(absolutePath) }).toEqual({ file, searchable: accepted });
      expect({ file, importer: existing[position]!.data !== undefined }).toEqual({ file, importer: accepted });
      expect({ file, sitemap: sitemapPaths.has(`/articles/${existing[position]!.slug}/`) }).toEqual({ file, sitemap: accepted });
    }
  });

  it('give each file the same slug, a valid slug field trimmed, else the file name', () => {
    const fromImporter = toExistingArticles(loaded).map((article) => article.slug);
    const fromScaffolder = existingForScaffold(loaded).map((article) => article.slug);
    const searched = searchArticles();
    const fromSearch = loaded.map((article) => searched.get(article.absolutePath)?.slug);
    expect(fromScaffolder).toEqual(fromImporter);
    for (const [position, slug] of fromSearch.entries()) if (slug !== undefined) expect(slug).toBe(fromImporter[position]);
    expect(fromImporter).toContain('spaced-slug');
    expect(fromImporter).toContain('tabs');
    expect(cardArticles().map(([slug]) => slug).sort()).toEqual(fromSearch.filter((slug) => slug !== undefined).sort());
  });

  it('read the same body, with a later --- kept, whatever the line endings or byte-order mark', () => {
    const searched = searchArticles();
    for (const { file, absolutePath, result } of loaded) {
      if (!searched.has(absolutePath)) continue;
      const imported = toExistingArticles([{ file, result }])[0]!;
      expect(articleBody(readFileSync(absolutePath, 'utf8'))).toBe(imported.body.trim());
    }
    const bodyOf = (name: string) => articleBody(FILES[name]!);
    expect(bodyOf('thematic-break.md')).toBe('Before the rule.\n\n---\n\nAfter the rule.');
    expect(bodyOf('byte-order-mark.md')).toBe('Body after a BOM.');
    expect(bodyOf('windows.md')).toBe('Line one.\r\n\r\nLine two.');
  });

  it('read the same values: quotes, dates and the update the sitemap shows', () => {
    const quoted = loaded.find((article) => article.file === 'quotes.md')!;
    // Typed `It's "quoted": really`: every reader gives it with the body's marks.
    expect(searchArticles().get(quoted.absolutePath)?.data.title).toBe('It’s “quoted”: really');
    expect(cardArticles()).toContainEqual(['quotes', 'It’s “quoted”: really']);
    const dates = articlePages(loaded.map((article) => article.result), '/').lastModified;
    expect(dates.get('/articles/windows/')?.toISOString()).toBe('2026-11-22T10:00:00.000Z');
    expect(dates.get('/articles/byte-order-mark/')?.toISOString()).toBe('2026-11-20T09:00:00.000Z');
  });
});
