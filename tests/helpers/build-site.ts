/**
 * Runs the real site build (`src/cli/build.ts`) on a fixture corpus into a fresh temp folder, for build tests; or
 * `astro dev` on one, for tests of what editors see in `npm run dev`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, relative, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { parse, type HTMLElement } from 'node-html-parser';
import { freePort } from '../../src/bench/dev-server.ts';
import { pageUrl } from '../../src/lib/search/document-files.ts';
import { createPaths } from '../../src/lib/site/paths.ts';
import { settings } from '../../src/settings.ts';
import type { SiteConfig } from '../../src/site.config.ts';

const projectRoot = resolve(import.meta.dirname, '../..');
/**
 * Builds share the project's `.astro/` folder (Astro writes content-modules.mjs there, with no setting to move it),
 * so two builds at once could read each other's module list. One lock per checkout keeps them in turn; on a
 * 2-core machine running them one at a time is no slower anyway.
 */
const { buildLock } = settings;
const flock = ['/usr/bin/flock', '/bin/flock'].find((path) => existsSync(path));
/**
 * Not passed on to the build: our own settings (set explicitly below), and what vitest puts in process.env for its
 * own Vite (BASE_URL=/, MODE=test, DEV, PROD, SSR, NODE_ENV=test), which Astro would read as the site's base and mode.
 */
const INHERITED_NOT = /^(?:NEWSDESK_\w*|SITE_URL|BASE_PATH|BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST\w*)$/;

export interface BuildSiteOptions {
  /** The articles folder to build, absolute or relative to the project root (e.g. 'tests/fixtures/site-basic'). */
  contentDir: string;
  /** Deploy path, as BASE_PATH. Default '/'. */
  basePath?: string;
  /** Origin, as SITE_URL. Default 'https://news.example.org'. */
  siteUrl?: string;
  /** The build's clock, as NEWSDESK_NOW: decides which articles are published. Default: the real time. */
  now?: string | Date;
  /** Further environment variables for the build. */
  env?: Record<string, string>;
  /** Arguments for `npm run build` (`--shard 1/3`, `--merge <folders>`). */
  args?: string[];
  /** Node's own options for the build's process, not for its steps (`--import <module>`). */
  nodeOptions?: string[];
  /** `astro build` alone, as a user may run it: no content check in front, and no search index or social cards. */
  astroOnly?: boolean;
  /**
   * Settings changed in `src/site.config.ts`, as an editor would change them there (`{ lang: 'he', pageSize: 2 }`):
   * the build runs in a copy of the project with them.
   */
  siteConfig?: Partial<Record<keyof SiteConfig, string | number | string[]>>;
}

export interface BuiltSite {
  /** The finished site (what `dist/` would be). */
  outDir: string;
  stdout: string;
  stderr: string;
  exitCode: number;
  /**
   * Paths: `'tags/index.html'` or `'tags/'` is under outDir; `'/desk/tags/'` (leading slash) is a site URL as it
   * appears in an href, the base path is stripped and percent-escapes decoded. A path ending in `/` means its index.html.
   */
  read(path: string): string;
  exists(path: string): boolean;
  /** The page parsed with node-html-parser (`querySelector`, `querySelectorAll`, `.text`, `getAttribute`). */
  html(path: string): HTMLElement;
  /** What Pagefind's index holds for each page, in every part: its fragments (gzip, a signature, then the page's JSON). */
  searchIndex(): IndexedPage[];
  /** The folders of the search index's parts: pagefind/ itself (the newest part), then each of pagefind/parts/. */
  searchIndexFolders(): string[];
  /** Deletes the temp folder; call it in afterAll. */
  cleanup(): void;
}

export interface IndexedPage {
  /** The page's, as the search page links it (src/lib/search/document-files.ts), relative to the site root: the search page adds the base path. */
  url: string;
  content: string;
  meta: Record<string, string>;
}

/** Never rejects on a failed build: look at `exitCode` and `stderr` (tests of invalid corpora need them). */
export async function buildSite(options: BuildSiteOptions): Promise<BuiltSite> {
  const root = mkdtempSync(join(tmpdir(), 'newsdesk-build-'));
  const outDir = join(root, 'dist');
  const basePath = options.basePath ?? '/';
  const command = options.astroOnly
    ? [join(projectRoot, 'node_modules/.bin/astro'), 'build', ...(options.args ?? [])]
    : [join(projectRoot, 'node_modules/.bin/node'), ...(options.nodeOptions ?? []), 'src/cli/build.ts', ...(options.args ?? [])];
  const cwd = options.siteConfig ? configuredProject(join(root, 'project'), options.siteConfig) : projectRoot;
  const { stdout, stderr, exitCode } = await run(flock ? [flock, buildLock, ...command] : command, buildEnvironment(options, root), cwd);

  const base = createPaths(basePath).root;
  const file = (path: string): string => {
    let relative = path;
    if (path.startsWith('/')) {
      const pathname = decodeURIComponent(path.split(/[?#]/)[0]!);
      if (!pathname.startsWith(base)) throw new Error(`${path} is outside the base path ${base}`);
      relative = pathname.slice(base.length);
    }
    const full = join(outDir, relative);
    return relative === '' || relative.endsWith('/') || (existsSync(full) && statSync(full).isDirectory()) ? join(full, 'index.html') : full;
  };
  const read = (path: string): string => readFileSync(file(path), 'utf8');
  return {
    outDir,
    stdout,
    stderr,
    exitCode,
    read,
    exists: (path) => existsSync(file(path)),
    html: (path) => parse(read(path)),
    searchIndex: () => indexedPages(join(outDir, 'pagefind')),
    searchIndexFolders: () => searchIndexFolders(join(outDir, 'pagefind')),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** What a build reads of the project besides its packages, which the copy links to. */
const PROJECT_FILES = ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json', 'content/sources.yaml'];

/** A copy of the project at `folder` whose `src/site.config.ts` sets `changes`; throws on a setting the file does not have. */
function configuredProject(folder: string, changes: NonNullable<BuildSiteOptions['siteConfig']>): string {
  for (const path of PROJECT_FILES) cpSync(join(projectRoot, path), join(folder, path), { recursive: true });
  symlinkSync(join(projectRoot, 'node_modules'), join(folder, 'node_modules'), 'dir');
  const configFile = join(folder, 'src/site.config.ts');
  let config = readFileSync(configFile, 'utf8');
  for (const [name, value] of Object.entries(changes)) {
    const setting = new RegExp(`^(  ${name}: ).*,$`, 'm');
    if (!setting.test(config)) throw new Error(`src/site.config.ts has no setting ${name} on a line of its own`);
    config = config.replace(setting, `$1${JSON.stringify(value)},`);
  }
  writeFileSync(configFile, config);
  return folder;
}

/** Every file of a built site (dot-files and folders included) with a hash of its bytes, to compare sites whole. */
export function siteFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return files;
}

/** What a Pagefind folder's index holds for each page, in every part: its fragments (gzip, a signature, then the page's JSON). */
export function indexedPages(pagefind: string): IndexedPage[] {
  return searchIndexFolders(pagefind).flatMap((folder) => {
    const fragments = join(folder, 'fragment');
    return readdirSync(fragments).map((name) => {
      const page: IndexedPage = JSON.parse(gunzipSync(readFileSync(join(fragments, name))).toString('utf8').replace(/^pagefind_dcd/, ''));
      return { ...page, url: pageUrl(page.url) };
    });
  });
}

function searchIndexFolders(pagefind: string): string[] {
  const parts = join(pagefind, 'parts');
  return [pagefind, ...(existsSync(parts) ? readdirSync(parts).sort().map((name) => join(parts, name)) : [])];
}

/** The build's environment: the fixture corpus, an output folder and cache under `root`, the site's address and clock. */
function buildEnvironment(options: BuildSiteOptions, root: string): NodeJS.ProcessEnv {
  const outDir = join(root, 'dist');
  const basePath = options.basePath ?? '/';
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !INHERITED_NOT.test(name)));
  return {
    ...inherited,
    // As under `npm run`: the build's child tools (`#!/usr/bin/env node`) must find the pinned Node, not the system one.
    PATH: [join(projectRoot, 'node_modules/.bin'), process.env.PATH].filter(Boolean).join(delimiter),
    NEWSDESK_CONTENT_DIR: resolve(projectRoot, options.contentDir),
    NEWSDESK_DIST: outDir,
    NEWSDESK_CACHE_DIR: join(root, 'cache'),
    SITE_URL: options.siteUrl ?? 'https://news.example.org',
    BASE_PATH: basePath,
    ...(options.now === undefined ? {} : { NEWSDESK_NOW: options.now instanceof Date ? options.now.toISOString() : options.now }),
    ...options.env,
  };
}

export interface BuildRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * Builds of one corpus into one output folder, the n-th started `offsetsMs[n]` after the first, as people running
 * `npm run build` at the same moment would. The checkout's lock is held around the group rather than each build,
 * so they overlap with each other and with nothing else. `root` holds the output and cache (default: a new temp folder).
 */
export async function buildTogether(
  options: BuildSiteOptions,
  offsetsMs: readonly number[],
  root = mkdtempSync(join(tmpdir(), 'newsdesk-builds-')),
): Promise<{ outDir: string; runs: BuildRun[]; cleanup(): void }> {
  const env = buildEnvironment(options, root);
  const holder = flock ? spawn(flock, [buildLock, 'sh', '-c', 'echo locked; exec cat'], { stdio: ['pipe', 'pipe', 'inherit'] }) : undefined;
  if (holder) await new Promise((locked) => holder.stdout!.once('data', locked));
  try {
    const command = [join(projectRoot, 'node_modules/.bin/node'), ...(options.nodeOptions ?? []), 'src/cli/build.ts'];
    const runs = await Promise.all(offsetsMs.map((offset) => new Promise((started) => setTimeout(started, offset)).then(() => run(command, env))));
    return { outDir: join(root, 'dist'), runs, cleanup: () => rmSync(root, { recursive: true, force: true }) };
  } finally {
    holder?.stdin!.end();
  }
}

/** A build under way, as `startBuild` gives it. */
export interface RunningBuild {
  /** The build's own process (`node src/cli/build.ts`), to send it a signal. */
  process: ChildProcess;
  /** Resolves once the build's output so far (either stream, colour codes removed) matches `pattern`. */
  printed(pattern: RegExp): Promise<void>;
  finished: Promise<BuildRun>;
}

/**
 * Starts one build into `root`'s output folder, as `npm run build` would, holding the checkout's lock until it has
 * ended, and hands it back running: for tests that act on a build while it works.
 */
export async function startBuild(options: BuildSiteOptions, root: string): Promise<RunningBuild> {
  const holder = flock ? spawn(flock, [buildLock, 'sh', '-c', 'echo locked; exec cat'], { stdio: ['pipe', 'pipe', 'inherit'] }) : undefined;
  if (holder) await new Promise((locked) => holder.stdout!.once('data', locked));
  const build = startRun([join(projectRoot, 'node_modules/.bin/node'), ...(options.nodeOptions ?? []), 'src/cli/build.ts', ...(options.args ?? [])], buildEnvironment(options, root));
  return { ...build, finished: build.finished.finally(() => holder?.stdin!.end()) };
}

/** `astro dev` answering on 127.0.0.1, as `startDevServer` gives it. */
export interface DevServer {
  /** A site URL as in an href (`/desk/articles/x/`): its status and HTML. */
  get(path: string): Promise<{ status: number; html: string }>;
  /** Stops the server, releases the checkout's lock and deletes its temp folder. */
  stop(): Promise<void>;
}

/**
 * `astro dev` on a fixture corpus, as `npm run dev` starts it, with a cache of its own; resolves once it is ready.
 * It writes the project's .astro/ folder as builds do, so it holds the checkout's lock until stopped.
 */
export async function startDevServer(options: Pick<BuildSiteOptions, 'contentDir' | 'basePath' | 'now' | 'env'>): Promise<DevServer> {
  const root = mkdtempSync(join(tmpdir(), 'newsdesk-dev-'));
  const holder = flock ? spawn(flock, [buildLock, 'sh', '-c', 'echo locked; exec cat'], { stdio: ['pipe', 'pipe', 'inherit'] }) : undefined;
  if (holder) await new Promise((locked) => holder.stdout!.once('data', locked));
  const release = () => {
    holder?.stdin!.end();
    rmSync(root, { recursive: true, force: true });
  };
  const port = await freePort();
  const server = startRun([join(projectRoot, 'node_modules/.bin/astro'), 'dev', '--host', '127.0.0.1', '--port', String(port)], buildEnvironment(options, root));
  try {
    await server.printed(/ready in/);
  } catch (error) {
    release();
    throw error;
  }
  return {
    get: async (path) => {
      const response = await fetch(`http://127.0.0.1:${port}${path}`);
      return { status: response.status, html: await response.text() };
    },
    stop: async () => {
      server.process.kill();
      await server.finished;
      release();
    },
  };
}

function run(command: string[], env: NodeJS.ProcessEnv, cwd = projectRoot): Promise<BuildRun> {
  return startRun(command, env, cwd).finished;
}

function startRun(command: string[], env: NodeJS.ProcessEnv, cwd = projectRoot): RunningBuild {
  const child = spawn(command[0]!, command.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  // Colour codes (FORCE_COLOR on CI runners) are styling, not text: tests assert on the words.
  const printed = (pattern: RegExp) =>
    new Promise<void>((seen, fail) => {
      const look = () => {
        if (!pattern.test(stripVTControlCharacters(stdout + stderr))) return;
        child.stdout.off('data', look);
        child.stderr.off('data', look);
        child.off('close', missed);
        seen();
      };
      const missed = () => fail(new Error(`the build ended without printing ${pattern}:\n${stdout}\n${stderr}`));
      child.stdout.on('data', look);
      child.stderr.on('data', look);
      child.once('close', missed);
      look();
    });
  const finished = new Promise<BuildRun>((done, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) => done({ stdout: stripVTControlCharacters(stdout), stderr: stripVTControlCharacters(stderr), exitCode: code ?? (signal ? 128 : 1) }));
  });
  return { process: child, printed, finished };
}
