import { describe, expect, it } from 'vitest';
import { articleBody } from '../../../src/lib/content/front-matter.ts';

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
