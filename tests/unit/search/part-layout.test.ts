import { describe, expect, it } from 'vitest';
import { mergedPartFolders, partFolder } from '../../../src/lib/search/part-layout.ts';

const part = (key: string) => ({ key, articles: [] });

describe('the layout of the search parts', () => {
  it('puts the newest part at the root of pagefind/ and every other in a folder named by its period', () => {
    expect(partFolder('2026-03', true)).toBe('');
    expect(partFolder('2026-01..2026-02', false)).toBe('parts/2026-01..2026-02/');
  });

  it('merges every part but the newest, newest first', () => {
    expect(mergedPartFolders([part('2025-10..2025-12'), part('2026-01..2026-02'), part('2026-03')])).toEqual(['parts/2026-01..2026-02/', 'parts/2025-10..2025-12/']);
    expect(mergedPartFolders([part('2026-03')])).toEqual([]);
    expect(mergedPartFolders([])).toEqual([]);
  });
});
