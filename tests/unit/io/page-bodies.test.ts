import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pageBodyReader, pageBodyWriter } from '../../../src/io/page-bodies.ts';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));
const folder = () => join((root = mkdtempSync(join(tmpdir(), 'page-bodies-'))), 'dist.articles.jsonl.pages');

describe('bodies handed from the search step to the article pages', () => {
  it('are found by their slug, in any script and of any length; a slug not handed is undefined (the page renders it)', () => {
    const at = folder();
    const writer = pageBodyWriter(at);
    const long = 'выборы-'.repeat(60);
    writer.leave('2026-11', new Map([['japan-ai-race', '<p>Japan’s bet</p>'], [long, '<p>long</p>'], ['токио', '<p>cyrillic ✓</p>']]));
    writer.leave('2026-12', new Map([['tokyo', '<p>latin</p>']]));
    const body = pageBodyReader(at);
    expect([body('japan-ai-race'), body(long), body('токио'), body('tokyo')]).toEqual(['<p>Japan’s bet</p>', '<p>long</p>', '<p>cyrillic ✓</p>', '<p>latin</p>']);
    expect(body('japan-ai')).toBeUndefined();
    // One file of bodies and its index per part, each whole: no temporary file is left where a reader could take it.
    expect(readdirSync(at).sort()).toEqual(['2026-11.html', '2026-11.json', '2026-12.html', '2026-12.json']);
  });

  it('are found as the step leaves them, while the reader already runs, until the step is done', () => {
    const at = folder();
    const writer = pageBodyWriter(at);
    const body = pageBodyReader(at);
    expect(body('tokyo')).toBeUndefined();
    writer.leave('2026-12', new Map([['tokyo', '<p>latin</p>']]));
    expect(body('tokyo')).toBe('<p>latin</p>');
    // A later part is found too, though the reader already holds bodies.
    writer.leave('2026-11', new Map([['nagoya', '<p>next part</p>']]));
    expect(body('nagoya')).toBe('<p>next part</p>');
    writer.done();
    expect(body('osaka')).toBeUndefined();
    // Once the step is done the folder is not looked at again: nothing it could hold is missed, as nothing more comes.
    writer.leave('2026-10', new Map([['osaka', '<p>late</p>']]));
    expect(body('osaka')).toBeUndefined();
  });

  it('are none when the step has left no folder', () => {
    const at = folder();
    expect(pageBodyReader(at)('japan-ai-race')).toBeUndefined();
  });
});
