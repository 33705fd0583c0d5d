/** The lock on a folder a command writes: taken beside the folder, even where nothing exists yet, and held exclusively. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderBusyError, lockFolder } from '../../../src/io/folder-lock.ts';

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
});
