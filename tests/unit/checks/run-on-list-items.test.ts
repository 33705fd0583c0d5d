import { describe, expect, it } from 'vitest';
import { parseArticle, type ParsedArticle } from '../../../src/lib/content/article.ts';
import { runOnListItems } from '../../../src/lib/checks/run-on-list-items.ts';

function article(frontMatter: string): ParsedArticle {
  const parsed = parseArticle('a.md', `---\ntitle: Headline\n${frontMatter}---\n\nBody.\n`);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return parsed.article;
}

describe('runOnListItems', () => {
  it('names an item indented deeper than the one above, which YAML reads as part of it, at its own line', () => {
    expect(runOnListItems(article('tags:\n  - AI\n    - Policy\n'))).toEqual([
      {
        file: 'a.md',
        line: 5,
        field: 'tags',
        severity: 'error',
        message: '"- Policy" is read as part of the item above it, which YAML makes the one item "AI - Policy"',
        hint: 'indent it like the item above, its - under that item\'s -',
      },
    ]);
  });

  it('finds it in any list, whatever the indents and with blank lines between, each run-on item once', () => {
    const found = runOnListItems(article('authors:\n- Mariko Tanaka\n - Ken Ito\n\n   - Ana Lima\nrelated:\n  - one-slug\n      - two-slug\ntags: ["AI"]\n'));
    expect(found.map(({ line, field }) => ({ line, field }))).toEqual([
      { line: 5, field: 'authors' },
      { line: 7, field: 'authors' },
      { line: 10, field: 'related' },
    ]);
  });

  it('leaves items written alike, and values an editor continued on purpose: quoted, block scalars and plain words', () => {
    const fine = [
      'tags:\n  - AI\n  - Policy\n',
      'tags:\n  - "AI\n    - Policy"\n',
      "tags:\n  - 'AI\n    - Policy'\n",
      'tags:\n  - |\n    AI\n    - Policy\n',
      'tags:\n  - AI and\n    Policy\n',
      'tags: ["AI"]\ndescription: "A dek\n  - with\n    - dashes"\n',
      'tags: ["AI"]\ndescription: >\n  Points:\n  - one\n    - two\n',
      'tags: ["AI"]\nsource:\n  name: Wire\n  url: https://example.com/a\n',
    ];
    for (const frontMatter of fine) expect(runOnListItems(article(frontMatter)), frontMatter).toEqual([]);
  });
});
