import { describe, expect, it } from 'vitest';
import { fencedCodeTracker, replaceFencedCode } from '../../../src/lib/text/code-fences.ts';

/** Which lines of a Markdown text are code, as 0/1 per line. */
const codeLines = (markdown: string) => {
  const inCode = fencedCodeTracker();
  return markdown.split('\n').map((line) => (inCode(line) ? 1 : 0));
};

describe('fenced code, line by line', () => {
  it('marks backtick and tilde fences, fence lines included', () => {
    expect(codeLines('prose\n```js\ncode\n```\nprose\n~~~\ncode\n~~~\nprose')).toEqual([0, 1, 1, 1, 0, 1, 1, 1, 0]);
  });

  it('closes a fence only with the same character, at least as many, alone on the line', () => {
    expect(codeLines('````\n```\n~~~~\n```` info\n`````\nprose')).toEqual([1, 1, 1, 1, 1, 0]);
  });

  it('allows up to three spaces of indentation, not four', () => {
    expect(codeLines('   ```\ncode\n   ```\n    ```\nprose')).toEqual([1, 1, 1, 0, 0]);
  });

  it('runs an unclosed fence to the end', () => {
    expect(codeLines('prose\n~~~\ncode\nstill code')).toEqual([0, 1, 1, 1]);
  });

  it('leaves two backticks or inline code alone', () => {
    expect(codeLines('``not a fence``\nuse `code` here')).toEqual([0, 0]);
  });
});

describe('replaceFencedCode', () => {
  it('replaces each code line and keeps the line breaks', () => {
    expect(replaceFencedCode('a\n~~~\nx y\n~~~\nb', (line) => '-'.repeat(line.length))).toBe('a\n---\n---\n---\nb');
  });
});
