/** Per-file access to the shared browser and site from global-setup.ts, plus a watch on what goes wrong in a page. */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { connectChromium } from '../helpers/browser.ts';

export const site = inject('e2e');

/** Screenshots are test artefacts, not fixtures: gitignored, overwritten on every run. */
export const screenshotDir = resolve(import.meta.dirname, '../../test-results/screenshots');

export const viewports = {
  phone: { width: 360, height: 740 },
  desktop: { width: 1280, height: 900 },
} as const;

/** Absolute URL on the test server for a path relative to the site root, e.g. siteUrlFor('tags/') */
export function urlFor(path: string): string {
  return new URL(path.replace(/^\/+/, ''), site.baseUrl).href;
}

export interface PageProblems {
  /** Console errors (Chromium reports CSP refusals here too) and uncaught exceptions. */
  errors: string[];
  /** securitypolicyviolation events seen by the page. */
  cspViolations(): Promise<string[]>;
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Connects to the shared browser for one test file; every page gets its own context, closed after each test. */
export function useBrowser() {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await connectChromium(site.browserWsEndpoint);
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });

  return {
    async newPage(options: BrowserContextOptions = {}): Promise<{ page: Page; problems: PageProblems }> {
      if (!browser) throw new Error('useBrowser(): the browser is not connected yet (call newPage inside a test)');
      const context = await browser.newContext({ baseURL: site.baseUrl, viewport: viewports.desktop, ...options });
      contexts.push(context);
      // A static site on localhost answers in milliseconds: fail fast instead of waiting out Playwright's 30 s.
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
      });
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      // Init scripts run through the DevTools protocol, so the site's CSP cannot stop the listener itself.
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          (window.__cspViolations ??= []).push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`);
        });
      });
      return {
        page,
        problems: {
          errors,
          cspViolations: () => page.evaluate(() => window.__cspViolations ?? []),
        },
      };
    },
  };
}

export function screenshotPath(name: string): string {
  mkdirSync(screenshotDir, { recursive: true });
  return resolve(screenshotDir, `${name}.png`);
}
