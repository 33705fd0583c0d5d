import { describe, expect, it } from 'vitest';
import { pageNames, parseShardMarker, partProblems, type GivenPart, type ShardMarker } from '../../../src/lib/site/shard-merge.ts';

const fingerprint = { now: '2026-11-25T12:00:00.000Z', siteUrl: 'https://news.example.org', basePath: '/', content: 'a'.repeat(64), files: 40 };
const part = (dir: string, index: number, count = 3, changes: Partial<ShardMarker['fingerprint']> = {}): GivenPart => ({
  dir,
  marker: { part: index, parts: count, fingerprint: { ...fingerprint, ...changes } },
});

describe('partProblems', () => {
  it('accepts parts 1..k of one build in any order', () => {
    expect(partProblems([part('c', 3), part('a', 1), part('b', 2)])).toEqual([]);
  });

  it('names a missing part, a part given twice, and no parts at all', () => {
    expect(partProblems([part('a', 1), part('c', 3)])).toEqual([expect.stringContaining('part 2/3 is missing')]);
    expect(partProblems([part('a', 1), part('b', 2), part('c', 3), part('d', 2)])).toEqual(['part 2/3 is given more than once: b, d']);
    expect(partProblems([])).toEqual([expect.stringContaining('no parts given')]);
  });

  it('names parts of different splits and of different builds, with the setting that differs', () => {
    expect(partProblems([part('a', 1, 2), part('b', 2, 3)])).toEqual([expect.stringContaining('splits into different numbers of parts: a (part 1/2), b (part 2/3)')]);
    expect(partProblems([part('a', 1), part('b', 2, 3, { siteUrl: 'https://other.example' }), part('c', 3, 3, { content: 'b'.repeat(64), files: 41 })])).toEqual([
      'b (part 2/3) is from a different build than a (part 1/3): SITE_URL: https://news.example.org vs https://other.example',
      'c (part 3/3) is from a different build than a (part 1/3): content (article files or sources registry): 40 files digest aaaaaaaaaaaa vs 41 files digest bbbbbbbbbbbb',
    ]);
  });
});

describe('parseShardMarker', () => {
  it('reads a marker back and refuses anything else, naming the file', () => {
    const marker = { part: 2, parts: 3, fingerprint };
    expect(parseShardMarker(JSON.stringify(marker), 'p/.newsdesk-shard.json')).toEqual(marker);
    for (const bad of ['{', '{}', JSON.stringify({ ...marker, part: 4 }), JSON.stringify({ ...marker, fingerprint: { ...fingerprint, now: 1 } })]) {
      expect(() => parseShardMarker(bad, 'p/.newsdesk-shard.json')).toThrow('p/.newsdesk-shard.json: not a shard marker');
    }
  });
});

describe('pageNames', () => {
  it('names each folder page as Astro does, leaving out other files', () => {
    expect(pageNames(['index.html', 'tags/ai/index.html', 'tags/ai/rss.xml', '404.html', '_astro/app.css', 'page/2/index.html'])).toEqual(['', 'tags/ai/', 'page/2/']);
  });
});
