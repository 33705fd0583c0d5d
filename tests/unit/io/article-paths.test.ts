import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listArticleFiles } from '../../../src/io/article-paths.ts';

describe('listArticleFiles', () => {
  it('finds .md and .mdx files in sub-folders, skipping dot-files as the collection glob does, and lists other spellings of them to be refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-list-'));
    try {
      mkdirSync(join(dir, 'desk/deeper'), { recursive: true });
      mkdirSync(join(dir, '.git'));
      for (const file of ['a.md', 'desk/b.mdx', 'desk/deeper/c.md', 'notes.txt', '.hidden.md', '.git/d.md', 'desk/photo.png', 'E.MD', 'desk/f.Mdx', 'g.markdown']) writeFileSync(join(dir, file), '');
      expect(listArticleFiles(dir).map((file) => file.slice(dir.length + 1))).toEqual(['E.MD', 'a.md', 'desk/b.mdx', 'desk/deeper/c.md', 'desk/f.Mdx', 'g.markdown']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
