import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { didYouMean, folderProblem, meantPath } from '../../../src/io/meant-path.ts';

const folder = mkdtempSync(join(tmpdir(), 'newsdesk-meant-path-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
mkdirSync(join(folder, 'content/articles/desk'), { recursive: true });
writeFileSync(join(folder, 'content/articles/desk/chip-plant-opens.md'), '');
writeFileSync(join(folder, 'content/sources.yaml'), '');
writeFileSync(join(folder, 'content/.hidden-notes.md'), '');
const typedIn = (given: string) => resolve(folder, given);

describe('the path an editor meant', () => {
  it('names the file or folder beside a mistyped one, written as it was typed', () => {
    expect(meantPath('content/artciles', typedIn)).toBe('content/articles');
    expect(meantPath('content/artciles/', typedIn)).toBe('content/articles');
    expect(meantPath('content/sourcse.yaml', typedIn)).toBe('content/sources.yaml');
    expect(meantPath(join(folder, 'content/source.yaml'), typedIn)).toBe(join(folder, 'content/sources.yaml'));
  });

  it('corrects the folders on the way too, and a name typed in the wrong case', () => {
    expect(meantPath('Content/articles/desk/chip-plant-opns.md', typedIn)).toBe('content/articles/desk/chip-plant-opens.md');
  });

  it('suggests nothing for a name unlike any there, a folder that is nowhere near, or a hidden file', () => {
    expect(meantPath('content/notes.md', typedIn)).toBeUndefined();
    expect(meantPath('elsewhere/entirely/story.md', typedIn)).toBeUndefined();
    expect(meantPath('content/hidden-notes.md', typedIn)).toBeUndefined();
    expect(didYouMean('content/notes.md', typedIn)).toBe('');
    expect(didYouMean('content/artcles', typedIn)).toBe(' (did you mean content/articles?)');
  });
});

describe('a folder given for the content folder', () => {
  const paths = { display: (path: string) => path.slice(folder.length + 1), resolve: typedIn };
  it('is named a file when it is one, missing (with the one meant) when it is not there, and passes when it is a folder', () => {
    expect(folderProblem(typedIn('content/sources.yaml'), 'The content folder', paths)).toBe('The content folder content/sources.yaml is a file, not a folder');
    expect(folderProblem(typedIn('content/artciles'), 'The content folder', paths)).toBe('The content folder content/artciles does not exist (did you mean content/articles?)');
    expect(folderProblem(typedIn('content/articles'), 'The content folder', paths)).toBeUndefined();
  });
});
