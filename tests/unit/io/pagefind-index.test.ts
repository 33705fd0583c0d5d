import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { indexDocumentFolder, SearchIndexError, writeDocuments, writeSearchIndex } from '../../../src/io/pagefind-index.ts';
import { pageUrl } from '../../../src/lib/search/document-files.ts';

const root = mkdtempSync(join(tmpdir(), 'newsdesk-pagefind-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const article = (url: string, title: string, words: string) => ({
  url,
  content: `<!doctype html><html lang="en"><body><article data-pagefind-body><h1 data-pagefind-meta="title" data-pagefind-ignore>${title}</h1><p>${words}</p></article></body></html>`,
});

/** Each page of the index as Pagefind shows it in a result: its fragment, decompressed. */
function fragments(folder: string): { url: string; meta: Record<string, string>; content: string }[] {
  return readdirSync(join(folder, 'fragment')).map((name) => {
    const text = gunzipSync(readFileSync(join(folder, 'fragment', name))).toString('utf8');
    return JSON.parse(text.slice(text.indexOf('{')));
  });
}

describe('writeSearchIndex', () => {
  it("indexes every document under a URL that leads to its page, non-ASCII slugs and the slug `index` included, and leaves no document files behind", async () => {
    const output = join(root, 'index');
    const documents = [
      article('/articles/japan-ai-race/', 'Japan in the AI race', 'Robotics and semiconductors.'),
      article(`/articles/${encodeURIComponent('日本のai')}/`, '日本のAI', 'Tokyo startups raise funds.'),
      article('/articles/index/', 'Index funds', 'Passive investing.'),
    ];
    await writeSearchIndex(documents, output);
    const pages = fragments(output).map((page) => ({ ...page, url: pageUrl(page.url) }));
    expect(pages.map((page) => page.url).sort()).toEqual(documents.map((document) => document.url).sort());
    expect(pages.find((page) => page.url === '/articles/japan-ai-race/')).toMatchObject({ meta: { title: 'Japan in the AI race' }, content: 'Robotics and semiconductors.' });
    expect(pages.find((page) => page.url === '/articles/index/')).toMatchObject({ meta: { title: 'Index funds' } });
    expect(JSON.parse(readFileSync(join(output, 'pagefind-entry.json'), 'utf8')).languages.en.page_count).toBe(3);
    expect(readdirSync(root).sort()).toEqual(['index']);
  });

  it('writes an empty index, which the search page of an archive with nothing published loads', async () => {
    const output = join(root, 'empty');
    await writeSearchIndex([], output);
    expect(JSON.parse(readFileSync(join(output, 'pagefind-entry.json'), 'utf8')).languages).toEqual({});
    expect(existsSync(join(output, 'pagefind.js'))).toBe(true);
  });

  it('says what Pagefind reported when it fails, and removes the document files', async () => {
    const taken = join(root, 'taken');
    writeFileSync(taken, 'a file where the index folder would go');
    const failure = writeSearchIndex([article('/articles/one/', 'One', 'words')], taken);
    await expect(failure).rejects.toBeInstanceOf(SearchIndexError);
    await expect(failure).rejects.toThrow(/^running Pagefind: .+/);
    expect(readdirSync(root).filter((name) => name.endsWith('.documents'))).toEqual([]);
    rmSync(taken);
  });
});

/** Every file under `folder`, by its path, with its bytes. */
function filesIn(folder: string): Map<string, Buffer> {
  const names = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(names.map((entry) => [join(entry.parentPath, entry.name).slice(folder.length), readFileSync(join(entry.parentPath, entry.name))]));
}

describe('indexDocumentFolder kept on one core', () => {
  const hasTaskset = process.platform === 'linux' && spawnSync('taskset', ['--cpu-list', '0', 'true']).status === 0;

  it.runIf(hasTaskset)('writes the very index Pagefind writes where the system puts it', async () => {
    const documents = join(root, 'pinned.documents');
    writeDocuments([article('/articles/one/', 'One', 'Robotics and semiconductors.'), article('/articles/two/', 'Two', 'Tokyo startups raise funds.')], documents);
    await indexDocumentFolder(documents, join(root, 'free'));
    await indexDocumentFolder(documents, join(root, 'pinned'), 0);
    const pinned = filesIn(join(root, 'pinned'));
    expect(pinned.size).toBeGreaterThan(5);
    expect(pinned).toEqual(filesIn(join(root, 'free')));
  });
});

describe('assertPagefindRunnable', () => {
  it('names the missing package of the binary for this system and what to do, where Pagefind blamed an unsupported platform as the module loaded', () => {
    // Pagefind looks for @pagefind/<platform>-<arch>, the arch from npm_config_arch when set: one of no package is
    // the binary left out, as npm ci --omit=optional does.
    const module = new URL('../../../src/io/pagefind-index.ts', import.meta.url).href;
    const script = `const { assertPagefindRunnable } = await import(${JSON.stringify(module)});
try { assertPagefindRunnable(); console.log('runnable'); } catch (error) { console.log(error.constructor.name + ': ' + error.message); }`;
    const { PAGEFIND_BINARY_PATH: _binary, PAGEFIND_EXTENDED_BINARY_PATH: _extended, ...inherited } = process.env;
    const env = { ...inherited, npm_config_arch: 'no-such-arch' };
    const run = spawnSync(process.execPath, ['--input-type=module', '--eval', script], { env, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe(
      `SearchIndexError: starting Pagefind: its binary for this system (the package @pagefind/${process.platform}-no-such-arch) is not installed; run npm ci to install it (npm ci --omit=optional leaves it out, and a node_modules folder installed on another system lacks it)`,
    );
  });
});
