import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discardedFolders, moveAside, removeDiscardedFolders } from '../../../src/io/discarded-folders.ts';

const root = mkdtempSync(join(tmpdir(), 'newsdesk-discarded-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const outDir = join(root, 'dist');

describe('folders set aside beside the output', () => {
  it('are moved aside whole under a name of their own, and nothing is made when there is nothing to move', () => {
    mkdirSync(join(root, 'dist.staging'));
    writeFileSync(join(root, 'dist.staging', 'index.html'), 'half a site');
    const aside = moveAside(join(root, 'dist.staging'), outDir)!;
    expect(aside).toMatch(/\/dist\.discarded-[0-9a-f]{12}$/);
    expect(readdirSync(aside)).toEqual(['index.html']);
    expect(moveAside(join(root, 'dist.search'), outDir)).toBeUndefined();
    expect(discardedFolders(outDir)).toEqual([aside]);
  });

  it('are all removed, and nothing else beside the output is', async () => {
    for (const name of ['dist', 'dist-2.discarded-0123456789ab', 'dist.discarded-mine']) mkdirSync(join(root, name));
    moveAside(join(root, 'dist'), outDir);
    const warnings: string[] = [];
    await removeDiscardedFolders(outDir, (message) => warnings.push(message));
    expect(readdirSync(root).sort()).toEqual(['dist-2.discarded-0123456789ab', 'dist.discarded-mine']);
    expect(warnings).toEqual([]);
  });
});
