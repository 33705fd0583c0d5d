import { describe, expect, it } from 'vitest';
import { fieldLines, lineOfField } from '../../../src/lib/content/front-matter-lines.ts';

/** The front matter as gray-matter hands it over: the rest of the opening `---` line, then the fields. */
const lines = (...rows: string[]) => fieldLines(['', ...rows].join('\n'), 1);

describe('fieldLines: where a field sits in the file', () => {
  it('puts top-level keys on their own file lines (line 1 is the opening ---)', () => {
    const map = lines('title: "Hello"', 'description: Dek', '', '# a comment', 'publishedAt: 2026-05-01');
    expect(map.get('title')).toBe(2);
    expect(map.get('description')).toBe(3);
    expect(map.get('publishedAt')).toBe(6);
  });

  it('points nested fields such as source.url at their own line', () => {
    const map = lines('title: x', 'source:', '  name: "Example Wire"', '  url: "javascript:alert(1)"', 'image:', '  src: ./a.png', '  alt: A');
    expect(map.get('source')).toBe(3);
    expect(map.get('source.name')).toBe(4);
    expect(map.get('source.url')).toBe(5);
    expect(map.get('image.alt')).toBe(8);
  });

  it('numbers block-list items, whether indented under their key or not', () => {
    const map = lines('tags:', '  - AI', '  - Policy', 'related:', '- first', '- second', 'draft: true');
    expect(map.get('tags.0')).toBe(3);
    expect(map.get('tags.1')).toBe(4);
    expect(map.get('related.0')).toBe(6);
    expect(map.get('related.1')).toBe(7);
    expect(map.get('draft')).toBe(8);
  });

  it('reads quoted keys and ignores colons inside values', () => {
    const map = lines('"title": "Re: the vote"', "'description': 'It''s late: again'", 'publishedAt: 2026-05-01T09:00:00Z');
    expect(map.get('title')).toBe(2);
    expect(map.get('description')).toBe(3);
    expect(map.get('publishedAt')).toBe(4);
    expect([...map.keys()]).toEqual(['title', 'description', 'publishedAt']);
  });

  it('skips the inside of block scalars, even lines that look like keys', () => {
    const map = lines('description: |', '  Line one', '  looks: like a key', 'tags: [AI]');
    expect(map.has('looks')).toBe(false);
    expect(map.has('description.looks')).toBe(false);
    expect(map.get('tags')).toBe(5);
  });

  it('honours the offset of front matter that starts below blank lines, and CRLF files', () => {
    const map = fieldLines('\r\ntitle: x\r\ntags:\r\n  - AI\r\n', 3);
    expect(map.get('title')).toBe(4);
    expect(map.get('tags.0')).toBe(6);
  });

  it('counts a stray carriage return as a line break, as editors and YAML do', () => {
    const map = fieldLines('\ntitle: x\rdescription: y\ntags:\r\n  - AI\n', 1);
    expect(map.get('description')).toBe(3);
    expect(map.get('tags.0')).toBe(5);
  });

  it('finds the fields of front matter written as one flow mapping, on one line or several', () => {
    const one = lines('{title: x, publishedAt: "sometime", tags: [AI]}');
    expect([one.get('title'), one.get('publishedAt'), one.get('tags.0')]).toEqual([2, 2, 2]);
    const several = lines('{title: 5, description: "Dek, with a {brace}",', ' publishedAt: sometime, tags: [AI,', ' 5],', ' image: {src: ./a.png,', '   alt: ""},', ' tgas: x}');
    expect(Object.fromEntries(several)).toEqual({ title: 2, description: 2, publishedAt: 3, tags: 3, 'tags.0': 3, 'tags.1': 4, image: 5, 'image.src': 5, 'image.alt': 6, tgas: 7 });
  });

  it('finds a flow list or mapping spread over lines inside block front matter, CRLF and stray CR alike', () => {
    const map = fieldLines('\r\ntitle: x\r\ntags: [AI,\r\n  Policy]\rsource: {name: X,\n  url: "ftp://x"}\n', 1);
    expect([map.get('title'), map.get('tags.1'), map.get('source.url')]).toEqual([2, 4, 6]);
  });
});

describe('lineOfField', () => {
  it('falls back to the nearest ancestor for items of flow lists and fields of flow mappings', () => {
    const map = lines('tags: [AI, Policy]', 'source: { name: X, url: "ftp://x" }');
    expect(lineOfField(map, 'tags.1')).toBe(2);
    expect(lineOfField(map, 'source.url')).toBe(3);
  });

  it('knows nothing of fields that are not there', () => {
    expect(lineOfField(lines('title: x'), 'description')).toBeUndefined();
  });
});
