/**
 * Sharded builds: a corpus built whole, and built in three parts (`npm run build -- --shard i/3`) joined by
 * `npm run build -- --merge`, give the same site, every file byte for byte, sitemap included. The merge refuses
 * a missing part, a part of another build and parts that disagree on a file; a bad --shard stops before building.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, siteFiles, type BuildSiteOptions, type BuiltSite } from '../helpers/build-site.ts';
import { EVENT_LOOP_EMPTIED, SAYS_EVENT_LOOP_ENDED } from '../helpers/event-loop.ts';

const NOW = '2026-11-25T12:00:00Z';
const STORIES = 12;
const PER_STORY = 3;

const scratch = mkdtempSync(join(tmpdir(), 'newsdesk-shards-'));
const cleanups: Array<() => void> = [() => rmSync(scratch, { recursive: true, force: true })];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

/**
 * Twelve stories of three articles each (the later two join the first's story), every article with tags, an
 * author and an outlet, and one tag on all of them so that its listing runs to several pages, as the home page does.
 */
function writeCorpus(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (let story = 0; story < STORIES; story++) {
    for (let item = 0; item < PER_STORY; item++) {
      const number = story * PER_STORY + item;
      const published = new Date(Date.parse('2026-11-01T08:00:00Z') + story * 86_400_000 + item * 3_600_000);
      const outlet = number % 5;
      const lines = [
        '---',
        `title: "Report ${number} on event ${story}: ${['chips', 'cloud', 'security', 'standards'][story % 4]} news"`,
        `description: "What happened in event ${story}, as report ${number} tells it."`,
        `publishedAt: ${published.toISOString()}`,
        `authors: ["Writer ${number % 7}"]`,
        `tags: ["Technology", "Topic ${number % 9}", "Area ${story % 4}"]`,
        'source:',
        `  name: "Outlet ${outlet}"`,
        `  url: "https://outlet-${outlet}.example/report-${number}"`,
        ...(item > 0 ? [`story: report-${story * PER_STORY}`] : []),
        // Some were published under another address first: the page there is part of the site too.
        ...(number % 4 === 0 ? [`formerSlugs: ["first-report-${number}"]`] : []),
        '---',
        '',
        `Report ${number} follows event ${story} from the ${['morning', 'afternoon', 'evening'][item]} onwards, with its own account of who said what.`,
        '',
        `Reporters at outlet ${outlet} spoke to people involved in event ${story} and wrote down ${number + 3} details.`,
        '',
      ];
      writeFileSync(join(dir, `report-${number}.md`), lines.join('\n'));
    }
  }
}

const corpus = join(scratch, 'articles');
const options: BuildSiteOptions = { contentDir: corpus, basePath: '/desk/', siteUrl: 'https://news.example.org', now: NOW };
let whole: BuiltSite;
const parts: BuiltSite[] = [];
let merged: BuiltSite;

/** A build whose output (and temp folder) goes when the tests end. */
async function build(extra: Partial<BuildSiteOptions>): Promise<BuiltSite> {
  const site = await buildSite({ ...options, ...extra });
  cleanups.push(site.cleanup);
  return site;
}

function expectBuilt(site: BuiltSite): void {
  expect(site.exitCode, site.stdout + site.stderr).toBe(0);
}

beforeAll(async () => {
  writeCorpus(corpus);
  whole = await build({});
  expectBuilt(whole);
  for (let part = 1; part <= 3; part++) {
    const site = await build({ args: ['--shard', `${part}/3`] });
    expectBuilt(site);
    parts.push(site);
  }
  merged = await build({ args: ['--merge', ...parts.map((part) => part.outDir)] });
  expectBuilt(merged);
});

/** The pages (index.html) and files under `folder` of a built site. */
const pagesUnder = (site: BuiltSite, folder: string) => readdirSync(join(site.outDir, folder), { recursive: true, encoding: 'utf8' }).filter((name) => /(?:^|\/)index\.html$|\.png$/.test(name));

describe('a sharded build', () => {
  it('makes in each part a share of every kind of page and card, and each page in one part only', () => {
    for (const folder of ['articles', 'tags', 'authors', 'sources', 'stories', 'cards']) {
      const shares = parts.map((part) => pagesUnder(part, folder).filter((name) => name.includes('/')));
      for (const share of shares) expect(share.length, folder).toBeGreaterThan(0);
      const all = shares.flat();
      expect(new Set(all).size, `${folder}: a page made by two parts`).toBe(all.length);
    }
    // The home page's later pages (/page/2/...) are listings like the others: all of them, once, across the parts.
    expect(parts.flatMap((part) => pagesUnder(part, '.').filter((name) => name.startsWith('page/')))).toHaveLength(pagesUnder(whole, 'page').length);
  });

  it('writes no sitemap in a part, and a marker naming the part', () => {
    for (const [index, part] of parts.entries()) {
      expect(part.exists('sitemap-index.xml')).toBe(false);
      expect(JSON.parse(part.read('.newsdesk-shard.json'))).toMatchObject({ part: index + 1, parts: 3, fingerprint: { now: new Date(NOW).toISOString(), basePath: '/desk/' } });
    }
  });
});

describe('the merged parts', () => {
  it('are the unsharded site: the same files, byte for byte, sitemap and search index included', () => {
    const expected = siteFiles(whole.outDir);
    const actual = siteFiles(merged.outDir);
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    expect(actual).toEqual(expected);
    expect(Object.keys(expected)).toEqual(expect.arrayContaining(['sitemap-index.xml', 'sitemap-0.xml', 'pagefind/pagefind.js', '404.html']));
    expect(merged.read('sitemap-0.xml').match(/<url>/g)!.length).toBeGreaterThan(STORIES * PER_STORY);
  });
});

describe('the merge refuses', () => {
  it('a missing part, saying which, and ends by its event loop with the output unlocked', async () => {
    const site = await build({ args: ['--merge', parts[0]!.outDir, parts[2]!.outDir], nodeOptions: SAYS_EVENT_LOOP_ENDED });
    expect(site.exitCode).toBe(1);
    expect(site.stderr).toContain('part 2/3 is missing');
    expect(site.stderr).toContain('Build failed during the merge; nothing was written.');
    expect(site.stderr).toContain(EVENT_LOOP_EMPTIED);
    expect(site.exists('index.html')).toBe(false);
    expect(readdirSync(dirname(site.outDir))).not.toContain('dist.lock');
  });

  it('a part built at another instant, naming the setting and the parts', async () => {
    const later = await build({ now: '2026-11-25T13:00:00Z', args: ['--shard', '2/3'] });
    expectBuilt(later);
    const site = await build({ args: ['--merge', parts[0]!.outDir, later.outDir, parts[2]!.outDir] });
    expect(site.exitCode).not.toBe(0);
    expect(site.stderr).toContain(`${later.outDir} (part 2/3) is from a different build than ${parts[0]!.outDir} (part 1/3)`);
    expect(site.stderr).toContain('build clock (NEWSDESK_NOW): 2026-11-25T12:00:00.000Z vs 2026-11-25T13:00:00.000Z');
  });

  it('parts that made a shared file differently, naming the file and the parts', async () => {
    const altered = join(scratch, 'part-1-altered');
    cpSync(parts[0]!.outDir, altered, { recursive: true });
    writeFileSync(join(altered, 'robots.txt'), 'User-agent: *\nDisallow: /\n');
    const site = await build({ args: ['--merge', altered, parts[1]!.outDir, parts[2]!.outDir] });
    expect(site.exitCode).not.toBe(0);
    expect(site.stderr).toContain(`robots.txt differs between ${altered} and ${parts[1]!.outDir}`);
    expect(site.exists('index.html')).toBe(false);
  });
});

describe('--shard', () => {
  it.each([
    ['4/3', '--shard 4/3: write <part>/<parts>'],
    ['two', '--shard two: write <part>/<parts>'],
  ])('%s stops with exit code 2 and what to write', async (value, message) => {
    const site = await build({ args: ['--shard', value] });
    expect(site.exitCode).toBe(2);
    expect(site.stderr).toContain(message);
    expect(site.stdout).not.toContain('[build]');
  });

  it('needs NEWSDESK_NOW, one instant for every part', async () => {
    const site = await build({ now: undefined, args: ['--shard', '1/3'] });
    expect(site.exitCode).toBe(2);
    expect(site.stderr).toContain('A sharded build needs NEWSDESK_NOW');
  });
});
