import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CardContent, CardJob } from '../../../../src/lib/cards/card-content.ts';
import { cardCacheFile, makeCardsWith, temporaryCardPath, updateCards } from '../../../../src/io/cards/card-cache.ts';
import { makeCardsInWorkers } from '../../../../src/io/cards/card-pool.ts';
import { loadFontCatalogue } from '../../../../src/io/cards/font-catalogue.ts';
import { createCardRenderer } from '../../../../src/io/cards/render-card.ts';

const root = mkdtempSync(join(tmpdir(), 'newsdesk-cards-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const renderer = createCardRenderer(loadFontCatalogue());
let renders: string[] = [];
/** The real renderer, counting what it is asked to draw. */
const counting = makeCardsWith({
  render(content: CardContent) {
    renders.push(content.headline);
    return renderer.render(content);
  },
});
const job = (slug: string, headline: string): CardJob => ({ file: `${slug}.png`, source: `content/articles/${slug}.md`, content: { headline, kicker: 'AI', date: 'Nov 24, 2026', siteName: 'Newsdesk' } });

describe('the card cache', () => {
  const cacheDir = join(root, 'cache');
  const jobs = [job('alpha', 'Alpha headline'), job('beta', 'Beta headline'), job('gamma', 'Gamma headline')];

  it('makes every card on a cold cache and puts each in the site under its slug', async () => {
    renders = [];
    const result = await updateCards(jobs, { cacheDir, outDir: join(root, 'site-1'), make: counting });
    expect(result).toEqual({ cards: 3, made: 3, missing: [] });
    expect(renders.sort()).toEqual(['Alpha headline', 'Beta headline', 'Gamma headline']);
    expect(readdirSync(join(root, 'site-1')).sort()).toEqual(['alpha.png', 'beta.png', 'gamma.png']);
  });

  it('renders nothing when every card is cached, and the site gets the same files', async () => {
    renders = [];
    const result = await updateCards(jobs, { cacheDir, outDir: join(root, 'site-2'), make: counting });
    expect(result.made).toBe(0);
    expect(renders).toEqual([]);
    for (const name of ['alpha.png', 'beta.png', 'gamma.png']) {
      expect(readFileSync(join(root, 'site-2', name)).equals(readFileSync(join(root, 'site-1', name)))).toBe(true);
    }
  });

  it('makes exactly the card whose headline changed, and forgets the old one', async () => {
    renders = [];
    const edited = [jobs[0]!, job('beta', 'Beta headline, corrected'), jobs[2]!];
    const result = await updateCards(edited, { cacheDir, outDir: join(root, 'site-3'), make: counting });
    expect(result.made).toBe(1);
    expect(renders).toEqual(['Beta headline, corrected']);
    expect(readFileSync(join(root, 'site-3', 'beta.png')).equals(readFileSync(join(root, 'site-1', 'beta.png')))).toBe(false);
    expect(readdirSync(cacheDir)).toHaveLength(3);
  });

  it("deletes a stopped build's half-written card once it is an hour old, and what older versions kept, but no one else's files", async () => {
    const stopped = basename(temporaryCardPath(cardCacheFile(cacheDir, 'c0ffee')));
    const writing = basename(temporaryCardPath(cardCacheFile(cacheDir, 'beef')));
    const hoursAgo = new Date(Date.now() - 2 * 3_600_000);
    writeFileSync(join(cacheDir, stopped), 'half a card');
    utimesSync(join(cacheDir, stopped), hoursAgo, hoursAgo);
    const notCards = ['notes.tmp', 'holiday.png.draft.tmp'];
    for (const name of notCards) {
      writeFileSync(join(cacheDir, name), 'not a card');
      utimesSync(join(cacheDir, name), hoursAgo, hoursAgo);
    }
    writeFileSync(join(cacheDir, writing), 'a card being written');
    writeFileSync(join(cacheDir, 'articles.json'), '{}');
    writeFileSync(join(cacheDir, 'README.txt'), 'kept');
    await updateCards(jobs, { cacheDir, outDir: join(root, 'site-leftovers'), make: counting });
    expect(readdirSync(cacheDir).filter((name) => !name.endsWith('.png')).sort()).toEqual(['README.txt', writing, ...notCards].sort());
    for (const name of [writing, ...notCards, 'README.txt']) rmSync(join(cacheDir, name));
  });

  it('links cards into the site rather than copying them', () => {
    expect(statSync(join(root, 'site-3', 'alpha.png')).nlink).toBeGreaterThan(1);
  });

  it("in a sharded build, makes and places only the part's cards and keeps the other parts' cached ones", async () => {
    const shardCache = join(root, 'shard-cache');
    const many = Array.from({ length: 12 }, (_, i) => job(`story-${i}`, `Headline ${i}`));
    await updateCards(many, { cacheDir: shardCache, outDir: join(root, 'whole'), make: counting });
    const placed: string[] = [];
    for (const index of [1, 2, 3]) {
      renders = [];
      const outDir = join(root, `part-${index}`);
      const result = await updateCards(many, { cacheDir: shardCache, outDir, make: counting, shard: { index, count: 3 } });
      expect(result.made).toBe(0);
      const names = existsSync(outDir) ? readdirSync(outDir) : [];
      expect(result.cards).toBe(names.length);
      placed.push(...names);
    }
    expect(placed.sort()).toEqual(readdirSync(join(root, 'whole')).sort());
    expect(readdirSync(shardCache)).toHaveLength(12);
  });
});

describe('the worker pool', () => {
  it('renders cards on worker threads into the cache', async () => {
    const cacheDir = join(root, 'pool-cache');
    const result = await updateCards([job('one', 'One'), job('two', 'Two')], { cacheDir, outDir: join(root, 'pool-site'), make: makeCardsInWorkers(2) });
    expect(result).toEqual({ cards: 2, made: 2, missing: [] });
    expect(existsSync(join(root, 'pool-site', 'one.png'))).toBe(true);
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('draws on two threads the very bytes one renderer draws in process, in another order (the card cache and shards rely on it)', async () => {
    const headlines = ['Chipmakers race to catch up 🚀', 'הבינה המלאכותית של OpenAI 🇮🇱', '日本のAI競争：政府支援', 'ปัญญาประดิษฐ์ในประเทศไทย', 'الذكاء الاصطناعي 2026 🍎'];
    // More cards than one batch, so that both threads draw some.
    const jobs = Array.from({ length: 40 }, (_, index) => job(`mixed-${index}`, `${headlines[index % headlines.length]} ${index}`));
    const outDir = join(root, 'mixed-site');
    await updateCards(jobs, { cacheDir: join(root, 'mixed-cache'), outDir, make: makeCardsInWorkers(2) });
    const inProcess = createCardRenderer(loadFontCatalogue());
    for (const card of jobs.toReversed()) {
      expect(readFileSync(join(outDir, card.file)).equals((await inProcess.render(card.content)).png), card.content.headline).toBe(true);
    }
  });
});
