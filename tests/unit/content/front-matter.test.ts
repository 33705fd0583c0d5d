import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { articleBody, readFrontMatter } from '../../../src/lib/content/front-matter.ts';

describe('readFrontMatter', () => {
  // Files whose front matter or body an off-by-one in the cut would change: each is compared with gray-matter's
  // reading of the whole text.
  const files = {
    plain: '---\ntitle: A\n---\nBody.\n',
    'Windows line endings': '---\r\ntitle: A\r\n---\r\n\r\nBody.\r\n',
    'a blank line kept at the body\'s start': '---\ntitle: A\n---\n\n\nBody.',
    'a thematic break in the body': '---\ntitle: A\n---\nOne.\n\n---\n\nTwo.\n',
    'a language after the opening': '---yaml\ntitle: A\n---\nBody.\n',
    'empty front matter': '---\n---\nBody.\n',
    'a closing line of four dashes': '---\ntitle: A\n----\nBody.\n',
    'text after the closing dashes': '---\ntitle: A\n---more\nBody.\n',
    'no closing line': '---\ntitle: A\nsummary: B\n',
    'nothing after the closing line': '---\ntitle: A\n---',
    'an opening of four dashes': '----\ntitle: A\n---\nBody.\n',
  };
  const split = { engines: { yaml: () => ({}) } };

  it.each(Object.entries(files))('cuts %s where gray-matter reading the whole text does', (_name, text) => {
    const whole = matter(text, split);
    const read = readFrontMatter(text);
    expect({ frontMatter: read.frontMatter, body: read.body }).toEqual({ frontMatter: whole.matter, body: whole.content });
  });

  it('reads the YAML between the lines', () => {
    expect(readFrontMatter('---\ntitle: "A"\ntags: [AI, chips]\n---\nBody.').data).toEqual({ title: 'A', tags: ['AI', 'chips'] });
  });
});

describe('articleBody', () => {
  it('drops the front matter and the blank line after it', () => {
    expect(articleBody('---\ntitle: "A"\ntags: ["AI"]\n---\n\nFirst paragraph.\n\n## Heading\n')).toBe('First paragraph.\n\n## Heading');
  });

  it('keeps a later thematic break (---) in the body', () => {
    expect(articleBody('---\ntitle: A\n---\nBefore.\n\n---\n\nAfter.\n')).toBe('Before.\n\n---\n\nAfter.');
  });

  it('handles a byte-order mark and Windows line endings', () => {
    expect(articleBody('\uFEFF---\r\ntitle: A\r\n---\r\nBody text.\r\n')).toBe('Body text.');
  });

  it('returns the whole text, trimmed, when there is no front matter', () => {
    expect(articleBody('\nJust prose.\n')).toBe('Just prose.');
  });

  it('returns an empty body for a file that is only front matter', () => {
    expect(articleBody('---\ntitle: A\n---\n')).toBe('');
  });
});
