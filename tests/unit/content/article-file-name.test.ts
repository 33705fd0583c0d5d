import { describe, expect, it } from 'vitest';
import { ARTICLE_LIKE_FILE, misnamedExtension } from '../../../src/lib/content/article-file-name.ts';

describe('misnamedExtension', () => {
  it('names the extension to use for an article the build would not read, and nothing for .md, .mdx or other files', () => {
    expect(['a.md', 'a.mdx', 'photo.png', 'notes.txt', 'a.md.bak'].map(misnamedExtension)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(misnamedExtension('desk/Story.MD')).toEqual({ extension: '.MD', use: '.md' });
    expect(misnamedExtension('b.mdX')).toEqual({ extension: '.mdX', use: '.mdx' });
    expect(misnamedExtension('c.Markdown')).toEqual({ extension: '.Markdown', use: '.md' });
    expect(['a.md', 'A.MDX', 'c.markdown', 'photo.png'].filter((file) => ARTICLE_LIKE_FILE.test(file))).toEqual(['a.md', 'A.MDX', 'c.markdown']);
  });
});
