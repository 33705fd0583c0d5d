/**
 * `npm run dev` on a large archive: `astro dev` on the corpus with a cache of its own, on a free port of
 * 127.0.0.1, timed until it says it is ready and until an article page answers with its headline; then stopped
 * with everything it started.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import { withBuildLock } from '../io/build-lock.ts';
import type { DevResult } from '../lib/bench/results.ts';
import { createPaths } from '../lib/site/paths.ts';
import { settings } from '../settings.ts';
import type { BuildContext } from './builds.ts';
import { startMeasured } from './measure-process.ts';

/** How long the server gets to start and serve the page, at any size, before it counts as failed. */
const DEV_DEADLINE_MS = 30 * 60_000;
const POLL_EVERY_MS = 100;
const REQUEST_EVERY_MS = 1000;
const MAX_REQUESTS = 4;
const GIVE_WAY_AFTER_MS = 60_000;

/** A port of 127.0.0.1 nothing listens on. */
export function freePort(): Promise<number> {
  return new Promise((found, failed) => {
    const server = createServer();
    server.once('error', failed);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => found(port));
    });
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The page's text with the entities a headline can be escaped with read back, so the headline is found as written. */
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&apos;': "'" };
const decodeEntities = (html: string) => html.replace(/&(?:amp|lt|gt|quot|apos|#39|#x27);/g, (entity) => ENTITIES[entity]!);

/**
 * `astro dev` writes the project's .astro/ folder as builds do, so it takes the same lock. The article asked for
 * is the newest published one.
 */
export async function measureDev(context: BuildContext, articles: number, content: string, article: { slug: string; title: string }, folder: string): Promise<DevResult> {
  const port = await freePort();
  const astro = join(context.projectRoot, 'node_modules/.bin/astro');
  const env: NodeJS.ProcessEnv = {
    NEWSDESK_CONTENT_DIR: content,
    NEWSDESK_CACHE_DIR: join(folder, 'dev-cache'),
    NEWSDESK_NOW: context.now.toISOString(),
    NODE_COMPILE_CACHE: join(folder, 'dev-cache', 'node-compile-cache'),
    BASE_PATH: '/',
  };
  return withBuildLock(settings.buildLock, async () => {
    const args = ['dev', '--host', '127.0.0.1', '--port', String(port)];
    const server = startMeasured(context, { label: `astro dev ${articles}`, command: astro, args, env, logFile: join(folder, 'dev.log'), server: true });
    let exited = false;
    void server.finished.then(() => (exited = true));
    const elapsed = () => performance.now() - server.startedAt;
    const url = `http://127.0.0.1:${port}${createPaths('/').article(article.slug)}`;
    let readyMs: number | undefined;
    let articleMs: number | undefined;
    let error: string | undefined;
    let lastAnswer = 'no answer';
    // A request can stall for good while Vite re-optimises dependencies: a new one starts every second beside those
    // still waiting, and the first good answer counts. With a few waiting, the oldest gives way once it has waited
    // a minute (the page's slow first render goes on in the server, which keeps its site index for the next).
    const requests = new Map<AbortController, number>();
    let lastRequest = -Infinity;
    const ask = async () => {
      const controller = new AbortController();
      requests.set(controller, elapsed());
      try {
        const response = await fetch(url, { signal: controller.signal });
        const body = await response.text();
        if (response.status === 200 && decodeEntities(body).includes(article.title)) articleMs ??= elapsed();
        else lastAnswer = `${response.status}${response.status === 200 ? ' without the headline' : ''}`;
      } catch (failure) {
        if (!controller.signal.aborted) lastAnswer = (failure as Error).message;
      } finally {
        requests.delete(controller);
      }
    };
    while (articleMs === undefined && error === undefined) {
      readyMs ??= server.lines.find((line) => /\bready in\b/i.test(line.text))?.ms;
      if (exited) error = `astro dev exited before serving ${url} (see dev.log)`;
      else if (elapsed() > DEV_DEADLINE_MS) error = `${url} did not answer 200 with its headline within ${DEV_DEADLINE_MS / 60_000} minutes (last: ${lastAnswer})`;
      else if (readyMs !== undefined && elapsed() - lastRequest >= REQUEST_EVERY_MS) {
        const [oldest, since] = [...requests][0] ?? [];
        if (oldest && requests.size >= MAX_REQUESTS && elapsed() - since! > GIVE_WAY_AFTER_MS) oldest.abort();
        if (requests.size < MAX_REQUESTS) {
          lastRequest = elapsed();
          void ask();
        }
      }
      if (articleMs === undefined && error === undefined) await pause(POLL_EVERY_MS);
    }
    for (const request of requests.keys()) request.abort();
    const measured = await server.stop();
    if (readyMs === undefined && error === undefined) error = 'no “ready” line from astro dev';
    return { articles, readyMs, articleMs, measured, ...(error ? { error } : {}) };
  });
}
