import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discardAssetsWrittenSince } from '../../../src/io/astro-asset-cache.ts';

describe("Astro's picture cache after a stopped build", () => {
  const folders: string[] = [];
  afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it('loses the pictures written since the build started, any of which may be cut short, and keeps the older ones', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'newsdesk-astro-cache-'));
    folders.push(cacheDir);
    const assets = join(cacheDir, 'assets');
    mkdirSync(assets);
    const buildStarted = Date.parse('2026-12-01T12:00:00Z');
    const write = (name: string, modified: number) => {
      writeFileSync(join(assets, name), 'picture');
      utimesSync(join(assets, name), modified / 1000, modified / 1000);
    };
    write('kept.DDx_1a.webp', buildStarted - 60_000);
    write('half.DDx_2b.webp', buildStarted + 5_000);
    write('half.DDx_2b.webp.json', buildStarted + 5_000);
    expect(discardAssetsWrittenSince(cacheDir, buildStarted).sort()).toEqual([join(assets, 'half.DDx_2b.webp'), join(assets, 'half.DDx_2b.webp.json')]);
    expect(readdirSync(assets)).toEqual(['kept.DDx_1a.webp']);
  });

  it('does nothing when Astro has cached no picture', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'newsdesk-astro-cache-'));
    folders.push(cacheDir);
    expect(discardAssetsWrittenSince(cacheDir, Date.now())).toEqual([]);
  });
});
