import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listArticles, readListing, writeListing } from '../../../src/io/article-listing.ts';
import type { ListedArticle } from '../../../src/lib/content/article-listing.ts';

const root = mkdtempSync(join(tmpdir(), 'newsdesk-listing-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const article = (index: number): ListedArticle => ({
  absolutePath: `/archive/${index}.md`,
  file: `content/articles/${index}.md`,
  slug: `article-${index}`,
  data: {
    // Letters of two and three bytes, so that some fall across the reader's chunk boundaries.
    title: `日本のAI戦略 ${index} — Québec`,
    description: 'A dek with "quotes" and a \\ backslash\nand a new line.',
    publishedAt: new Date(Date.UTC(2026, 0, 1) + index * 60_000),
    authors: index % 2 ? ['Mariko Tanaka'] : [],
    tags: ['AI', 'Japan'],
    draft: index % 7 === 0,
    ...(index % 3 ? { source: { name: 'Example Wire', url: `https://wire.example.com/${index}` } } : {}),
    ...(index % 5 ? {} : { story: false as const }),
  },
  bodyStart: '東京 — '.repeat(40),
});

describe('the archive listing', () => {
  it('gives back every article as written, dates as dates, however the file falls into chunks', () => {
    const path = join(root, 'many.jsonl');
    const written = Array.from({ length: 4000 }, (_, index) => article(index));
    const writer = writeListing(path);
    for (const entry of written) writer.add(entry);
    writer.commit();
    expect(statSync(path).size).toBeGreaterThan(2 * 1024 * 1024);
    const read = [...readListing(path)];
    expect(read).toEqual(written);
    expect(read[1]!.data.publishedAt).toBeInstanceOf(Date);
  });

  it('is in place only once committed; a discarded one leaves nothing behind', () => {
    const path = join(root, 'pending.jsonl');
    const writer = writeListing(path);
    writer.add(article(1));
    expect(existsSync(path)).toBe(false);
    writer.discard();
    expect(readdirSync(root).filter((name) => name.startsWith('pending'))).toEqual([]);
  });

  it('read from the files themselves, leaves out what the check rejects', () => {
    const folder = join(root, 'content');
    const valid = '---\ntitle: "A piece"\ndescription: "A dek."\npublishedAt: 2026-11-01T09:00:00Z\ntags: ["AI"]\nslug: the-piece\n---\nBody text.\n';
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.md'), valid);
    writeFileSync(join(folder, 'b.md'), '---\ntitle: [unclosed\n---\n');
    writeFileSync(join(folder, 'c.md'), valid.replace('tags: ["AI"]\n', 'tags: []\n').replace('slug: the-piece\n', ''));
    const listed = [...listArticles(folder)];
    expect(listed.map((entry) => [entry.slug, entry.data.title, entry.bodyStart])).toEqual([['the-piece', 'A piece', 'Body text.\n']]);
    expect(listed[0]!.absolutePath).toBe(join(folder, 'a.md'));
  });
});
