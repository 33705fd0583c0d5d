/**
 * Video embeds in a built page, in Chromium: YouTube (moved to youtube-nocookie.com) and Vimeo iframes are in the
 * page, sandboxed and titled, and the page's CSP lets them load (the browser requests them; offline, the request
 * itself then fails); an iframe from any other host is not in the page at all.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';
import { serveSite, type ServedSite } from '../helpers/serve.ts';
import { EMBED_SANDBOX } from '../../src/lib/output/embeds.ts';

let site: BuiltSite;
let server: ServedSite;
let browser: Browser;

beforeAll(async () => {
  site = await buildSite({ contentDir: 'tests/fixtures/embeds', now: '2026-11-20T00:00:00Z' });
  expect(site.exitCode, site.stdout + site.stderr).toBe(0);
  [server, browser] = await Promise.all([serveSite(site.outDir), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  site?.cleanup();
});

describe('an article with video embeds, in the browser', () => {
  it('shows the allowed players, sandboxed and titled, with no CSP refusal; drops the other host', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    const refusals: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refusals.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => console.error(`Content Security Policy: ${event.effectiveDirective} blocked ${event.blockedURI}`));
    });
    await page.goto(new URL('articles/launch-video/', server.baseUrl).href);
    // Waited for rather than taken to be in by a fixed time; the wait after it only shows that no refusal follows.
    const players = ['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ', 'https://player.vimeo.com/video/76979871'];
    await expect.poll(() => requested, { timeout: 15_000 }).toEqual(expect.arrayContaining(players));
    // Longer than a refusal takes to be reported: none is still to come.
    await page.waitForTimeout(500);

    const frames = await page.locator('article iframe').evaluateAll((iframes) =>
      iframes.map((iframe) => ({ src: iframe.getAttribute('src'), title: iframe.getAttribute('title'), sandbox: iframe.getAttribute('sandbox') })),
    );
    expect(frames).toEqual([
      { src: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ', title: 'The launch keynote', sandbox: EMBED_SANDBOX },
      { src: 'https://player.vimeo.com/video/76979871', title: 'Embedded video', sandbox: EMBED_SANDBOX },
    ]);
    expect(refusals).toEqual([]);
    expect(requested.some((url) => url.includes('videos.example.net'))).toBe(false);
    await context.close();
  });
});
