import { describe, expect, it } from 'vitest';
import { decodeCharacterReferences, firstCharacterReference, referencedText, withoutForbiddenReferences } from '../../../src/lib/text/character-references.ts';

describe('character references in plain text', () => {
  it('decodes each well-formed reference once, named or numbered, and leaves what is no reference', () => {
    expect(decodeCharacterReferences('AT&amp;T, Tom&#39;s, &#x201C;quoted&#x201D;, Q&amp;amp;A')).toBe('AT&T, Tom\'s, “quoted”, Q&amp;A');
    expect(decodeCharacterReferences('R&D, Tom & Jerry, &bogus; and &amp without its semicolon')).toBe('R&D, Tom & Jerry, &bogus; and &amp without its semicolon');
  });

  it('keeps decoded markup as text', () => {
    expect(decodeCharacterReferences('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('<script>alert(1)</script>');
  });

  it('reads a reference to a code point no text may hold as nothing, where HTML would show U+FFFD', () => {
    for (const reference of ['&#0;', '&#x0;', '&#1;', '&#xB;', '&#xD800;', '&#xFFFE;', '&#xFFFF;', '&#1114112;']) expect(referencedText(reference), reference).toBe('');
    expect(decodeCharacterReferences('Chip&#0;maker')).toBe('Chipmaker');
    // Tab, line feed and the C1 range HTML reads as Windows-1252 (&#146; is a right single quote) are characters.
    expect(referencedText('&#9;')).toBe('\t');
    expect(referencedText('&#146;')).toBe('’');
  });

  it('drops only the forbidden references from HTML or XML, leaving every other to its decoder', () => {
    expect(withoutForbiddenReferences('<title>A&#0;B &amp; C&#x1; &#8217;</title>')).toBe('<title>AB &amp; C &#8217;</title>');
  });

  it('finds the first reference that stands for something, as the content check reports it', () => {
    expect(firstCharacterReference('Q&A: &bogus; then &amp;')).toEqual({ written: '&amp;', meant: '&' });
    expect(firstCharacterReference('A&#0;B')).toEqual({ written: '&#0;', meant: '' });
    expect(firstCharacterReference('Tom & Jerry')).toBeUndefined();
  });
});
