import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { replaceFile, writeNewFile } from '../../../src/io/write-file.ts';

// A power cut cannot be staged in a test; what can be checked is that every folder entry a write made is flushed
// after it was made. The file system calls are recorded, in order, as they pass through.
const calls: string[] = [];
vi.mock('node:fs/promises', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...original,
    link: async (from: string, to: string) => {
      await original.link(from, to);
      calls.push(`link ${to}`);
    },
    rename: async (from: string, to: string) => {
      await original.rename(from, to);
      calls.push(`rename ${to}`);
    },
    open: async (path: string, flags?: string) => {
      const handle = await original.open(path, flags);
      if (!statSync(path).isDirectory()) return handle;
      const sync = handle.sync.bind(handle);
      return Object.assign(handle, { sync: async () => { await sync(); calls.push(`sync ${path}`); } });
    },
  };
});

const folders: string[] = [];
afterEach(() => {
  calls.length = 0;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('a write that returns has flushed the folder naming the file', () => {
  it('writeNewFile flushes the folder after linking the file into place, and the folders it made above it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'newsdesk-sync-'));
    folders.push(folder);
    const path = join(folder, 'aggregated', 'wire', 'story.md');
    await writeNewFile(path, 'contents');
    expect(readFileSync(path, 'utf8')).toBe('contents');
    expect(calls).toEqual([`link ${path}`, `sync ${join(folder, 'aggregated', 'wire')}`, `sync ${join(folder, 'aggregated')}`, `sync ${folder}`]);
  });

  it('replaceFile flushes the folder after renaming the file over the old one', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'newsdesk-sync-'));
    folders.push(folder);
    const path = join(folder, '.aggregate-state.json');
    await replaceFile(path, '{"version":1}');
    await replaceFile(path, '{"version":1,"sources":{}}');
    expect(readFileSync(path, 'utf8')).toBe('{"version":1,"sources":{}}');
    expect(calls).toEqual([`rename ${path}`, `sync ${folder}`, `rename ${path}`, `sync ${folder}`]);
  });
});
