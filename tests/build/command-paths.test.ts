/**
 * Paths typed after `npm run <tool> --`: npm runs every script in the project folder, so each tool reads them from
 * the folder they were typed in, which npm gives in INIT_CWD; a tool started by another, inheriting a stale
 * INIT_CWD, reads them from its own working folder.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { corpusWith, projectRoot } from '../helpers/invalid-corpus.ts';

const node = join(projectRoot, 'node_modules/.bin/node');
/** This process's environment without the settings or what the npm that started the tests passes on. */
const clean = () => Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(?:NEWSDESK_|npm_|INIT_CWD$)/.test(name)));
const ran = (result: SpawnSyncReturns<string>) => ({ code: result.status, stdout: result.stdout, stderr: result.stderr });

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});
const corpus = (name?: string) => {
  const made = corpusWith(name);
  cleanups.push(made.cleanup);
  return made.dir;
};
const folder = () => {
  const made = mkdtempSync(join(tmpdir(), 'newsdesk-typed-in-'));
  cleanups.push(() => rmSync(made, { recursive: true, force: true }));
  return made;
};

/** `npm run <script> -- <args>` typed in `typedIn`, a folder inside the project. */
function npmRun(script: string, args: string[], typedIn: string) {
  return ran(spawnSync('npm', ['run', '--silent', script, '--', ...args], { cwd: typedIn, env: clean(), encoding: 'utf8' }));
}

/**
 * A tool started with the working folder and environment npm gives `npm run` typed in `typedIn`, without npm itself:
 * so that a temporary folder can stand for the editor's, and `env` for what a parent process passes on.
 */
function started(file: string, args: string[], { cwd = projectRoot, typedIn, script = `node src/cli/${file}`, env = {} }: { cwd?: string; typedIn: string; script?: string; env?: Record<string, string> }) {
  const npm = { INIT_CWD: typedIn, npm_package_json: join(projectRoot, 'package.json'), npm_lifecycle_script: script };
  return ran(spawnSync(node, [join(projectRoot, 'src/cli', file), ...args], { cwd, env: { ...clean(), ...npm, ...env }, encoding: 'utf8' }));
}

describe('paths typed after npm run', () => {
  it('npm run check:content, typed in a subfolder, checks the file named there', () => {
    const { code, stdout } = npmRun('check:content', ['not-a-date.md', '--dir', '../../valid'], join(projectRoot, 'tests/fixtures/invalid/not-a-date'));
    expect(code).toBe(1);
    expect(stdout).toMatch(/^not-a-date\.md:4: publishedAt: "sometime last week" is not a date/m);
    expect(stdout).toMatch(/1 error and 0 warnings in 1 file checked/);
  });

  it('npm run new and drafts write and list in the folder named there, naming files from it', () => {
    // A folder the project does not have: read from the wrong folder, nothing would be written.
    const dir = corpus();
    const made = started('new-article.ts', ['Rules story', '--tags', 'AI', '--dir', 'desk'], { typedIn: dir });
    expect(made.code).toBe(0);
    expect(made.stdout).toBe('desk/rules-story.md\n');
    expect(existsSync(join(dir, 'desk/rules-story.md'))).toBe(true);

    // An empty registry beside the folder, also named from where the command was typed.
    writeFileSync(join(dir, 'no-sources.yaml'), '[]\n');
    const drafts = started('drafts.ts', ['--dir', 'desk', '--sources', 'no-sources.yaml'], { typedIn: dir });
    expect(drafts.code).toBe(0);
    expect(drafts.stdout).toMatch(/\(own\) {2}desk\/rules-story\.md\n/);
  });

  it('npm run new typed in a sub-folder of the content folder writes the draft there', () => {
    const dir = corpus();
    mkdirSync(join(dir, 'fintech'));
    const made = started('new-article.ts', ['Ledger story', '--tags', 'AI', '--dir', '..'], { typedIn: join(dir, 'fintech') });
    expect(made.code).toBe(0);
    expect(made.stdout).toBe('ledger-story.md\n');
    expect(existsSync(join(dir, 'fintech/ledger-story.md'))).toBe(true);
  });

  it('npm run new typed in a hidden sub-folder writes the draft where the site will publish it', () => {
    const dir = corpus();
    mkdirSync(join(dir, '.drafts'));
    const made = started('new-article.ts', ['Ledger story', '--tags', 'AI', '--dir', '..'], { typedIn: join(dir, '.drafts') });
    expect(made.code).toBe(0);
    expect(existsSync(join(dir, 'ledger-story.md'))).toBe(true);
    expect(existsSync(join(dir, '.drafts/ledger-story.md'))).toBe(false);
  });

  it('npm run import reads the feed file named there, and names its drafts from there', () => {
    const dir = corpus();
    copyFileSync(join(projectRoot, 'tests/fixtures/feeds/atom.xml'), join(dir, 'atom.xml'));
    const { code, stdout } = started('import-feed.ts', ['atom.xml', '--content-dir', 'desk', '--dry-run'], { typedIn: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('atom.xml');
    expect(stdout).toMatch(/ desk\/imported\/[a-z0-9-]+\.md/);
  });

  it('npm run sources and aggregate read and write the registry and OPML files named there', () => {
    const dir = folder();
    copyFileSync(join(projectRoot, 'tests/fixtures/opml/reader-export.opml'), join(dir, 'feeds.opml'));
    writeFileSync(join(dir, 'sources.yaml'), '# Our outlets.\n');
    const imported = started('sources.ts', ['import-opml', 'feeds.opml', '--sources', 'sources.yaml'], { typedIn: dir });
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^sources\.yaml: added 5, skipped 3\./m);
    expect(readFileSync(join(dir, 'sources.yaml'), 'utf8')).toContain('- id: chipwire\n');
    expect(started('sources.ts', ['export-opml', '--sources', 'sources.yaml', '--output', 'out.opml'], { typedIn: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'out.opml'), 'utf8')).toContain('xmlUrl="https://chipwire.example.com/feed.xml"');

    const aggregate = started('aggregate.ts', ['--sources', 'sources.yaml', '--content-dir', '.', '--only', 'nobody', '--dry-run'], { typedIn: dir });
    expect(aggregate.stderr).toContain('--only: no source has the id "nobody"; the registry lists chipwire, ars-technica,');
  });

  it('a tool started by another keeps its own working folder, whatever INIT_CWD it inherits', () => {
    const elsewhere = folder();
    // As the build starts the content check: in the project folder, under the build's own npm script.
    const fromBuild = started('check-content.ts', ['tests/fixtures/invalid/not-a-date/not-a-date.md', '--dir', 'tests/fixtures/valid'], { typedIn: elsewhere, script: 'node src/cli/build.ts' });
    expect(fromBuild.code).toBe(1);
    expect(fromBuild.stdout).toMatch(/^tests\/fixtures\/invalid\/not-a-date\/not-a-date\.md:4: publishedAt:/m);

    // As a test run by `npm test` starts it, in a folder of its own.
    const dir = corpus('not-a-date');
    const fromTest = started('check-content.ts', ['not-a-date.md', '--dir', '.'], { cwd: dir, typedIn: projectRoot, script: 'vitest run' });
    expect(fromTest.code).toBe(1);
    expect(fromTest.stdout).toMatch(/^not-a-date\.md:4: publishedAt:/m);
  });
});
