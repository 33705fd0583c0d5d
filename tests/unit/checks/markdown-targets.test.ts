import { describe, expect, it } from 'vitest';
import { codeBlocks, markdownTargets } from '../../../src/lib/checks/markdown-targets.ts';

const images = (body: string, mdx = false) => markdownTargets(body, mdx).images;

describe('markdownTargets', () => {
  it('reads a picture whole: alt text with brackets, a path with parentheses or in angle brackets, a title', () => {
    const body = '![alt [with] brackets](./shot(1).png)\n\n![b](<./my photo.png> "Title") and ![c](./my%20photo.png)\n\n| cell |\n|---|\n| ![d](./in-table.png) |\n';
    expect(images(body)).toEqual([
      { url: './shot(1).png', line: 1 },
      { url: './my photo.png', line: 3 },
      { url: './my%20photo.png', line: 3 },
      { url: './in-table.png', line: 7 },
    ]);
  });

  it('leaves out what the page shows as text: code, HTML comments and blocks, escaped pictures', () => {
    const body = '```md\n![a](./a.png)\n```\n\n    ![b](./b.png)\n\n<!-- ![c](./c.png) -->\n\n<pre>\n![d](./d.png)\n</pre>\n\n\\![e](./e.png) `![f](./f.png)`\n';
    expect(images(body)).toEqual([]);
  });

  it('finds pictures in MDX, inside components too, and none in a comment or a body that does not compile', () => {
    expect(images('<Figure>\n\n![a](./a.png)\n\n</Figure>\n\n{/* ![b](./b.png) */}\n', true)).toEqual([{ url: './a.png', line: 3 }]);
    expect(images('<div>\n![a](./a.png)\n', true)).toEqual([]);
  });

  it('finds links written in place and by reference, and a linked picture as both', () => {
    expect(markdownTargets('[a](./other.md) [b][ref] `[c](./code.md)`\n\n[![d](./d.png)](https://example.com/)\n\n[ref]: ../desk/story.mdx#part\n', false)).toEqual({
      images: [{ url: './d.png', line: 3 }],
      undescribedImages: [],
      links: [
        { url: './other.md', line: 1 },
        { url: 'https://example.com/', line: 3 },
        { url: '../desk/story.mdx#part', line: 5 },
      ],
      picturesAsText: [],
      undefinedFootnotes: [],
    });
  });

  it('finds what reads as a picture or a footnote but is shown as typed, not in code or escaped', () => {
    const body = 'Intro.\n\nSee ![The plant](./Photo ONE.PNG) and\n![ok](<./Photo ONE.PNG>) \\![escaped](./a b.png) `![code](./c d.png)`\n\nA claim.[^1] Another.[^missing] `[^code]` \\[^escaped]\n\n[^1]: Source one.\n';
    for (const mdx of [false, true]) {
      const { images, picturesAsText, undefinedFootnotes } = markdownTargets(body, mdx);
      expect(images).toEqual([{ url: './Photo ONE.PNG', line: 4 }]);
      expect(picturesAsText).toEqual([{ written: '![The plant](./Photo ONE.PNG)', line: 3 }]);
      expect(undefinedFootnotes).toEqual([{ written: '[^missing]', line: 6 }]);
    }
  });
});

describe('undescribed pictures', () => {
  it('are those with no description, or one of spaces only, in Markdown as in MDX', () => {
    const body = '![](./a.png) ![  ](https://images.example/b.png) ![The plant](./c.png)\n\n[![](./d.png)](https://example.com/)\n\n`![](./code.png)`\n';
    for (const mdx of [false, true]) {
      expect(markdownTargets(body, mdx).undescribedImages).toEqual([
        { url: './a.png', line: 1 },
        { url: 'https://images.example/b.png', line: 1 },
        { url: './d.png', line: 3 },
      ]);
    }
  });
});

describe('codeBlocks', () => {
  it('finds indented and fenced code by offset, and not HTML indented inside a list item', () => {
    const body = 'Intro é 日本\n\n    <audio src="./a.mp3">\n\n```\n<video>\n```\n\n- item\n\n    <video src="./b.mp4">\n';
    expect(codeBlocks(body).map(({ start, end }) => body.slice(start, end))).toEqual(['    <audio src="./a.mp3">', '```\n<video>\n```']);
  });
});
