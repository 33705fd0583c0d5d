/**
 * Social cards and pictures in a real build of tests/fixtures/discovery (BASE_PATH=/desk/, a fixed "now"): a card
 * for every published article and for nothing else, thumbnails in listings, and a browser measuring layout shift
 * while the remote pictures arrive slowly from a server on 127.0.0.1.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';
import { serveSite } from '../helpers/serve.ts';

const NOW = '2026-12-01T00:00:00Z';
const BASE = '/desk/';
const PUBLISHED = ['hostile-headline', 'local-lead-image', 'remote-lead-image', 'unsigned-brief'];
const REMOTE_IMAGE = 'https://images.example.com/audits/lead.jpg';

let site: BuiltSite;
beforeAll(async () => {
  site = await buildSite({ contentDir: 'tests/fixtures/discovery', basePath: BASE, siteUrl: 'https://news.example.org', now: NOW });
  if (site.exitCode !== 0) throw new Error(`build failed:\n${site.stderr}\n${site.stdout}`);
});
afterAll(() => site?.cleanup());

describe('social cards', () => {
  it('exist for every published article and for no draft or scheduled piece', () => {
    expect(readdirSync(join(site.outDir, 'cards')).sort()).toEqual(PUBLISHED.map((slug) => `${slug}.png`));
    expect(site.stdout).toMatch(/Social cards: 4 cards, 4 made/);
  });

  it('are 1200 × 630 PNGs, at the URL each article page declares', () => {
    for (const slug of PUBLISHED) {
      const declared = site.html(`articles/${slug}/`).querySelector('meta[property="og:image"]')!.getAttribute('content')!;
      const png = readFileSync(join(site.outDir, new URL(declared).pathname.slice(BASE.length)));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    }
  });
});

describe('pictures of unpublished articles', () => {
  it('are not published, under any name, until their article is', () => {
    const published = readdirSync(join(site.outDir, '_astro'));
    expect(published.some((file) => file.startsWith('lead.'))).toBe(true);
    expect(published.filter((file) => /^(?:quibbleberry|zanzibarite)-/.test(file))).toEqual([]);
  });
});

describe('pictures of unpublished articles, when Astro builds the site on its own (`astro build`, no content check first)', () => {
  it('are nowhere in the output, byte for byte, while the published article’s picture is', async () => {
    const alone = await buildSite({ contentDir: 'tests/fixtures/discovery', basePath: BASE, siteUrl: 'https://news.example.org', now: NOW, astroOnly: true });
    try {
      if (alone.exitCode !== 0) throw new Error(`astro build failed:\n${alone.stderr}\n${alone.stdout}`);
      const picture = (name: string) => readFileSync(resolve('tests/fixtures/discovery/images', name));
      const outputFiles = readdirSync(alone.outDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
      const copiesOf = (bytes: Buffer) => outputFiles.filter((entry) => readFileSync(join(entry.parentPath, entry.name)).equals(bytes)).map((entry) => entry.name);
      expect(copiesOf(picture('lead.png')).length).toBeGreaterThan(0);
      for (const unpublished of ['quibbleberry-lead.png', 'quibbleberry-chart.png', 'zanzibarite-lead.png']) expect(copiesOf(picture(unpublished)), unpublished).toEqual([]);
    } finally {
      alone.cleanup();
    }
  });
});

describe('thumbnails in listings', () => {
  const listings = ['', 'tags/ai/'];

  it('have width, height and alt on every picture', () => {
    for (const path of listings) {
      const images = site.html(path).querySelectorAll('.teasers img');
      expect(images.length, path).toBe(2);
      for (const image of images) {
        expect(Number(image.getAttribute('width')), path).toBeGreaterThan(0);
        expect(Number(image.getAttribute('height')), path).toBeGreaterThan(0);
        expect(image.getAttribute('alt'), path).toBeTruthy();
        expect(image.getAttribute('decoding'), path).toBe('async');
      }
    }
  });

  it('serve local pictures through the image pipeline (AVIF and WebP, responsive sizes) and remote ones as they are', () => {
    const front = site.html('');
    const local = front.querySelector('.teasers picture')!;
    expect(local.querySelectorAll('source').map((source) => source.getAttribute('type'))).toEqual(['image/avif', 'image/webp']);
    expect(local.querySelector('source')!.getAttribute('srcset')).toMatch(/ \d+w, /);
    for (const source of local.querySelectorAll('source')) {
      for (const candidate of source.getAttribute('srcset')!.split(', ')) expect(site.exists(candidate.split(' ')[0]!), candidate).toBe(true);
    }
    expect(front.querySelector(`.teasers img[src="${REMOTE_IMAGE}"]`)!.getAttribute('alt')).toBe('Documents on a desk');
  });

  it('load lazily below the fold, the first teaser’s at once', () => {
    const tag = site.html('tags/ai/');
    const teasers = tag.querySelectorAll('.teasers > li');
    const loading = teasers.map((teaser) => teaser.querySelector('img')?.getAttribute('loading') ?? 'none');
    expect(loading[0]).not.toBe('lazy');
    expect(loading.slice(1).filter((value) => value !== 'none').every((value) => value === 'lazy')).toBe(true);
  });
});

describe('in a browser, while remote pictures arrive slowly', () => {
  let served: Awaited<ReturnType<typeof serveSite>>;
  let slowImages: Server;
  let slowOrigin: string;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  const picture = readFileSync(resolve('tests/fixtures/discovery/images/lead.png'));

  beforeAll(async () => {
    served = await serveSite(site.outDir, BASE);
    // Answers every request for a picture after a long pause, as a slow image host would.
    slowImages = createServer((_request, response) => {
      setTimeout(() => response.writeHead(200, { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' }).end(picture), 1_500);
    });
    await new Promise<void>((listening) => slowImages.listen(0, '127.0.0.1', listening));
    slowOrigin = `http://127.0.0.1:${(slowImages.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    slowImages?.closeAllConnections();
    await new Promise((closed) => slowImages?.close(closed));
    await served?.close();
  });

  for (const [name, path] of [['front page', ''], ['tag page', 'tags/ai/'], ['page of an article with a remote lead picture', 'articles/remote-lead-image/']] as const) {
    it(`nothing on the ${name} moves as the pictures load (cumulative layout shift 0)`, async () => {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
      let remoteRequests = 0;
      // The page asks the remote host; the answer comes from the slow server on 127.0.0.1.
      await page.route('https://images.example.com/**', async (route) => {
        remoteRequests++;
        const slow = await fetch(`${slowOrigin}${new URL(route.request().url()).pathname}`);
        await route.fulfill({ status: 200, contentType: 'image/png', body: Buffer.from(await slow.arrayBuffer()) });
      });
      await page.addInitScript(() => {
        const shifts: number[] = [];
        (window as unknown as { __shifts: number[] }).__shifts = shifts;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) if (!entry.hadRecentInput) shifts.push(entry.value);
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${served.baseUrl}${path}`);
      // Scroll through the page so lazy pictures start, then wait until every picture has arrived.
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 300) {
          window.scrollTo(0, y);
          await new Promise((next) => setTimeout(next, 50));
        }
      });
      await page.waitForFunction(() => [...document.images].every((image) => image.complete && image.naturalWidth > 0), undefined, { timeout: 15_000 });
      expect(remoteRequests).toBeGreaterThan(0);
      const shifts = await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts);
      expect(shifts.reduce((sum, value) => sum + value, 0)).toBe(0);
      await page.close();
    });
  }
});
