import { describe, expect, it } from 'vitest';
import { markdownBody } from '../../../src/lib/content/markdown-body.ts';

describe('markdownBody', () => {
  it('drops the front matter and the blank line after it', () => {
    expect(markdownBody('---\ntitle: "A"\ntags: ["AI"]\n---\n\nFirst paragraph.\n\n## Heading\n')).toBe('First paragraph.\n\n## Heading');
  });

  it('keeps a later thematic break (---) in the body', () => {
    expect(markdownBody('---\ntitle: A\n---\nBefore.\n\n---\n\nAfter.\n')).toBe('Before.\n\n---\n\nAfter.');
  });

  it('handles a byte-order mark and Windows line endings', () => {
    expect(markdownBody('\uFEFF---\r\ntitle: A\r\n---\r\nBody text.\r\n')).toBe('Body text.');
  });

  it('returns the whole text, trimmed, when there is no front matter', () => {
    expect(markdownBody('\nJust prose.\n')).toBe('Just prose.');
  });

  it('returns an empty body for a file that is only front matter', () => {
    expect(markdownBody('---\ntitle: A\n---\n')).toBe('');
  });
});
