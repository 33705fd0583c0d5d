import { describe, expect, it } from 'vitest';
import { partHash } from '../../../src/lib/search/part-hash.ts';

const documents = [
  { url: '/articles/a/', content: '<html><body>first</body></html>' },
  { url: '/articles/b/', content: '<html><body>second</body></html>' },
];

describe('partHash', () => {
  it('is the same for the same documents and Pagefind version', () => {
    expect(partHash(documents, '1.6.0')).toBe(partHash(structuredClone(documents), '1.6.0'));
    expect(partHash(documents, '1.6.0')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with any byte of any document, their order, or the Pagefind version', () => {
    const base = partHash(documents, '1.6.0');
    expect(partHash([documents[0]!, { ...documents[1]!, content: documents[1]!.content.replace('second', 'Second') }], '1.6.0')).not.toBe(base);
    expect(partHash(documents.toReversed(), '1.6.0')).not.toBe(base);
    expect(partHash(documents.slice(1), '1.6.0')).not.toBe(base);
    expect(partHash(documents, '1.6.1')).not.toBe(base);
  });

  it('never takes text moved from one document to the next for the same documents', () => {
    const split = [
      { url: '/a/', content: 'xy' },
      { url: '/b/', content: 'z' },
    ];
    const moved = [
      { url: '/a/', content: 'x' },
      { url: '/b/', content: 'yz' },
    ];
    expect(partHash(split, '1.6.0')).not.toBe(partHash(moved, '1.6.0'));
    expect(partHash([{ url: '/a/', content: '/b/' }], '1.6.0')).not.toBe(partHash([{ url: '/a//b/', content: '' }], '1.6.0'));
  });
});
