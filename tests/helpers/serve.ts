/**
 * Serves a built site the way a static host would, under a sub-path such as /desk/: files and directory indexes
 * with their content types, `404.html` with status 404 for anything missing, and nothing at all outside the base path.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import sirv from 'sirv';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.ts';

export interface ServedSite {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** The site's root URL, e.g. http://127.0.0.1:41234/desk/ */
  baseUrl: string;
  close(): Promise<void>;
}

/** Types mrmime does not know: Pagefind's compressed index chunks are opaque bytes. */
const extraTypes: Record<string, string> = {
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};

export async function serveSite(dir: string, basePath = '/'): Promise<ServedSite> {
  const base = `/${basePath.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const notFoundPage = await readFile(join(dir, '404.html')).catch(() => undefined);

  const notFound = (res: import('node:http').ServerResponse) => {
    res.statusCode = 404;
    if (!notFoundPage) return res.end('Not found');
    res.setHeader('Content-Type', 'text/html;charset=utf-8');
    res.end(notFoundPage);
  };

  const files = sirv(dir, {
    dev: false,
    etag: true,
    // Directory URLs: /desk/articles/x/ maps to articles/x/index.html.
    extensions: ['html'],
    setHeaders(res, pathname) {
      const dot = pathname.lastIndexOf('.');
      const type = dot === -1 ? undefined : extraTypes[pathname.slice(dot)];
      if (type) res.setHeader('Content-Type', type);
    },
    onNoMatch: (_req, res) => notFound(res),
  });

  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405;
      return res.end();
    }
    // Like most hosts: the base path without its slash redirects to the slashed directory URL.
    if (base !== '/' && (url === base.slice(0, -1) || url.startsWith(`${base.slice(0, -1)}?`))) {
      res.writeHead(301, { Location: base + url.slice(base.length - 1) });
      return res.end();
    }
    if (!url.startsWith(base)) return notFound(res);
    req.url = `/${url.slice(base.length)}`;
    files(req, res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl: `${origin}${base}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * For one describe block of a build test: the built site served under `basePath` and a Chromium, started before
 * its tests (once `outDir()` is built) and stopped after them.
 */
export function useServedSite(outDir: () => string, basePath: string): { readonly baseUrl: string; readonly browser: Browser } {
  let served: ServedSite | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    served = await serveSite(outDir(), basePath);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });
  return {
    get baseUrl() {
      return served!.baseUrl;
    },
    get browser() {
      return browser!;
    },
  };
}
