// Imports of one feed into one content folder at nearly the same moment write what a single import writes: the
// content folder is locked while an import reads and writes it. A killed import's temporary file is cleaned up.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockFolder } from '../../../src/io/folder-lock.ts';

const projectRoot = resolve(import.meta.dirname, '../../..');
const feed = join(projectRoot, 'tests/fixtures/feeds/rss2.xml');
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function contentFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'newsdesk-concurrent-import-'));
  folders.push(folder);
  return folder;
}

/** `onOutput` hears the output so far each time more arrives. */
function startImport(contentDir: string, onOutput: (output: string) => void = () => {}, env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const child = spawn(join(projectRoot, 'node_modules/.bin/node'), ['src/cli/import-feed.ts', feed, '--content-dir', contentDir], { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const heard = (chunk: Buffer) => onOutput((output += chunk));
  child.stdout.on('data', heard);
  child.stderr.on('data', heard);
  return new Promise((done) => child.on('close', (code) => done({ code, output })));
}

const imported = (contentDir: string) => readdirSync(join(contentDir, 'imported')).sort();
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('two imports of one feed at once', () => {
  let expected: string[];
  beforeAll(async () => {
    const reference = contentFolder();
    expect((await startImport(reference)).code).toBe(0);
    expected = imported(reference);
    expect(expected.length).toBeGreaterThan(0);
  });

  it.each([0, 60, 250])('started %i ms apart write the same drafts as one import', async (offset) => {
    const contentDir = contentFolder();
    const first = startImport(contentDir);
    await sleep(offset);
    const second = startImport(contentDir);
    const results = await Promise.all([first, second]);
    for (const result of results) expect(result.code, result.output).toBe(0);
    expect(imported(contentDir)).toEqual(expected);
    expect(existsSync(`${contentDir}.lock`)).toBe(false);
  });
});

describe('an import while another holds the content folder', () => {
  // Child processes: a loaded machine takes seconds to start one.
  it('waits, writing nothing, and imports once the other has finished', async () => {
    const contentDir = contentFolder();
    const release = await lockFolder(contentDir, { what: 'the test content folder' });
    // However slowly the machine starts the import, the lock is let go only once the import says it is waiting.
    let saysItWaits: () => void;
    const waitingSaid = new Promise<void>((done) => (saysItWaits = done));
    const waiting = startImport(contentDir, (output) => output.includes('is writing the content folder') && saysItWaits());
    await waitingSaid;
    await sleep(500);
    expect(existsSync(join(contentDir, 'imported'))).toBe(false);
    await release();
    const result = await waiting;
    expect(result.code, result.output).toBe(0);
    expect(imported(contentDir)).toHaveLength(3);
  });
});

describe('an import into a sub-folder of the content folder', () => {
  it('waits for the lock of the whole content folder, which npm run new and the aggregator take', async () => {
    const contentDir = contentFolder();
    const subFolder = join(contentDir, 'wires');
    mkdirSync(subFolder);
    const release = await lockFolder(contentDir, { what: 'the test content folder' });
    let saysItWaits: () => void;
    const waitingSaid = new Promise<void>((done) => (saysItWaits = done));
    const waiting = startImport(subFolder, (output) => output.includes(`is writing the content folder ${contentDir}`) && saysItWaits(), { NEWSDESK_CONTENT_DIR: contentDir });
    await waitingSaid;
    expect(existsSync(join(subFolder, 'imported'))).toBe(false);
    await release();
    const result = await waiting;
    expect(result.code, result.output).toBe(0);
    expect(imported(subFolder)).toHaveLength(3);
  });
});

describe('an import after one that was killed while writing', () => {
  it('removes the temporary file the killed one left, and only that', async () => {
    const contentDir = contentFolder();
    mkdirSync(join(contentDir, 'imported'));
    const leftover = '.chipmakers-race.md.3f2b8c1e-9d4a-4e6b-8f00-1a2b3c4d5e6f.tmp';
    writeFileSync(join(contentDir, 'imported', leftover), '---\ntitle: "half');
    writeFileSync(join(contentDir, 'imported', '.editor-notes.tmp'), 'not ours');
    const result = await startImport(contentDir);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain(`Removed ${join(contentDir, 'imported', leftover)}, left by an import that was stopped.`);
    expect(readdirSync(join(contentDir, 'imported')).filter((name) => name.startsWith('.'))).toEqual(['.editor-notes.tmp']);
  });
});
