import { describe, expect, it } from 'vitest';
import { importCandidates, importPlace } from '../../../src/lib/checks/import-candidates.ts';

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

describe('where an MDX import is looked for', () => {
  const folders = { articleFolder: '/site/content/articles/desk', projectRoot: '/site' };

  it('looks for a relative path from the article’s folder, and a /-rooted one from the project’s, then the disk’s root', () => {
    expect(importPlace('./chart.astro', folders)).toMatchObject({ kind: 'file', rooted: false, candidates: expect.arrayContaining(['/site/content/articles/desk/chart.astro']) });
    const rooted = importPlace('/src/components/Chart.astro', folders);
    expect(rooted).toMatchObject({ kind: 'file', rooted: true });
    expect(rooted.kind === 'file' && rooted.candidates.slice(0, 1)).toEqual(['/site/src/components/Chart.astro']);
    expect(rooted.kind === 'file' && rooted.candidates).toContain('/src/components/Chart.astro');
  });

  it('looks for a package in every node_modules from the article’s folder up, as the bundler does', () => {
    expect(importPlace('@acme/charts/line', { articleFolder: '/work/desk', projectRoot: '/site' })).toEqual({
      kind: 'package',
      name: '@acme/charts',
      folders: ['/work/desk/node_modules/@acme/charts', '/work/node_modules/@acme/charts', '/node_modules/@acme/charts'],
    });
    expect(importPlace('chart-kit/styles.css', folders)).toMatchObject({ kind: 'package', name: 'chart-kit' });
  });

  it('leaves Node’s own modules to the build', () => {
    expect(importPlace('fs', folders)).toEqual({ kind: 'built in' });
    expect(importPlace('path/posix', folders)).toEqual({ kind: 'built in' });
  });
});
