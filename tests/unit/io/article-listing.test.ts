import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArticles } from '../../../src/io/article-files.ts';
import { listArticles, listingOf, readListing, waitForListing, writeListing } from '../../../src/io/article-listing.ts';
import { listingBodies, removeListing } from '../../../src/io/listing-files.ts';
import { articleBody } from '../../../src/lib/content/front-matter.ts';
import { articleSchema } from '../../../src/lib/content/schema.ts';
import { articleSlug } from '../../../src/lib/content/slug.ts';
import { buildSiteIndex, indexedBody } from '../../../src/lib/site/site-index.ts';

const NOW = new Date('2026-12-01T00:00:00Z');
const WINDOW_HOURS = 72;
let root: string;
let content: string;
/** Tags enough for an article's listing line to be longer than the writer's whole buffer (1 MiB) once encoded. */
const MANY_TAGS = Array.from({ length: 6000 }, (_, index) => `${index} ${'日本のタグ'.repeat(12)}`);

const article = (title: string, publishedAt: string, extra = '') =>
  `---\ntitle: "${title}"\ndescription: "半導体の輸出規制が強まる中、日本の戦略は「速さ」を選んだ。 A dek with \\"quotes\\" and a backslash \\\\ in it, in fact."\npublishedAt: ${publishedAt}\ntags: ["AI", "日本"]\n${extra}---\n東京 — The body of ${title}, long enough to be read for stories.\n`;

/** What the build's check does with each file it accepts. */
function writeAsTheCheckDoes(path: string, folder = content): ReturnType<typeof writeListing> {
  const writer = writeListing(path, NOW, WINDOW_HOURS);
  for (const { absolutePath, result } of loadArticles(folder)) {
    if (!result.ok) continue;
    const schema = articleSchema.safeParse(result.article.data);
    if (schema.success) writer.add(result.article, absolutePath, schema.data);
  }
  return writer;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'newsdesk-listing-'));
  content = join(root, 'content');
  mkdirSync(join(content, 'desk'), { recursive: true });
  // Enough articles, with letters of two and three bytes, for the listing to span more than one of the reader's chunks (1 MiB).
  for (let index = 0; index < 3000; index++) {
    const day = String(1 + (index % 28)).padStart(2, '0');
    writeFileSync(join(content, 'desk', `piece-${index}.md`), article(`日本のAI戦略 ${index} — Québec City`, `2025-10-${day}T09:${String(index % 60).padStart(2, '0')}:00Z`));
  }
  writeFileSync(join(content, 'lead.md'), article('Chip rules tighten', '2026-11-01T09:00:00Z', 'source:\n  name: "Example Wire"\n  url: "https://wire.example.com/a"\n'));
  writeFileSync(join(content, 'follow.md'), article('Daily on the chip rules', '2026-11-02T09:00:00Z', 'story: lead\nsource:\n  name: "Daily"\n  url: "https://daily.example.com/a"\n'));
  writeFileSync(join(content, 'draft.md'), article('A draft', '2026-11-01T09:00:00Z', 'draft: true\n'));
  writeFileSync(join(content, 'scheduled.md'), article('Scheduled piece', '2027-01-01T00:00:00Z'));
  writeFileSync(join(content, 'broken.md'), '---\ntitle: [unclosed\n---\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the archive listing', () => {
  it('written as the check reads, gives back what the files give: published articles, then their stories', () => {
    const path = join(root, 'listing.jsonl');
    writeAsTheCheckDoes(path).commit();
    expect(statSync(path).size).toBeGreaterThan(1024 * 1024);
    // The first chunk ends inside a letter: the reader must join its bytes with the next chunk's.
    expect(readFileSync(path)[1024 * 1024]! & 0xc0).toBe(0x80);
    const written = [...readListing(path)];
    expect(written).toEqual([...listArticles(content, NOW, WINDOW_HOURS)]);

    const { articles, stories } = listingOf(path, content, NOW, WINDOW_HOURS);
    expect(articles).toHaveLength(3002);
    expect(articles.map((entry) => entry.slug)).not.toContain('draft');
    expect(articles.map((entry) => entry.slug)).not.toContain('scheduled');
    const lead = articles.find((entry) => entry.slug === 'lead')!;
    expect(lead.data.publishedAt).toEqual(new Date('2026-11-01T09:00:00Z'));
    expect(lead.data.tags).toEqual(['AI', '日本']);
    expect(lead.absolutePath).toBe(join(content, 'lead.md'));
    // Its words as the site index counts them, which the search index's parts are bounded by.
    expect(lead.wordCount).toBe(indexedBody(articleBody(readFileSync(join(content, 'lead.md'), 'utf8'))).wordCount);
    expect(lead.wordCount).toBeGreaterThan(10);
    expect(stories.find((story) => story.slug === 'lead')).toMatchObject({ lead: 'lead', articles: ['lead', 'follow'], outlets: [{ name: 'Example Wire' }, { name: 'Daily' }] });
  });

  it('hands Astro the stories and the part of each body the site index reads: the index it would make reading every file', async () => {
    const path = join(root, 'for-astro.jsonl');
    const waiting = waitForListing(path);
    writeAsTheCheckDoes(path).commit();
    const { stories, bodies } = await waiting;

    const sources = [...loadArticles(content)].flatMap(({ absolutePath, result }) => {
      const schema = result.ok ? articleSchema.safeParse(result.article.data) : undefined;
      return schema?.success ? [{ id: absolutePath, filePath: absolutePath, data: schema.data }] : [];
    });
    const options = { now: NOW, relatedLimit: 5, storyWindowHours: WINDOW_HOURS };
    const reading = buildSiteIndex(sources.map((source) => ({ ...source, ...indexedBody(articleBody(readFileSync(source.filePath, 'utf8'))) })), options);
    const handed = buildSiteIndex(sources.map((source) => ({ ...source, ...bodies.get(articleSlug(source.filePath, source.data.slug)) })), { ...options, stories });
    const summary = (index: typeof reading) => ({
      articles: index.articles.map(({ slug, wordCount, related }) => ({ slug, wordCount, related })),
      stories: index.stories.map((story) => ({ slug: story.slug, articles: story.articles.map((article) => article.slug) })),
    });
    expect(summary(handed)).toEqual(summary(reading));
    expect([...bodies.keys()].sort()).toEqual(reading.articles.map((article) => article.slug).sort());
    expect(summary(handed).stories).toContainEqual({ slug: 'lead', articles: ['lead', 'follow'] });
    expect(handed.bySlug.get('piece-7')!.related).toHaveLength(5);

    removeListing(path);
    expect(readdirSync(root).filter((name) => name.startsWith('for-astro'))).toEqual([]);
  });

  it('carries which dates were written as a day alone, which the social cards show as written in any zone', () => {
    const folder = join(root, 'dated');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'day.md'), article('Dated by its day alone', '2026-11-03'));
    writeFileSync(join(folder, 'evening.md'), article('Evening in New York', '2026-11-03T19:00:00-05:00'));
    const path = join(root, 'dated.jsonl');
    writeAsTheCheckDoes(path, folder).commit();
    const { articles } = listingOf(path, folder, NOW, WINDOW_HOURS);
    const bySlug = new Map(articles.map((entry) => [entry.slug, entry.data]));
    expect(bySlug.get('day')).toMatchObject({ publishedAt: new Date('2026-11-03T00:00:00Z'), dayAlone: { publishedAt: true } });
    expect(bySlug.get('evening')!.publishedAt).toEqual(new Date('2026-11-04T00:00:00Z'));
    expect(bySlug.get('evening')!.dayAlone).toBeUndefined();
  });

  it('writes whole a line longer than its buffer', () => {
    const folder = join(root, 'many-tags');
    mkdirSync(folder);
    writeFileSync(join(folder, 'many-tags.md'), `---\ntitle: "Many tags"\ndescription: "A dek."\npublishedAt: 2025-09-01T09:00:00Z\ntags: ${JSON.stringify(MANY_TAGS)}\n---\nBody.\n`);
    const path = join(root, 'many-tags.jsonl');
    writeAsTheCheckDoes(path, folder).commit();
    expect(statSync(path).size).toBeGreaterThan(1024 * 1024);
    const [entry] = [...readListing(path)];
    expect(entry && 'article' in entry && entry.article.data.tags).toEqual(MANY_TAGS);
  });

  it('is written into a folder that does not exist yet', () => {
    const path = join(root, 'not-yet', 'made', 'listing.jsonl');
    writeAsTheCheckDoes(path).commit();
    expect([...readListing(path)].filter((entry) => 'article' in entry)).toHaveLength(3002);
  });

  it('is in place only once committed; a discarded one leaves nothing behind', () => {
    const path = join(root, 'pending.jsonl');
    const writer = writeAsTheCheckDoes(path);
    expect(existsSync(path)).toBe(false);
    expect(existsSync(listingBodies(path))).toBe(false);
    writer.discard();
    expect(readdirSync(root).filter((name) => name.startsWith('pending'))).toEqual([]);
  });
});
