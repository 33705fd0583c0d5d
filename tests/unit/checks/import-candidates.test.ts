import { describe, expect, it } from 'vitest';
import { importCandidates } from '../../../src/lib/checks/import-candidates.ts';

const EXTENSIONS = ['.mjs', '.js', '.mts', '.ts', '.jsx', '.tsx', '.json'];

describe('importCandidates', () => {
  it('tries the path as written, then with each of Vite\'s extensions, then as a folder', () => {
    expect(importCandidates('/site/content/ai', '../components/chart')).toEqual([
      '/site/content/components/chart',
      ...EXTENSIONS.map((extension) => `/site/content/components/chart${extension}`),
      ...EXTENSIONS.map((extension) => `/site/content/components/chart/index${extension}`),
      '/site/content/components/chart/package.json',
    ]);
  });

  it('finds the TypeScript file a .js import names, as Astro compiles MDX as TypeScript', () => {
    expect(importCandidates('/a', './data.js').slice(0, 3)).toEqual(['/a/data.js', '/a/data.ts', '/a/data.tsx']);
    expect(importCandidates('/a', './data.mjs').slice(0, 2)).toEqual(['/a/data.mjs', '/a/data.mts']);
  });

  it('leaves a query to Vite', () => {
    expect(importCandidates('/a', './table.csv?raw')[0]).toBe('/a/table.csv');
  });
});
