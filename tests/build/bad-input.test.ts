/**
 * Bad input through the real build (`src/cli/build.ts`): every kind of mistake fails the build with the file and
 * field named, before a page is written; a failed build leaves the previous site byte for byte as it was; a very
 * long article still builds; raw HTML in an article is rendered without anything that could run code.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { EVENT_LOOP_EMPTIED, SAYS_EVENT_LOOP_ENDED } from '../helpers/event-loop.ts';
import { corpusWith, INVALID_CASES, projectRoot, writeLongArticle, type TempCorpus } from '../helpers/invalid-corpus.ts';
import { settings } from '../../src/settings.ts';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));
function tempCorpus(name?: string): TempCorpus {
  const corpus = corpusWith(name);
  cleanups.push(corpus.cleanup);
  return corpus;
}

/** Every file under a folder with a hash of its bytes. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(dir);
  return files;
}

/** The command lines of the processes still running whose command line or environment mentions `text`. */
function processesNaming(text: string): string[] {
  const read = (pid: string, file: string) => {
    try {
      return readFileSync(join('/proc', pid, file), 'utf8');
    } catch {
      return ''; // ended meanwhile, or not ours to read
    }
  };
  return readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid) && Number(pid) !== process.pid)
    .filter((pid) => read(pid, 'cmdline').includes(text) || read(pid, 'environ').includes(text))
    .map((pid) => read(pid, 'cmdline').replaceAll('\0', ' '));
}

/**
 * The build (run with SAYS_EVENT_LOOP_ENDED) ended by itself once nothing was left running, none of its steps left
 * behind: a build that hung instead would keep a scheduled job waiting for its timeout rather than failing at once.
 */
function expectEndedByItself(build: { stderr: string }, root: string): void {
  expect(build.stderr).toContain(EVENT_LOOP_EMPTIED);
  expect(processesNaming(root), 'no step of the build left running').toEqual([]);
}

describe('each kind of bad input fails the build, naming the file and the field, before Astro starts', () => {
  for (const bad of INVALID_CASES) {
    it(bad.name, async () => {
      const corpus = tempCorpus(bad.name);
      const build = await buildSite({ contentDir: corpus.dir });
      cleanups.push(build.cleanup);
      const output = build.stdout + build.stderr;
      expect(build.exitCode, output).not.toBe(0);
      const location = `${join(corpus.dir, bad.file)}${bad.line ? `:${bad.line}` : ''}:${bad.field ? ` ${bad.field}:` : ''}`;
      const line = output.split('\n').find((text) => text.startsWith(location) && !text.includes('warning:'));
      expect(line, `no line starting ${location} in:\n${output}`).toBeDefined();
      expect(line).toMatch(bad.message);
      for (const other of bad.alsoNames ?? []) expect(line).toContain(join(corpus.dir, other));
      expect(output).toContain('Build failed during the content check; nothing was written.');
      expect(output, 'no stack trace').not.toMatch(/^\s+at /m);
      expect(output, 'Astro never started').not.toMatch(/\[build\]|\[content\]/);
      expect(existsSync(build.outDir)).toBe(false);
      expect(existsSync(`${build.outDir}.staging`)).toBe(false);
    });
  }
});

describe('a YAML alias bomb (1 KB standing for a billion values)', () => {
  it('stops the build within seconds, Astro included', async () => {
    const corpus = tempCorpus('alias-bomb');
    const started = performance.now();
    const build = await buildSite({ contentDir: corpus.dir });
    cleanups.push(build.cleanup);
    expect(build.exitCode).not.toBe(0);
    expect(performance.now() - started).toBeLessThan(30_000);
  });
});

describe('a bad sources registry', () => {
  it('fails the build in the content check, naming the registry file, line and field', async () => {
    const corpus = tempCorpus();
    const registry = join(corpus.dir, 'sources.yaml');
    writeFileSync(registry, '- id: chipwire\n  name: Chipwire\n  feed: https://chipwire.example.com/feed.xml\n  include: ["/(unclosed/"]\n');
    const build = await buildSite({ contentDir: corpus.dir, env: { NEWSDESK_SOURCES_FILE: registry } });
    cleanups.push(build.cleanup);
    const output = build.stdout + build.stderr;
    expect(build.exitCode, output).not.toBe(0);
    expect(output).toMatch(new RegExp(`^${registry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4: include\\.0: "/\\(unclosed/" is not a valid regular expression`, 'm'));
    expect(output).toContain('Build failed during the content check; nothing was written.');
    expect(existsSync(build.outDir)).toBe(false);
  });

  it('builds a registry that lists one feed twice, showing the warning, since both entries may be meant', async () => {
    const corpus = tempCorpus();
    const registry = join(corpus.dir, 'sources.yaml');
    writeFileSync(registry, '- id: chipwire\n  name: Chipwire\n  feed: https://chipwire.example.com/feed.xml\n- id: chipwire-www\n  name: Chipwire\n  feed: https://www.chipwire.example.com/feed.xml\n');
    const build = await buildSite({ contentDir: corpus.dir, env: { NEWSDESK_SOURCES_FILE: registry } });
    cleanups.push(build.cleanup);
    const output = build.stdout + build.stderr;
    expect(build.exitCode, output).toBe(0);
    expect(output).toContain(`${registry}:6: warning: feed: "chipwire-www" reads the same feed as "chipwire" (${registry}:3)`);
  });
});

describe('a good build, then failed builds into the same folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'newsdesk-swap-'));
  const dist = join(root, 'dist');
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  const intoDist = async (contentDir: string, env: Record<string, string> = {}, nodeOptions: string[] = []) => {
    const build = await buildSite({ contentDir, env: { NEWSDESK_DIST: dist, NEWSDESK_CACHE_DIR: join(root, 'cache'), ...env }, nodeOptions });
    cleanups.push(build.cleanup);
    return build;
  };
  const page = (path: string) => parse(readFileSync(join(dist, path, 'index.html'), 'utf8'));
  let before: Map<string, string>;

  beforeAll(async () => {
    const corpus = tempCorpus();
    writeLongArticle(corpus.dir, 5);
    cpSync(join(projectRoot, 'tests/fixtures/hostile/layout-escape.md'), join(corpus.dir, 'layout-escape.md'));
    const build = await intoDist(corpus.dir);
    expect(build.exitCode, build.stdout + build.stderr).toBe(0);
    before = snapshot(dist);
  });

  it('builds a 5 MB article in full', () => {
    const article = page('articles/long-read-ai-rules');
    expect(article.querySelector('h1')?.text).toBe('The long read: every AI rule in one place');
    const headings = article.querySelectorAll('.prose h2');
    expect(headings.length).toBeGreaterThan(2000);
    expect(headings.at(-1)?.getAttribute('id')).toBe(`part-${headings.length}`);
  });

  it('renders raw HTML without scripts, event handlers or javascript: links, keeping the figure', () => {
    const prose = page('articles/raw-html-embed').querySelector('.prose')!;
    expect(prose.querySelectorAll('script')).toHaveLength(0);
    expect(prose.innerHTML).not.toMatch(/onerror|onclick|javascript:|alert\(/i);
    expect(prose.querySelector('img[src="https://images.example.com/pixel.png"]')).not.toBeNull();
    const figure = prose.querySelector('figure')!;
    expect(figure.querySelector('img')?.getAttribute('alt')).toBe('Bar chart of quarterly shipments');
    expect(figure.querySelector('figcaption')?.text).toBe('Quarterly shipments, in millions');
    expect(prose.querySelector('div > p > strong')?.text).toBe('Note:');
    const links = prose.querySelectorAll('a');
    expect(links.map((link) => [link.text, link.getAttribute('href') ?? null, link.getAttribute('rel') ?? null])).toEqual([
      ['that goes nowhere', null, null],
      ['to the report', 'https://vendor.example.com/report', 'noopener noreferrer'],
      ['the vendor’s filing', 'https://filings.example.com/q3', 'noopener noreferrer'],
      ['earlier report', '/articles/markets-open-steady/', null],
      ['bad link', null, null],
    ]);
    expect(prose.querySelector('h2')?.getAttribute('id')).toBe('where-the-numbers-come-from');
  });

  it('keeps raw HTML that closes the page\'s containers inside the article: one main, one h1, no second header', () => {
    const article = page('articles/layout-escape');
    expect(article.querySelectorAll('main')).toHaveLength(1);
    expect(article.querySelectorAll('h1').map((heading) => heading.text)).toEqual(['Quarterly results, as a vendor’s page had them']);
    const signIn = article.querySelectorAll('a').filter((link) => link.text === 'Sign in');
    expect(signIn).toHaveLength(1);
    expect(signIn[0]!.closest('main article .prose')).not.toBeNull();
    expect(article.querySelector('main article .prose b')?.text).toContain('bold and never closed.');
    expect(article.querySelector('footer b')).toBeNull();
  });

  it('marks external links in MDX articles too', () => {
    const link = page('articles/explainer').querySelector('.prose a[href="https://standards.example.org/nodes"]');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('leaves the previous site byte for byte as it was when the content check fails, and ends by itself with Astro stopped', async () => {
    // Astro, started beside the check, is still waiting for the check's listing when the check fails.
    const build = await intoDist(tempCorpus('not-a-date').dir, {}, SAYS_EVENT_LOOP_ENDED);
    expect(build.exitCode).toBe(1);
    expect(build.stdout + build.stderr).toContain(`Build failed during the content check; the previous ${dist} is unchanged.`);
    expectEndedByItself(build, root);
    expect(snapshot(dist)).toEqual(before);
    expect(readdirSync(root).sort()).toEqual(['cache', 'dist']);
  });

  it('stops before any step starts and leaves the site untouched, with no staging or index folder left behind, when the search index cannot be made', async () => {
    // Pagefind's own override for its binary, pointed at nothing: found before any step starts. The good build's
    // parts are in its search cache, so this build gets an empty one of its own, and needs Pagefind.
    const build = await intoDist(tempCorpus().dir, {
      PAGEFIND_BINARY_PATH: join(root, 'no-such-pagefind'),
      NEWSDESK_SEARCH_CACHE: join(root, 'cache', 'cold-search'),
      NEWSDESK_SEARCH_INDEX: 'alongside',
    }, SAYS_EVENT_LOOP_ENDED);
    const output = build.stdout + build.stderr;
    expect(build.exitCode, output).toBe(1);
    expectEndedByItself(build, root);
    expect(output).toContain(`Search indexing failed while starting Pagefind:\n  its binary ${join(root, 'no-such-pagefind')} cannot be run: it does not exist`);
    expect(output).toContain(`Build failed during search indexing; the previous ${dist} is unchanged.`);
    // Neither the check nor Astro (whose output is held until the check passes) began work the build would throw away.
    expect(output, 'no step started').not.toContain('files checked');
    expect(snapshot(dist)).toEqual(before);
    expect(readdirSync(root).sort()).toEqual(['cache', 'dist']);
  });

  it('ends by itself with the cards\' code, the other steps stopped and the site untouched, when the social cards fail', async () => {
    // A card cache that cannot be made: the cards fail as they start.
    const cardCache = join(root, 'cache', 'cards-not-a-folder');
    writeFileSync(cardCache, '');
    const build = await intoDist(tempCorpus().dir, { NEWSDESK_CARD_CACHE: cardCache }, SAYS_EVENT_LOOP_ENDED);
    rmSync(cardCache);
    const output = build.stdout + build.stderr;
    expect(build.exitCode, output).toBe(1);
    expect(output).toContain(`Social cards failed: EEXIST: file already exists, mkdir '${cardCache}'`);
    expect(output).toContain(`Build failed during social cards; the previous ${dist} is unchanged.`);
    expectEndedByItself(build, root);
    expect(snapshot(dist)).toEqual(before);
    expect(readdirSync(root).sort()).toEqual(['cache', 'dist']);
  });

  it('says what ran out and what to do when Astro runs out of memory, and leaves the site untouched', async () => {
    // A heap far too small for Astro: the same end as a huge archive on a small machine, in seconds.
    const build = await intoDist(tempCorpus().dir, { NODE_OPTIONS: '--max-old-space-size=48' });
    const output = build.stdout + build.stderr;
    expect(build.exitCode, output).not.toBe(0);
    expect(output).toMatch(/astro build ran out of JavaScript heap \(its limit was 48\.0 MB\) with \d+ article files/);
    expect(output).toContain('npm run build -- --shard 1/2');
    expect(output).not.toContain('Last few GCs');
    expect(output).not.toContain('Native stack trace');
    expect(output).toContain(`Build failed during astro build; the previous ${dist} is unchanged.`);
    expect(snapshot(dist)).toEqual(before);
    expect(readdirSync(root).sort()).toEqual(['cache', 'dist']);
  });

  it('leaves it untouched when an MDX article\'s code is broken, with the checker\'s file and line instead of a stack trace', async () => {
    const corpus = tempCorpus();
    const file = join(corpus.dir, 'broken-chart.mdx');
    writeFileSync(file, '---\ntitle: Broken chart\ndescription: An unclosed component.\npublishedAt: 2026-11-05\ntags: [AI]\n---\n\nThe chart:\n\n<Chart data={[1, 2, 3]\n');
    const build = await intoDist(corpus.dir);
    const output = build.stdout + build.stderr;
    expect(build.exitCode, output).not.toBe(0);
    expect(output).toContain(`${file}:10: the MDX cannot be compiled: `);
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).toContain(`Build failed during the content check; the previous ${dist} is unchanged.`);
    expect(snapshot(dist)).toEqual(before);
    expect(readdirSync(root).sort()).toEqual(['cache', 'dist']);
  });

  it('leaves it untouched, with no staging folder left behind, and ends by itself with the search index stopped, when Astro itself fails mid-build', async () => {
    // A component that fails while the page is made is beyond the content check, which reads code but never runs it.
    const corpus = tempCorpus();
    const file = join(corpus.dir, 'broken-chart.mdx');
    writeFileSync(
      file,
      "---\ntitle: Broken chart\ndescription: A chart that fails while its page is made.\npublishedAt: 2026-11-05\ntags: [AI]\n---\n\nexport const Chart = () => { throw new Error('the chart has no data'); };\n\nThe chart:\n\n<Chart />\n",
    );
    // The search index made after Astro waits on its standard input, held open by the build until Astro is done.
    const build = await intoDist(corpus.dir, { NEWSDESK_SEARCH_INDEX: 'after' }, SAYS_EVENT_LOOP_ENDED);
    const output = build.stdout + build.stderr;
    expect(build.exitCode, output).toBe(1);
    // Astro names the page and the error; the build names the article's file and what to do, as the check would.
    // (Astro reports a component that throws as one it has no renderer for, by its name alone.)
    expect(output).toContain(`\n${file}:12: the component <Chart> failed while the page was built (Astro: "NoMatchingRenderer: Unable to render \`Chart\`."), so the site cannot be built with this article; fix the component`);
    expect(output).toContain(`Build failed during astro build; the previous ${dist} is unchanged.`);
    expectEndedByItself(build, root);
    expect(snapshot(dist)).toEqual(before);
    expect(readdirSync(root).sort()).toEqual(['cache', 'dist']);
  });
});

/** `astro build` alone, without the checker in front, on one corpus: what Astro's own validation says. */
function astroBuild(contentDir: string): Promise<{ code: number; output: string }> {
  const root = mkdtempSync(join(tmpdir(), 'newsdesk-astro-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  const env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('NEWSDESK_'))),
    PATH: `${join(projectRoot, 'node_modules/.bin')}:${process.env.PATH}`,
    NEWSDESK_CONTENT_DIR: contentDir,
    NEWSDESK_DIST: join(root, 'dist'),
    NEWSDESK_CACHE_DIR: join(root, 'cache'),
  };
  // Same lock as tests/helpers/build-site.ts: builds share the project's .astro/ folder.
  const command = ['/usr/bin/flock', settings.buildLock, join(projectRoot, 'node_modules/.bin/astro'), 'build'];
  return new Promise((done) => {
    const child = spawn(command[0]!, command.slice(1), { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    // Astro colours its errors when FORCE_COLOR is set (as on many CI runners); assert on the words.
    child.on('close', (code) => done({ code: code ?? 1, output: stripVTControlCharacters(output) }));
  });
}

describe('Astro’s own validation, with the checker bypassed, uses the same schema and names file and field', () => {
  it('a date that is not a date', async () => {
    const { code, output } = await astroBuild(tempCorpus('not-a-date').dir);
    expect(code).not.toBe(0);
    expect(output).toMatch(/articles → not-a-date\.md data does not match collection schema/);
    expect(output).toContain('publishedAt: "sometime last week" is not a date; use 2026-05-01 or 2026-05-01T09:00:00Z');
    expect(output).toMatch(/not-a-date\.md:4: publishedAt: "sometime last week" is not a date/);
  });

  it('a file with no front matter', async () => {
    const { code, output } = await astroBuild(tempCorpus('no-front-matter').dir);
    expect(code).not.toBe(0);
    expect(output).toMatch(/articles → no-front-matter\.md data does not match collection schema/);
    expect(output).toContain('title: is missing; add the headline readers see');
    expect(output).toMatch(/no-front-matter\.md:1: the file has no front matter/);
  });
});
