/**
 * `astro dev` restarting itself for a saved `astro.config.mjs`: Astro hands the article loader the closed watcher of
 * the server before the restart, so the loader must be run again and listen on the new one. The watchers here are
 * event emitters shaped as Astro's (chokidar's `add`, `on`, `off`, and an `all` event for every change).
 */
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
// Not exported by the package: the loader is given these by Astro, so the test takes them from where Astro keeps them.
import { MutableDataStore } from '../../../node_modules/astro/dist/content/mutable-data-store.js';
import { markdownContentEntryType } from '../../../node_modules/astro/dist/vite-plugin-markdown/content-entry-type.js';
import { contentAfterRestart } from '../../../src/integrations/content-after-restart.ts';
import { articleLoader } from '../../../src/io/article-loader.ts';
import { markdownProcessor, markdownRenderOptions } from '../../../src/lib/output/markdown-processor.ts';

class Watcher extends EventEmitter {
  add() {
    return this;
  }
  /** A file saved, as chokidar tells it: its own event, then `all`. */
  saved(path: string) {
    this.emit('change', path);
    this.emit('all', 'change', path);
  }
}

const root = mkdtempSync(join(tmpdir(), 'newsdesk-restart-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const folder = join(root, 'articles');
mkdirSync(folder);
const file = join(folder, 'story.md');
const save = (title: string) =>
  writeFileSync(file, `---\ntitle: "${title}"\ndescription: "About it."\npublishedAt: 2026-11-01T09:00:00Z\ntags: ["AI"]\n---\n\nWords.\n`);

const store = new MutableDataStore();
const context = {
  collection: 'articles',
  store: store.scopedStore('articles'),
  meta: store.metaStore('articles'),
  logger: { info: () => {}, warn: () => {}, error: () => {} },
  config: { root: pathToFileURL(`${root}/`), markdown: { processor: markdownProcessor('https://news.example.org'), ...markdownRenderOptions() }, image: {} },
  parseData: async ({ data }: { data: Record<string, unknown> }) => data,
  generateDigest: (text: string) => createHash('sha256').update(text).digest('hex'),
  entryTypes: new Map([['.md', markdownContentEntryType]]),
};
const title = () => store.get('articles', 'story.md')?.data.title;

describe('`astro dev` after it restarts for a saved config', () => {
  const first = new Watcher();
  const second = new Watcher();
  const loader = articleLoader({ folder, now: () => new Date('2026-12-01T00:00:00Z') });
  // Astro's content layer keeps the watcher it was made with, and so hands the loader the closed one.
  const sync = () => loader.load({ ...context, watcher: first } as never);
  let refreshes = 0;
  const refreshContent = () => {
    refreshes++;
    return sync();
  };
  const setup = (watcher: Watcher) => contentAfterRestart(folder).hooks['astro:server:setup']!({ server: { watcher }, refreshContent } as never);

  it('brings edits to articles to the pages before the restart', async () => {
    save('First');
    await setup(first);
    await sync();
    save('Second');
    first.saved(file);
    await vi.waitFor(() => expect(title()).toBe('Second'), { timeout: 10_000 });
    expect(refreshes).toBe(0);
  });

  it('brings them after it, the loader listening on the new watcher rather than reading every file at each change', async () => {
    first.removeAllListeners();
    await setup(second);
    save('Third');
    second.saved(file);
    await vi.waitFor(() => expect(title()).toBe('Third'), { timeout: 10_000 });

    const listening = second.listenerCount('change');
    await sync();
    expect(second.listenerCount('change')).toBe(listening);
    save('Fourth');
    second.saved(file);
    await vi.waitFor(() => expect(title()).toBe('Fourth'), { timeout: 10_000 });
    expect(refreshes).toBe(1);
  });
});
