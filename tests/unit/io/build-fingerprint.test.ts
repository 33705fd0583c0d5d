import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFingerprint, type FingerprintInputs } from '../../../src/io/build-fingerprint.ts';

const root = mkdtempSync(join(tmpdir(), 'newsdesk-fingerprint-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function setup(name: string, files: Record<string, string>, sources = 'sources: []\n'): FingerprintInputs {
  const contentDir = join(root, name, 'articles');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(contentDir, path, '..'), { recursive: true });
    writeFileSync(join(contentDir, path), text);
  }
  writeFileSync(join(root, name, 'sources.yaml'), sources);
  return { contentDir, sourcesFile: join(root, name, 'sources.yaml'), now: new Date('2026-11-25T12:00:00Z'), siteUrl: 'https://news.example.org', basePath: '/' };
}

describe('buildFingerprint', () => {
  const files = { 'a.md': 'one', 'ai/b.md': 'two', 'ai/photo.png': 'pixels' };

  it('is the same for the same content in another checkout, and counts every file', () => {
    const first = buildFingerprint(setup('first', files));
    expect(buildFingerprint(setup('second', files))).toEqual(first);
    expect(first).toMatchObject({ now: '2026-11-25T12:00:00.000Z', siteUrl: 'https://news.example.org', basePath: '/', files: 3 });
  });

  it('is the same for one site whose settings are spelt two ways, and differs for another address', () => {
    const first = buildFingerprint(setup('spelt', files));
    const as = (siteUrl: string, basePath: string) => buildFingerprint({ ...setup('spelt', files), siteUrl, basePath });
    expect(as('https://news.example.org/desk/', '/desk/')).toEqual(as('https://NEWS.example.org/desk', 'desk'));
    expect(as('https://news.example.org/', '/')).toEqual(first);
    expect(as('https://news.example.org/', '/desk/')).not.toEqual(as('https://news.example.org/', '/'));
    expect(as('https://news.example.com', '/')).not.toEqual(first);
  });

  it('changes with any file, a picture, a file’s name or the sources registry', () => {
    const base = buildFingerprint(setup('base', files)).content;
    expect(buildFingerprint(setup('edited', { ...files, 'a.md': 'one!' })).content).not.toBe(base);
    expect(buildFingerprint(setup('picture', { ...files, 'ai/photo.png': 'other pixels' })).content).not.toBe(base);
    expect(buildFingerprint(setup('renamed', { 'a2.md': 'one', 'ai/b.md': 'two', 'ai/photo.png': 'pixels' })).content).not.toBe(base);
    expect(buildFingerprint(setup('registry', files, 'sources: [x]\n')).content).not.toBe(base);
  });
});
