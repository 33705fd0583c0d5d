import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes, wordsIn } from '../../../src/lib/site/reading-time.ts';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('counting words', () => {
  it('counts words in prose, with apostrophes and hyphens inside words', () => {
    expect(countWords("Japan's state-backed push isn't over.")).toBe(5);
  });

  it('counts numbers as words and ignores Markdown punctuation', () => {
    expect(countWords('## Heading\n\n- 6th place in **2026**\n> quoted')).toBe(6);
  });

  it('counts link text but not the URL', () => {
    expect(countWords('See [the report](https://example.com/a/very/long/path-with-many-words) now')).toBe(4);
  });

  it('ignores fenced code and HTML tags', () => {
    expect(countWords('Before\n\n```js\nconst a = 1; const b = 2;\n```\n\n<div class="x">After</div>')).toBe(2);
  });

  it('ignores code fenced with tildes too', () => {
    expect(countWords('Before\n\n~~~bash\nkubectl get pods --all-namespaces\n~~~\n\nAfter')).toBe(2);
  });

  it('counts CJK text, which has no spaces, at two characters per word', () => {
    expect(countWords('日本語の文章です')).toBe(4); // 8 characters
    // 20 characters, the long-vowel mark ー included; the brackets are punctuation.
    expect(countWords('「国内で完結するサプライチェーンを作りたい」')).toBe(10);
    expect(countWords('時々')).toBe(1);
  });

  it('counts mixed CJK and Latin text', () => {
    expect(countWords('AI 政策 news')).toBe(3);
  });

  it('gives an empty body no words', () => {
    expect(countWords('')).toBe(0);
  });
});

describe('the word scanner', () => {
  const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
  // Letters and digits of several scripts and planes, marks, and what joins or splits words.
  const pieces = ['a', 'Z', '7', 'é', 'e\u0301', 'ß', 'Ω', 'ж', 'ا', '٣', 'ª', '²', '𝐀', '𝟘', '😀', '\ud800', "'", '’', '-', '—', ' ', '\n', '.', '_', '#', '*', '[', ']', '(', ')'];

  it('counts exactly the words the definition matches, in any mix of scripts and punctuation', () => {
    let seed = 1;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let sample = 0; sample < 3000; sample++) {
      const text = Array.from({ length: Math.floor(random() * 40) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      expect(wordsIn(text), JSON.stringify(text)).toBe(text.match(WORD)?.length ?? 0);
    }
  });

  it('keeps a word whole across apostrophes and hyphens, never starting one with them', () => {
    expect(wordsIn("-'rock-'n'-roll’s- ’")).toBe(1);
    expect(wordsIn('x𝐀y 😀 z')).toBe(2);
  });
});

describe('reading time', () => {
  it('is at least one minute, even for an empty article', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(countWords('Short.'))).toBe(1);
  });

  it('grows with length, at about 230 words a minute', () => {
    expect(readingMinutes(countWords(words(230 * 4)))).toBe(4);
    expect(readingMinutes(countWords(words(2300)))).toBe(10);
  });

  it('gives a long Japanese article more than a minute', () => {
    expect(readingMinutes(countWords('日本'.repeat(1000)))).toBeGreaterThan(1);
  });
});
