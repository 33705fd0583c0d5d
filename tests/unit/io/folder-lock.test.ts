/** The lock on a folder a command writes: taken beside the folder, even where nothing exists yet, and held exclusively. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderBusyError, FolderLockError, lockFolder } from '../../../src/io/folder-lock.ts';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('lockFolder', () => {
  it('locks a folder whose parent does not exist yet, making the parent', async () => {
    root = mkdtempSync(join(tmpdir(), 'newsdesk-lock-'));
    const folder = join(root, 'new/place/dist');
    const release = await lockFolder(folder, { what: 'the site output' });
    expect(existsSync(`${folder}.lock`)).toBe(true);
    await release();
    expect(existsSync(`${folder}.lock`)).toBe(false);
  });

  it('makes a second holder wait, and gives up with a message naming the folder', async () => {
    root = mkdtempSync(join(tmpdir(), 'newsdesk-lock-'));
    const folder = join(root, 'dist');
    const release = await lockFolder(folder, { what: 'the site output' });
    const waits: string[] = [];
    const second = lockFolder(folder, { what: 'the site output', onWait: (message) => waits.push(message), waitMs: 1_000 });
    await expect(second).rejects.toThrow(FolderBusyError);
    await expect(second).rejects.toThrow(`delete ${folder}.lock`);
    expect(waits).toEqual(['Another run is writing the site output; waiting for it to finish…']);
    await release();
  });

  it('explains a lock it cannot make, naming the lock file, instead of failing with the bare system error', async () => {
    root = mkdtempSync(join(tmpdir(), 'newsdesk-lock-'));
    // A file where the folder's parent should be fails even for root, as a read-only folder fails for an editor.
    writeFileSync(join(root, 'content'), '');
    const folder = join(root, 'content/articles');
    const attempt = lockFolder(folder, { what: 'the content folder content/articles' });
    await expect(attempt).rejects.toThrow(FolderLockError);
    await expect(attempt).rejects.toThrow(`Cannot lock the content folder content/articles: ${folder}.lock cannot be made (`);
  });
});
