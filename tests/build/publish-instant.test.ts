/**
 * One build, one instant: without NEWSDESK_NOW, `npm run build` reads the clock once and hands that instant to
 * every step, so the content check's listing (and from it the cards and the search index) and Astro's pages agree
 * on what is published, even for a piece due while the build runs. Here Astro's process is given a clock two
 * hours fast: had it read its own clock, it would publish a piece due in an hour, which the others leave out.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';

const projectRoot = resolve(import.meta.dirname, '../..');
const HOUR = 3_600_000;

const root = mkdtempSync(join(tmpdir(), 'newsdesk-instant-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Loaded into every Node process of the build (NODE_OPTIONS); only Astro's (its bin is astro.mjs) gets the fast clock. */
const fastClock = join(root, 'fast-clock-for-astro.mjs');
writeFileSync(
  fastClock,
  `if (/[\\\\/]astro(?:\\.mjs)?$/.test(process.argv[1] ?? '')) {
  const RealDate = Date;
  const now = () => RealDate.now() + ${2 * HOUR};
  globalThis.Date = new Proxy(RealDate, {
    construct: (target, args, newTarget) => Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget),
    apply: () => new RealDate(now()).toString(),
    get: (target, key, receiver) => (key === 'now' ? now : Reflect.get(target, key, receiver)),
  });
}
`,
);
const nodeOptions = `--import=${pathToFileURL(fastClock).href}`;

const corpus = join(root, 'articles');
mkdirSync(corpus);
const article = (title: string, publishedAt: Date) =>
  `---\ntitle: "${title}"\ndescription: "A piece for the clock test."\npublishedAt: ${publishedAt.toISOString()}\ntags: ["AI"]\n---\nBody of ${title}.\n`;
const started = Date.now();
writeFileSync(join(corpus, 'already-out.md'), article('Already out', new Date(started - 24 * HOUR)));
writeFileSync(join(corpus, 'due-in-an-hour.md'), article('Due in an hour', new Date(started + HOUR)));

describe('a build without NEWSDESK_NOW', () => {
  it('gives Astro a clock two hours fast in this test (the check below can fail)', () => {
    const astroLike = join(root, 'astro.mjs');
    writeFileSync(astroLike, 'console.log(Date.now(), new Date().getTime());\n');
    const shown = spawnSync(join(projectRoot, 'node_modules/.bin/node'), [astroLike], { env: { ...process.env, NODE_OPTIONS: nodeOptions }, encoding: 'utf8' });
    const [fromNow, fromDate] = shown.stdout.trim().split(' ').map(Number);
    expect(fromNow! - Date.now()).toBeGreaterThan(1.9 * HOUR);
    expect(fromDate! - Date.now()).toBeGreaterThan(1.9 * HOUR);
  });

  it('publishes up to one instant in every step: the piece due in an hour is nowhere, however fast Astro’s clock', async () => {
    const site = await buildSite({ contentDir: corpus, env: { NODE_OPTIONS: nodeOptions } });
    try {
      expect(site.exitCode, site.stdout + site.stderr).toBe(0);
      expect(site.exists('articles/already-out/')).toBe(true);
      expect(site.exists('cards/already-out.png')).toBe(true);
      expect(site.exists('articles/due-in-an-hour/')).toBe(false);
      expect(site.exists('cards/due-in-an-hour.png')).toBe(false);
      expect(site.read('rss.xml')).not.toContain('Due in an hour');
      expect(site.html('/').text).not.toContain('Due in an hour');
      expect(site.searchIndex().map((page) => page.url)).toEqual(['/articles/already-out/']);
    } finally {
      site.cleanup();
    }
  });
});
