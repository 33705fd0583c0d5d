import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeManyFiles } from '../../../src/io/many-files.ts';

const root = mkdtempSync(join(tmpdir(), 'newsdesk-many-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('writeManyFiles', () => {
  it('writes every file, making the folders they need, several files to a folder', () => {
    writeManyFiles([
      [join(root, 'a/one.html'), 'one'],
      [join(root, 'a/two.html'), 'two'],
      [join(root, 'b/c/three.html'), 'three'],
    ]);
    expect(['a/one.html', 'a/two.html', 'b/c/three.html'].map((path) => readFileSync(join(root, path), 'utf8'))).toEqual(['one', 'two', 'three']);
  });
});
