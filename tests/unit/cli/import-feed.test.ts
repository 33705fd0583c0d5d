import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkArticles } from '../../../src/lib/checks/check-content.ts';
import { readArticleSource } from '../../../src/io/article-files.ts';
import { listArticleFiles } from '../../../src/io/article-paths.ts';
import { inspectFile } from '../../../src/io/inspect-file.ts';
import { lockFolder } from '../../../src/io/folder-lock.ts';
import { articleSchema } from '../../../src/lib/content/schema.ts';

const projectRoot = resolve(import.meta.dirname, '../../..');
const fixtures = join(projectRoot, 'tests/fixtures/feeds');
const run = promisify(execFile);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real entry point, as `npm run import` starts it. */
export async function importFeed(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(join(projectRoot, 'node_modules/.bin/node'), ['src/cli/import-feed.ts', ...args], {
      cwd: projectRoot,
      env: { ...process.env, NEWSDESK_CONTENT_DIR: undefined, ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? -1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
}

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A content folder with one published article that already covers the Q&A item of rss2.xml. */
function contentFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'newsdesk-import-'));
  folders.push(folder);
  writeFileSync(
    join(folder, 'eu-data-rules.md'),
    [
      '---',
      'title: "What the EU data rules mean for start-ups"',
      'description: "A lawyer explains the September changes."',
      'publishedAt: 2026-05-09T10:00:00Z',
      'tags: ["Policy"]',
      'source:',
      '  name: "The Circuit Ledger"',
      '  url: "http://circuitledger.example/2026/05/eu-data-rules-qa"',
      '---',
      '',
      'Our summary of the interview.',
      '',
    ].join('\n'),
  );
  return folder;
}

const importedFiles = (folder: string) => (existsSync(join(folder, 'imported')) ? readdirSync(join(folder, 'imported')).sort() : []);

describe('npm run import on an RSS file', () => {
  let folder: string;
  let first: Outcome;

  beforeAll(async () => {
    folder = contentFolder();
    first = await importFeed([join(fixtures, 'rss2.xml'), '--content-dir', folder, '--tags', 'Chips,policy']);
  });

  it('writes one draft per new item and prints where', () => {
    expect(first.code).toBe(0);
    expect(importedFiles(folder)).toEqual(['chipmakers-race-to-ship-2-nm-parts-before-the-years-end.md', 'exclusive-cloud-region-outage-traced-to-a-single-config-push.md']);
    expect(first.stdout).toContain('“The Circuit Ledger” (RSS 2.0, 3 items)');
    expect(first.stdout).toContain('Imported 2 drafts:');
    expect(first.stdout).toContain(`${join(folder, 'imported', 'chipmakers-race-to-ship-2-nm-parts-before-the-years-end.md')}  “Chipmakers race to ship 2 nm parts before the year’s end”`);
    expect(first.stdout).toContain('2 imported, 1 skipped as duplicates, 0 rejected.');
  });

  it('reports the item the site already has, naming the article', () => {
    expect(first.stdout).toContain('“Q&A: what the new EU data rules mean for start-ups”: already have it as eu-data-rules');
  });

  it('writes drafts that pass the schema and the content checker unchanged', () => {
    for (const name of importedFiles(folder)) {
      const { data } = matter(readFileSync(join(folder, 'imported', name), 'utf8'), {});
      const article = articleSchema.parse(data);
      expect(article.draft).toBe(true);
      expect(article.tags).toEqual(expect.arrayContaining(['Chips', 'Policy']));
    }
    const sources = listArticleFiles(folder).map((file) => readArticleSource(file, file));
    const { problems } = checkArticles(sources, { now: new Date(), contentDir: folder, projectRoot: process.cwd(), inspectFile });
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('writes nothing new when run again', async () => {
    const before = importedFiles(folder).map((name) => readFileSync(join(folder, 'imported', name), 'utf8'));
    const again = await importFeed([join(fixtures, 'rss2.xml'), '--content-dir', folder]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 imported, 3 skipped as duplicates, 0 rejected.');
    expect(again.stdout).toContain('already have it as chipmakers-race-to-ship-2-nm-parts-before-the-years-end');
    expect(importedFiles(folder).map((name) => readFileSync(join(folder, 'imported', name), 'utf8'))).toEqual(before);
  });
});

describe('npm run import, other formats and options', () => {
  it('imports Atom, RDF and JSON feeds into the folder named by NEWSDESK_CONTENT_DIR', async () => {
    const folder = contentFolder();
    for (const name of ['atom.xml', 'rdf.xml', 'feed.json']) {
      const outcome = await importFeed([join(fixtures, name)], { NEWSDESK_CONTENT_DIR: folder });
      expect(outcome.code).toBe(0);
      expect(outcome.stdout).toContain('Imported 2 drafts:');
    }
    expect(importedFiles(folder)).toHaveLength(6);
    const review = matter(readFileSync(join(folder, 'imported', 'review-the-model-k-keyboard-and-its-hot-swap-sockets.md'), 'utf8'), {});
    expect(review.data.source).toEqual({ name: 'Byte & Bolt', url: 'https://byteandbolt.example/reviews/model-k-keyboard' });
    expect(review.content).toContain('[maker\'s page](https://byteandbolt.example/reviews/specs)');
  });

  it('--dry-run shows the plan and writes nothing', async () => {
    const folder = contentFolder();
    const outcome = await importFeed([join(fixtures, 'atom.xml'), '--content-dir', folder, '--dry-run', '--source-name', 'B&B']);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('Would import 2 drafts (dry run: nothing written):');
    expect(existsSync(join(folder, 'imported'))).toBe(false);
  });

  it('--dry-run does not wait for another import that is writing, and leaves its files alone', async () => {
    const folder = contentFolder();
    mkdirSync(join(folder, 'imported'));
    const writing = join(folder, 'imported', '.draft.md.0b5a3c1e-9f1d-4c2a-8e7b-5d6f7a8b9c0d.tmp');
    writeFileSync(writing, 'half a draft');
    const release = await lockFolder(folder, { what: 'the content folder' });
    try {
      const outcome = await importFeed([join(fixtures, 'atom.xml'), '--content-dir', folder, '--dry-run', '--source-name', 'B&B']);
      expect(outcome.code, outcome.stderr).toBe(0);
      expect(outcome.stderr).not.toContain('Another run is writing');
      expect(outcome.stdout).toContain('Would import 2 drafts (dry run: nothing written):');
      expect(existsSync(writing)).toBe(true);
    } finally {
      await release();
    }
  }, 30_000);

  it('--limit, and a slug already taken gets a numeric suffix without touching the existing file', async () => {
    const folder = contentFolder();
    mkdirSync(join(folder, 'imported'));
    const mine = '---\ntitle: "Mine"\ndescription: "Mine."\npublishedAt: 2026-01-01\ntags: ["AI"]\n---\n\nThe editor’s own text.\n';
    writeFileSync(join(folder, 'imported', 'firmware-21-fixes-the-battery-drain.md'), mine);
    const outcome = await importFeed([join(fixtures, 'atom.xml'), '--content-dir', folder]);
    expect(outcome.code).toBe(0);
    expect(importedFiles(folder)).toContain('firmware-21-fixes-the-battery-drain-2.md');
    expect(readFileSync(join(folder, 'imported', 'firmware-21-fixes-the-battery-drain.md'), 'utf8')).toBe(mine);
    const limited = await importFeed([join(fixtures, 'rdf.xml'), '--content-dir', folder, '--limit', '1']);
    expect(limited.stdout).toContain('(RSS 1.0 (RDF), 2 items)');
    expect(limited.stdout).toContain('1 imported, 0 skipped as duplicates, 0 rejected.');
  });

  it('explains misuse with exit code 2', async () => {
    const none = await importFeed([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Which feed?');
    const badLimit = await importFeed([join(fixtures, 'rss2.xml'), '--limit', 'ten']);
    expect(badLimit.code).toBe(2);
    expect(badLimit.stderr).toContain('--limit must be a whole number');
  });
});

describe('hostile input', () => {
  it('imports the story from a hostile feed with nothing executable left', async () => {
    const folder = contentFolder();
    const outcome = await importFeed([join(fixtures, 'hostile.xml'), '--content-dir', folder]);
    expect(outcome.code).toBe(0);
    expect(importedFiles(folder)).toEqual(['free-upgrade-for-everyone.md']);
    const text = readFileSync(join(folder, 'imported', 'free-upgrade-for-everyone.md'), 'utf8');
    const { data, content } = matter(text, {});
    expect(data.title).toBe('Free upgrade for everyone');
    expect(data.source.name).toBe('Totally Normal News');
    expect(data.tags).toEqual(['Security']);
    // No raw HTML at all: the only "<" before a letter is the escaped literal the feed wrote as text.
    expect(content).not.toMatch(/(?<!\\)<[a-z!/]/i);
    for (const banned of [/javascript:/i, /vbscript:/i, /data:/i, /onclick|onerror|onload|onmouseover/i, /\biframe\b|fallback text in the frame|<form|\bobject\b|<svg|style=|display: none/i, /evil\.example/, /google-analytics/, /pixel\.gif/]) {
      expect(text).not.toMatch(banned);
    }
    expect(content).toContain('Literal markup as text: \\<script>alert(8)\\</script> stays text.');
    expect(content).toContain('Real content survives: the upgrade is **not** free.');
  });

  it.each([
    ['billion-laughs.xml', 'declares its own XML entities'],
    ['external-entity.xml', 'declares its own XML entities'],
    ['malformed.xml', 'malformed XML at line'],
    ['not-a-feed.html', 'HTML web page, not a feed'],
    ['unsupported.xml', 'unsupported format'],
    ['not-a-json-feed.json', 'not a JSON Feed'],
  ])('refuses %s with a clear error, exit code 1 and nothing written', async (name, message) => {
    const folder = contentFolder();
    const outcome = await importFeed([join(fixtures, name), '--content-dir', folder]);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain(`Import failed: ${join(fixtures, name)}: `);
    expect(outcome.stderr).toContain(message);
    // One sentence, one full stop, whatever the parser's own message ends with.
    expect(outcome.stderr).not.toContain('..');
    expect(outcome.stderr).toContain('Nothing was written.');
    expect(outcome.stdout).toBe('');
    expect(existsSync(join(folder, 'imported'))).toBe(false);
  });

  it('refuses a 50 MB feed file without reading it', async () => {
    const folder = contentFolder();
    const huge = join(folder, 'huge.xml');
    const file = await open(huge, 'w');
    await file.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title><item><title>Big</title><link>https://huge.example/a</link><description>');
    const chunk = 'A'.repeat(1024 * 1024);
    for (let i = 0; i < 50; i++) await file.write(chunk);
    await file.write('</description></item></channel></rss>');
    await file.close();
    const outcome = await importFeed([huge, '--content-dir', folder]);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toMatch(/is 50 MB, larger than the 10 MB a feed may be/);
    expect(existsSync(join(folder, 'imported'))).toBe(false);
  });

  it('reports a missing file, and names the one meant when its name has a slip', async () => {
    const outcome = await importFeed([join(fixtures, 'no-such-feed.xml')]);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toBe(`Import failed: ${join(fixtures, 'no-such-feed.xml')}: the file does not exist.\nNothing was written.\n`);
    const slip = await importFeed([join(fixtures, 'rss22.xml')]);
    expect(slip.stderr).toBe(`Import failed: ${join(fixtures, 'rss22.xml')}: the file does not exist (did you mean ${join(fixtures, 'rss2.xml')}?).\nNothing was written.\n`);
  });

  it('takes an address typed without http:// for no file, and says how to write it, fetching nothing', async () => {
    const folder = contentFolder();
    const outcome = await importFeed(['127.0.0.1:9/feed.xml', '--content-dir', folder]);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toBe('Import failed: 127.0.0.1:9/feed.xml: there is no such file here; for the feed on the web, give its whole address: http://127.0.0.1:9/feed.xml.\nNothing was written.\n');
    expect(existsSync(join(folder, 'imported'))).toBe(false);
  });

  it('names a file standing where the imported folder goes, without a stack trace', async () => {
    const folder = contentFolder();
    writeFileSync(join(folder, 'imported'), 'notes');
    const outcome = await importFeed([join(fixtures, 'rss2.xml'), '--content-dir', folder]);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toBe(`Import failed: ${join(folder, 'imported')} is a file, where the folder of imported drafts goes; rename or move it.\nNothing was written.\n`);
    expect(readFileSync(join(folder, 'imported'), 'utf8')).toBe('notes');
  });

  it('keeps a server’s broken JSON to one line of its message, so that the feed cannot start a workflow command in a CI log', async () => {
    const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/feed+json' }).end('{"version": "https://jsonfeed.org/version/1.1", "title":\n::error::forged\r\n::stop-commands::quiet\n'));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      const address = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.json`;
      const outcome = await importFeed([address, '--content-dir', contentFolder()]);
      expect(outcome.code).toBe(1);
      const lines = outcome.stderr.split(/\r\n|\r|\n/);
      expect(lines[0]).toMatch(new RegExp(`^Import failed: ${address}: malformed JSON: .*\\\\u000a::error::f`));
      expect(lines.filter((line) => line.trimStart().startsWith('::'))).toEqual([]);
    } finally {
      await new Promise((done) => server.close(done));
    }
  });
});

describe('npm run import on a UTF-8 file with a headline in Windows-1252 bytes', () => {
  it('imports the headline without U+FFFD and warns, naming the file and how it was read', async () => {
    const folder = contentFolder();
    const file = join(folder, 'pasted.xml');
    const item = (title: Buffer, slug: string) => Buffer.concat([Buffer.from('<item><title>'), title, Buffer.from(`</title><link>https://bistro.example/${slug}</link><description>A new bistro opens by the harbour this spring, its owners said.</description></item>`)]);
    writeFileSync(file, Buffer.concat([Buffer.from('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bistro</title>'), item(Buffer.from([0x93, ...Buffer.from('Caf'), 0xe9, 0x94, ...Buffer.from(' opens')]), 'cafe'), Buffer.from('</channel></rss>')]));
    const outcome = await importFeed([file, '--content-dir', folder]);
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toContain(`Warning: ${file}: its bytes are not valid in the encoding it declares (UTF-8): 3 bytes are not UTF-8 and were read as WINDOWS-1252; the publisher should serve the whole feed in UTF-8.`);
    expect(matter(readFileSync(join(folder, 'imported', importedFiles(folder)[0]!), 'utf8')).data.title).toBe('“Café” opens');
  });
});
