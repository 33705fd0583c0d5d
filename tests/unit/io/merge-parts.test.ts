import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { joinParts, readPart } from '../../../src/io/merge-parts.ts';
import { SHARD_MARKER, type GivenPart } from '../../../src/lib/site/shard-merge.ts';

const root = mkdtempSync(join(tmpdir(), 'newsdesk-merge-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const fingerprint = { now: '2026-11-25T12:00:00.000Z', siteUrl: 'https://news.example.org', basePath: '/', content: 'c'.repeat(64), files: 3 };

/** A part folder with these files (path → text) and its marker. */
function part(name: string, index: number, files: Record<string, string>): GivenPart {
  const dir = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  writeFileSync(join(dir, SHARD_MARKER), JSON.stringify({ part: index, parts: 2, fingerprint }));
  return readPart(dir);
}

describe('joinParts', () => {
  it('joins every part’s files once, by hard link, without the markers', async () => {
    const one = part('one', 1, { 'articles/a/index.html': 'A', 'search/index.html': 'search', '_astro/site.css': 'css' });
    const two = part('two', 2, { 'articles/b/index.html': 'B', 'search/index.html': 'search', '_astro/site.css': 'css' });
    const target = join(root, 'site-1');
    const files = await joinParts([one, two], target);
    expect(files.sort()).toEqual(['_astro/site.css', 'articles/a/index.html', 'articles/b/index.html', 'search/index.html']);
    expect(readdirSync(target, { recursive: true }).filter((name) => String(name).endsWith('.html')).sort()).toEqual(['articles/a/index.html', 'articles/b/index.html', 'search/index.html']);
    expect(existsSync(join(target, SHARD_MARKER))).toBe(false);
    expect(readFileSync(join(target, 'articles/b/index.html'), 'utf8')).toBe('B');
    expect(statSync(join(target, 'articles/a/index.html')).nlink).toBeGreaterThan(1);
  });

  it('refuses files the parts made differently, naming each with both parts, and writes nothing', async () => {
    const one = part('three', 1, { 'robots.txt': 'Allow', 'feed.json': '{}', 'articles/c/index.html': 'C' });
    const two = part('four', 2, { 'robots.txt': 'Disallow', 'feed.json': '{}' });
    const target = join(root, 'site-2');
    await expect(joinParts([one, two], target)).rejects.toThrow(`The parts disagree on 1 file, so they are not parts of one build:\n  robots.txt differs between ${one.dir} and ${two.dir}`);
    expect(existsSync(target)).toBe(false);
  });
});

describe('readPart', () => {
  it('refuses a folder without a marker, saying how parts are made', () => {
    mkdirSync(join(root, 'plain'));
    expect(() => readPart(join(root, 'plain'))).toThrow(`${join(root, 'plain')} is not a part of a sharded build: it has no ${SHARD_MARKER}`);
  });
});
