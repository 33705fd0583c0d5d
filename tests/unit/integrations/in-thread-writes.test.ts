import fs from 'node:fs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pagesWrittenInThread, writeInThread } from '../../../src/integrations/in-thread-writes.ts';

const { mkdir, writeFile } = fs.promises;
let folder: string;
let restore: (() => void) | undefined;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'in-thread-writes-'));
});
afterEach(() => {
  restore?.();
  restore = undefined;
  rmSync(folder, { recursive: true, force: true });
});

/** What a call settled with: its value, or its error's code and system call. */
const settled = (call: Promise<unknown>) =>
  call.then(
    (value) => ({ value }),
    (error: NodeJS.ErrnoException) => ({ code: error.code, syscall: error.syscall }),
  );

describe('writeInThread', () => {
  it('has the page written, whole, before the call returns, for a path, a URL or a Buffer naming it', async () => {
    restore = writeInThread();
    const page = '<!doctype html><title>日本とAI</title>';
    const targets = [join(folder, 'a.html'), pathToFileURL(join(folder, 'b.html')), Buffer.from(join(folder, 'c.html'))];
    for (const target of targets) {
      const writing = fs.promises.writeFile(target, page);
      expect(readFileSync(target, 'utf8')).toBe(page);
      await expect(writing).resolves.toBeUndefined();
    }
    const bytes = new Uint8Array([0xde, 0xad, 0xbe, 0xef]);
    const writing = fs.promises.writeFile(join(folder, 'd.bin'), bytes);
    expect([...readFileSync(join(folder, 'd.bin'))]).toEqual([...bytes]);
    await writing;
  });

  it('makes folders before the call returns, resolving with what the thread pool resolves with', async () => {
    const expected = await mkdir(join(folder, 'pool', 'articles', 'a'), { recursive: true });
    restore = writeInThread();
    const making = fs.promises.mkdir(join(folder, 'thread', 'articles', 'a'), { recursive: true });
    expect(fs.statSync(join(folder, 'thread', 'articles', 'a')).isDirectory()).toBe(true);
    expect(await making).toBe(expected!.replace('pool', 'thread'));
    await expect(fs.promises.mkdir(join(folder, 'thread'), { recursive: true })).resolves.toBeUndefined();
  });

  it('fails as the thread pool fails: a rejected promise with the same error, never a throw', async () => {
    const missing = join(folder, 'missing', 'index.html');
    const expected = [await settled(writeFile(missing, 'x')), await settled(mkdir(folder))];
    restore = writeInThread();
    expect([await settled(fs.promises.writeFile(missing, 'x')), await settled(fs.promises.mkdir(folder))]).toEqual(expected);
    expect(expected.map((result) => 'code' in result && result.code)).toEqual(['ENOENT', 'EEXIST']);
  });

  it('leaves a file handle, a stream of data and an abort signal to the thread pool', async () => {
    restore = writeInThread();
    const handle = await fs.promises.open(join(folder, 'handle.html'), 'w');
    await fs.promises.writeFile(handle, 'through the handle');
    await handle.close();
    expect(readFileSync(join(folder, 'handle.html'), 'utf8')).toBe('through the handle');

    await fs.promises.writeFile(join(folder, 'parts.html'), ['<p>', 'parts', '</p>']);
    expect(readFileSync(join(folder, 'parts.html'), 'utf8')).toBe('<p>parts</p>');

    const aborted = AbortSignal.abort();
    await expect(fs.promises.writeFile(join(folder, 'aborted.html'), 'x', { signal: aborted })).rejects.toMatchObject({ name: 'AbortError' });
    expect(fs.existsSync(join(folder, 'aborted.html'))).toBe(false);
  });

  it('gives the thread pool its calls back', () => {
    writeInThread()();
    expect(fs.promises.mkdir).toBe(mkdir);
    expect(fs.promises.writeFile).toBe(writeFile);
  });
});

describe('pagesWrittenInThread', () => {
  it('writes in the thread from the start of the build to its end', () => {
    const hooks = pagesWrittenInThread().hooks as Record<string, () => void>;
    hooks['astro:build:start']!();
    restore = () => hooks['astro:build:done']!();
    expect(fs.promises.writeFile).not.toBe(writeFile);
    const page = join(folder, 'index.html');
    void fs.promises.writeFile(page, 'built');
    expect(readFileSync(page, 'utf8')).toBe('built');
    hooks['astro:build:done']!();
    restore = undefined;
    expect(fs.promises.mkdir).toBe(mkdir);
    expect(fs.promises.writeFile).toBe(writeFile);
  });
});
