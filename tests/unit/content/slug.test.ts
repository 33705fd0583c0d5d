import { describe, expect, it } from 'vitest';
import { articleSlug, slugify } from '../../../src/lib/content/slug.ts';

describe('slugify', () => {
  it('lower-cases and joins words with single hyphens', () => {
    expect(slugify('Is Japan Gaining Ground?')).toBe('is-japan-gaining-ground');
    expect(slugify('  AI   Policy  ')).toBe('ai-policy');
    expect(slugify('--Edge--AI--')).toBe('edge-ai');
  });

  it('gives a slug back as it is, and still makes one of a name that only looks like one', () => {
    expect(slugify('japan-ai-race-2026')).toBe('japan-ai-race-2026');
    expect(slugify('japan--ai')).toBe('japan-ai');
    expect(slugify('-japan-ai-')).toBe('japan-ai');
    expect(slugify('Japan-AI')).toBe('japan-ai');
    expect(slugify('japan_ai')).toBe('japan-ai');
    expect(slugify('japan-ai\n')).toBe('japan-ai');
  });

  it('gives C, C++ and C# distinct slugs by spelling their symbols out', () => {
    const slugs = ['C', 'C++', 'C#'].map(slugify);
    expect(slugs).toEqual(['c', 'c-plus-plus', 'c-sharp']);
    expect(slugify('F#')).toBe('f-sharp');
    expect(slugify('AT&T')).toBe('at-and-t');
  });

  it('keeps non-Latin letters', () => {
    expect(slugify('日本')).toBe('日本');
    expect(slugify('Ελλάδα')).toBe('ελλάδα');
    expect(slugify('データ センター')).toBe('データ-センター');
  });

  it('keeps accents and normalises to NFC, so a decomposed é gives the same slug as a composed one', () => {
    const composed = 'Qu\u00e9bec';
    const decomposed = 'Que\u0301bec';
    expect(composed).not.toBe(decomposed);
    expect(slugify(decomposed)).toBe('qu\u00e9bec');
    expect(slugify(composed)).toBe(slugify(decomposed));
    expect(slugify(decomposed).normalize('NFC')).toBe(slugify(decomposed));
  });

  it('treats underscores and dashes of any kind as word breaks', () => {
    expect(slugify('snake_case file')).toBe('snake-case-file');
    expect(slugify('café—bar')).toBe('café-bar');
    expect(slugify('2026 – the year')).toBe('2026-the-year');
    expect(slugify('Wi-Fi')).toBe(slugify('Wi Fi'));
  });

  it('drops other punctuation and emoji', () => {
    expect(slugify("Japan's AI race: what's next?")).toBe('japans-ai-race-whats-next');
    expect(slugify('Launch 🚀 day')).toBe('launch-day');
    expect(slugify('Node.js')).toBe('nodejs');
  });

  it('returns an empty string when nothing sluggable is left (callers supply a fallback)', () => {
    expect(slugify('   ')).toBe('');
    expect(slugify('!!!')).toBe('');
  });
});

describe('article slugs', () => {
  it('come from the file base name, whatever the folder', () => {
    expect(articleSlug('content/articles/japan-ai-race.md')).toBe('japan-ai-race');
    expect(articleSlug('content/articles/security/2026/hospital-ransomware.mdx')).toBe('hospital-ransomware');
    expect(articleSlug('content\\articles\\windows\\path-style.md')).toBe('path-style');
  });

  it('are slugified from file names that are not slugs yet', () => {
    expect(articleSlug('content/articles/Japan AI Race.MD')).toBe('japan-ai-race');
    expect(articleSlug('content/articles/my_draft_v2.md')).toBe('my-draft-v2');
    // macOS hands out decomposed file names.
    expect(articleSlug('content/articles/Que\u0301bec-funding.md')).toBe('qu\u00e9bec-funding');
  });

  it('keep the letters of a file name that mixes alphabets, so a published address stays as it was', () => {
    expect(articleSlug('content/articles/Яндекс launches Alice AI.md')).toBe('яндекс-launches-alice-ai');
    expect(articleSlug('content/articles/яндекс-launches-alice-ai.md')).toBe('яндекс-launches-alice-ai');
  });

  it('keep only the last extension', () => {
    expect(articleSlug('content/articles/release-1.2.md')).toBe('release-12');
  });

  it('use the slug field instead when there is one, unchanged', () => {
    expect(articleSlug('content/articles/some-file-name.md', 'japan-ai-race')).toBe('japan-ai-race');
    expect(articleSlug('content/articles/some-file-name.md', '日本-ai')).toBe('日本-ai');
  });

  it('fall back to the file name for an empty slug field', () => {
    expect(articleSlug('content/articles/some-file-name.md', '')).toBe('some-file-name');
  });
});
