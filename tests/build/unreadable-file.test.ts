/**
 * An article file the account running the tools may not read: the checker, the build and the importer each name
 * the file and say why, instead of printing a stack. Root reads everything, so as root the tools run as `nobody`.
 */
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const projectRoot = resolve(import.meta.dirname, '../..');
const asUnprivileged = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
const root = mkdtempSync(join(tmpdir(), 'newsdesk-unreadable-'));
const contentDir = join(root, 'articles');
const lockedFile = join(contentDir, 'locked-away.md');
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeAll(() => {
  chmodSync(root, 0o777);
  cpSync(join(projectRoot, 'tests/fixtures/valid'), contentDir, { recursive: true });
  writeFileSync(lockedFile, '---\ntitle: "Private"\ndescription: "x"\npublishedAt: 2026-11-01\ntags: ["AI"]\n---\nText.\n');
  chmodSync(lockedFile, 0o000);
  // The rest stays writable, so only the locked file is in the way.
  for (const path of [contentDir, join(contentDir, 'desk')]) chmodSync(path, 0o777);
});

function run(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const child = spawn(join(projectRoot, 'node_modules/.bin/node'), [join(projectRoot, script), ...args], {
    cwd: projectRoot,
    env: { PATH: `${join(projectRoot, 'node_modules/.bin')}:${process.env.PATH}`, HOME: root, NEWSDESK_CONTENT_DIR: contentDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...asUnprivileged,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  return new Promise((done) => child.on('close', (code) => done({ code, output: stripVTControlCharacters(output) })));
}

const named = `${lockedFile}: the file cannot be read (permission denied); give the account that runs the build read access to it`;

describe('an article file that cannot be read', () => {
  it('is named by the checker', async () => {
    const { code, output } = await run('src/cli/check-content.ts', []);
    expect(code).toBe(1);
    expect(output).toContain(named);
    expect(output).not.toMatch(/EACCES|\n\s+at /);
  });

  it('is named by the build, which stops before writing anything', async () => {
    const { code, output } = await run('src/cli/build.ts', [], { NEWSDESK_DIST: join(root, 'dist'), NEWSDESK_CACHE_DIR: join(root, 'cache') });
    expect(code).not.toBe(0);
    expect(output).toContain(named);
    expect(output).toContain('Build failed during the content check; nothing was written.');
  });

  it('is named by the importer, which imports the feed all the same', async () => {
    const { code, output } = await run('src/cli/import-feed.ts', [join(projectRoot, 'tests/fixtures/feeds/rss2.xml')]);
    expect(code, output).toBe(0);
    expect(output).not.toMatch(/\n\s+at /);
    expect(output).toContain(`Warning: ${lockedFile} cannot be read (EACCES), so an item it covers may be imported again.`);
    expect(output).toMatch(/3 imported/);
  });
});
