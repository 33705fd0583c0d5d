/** The build's own steps, run by hand as README shows: their usage, not a stack trace, for help and misuse. */
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { listingPageBodies } from '../../../src/io/listing-files.ts';
import { pageBodyReader } from '../../../src/io/page-bodies.ts';
import { articleBody } from '../../../src/lib/content/front-matter.ts';
import { createArticleBodyRenderer } from '../../../src/lib/output/markdown-processor.ts';
import { documentFile } from '../../../src/lib/search/document-files.ts';
import { EVENT_LOOP_EMPTIED, SAYS_EVENT_LOOP_ENDED } from '../../helpers/event-loop.ts';

const projectRoot = resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

async function step(script: string, args: string[], { nodeOptions = [] as string[], env = {} as Record<string, string> } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(join(projectRoot, 'node_modules/.bin/node'), [...nodeOptions, script, ...args], { cwd: projectRoot, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? -1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
}

describe.each(['src/cli/cards.ts', 'src/cli/search-index.ts', 'src/cli/search-documents.ts'])('%s', (script) => {
  it('prints its usage for --help', async () => {
    const { code, stdout } = await step(script, ['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Usage: node ${script} <(output|documents) folder>`));
  });

  it('answers an unknown option or a missing folder with the usage and exit code 2, without a stack trace', async () => {
    for (const args of [['--bogus', 'out'], []]) {
      const { code, stderr } = await step(script, args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toContain(`Usage: node ${script}`);
      expect(stderr).not.toMatch(/^\s+at /m);
    }
  });
});

describe('src/cli/search-documents.ts, failing', () => {
  it('says what it was doing, exits 1, and ends by its event loop rather than process.exit (nodejs/node#54918)', async () => {
    const documents = mkdtempSync(join(tmpdir(), 'newsdesk-documents-'));
    try {
      const { code, stderr } = await step('src/cli/search-documents.ts', [documents], { nodeOptions: SAYS_EVENT_LOOP_ENDED, env: { NEWSDESK_SEARCH_PART_ARTICLES: 'many' } });
      expect(code).toBe(1);
      expect(stderr).toContain('Search indexing failed while reading the settings:\n  NEWSDESK_SEARCH_PART_ARTICLES="many" is not a number of articles');
      expect(stderr).not.toMatch(/^\s+at /m);
      expect(stderr).toContain(EVENT_LOOP_EMPTIED);
    } finally {
      rmSync(documents, { recursive: true, force: true });
    }
  });
});

describe('src/cli/cards.ts, failing', () => {
  it('says why in one line, exits 1, and ends by its event loop rather than process.exit (nodejs/node#54918)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'newsdesk-cards-'));
    try {
      // A card cache that cannot be made: a file stands where the folder should be.
      const cardCache = join(folder, 'cache');
      writeFileSync(cardCache, '');
      const env = { NEWSDESK_CONTENT_DIR: join(projectRoot, 'tests/fixtures/site-basic'), NEWSDESK_CARD_CACHE: cardCache };
      const { code, stderr } = await step('src/cli/cards.ts', [join(folder, 'cards')], { nodeOptions: SAYS_EVENT_LOOP_ENDED, env });
      expect(code).toBe(1);
      expect(stderr).toContain(`Social cards failed: EEXIST: file already exists, mkdir '${cardCache}'\n`);
      expect(stderr).not.toMatch(/^\s+at /m);
      expect(stderr).toContain(EVENT_LOOP_EMPTIED);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

/** Whether the process is still there to do anything (a zombie, ended but not yet reaped, is not). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('src/cli/search-index.ts, stopped while Pagefind runs', () => {
  it('stops its Pagefind run with it, which would otherwise go on writing an index nobody uses', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'newsdesk-search-stop-'));
    // A Pagefind that says its process id and then runs until it is stopped.
    const pidFile = join(folder, 'pagefind.pid');
    const pagefind = join(folder, 'pagefind');
    writeFileSync(pagefind, `#!/bin/sh\necho $$ > '${pidFile}.new' && mv '${pidFile}.new' '${pidFile}'\nexec sleep 600\n`, { mode: 0o755 });
    let pid: number | undefined;
    try {
      const env = { ...process.env, NEWSDESK_CONTENT_DIR: join(projectRoot, 'tests/fixtures/site-basic'), NEWSDESK_SEARCH_CACHE: join(folder, 'cache'), PAGEFIND_BINARY_PATH: pagefind };
      const step = spawn(join(projectRoot, 'node_modules/.bin/node'), ['src/cli/search-index.ts', join(folder, 'index')], { cwd: projectRoot, env, stdio: 'ignore' });
      const exited = once(step, 'exit');
      await vi.waitFor(() => expect(existsSync(pidFile)).toBe(true), { timeout: 30_000, interval: 100 });
      pid = Number(readFileSync(pidFile, 'utf8'));
      expect(alive(pid)).toBe(true);
      // As the build stops it when another step fails.
      step.kill('SIGTERM');
      expect((await exited)[0]).toBe(143);
      await vi.waitFor(() => expect(alive(pid!), 'Pagefind still running').toBe(false), { timeout: 10_000, interval: 100 });
    } finally {
      if (pid !== undefined && alive(pid)) process.kill(pid, 'SIGKILL');
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('src/cli/search-documents.ts, for an article in another language than the site’s', () => {
  it('writes its body as its page reads, with the quotation marks of its language, so that excerpts quote it as the page does', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'newsdesk-documents-'));
    try {
      const content = join(folder, 'content');
      mkdirSync(content);
      writeFileSync(
        join(content, 'zitat.md'),
        ['---', 'title: "Strompreise steigen"', 'description: "Ein Zitat."', 'publishedAt: 2026-11-20T09:00:00Z', 'authors: ["Lena Hartmann"]', 'tags: ["Energie"]', 'lang: de', '---', '', 'Die Betreiber sagen: "Wir zahlen \'deutlich\' mehr."', ''].join('\n'),
      );
      // In MDX too, which the index reads apart from the pages' renderer; not in its code.
      writeFileSync(
        join(content, 'zitat-mdx.mdx'),
        ['---', 'title: "Netzentgelte steigen"', 'description: "Noch ein Zitat."', 'publishedAt: 2026-11-21T09:00:00Z', 'authors: ["Lena Hartmann"]', 'tags: ["Energie"]', 'lang: de', '---', '', 'Der Verband sagt: "Es wird teurer." Mit `"code"`.', ''].join('\n'),
      );
      const { code, stdout, stderr } = await step('src/cli/search-documents.ts', [join(folder, 'documents')], { env: { NEWSDESK_CONTENT_DIR: content, NEWSDESK_NOW: '2026-12-01T00:00:00Z' } });
      expect(code, stderr).toBe(0);
      const { parts } = JSON.parse(stdout) as { parts: Array<{ documents: string }> };
      expect(readFileSync(join(parts[0]!.documents, documentFile('/articles/zitat/')), 'utf8')).toContain('<p>Die Betreiber sagen: „Wir zahlen ‚deutlich‘ mehr.“</p>');
      expect(readFileSync(join(parts[0]!.documents, documentFile('/articles/zitat-mdx/')), 'utf8')).toContain('<p>Der Verband sagt: „Es wird teurer.“ Mit <code>"code"</code>.</p>');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('src/cli/search-documents.ts, given the content check’s listing as the build gives it', () => {
  it('leaves each Markdown body without pictures rendered as its page renders it, and indexes code by its words, uncoloured', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'newsdesk-documents-'));
    try {
      const content = resolve('tests/fixtures/article-bodies');
      const listing = join(folder, 'dist.articles.jsonl');
      const env = { NEWSDESK_CONTENT_DIR: content, NEWSDESK_NOW: '2026-12-01T00:00:00Z', SITE_URL: 'https://news.example.org' };
      const check = await step('src/cli/check-content.ts', ['--dir', content, '--skip-near-duplicates', '--write-listing', listing], { env });
      expect(check.code, check.stderr).toBe(0);
      const { code, stdout, stderr } = await step('src/cli/search-documents.ts', [join(folder, 'documents'), '--articles', listing], { env });
      expect(code, stderr).toBe(0);

      const pages = listingPageBodies(listing);
      const handedPageBody = pageBodyReader(pages);
      const render = await createArticleBodyRenderer('https://news.example.org/');
      for (const slug of ['compiler-flags-default', 'footnoted-heading-names', 'pasted-site-parts']) {
        const file = join(content, `${slug}.md`);
        expect(handedPageBody(slug), slug).toBe(await render(articleBody(readFileSync(file, 'utf8')), pathToFileURL(file)));
      }
      // Astro renders a body with a picture as it loads the content, and MDX itself.
      expect(handedPageBody('cable-ship-repairs')).toBeUndefined();
      expect(handedPageBody('satellite-broadband-explainer')).toBeUndefined();
      expect(readdirSync(pages)).toContain('done');

      const { parts } = JSON.parse(stdout) as { parts: Array<{ documents: string }> };
      const document = readFileSync(join(parts[0]!.documents, documentFile('/articles/compiler-flags-default/')), 'utf8');
      expect(handedPageBody('compiler-flags-default')).toContain('<pre class="astro-code');
      expect(document).toContain('return values[3];');
      expect(document).not.toContain('astro-code');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
