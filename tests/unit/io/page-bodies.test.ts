import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { handedPageBody, pageBodyWriter } from '../../../src/io/page-bodies.ts';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('bodies handed from the search step to the article pages', () => {
  it('are found by their slug, and a slug not handed yet is undefined (the page renders it)', () => {
    root = mkdtempSync(join(tmpdir(), 'page-bodies-'));
    const folder = join(root, 'dist.articles.jsonl.pages');
    const leave = pageBodyWriter(folder);
    leave('japan-ai-race', '<p>Japan’s bet</p>');
    expect(handedPageBody(folder, 'japan-ai-race')).toBe('<p>Japan’s bet</p>');
    expect(handedPageBody(folder, 'japan-ai')).toBeUndefined();
    // Whole files only: no temporary file is left where a reader could take it.
    expect(readdirSync(folder).filter((name) => !name.endsWith('.html'))).toEqual([]);
  });

  it('take slugs too long in bytes for a file name, and slugs that differ only in script', () => {
    root = mkdtempSync(join(tmpdir(), 'page-bodies-'));
    const leave = pageBodyWriter(root);
    const long = 'выборы-'.repeat(60);
    leave(long, '<p>long</p>');
    leave('tokyo', '<p>latin</p>');
    leave('токио', '<p>cyrillic</p>');
    expect([handedPageBody(root, long), handedPageBody(root, 'tokyo'), handedPageBody(root, 'токио')]).toEqual(['<p>long</p>', '<p>latin</p>', '<p>cyrillic</p>']);
  });

  it('are none when the step has left no folder', () => {
    root = mkdtempSync(join(tmpdir(), 'page-bodies-'));
    expect(handedPageBody(join(root, 'missing'), 'japan-ai-race')).toBeUndefined();
  });
});
