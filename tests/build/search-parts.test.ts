/**
 * The search index in parts (src/lib/search/index-parts.ts), built for real from tests/fixtures/search-parts
 * under BASE_PATH=/desk/ with parts of at most three articles.
 *
 * The fixture: one article in June 2026 (the only one to mention "quillwort"), two in July (one joining the June
 * article's story), three in August, and four in September on two days, 1 and 15 (one of the 15th the only one
 * to mention "tamarisk"): parts 2026-06..2026-07, 2026-08, 2026-09-01 (September is split by day) and 2026-09-15,
 * the newest. A draft of 16 September is in none. Two articles, one in August and one of 15 September, are Ledger
 * Lines's; the rest are the desk's own.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, indexedPages, type BuiltSite } from '../helpers/build-site.ts';
import { useServedSite } from '../helpers/serve.ts';

const projectRoot = resolve(import.meta.dirname, '../..');
const FIXTURE = 'tests/fixtures/search-parts';
const NOW = '2026-10-01T00:00:00Z';
const BASE = '/desk/';
const PART_SIZE = { NEWSDESK_SEARCH_PART_ARTICLES: '3' };
/** Oldest first, each with its articles. */
const PARTS: Array<[string, string[]]> = [
  ['2026-06..2026-07', ['greenhouse-sensor-network', 'sensor-network-expands', 'cloud-bill-audit']],
  ['2026-08', ['bank-api-outage', 'router-firmware-flaw', 'model-card-rules']],
  ['2026-09-01', ['fibre-to-villages', 'datacentre-heat-reuse']],
  ['2026-09-15', ['card-fraud-voice', 'chip-export-licences']],
];
const OLDER_PARTS = PARTS.slice(0, -1).map(([key]) => key);
const PUBLISHED = PARTS.flatMap(([, slugs]) => slugs);

const work = mkdtempSync(join(tmpdir(), 'newsdesk-search-parts-'));
const cache = join(work, 'search-cache');
let site: BuiltSite;

/** Every file under `dir`, relative to it. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

const pageCount = (folder: string) => JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')).languages.en.page_count;

beforeAll(async () => {
  site = await buildSite({ contentDir: FIXTURE, basePath: BASE, now: NOW, env: { ...PART_SIZE, NEWSDESK_SEARCH_CACHE: cache } });
  if (site.exitCode !== 0) throw new Error(`build failed:\n${site.stdout}\n${site.stderr}`);
});

afterAll(() => {
  site?.cleanup();
  rmSync(work, { recursive: true, force: true });
});

describe('a search index in parts', () => {
  it('writes the newest part at the root of pagefind/ and each older one under pagefind/parts/, each with its own articles', () => {
    const pagefind = join(site.outDir, 'pagefind');
    expect(readdirSync(join(pagefind, 'parts')).sort()).toEqual(OLDER_PARTS.toSorted());
    const folders = site.searchIndexFolders();
    for (const [key, slugs] of PARTS) {
      const folder = key === PARTS.at(-1)![0] ? pagefind : join(pagefind, 'parts', key);
      expect(folders).toContain(folder);
      expect(pageCount(folder), key).toBe(slugs.length);
      const urls = readdirSync(join(folder, 'fragment')).length;
      expect(urls, key).toBe(slugs.length);
    }
  });

  it('indexes every published article exactly once, and nothing else', () => {
    const urls = site.searchIndex().map((page) => page.url);
    expect(urls.toSorted()).toEqual(PUBLISHED.map((slug) => `/articles/${slug}/`).toSorted());
    expect(JSON.stringify(site.searchIndex())).not.toContain('zanzibarite');
  });

  it("keeps Pagefind's scripts once, beside the newest part, and only index files in the older parts", () => {
    expect(site.exists('pagefind/pagefind.js')).toBe(true);
    expect(site.exists('pagefind/pagefind-component-ui.js')).toBe(true);
    expect(site.exists('pagefind/wasm.en.pagefind')).toBe(true);
    for (const key of OLDER_PARTS) {
      const names = files(join(site.outDir, 'pagefind', 'parts', key));
      expect(names.filter((name) => !/^(pagefind-entry\.json|pagefind\.en_\w+\.pf_meta|index\/.+\.pf_index|fragment\/.+\.pf_fragment|filter\/.+\.pf_filter)$/.test(name)), key).toEqual([]);
    }
  });

  it('lists the older parts on the search page, newest first and under the base path, for the browser to merge', () => {
    const merged: Array<{ bundlePath: string; language: string }> = JSON.parse(site.html('search/').querySelector('.search-panel')!.getAttribute('data-merged-indexes')!);
    expect(merged).toEqual(OLDER_PARTS.toReversed().map((key) => ({ bundlePath: `${BASE}pagefind/parts/${key}/`, language: 'en' })));
    for (const { bundlePath } of merged) expect(site.exists(`${bundlePath}pagefind-entry.json`), bundlePath).toBe(true);
  });

  it('says how many parts it indexed and how many it reused', () => {
    expect(site.stdout).toContain(`Search index: ${PUBLISHED.length} articles in ${PARTS.length} parts, ${PARTS.length} indexed and 0 reused`);
  });
});

describe('searched in a browser', () => {
  const served = useServedSite(() => site.outDir, BASE);

  it('finds articles of the oldest part and of the newest, with their dates and story, and their links open them', async () => {
    const page = await served.browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));

    for (const { word, slug, title, date, story } of [
      { word: 'quillwort', slug: 'greenhouse-sensor-network', title: 'Greenhouse growers wire up soil sensors', date: 'Jun 10, 2026', story: true },
      { word: 'tamarisk', slug: 'chip-export-licences', title: 'Chip export licences take twice as long', date: 'Sep 15, 2026', story: false },
    ]) {
      await page.goto(`${served.baseUrl}search/?q=${word}`);
      const result = page.locator('main .search-result').first();
      await result.waitFor({ timeout: 15_000 });
      // Counted by the summary: results are drawn one by one, so the first drawn says nothing of the others.
      await page.locator('main pagefind-summary').getByText(/^(\d+ results?|No results) for /).waitFor({ timeout: 15_000 });
      expect(await page.locator('main pagefind-summary').innerText(), word).toBe(`1 result for ${word}`);
      const link = result.locator('.search-result-title a');
      expect(await link.getAttribute('href')).toBe(`${BASE}articles/${slug}/`);
      expect(await result.innerText()).toContain(date);
      if (story) expect(await result.locator('.search-result-story a').getAttribute('href')).toBe(`${BASE}stories/${slug}/`);
      await link.click();
      await page.waitForURL(`${served.baseUrl}articles/${slug}/`);
      expect(await page.locator('main h1').first().innerText()).toBe(title);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('finds words in every part at once', async () => {
    const page = await served.browser.newPage();
    // "the" is in every article: every part answers, and every published article is found once.
    await page.goto(`${served.baseUrl}search/?q=the`);
    await page.locator('main .search-result').first().waitFor({ timeout: 15_000 });
    await page.locator('main pagefind-summary').getByText(/\d+ result/).waitFor({ timeout: 15_000 });
    expect(await page.locator('main pagefind-summary').innerText()).toMatch(new RegExp(`\\b${PUBLISHED.length} results?\\b`));
    await page.close();
  });

  it('finds a word only where an article holds it, not in the parts that hold just a shorter word it begins with, in either order', async () => {
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 4000 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    const summary = page.locator('main pagefind-summary');
    const shown = () => page.locator('main .search-result-title a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    // "afternoon" is in one August article; a September one, and an August one, say "after", which Pagefind matches
    // in a part that has no word beginning with "afternoon".
    for (const order of ['', '&order=newest']) {
      await page.goto(`${served.baseUrl}search/?q=afternoon${order}`);
      await expect.poll(() => summary.innerText(), { timeout: 15_000 }).toMatch(/^1 result\b/);
      await expect.poll(shown, { timeout: 15_000 }).toEqual([`${BASE}articles/bank-api-outage/`]);
    }
    // No article says "Tokyo"; most say "to".
    await page.goto(`${served.baseUrl}search/?q=Tokyo`);
    await expect.poll(() => summary.innerText(), { timeout: 15_000 }).toMatch(/^No results/);
    expect(await shown()).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('puts the results of every part newest first when the reader asks, and a shared link keeps that order and the outlet', async () => {
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 4000 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    const shown = () => page.locator('main .search-result-title a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    const newestFirst = PUBLISHED.toReversed().map((slug) => `${BASE}articles/${slug}/`);
    await page.goto(`${served.baseUrl}search/?q=the`);
    await page.locator('main pagefind-summary').getByText(/\d+ result/).waitFor({ timeout: 15_000 });
    await expect.poll(shown, { timeout: 15_000 }).toHaveLength(PUBLISHED.length);
    // Best match first: Pagefind's ranking, which is not the order of publication here.
    expect(await shown()).not.toEqual(newestFirst);

    await page.getByRole('combobox', { name: 'Order' }).selectOption({ label: 'Newest first' });
    await expect.poll(shown, { timeout: 15_000 }).toEqual(newestFirst);
    expect(new URL(page.url()).searchParams.get('order')).toBe('newest');

    await page.goto(`${served.baseUrl}search/?q=the&outlet=Ledger%20Lines&order=newest`);
    await expect.poll(shown, { timeout: 15_000 }).toEqual(['card-fraud-voice', 'bank-api-outage'].map((slug) => `${BASE}articles/${slug}/`));
    expect(await page.getByRole('combobox', { name: 'Order' }).inputValue()).toBe('newest');
    expect(await page.locator('main pagefind-summary').innerText()).toMatch(/^2 results/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("narrows the results of every part to one outlet's, as a shared link does", async () => {
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 4000 } });
    await page.goto(`${served.baseUrl}search/?q=the&outlet=Ledger%20Lines`);
    await page.locator('main pagefind-summary').getByText(/\d+ result/).waitFor({ timeout: 15_000 });
    const shown = () => page.locator('main .search-result-title a').evaluateAll((links) => links.map((link) => link.getAttribute('href')).sort());
    await expect.poll(shown, { timeout: 15_000 }).toEqual(['bank-api-outage', 'card-fraud-voice'].map((slug) => `${BASE}articles/${slug}/`));
    expect(await page.getByRole('combobox', { name: 'Outlet' }).inputValue()).toBe('Ledger Lines');
    await page.close();
  });
});

describe('built again with one article more, with Pagefind started after the cards (as on a small runner), every word searched in the newest part only', () => {
  let again: BuiltSite;
  const content = join(work, 'articles');
  beforeAll(async () => {
    cpSync(join(projectRoot, FIXTURE), content, { recursive: true });
    writeFileSync(
      join(content, 'quantum-key-trial.md'),
      '---\ntitle: "Quantum key trial links two bank offices"\ndescription: "The link runs over existing fibre for twelve kilometres."\npublishedAt: 2026-09-16T09:00:00Z\ntags: ["Security"]\n---\n\nThe trial swaps keys every second and falls back to ordinary encryption when the link drops.\n',
    );
    again = await buildSite({
      contentDir: content,
      basePath: BASE,
      now: NOW,
      env: { ...PART_SIZE, NEWSDESK_SEARCH_CACHE: cache, NEWSDESK_SEARCH_INDEX: 'after-cards', NEWSDESK_SEARCH_FULL_TEXT_ARTICLES: '3' },
    });
    if (again.exitCode !== 0) throw new Error(`build failed:\n${again.stdout}\n${again.stderr}`);
  });
  afterAll(() => again?.cleanup());

  it('indexes only the newest part, which took the new article, and reuses the others from the cache', () => {
    expect(again.stdout).toContain(`Search index: ${PUBLISHED.length + 1} articles in ${PARTS.length} parts, 1 indexed and ${PARTS.length - 1} reused`);
    expect(pageCount(join(again.outDir, 'pagefind'))).toBe(3);
    expect(again.searchIndex().map((page) => page.url)).toContain('/articles/quantum-key-trial/');
  });

  it('tells readers from when every word is searched; the first build, every word everywhere, says nothing', () => {
    expect(again.html('search/').querySelector('.search-depth')?.text).toBe(
      'Every word of the articles published since Sep 15, 2026 is searched; older ones by their headline, summary and opening paragraphs.',
    );
    expect(site.html('search/').querySelector('.search-depth')).toBeNull();
  });

  it("links the reused parts' files from the cache (bodies shorter than an opening index the same): the very files of the first build, byte for byte", () => {
    for (const key of OLDER_PARTS) {
      const before = join(site.outDir, 'pagefind', 'parts', key);
      const after = join(again.outDir, 'pagefind', 'parts', key);
      expect(files(after), key).toEqual(files(before));
      for (const name of files(before)) expect(statSync(join(after, name)).ino, `${key}/${name}`).toBe(statSync(join(before, name)).ino);
    }
  });

  it('lists the renamed newest part nowhere and keeps no cache entry for what no part uses any more, nor the documents it indexed', () => {
    const entries = readdirSync(join(cache, 'parts')).map((name) => name.slice(0, name.lastIndexOf('.')));
    expect(entries.toSorted()).toEqual([...OLDER_PARTS, '2026-09-15..2026-09-16'].toSorted());
    expect(readdirSync(cache).filter((name) => name.startsWith('bundle.'))).toHaveLength(1);
    expect(readdirSync(cache).filter((name) => name.startsWith('tmp.'))).toEqual([]);
  });
});

describe('parts bounded by words', () => {
  // The fixture's bodies hold 16 to 22 words: at most 40 words a part splits every month but June's and July's.
  const BY_WORDS = ['2026-06', '2026-07', '2026-08-03..2026-08-12', '2026-08-25', '2026-09-01', '2026-09-15'];
  let wordy: BuiltSite;
  beforeAll(async () => {
    wordy = await buildSite({ contentDir: FIXTURE, basePath: BASE, now: NOW, env: { NEWSDESK_SEARCH_PART_ARTICLES: '100', NEWSDESK_SEARCH_PART_WORDS: '40' } });
    if (wordy.exitCode !== 0) throw new Error(`build failed:\n${wordy.stdout}\n${wordy.stderr}`);
  });
  afterAll(() => wordy?.cleanup());

  it('closes a part at the words limit, and the search page lists the very parts the index step wrote', () => {
    expect(readdirSync(join(wordy.outDir, 'pagefind', 'parts')).sort()).toEqual(BY_WORDS.slice(0, -1));
    const merged: Array<{ bundlePath: string }> = JSON.parse(wordy.html('search/').querySelector('.search-panel')!.getAttribute('data-merged-indexes')!);
    expect(merged.map(({ bundlePath }) => bundlePath)).toEqual(BY_WORDS.slice(0, -1).toReversed().map((key) => `${BASE}pagefind/parts/${key}/`));
    expect(wordy.searchIndex().map((page) => page.url).toSorted()).toEqual(PUBLISHED.map((slug) => `/articles/${slug}/`).toSorted());
  });
});

/** The search step alone over `contentDir`, writing its index into `folder`; what it printed. */
function run(folder: string, env: Record<string, string>, contentDir = join(projectRoot, FIXTURE)): string {
  const result = spawnSync(join(projectRoot, 'node_modules/.bin/node'), ['src/cli/search-index.ts', folder], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, NEWSDESK_CONTENT_DIR: contentDir, NEWSDESK_NOW: NOW, ...PART_SIZE, ...env },
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
}

describe('made by shards', () => {
  it('writes each part in one shard only, files shared by shards are identical, and together they are the unsharded index', () => {
    const whole = join(work, 'whole');
    run(whole, { NEWSDESK_SEARCH_CACHE: join(work, 'cache-whole') });
    const merged = new Map<string, Buffer>();
    let partsMade = 0;
    for (let index = 1; index <= 3; index++) {
      const folder = join(work, `shard-${index}`);
      // Each shard with a cache of its own, as on separate machines.
      const said = run(folder, { NEWSDESK_SHARD: `${index}/3`, NEWSDESK_SEARCH_CACHE: join(work, `cache-${index}`) });
      partsMade += Number(new RegExp(`shard ${index}/3: (\\d) of ${PARTS.length} parts`).exec(said)![1]);
      for (const name of files(folder)) {
        const bytes = readFileSync(join(folder, name));
        if (merged.has(name)) expect(bytes.equals(merged.get(name)!), `${name} differs between shards`).toBe(true);
        merged.set(name, bytes);
      }
    }
    expect(partsMade).toBe(PARTS.length);
    expect([...merged.keys()].toSorted()).toEqual(files(whole));
    for (const name of files(whole)) expect(readFileSync(join(whole, name)).equals(merged.get(name)!), name).toBe(true);
    expect(existsSync(join(whole, 'parts'))).toBe(true);
  });
});

describe('made while Astro renders, in the low-memory modes', () => {
  it('starts Pagefind only when the build says the cards are done, and finishes only once Astro is', async () => {
    const folder = join(work, 'after-cards');
    const indexer = spawn(join(projectRoot, 'node_modules/.bin/node'), ['src/cli/search-index.ts', folder, '--pagefind-after-stdin'], {
      cwd: projectRoot,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH, NEWSDESK_CONTENT_DIR: join(projectRoot, FIXTURE), NEWSDESK_NOW: NOW, NEWSDESK_SEARCH_CACHE: join(work, 'cache-after-cards'), ...PART_SIZE },
    });
    let said = '';
    indexer.stdout.on('data', (chunk) => (said += chunk));
    indexer.stderr.on('data', (chunk) => (said += chunk));
    const exited = once(indexer, 'exit');
    const scripts = join(folder, 'pagefind.js');
    try {
      // The documents are made by a process of their own, which ends with all it read: what waits beside Pagefind
      // runs nothing else and never loaded the Markdown renderer. Pagefind, told nothing yet, must not have written a part.
      // Made: the step's folder of documents is in the cache and the step has ended (how long that takes is the machine's).
      const children = () => readFileSync(`/proc/${indexer.pid}/task/${indexer.pid}/children`, 'utf8').trim();
      const cache = join(work, 'cache-after-cards');
      const documentsMade = () => existsSync(cache) && readdirSync(cache).some((name) => name.startsWith('tmp.')) && children() === '';
      for (let waited = 0; !documentsMade() && waited < 30_000; waited += 100) await sleep(100);
      expect(children(), said).toBe('');
      expect(existsSync(folder), said).toBe(false);
      expect(readFileSync(`/proc/${indexer.pid}/maps`, 'utf8')).not.toContain('satteri');
      indexer.stdin.write('cards done\n');
      for (let waited = 0; !existsSync(scripts) && waited < 30_000; waited += 100) await sleep(100);
      expect(existsSync(scripts), said).toBe(true);
      expect(pageCount(folder)).toBe(PARTS.at(-1)![1].length);
      expect(indexer.exitCode, 'the index waits for Astro before it reports').toBeNull();
      indexer.stdin.end();
      const [code] = await exited;
      expect(code, said).toBe(0);
      expect(said).toContain(`Search index: ${PUBLISHED.length} articles in ${PARTS.length} parts, ${PARTS.length} indexed and 0 reused`);
    } finally {
      indexer.kill();
    }
  }, 60_000);
});

describe('with only the newest articles searched by every word', () => {
  const opening = 'Auditors began with the largest line items and worked down. '.repeat(20);
  const longBody = (word: string) => `${opening}\n\nDeep in the report, the ${word} cluster had run idle since spring.\n`;

  it('indexes the newest parts whole and the older ones by headline, dek and opening', () => {
    const content = join(work, 'long-bodies');
    cpSync(join(projectRoot, FIXTURE), content, { recursive: true });
    // One article of the oldest part and one of the newest, each with a word well past its opening.
    for (const [slug, word] of [['cloud-bill-audit', 'wolframite'], ['card-fraud-voice', 'obsidian']]) {
      const file = join(content, `${slug}.md`);
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n${longBody(word)}`);
    }
    const folder = join(work, 'full-text-newest');
    // Two articles: the newest part's, so only that part is searched by every word.
    run(folder, { NEWSDESK_SEARCH_CACHE: join(work, 'cache-full-text'), NEWSDESK_SEARCH_FULL_TEXT_ARTICLES: '2' }, content);
    const pages = indexedPages(folder);
    const contentOf = (slug: string) => pages.find((page) => page.url === `/articles/${slug}/`)!.content;
    expect(pages).toHaveLength(PUBLISHED.length);
    expect(contentOf('card-fraud-voice')).toContain('obsidian');
    expect(contentOf('cloud-bill-audit')).not.toContain('wolframite');
    // The older article keeps its dek and its opening.
    expect(contentOf('cloud-bill-audit')).toContain('Idle test clusters and forgotten snapshots');
    expect(contentOf('cloud-bill-audit')).toContain('Auditors began with the largest line items');
    expect(pages.find((page) => page.url === '/articles/cloud-bill-audit/')!.meta.title).toBe('Finance teams audit their cloud bills line by line');
  });
});
