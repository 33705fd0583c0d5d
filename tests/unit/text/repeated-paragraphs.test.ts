import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../../../src/lib/text/paragraphs.ts';
import { findRepeatedParagraphs } from '../../../src/lib/text/repeated-paragraphs.ts';
import { edit, randomText } from '../../helpers/random-text.ts';

describe('paragraphs within one article', () => {
  const paragraph = randomText(30, 60);
  const body = [
    '## A heading that is short',
    paragraph,
    randomText(31, 60),
    '```',
    paragraph,
    '```',
    `${edit(paragraph, 30)}`,
    'A short closing line.',
  ].join('\n\n');

  it('splits prose paragraphs with their lines, leaving code out', () => {
    const paragraphs = splitParagraphs(body, 10);
    expect(paragraphs.map((p) => p.line)).toEqual([10, 12, 14, 22, 24]);
    expect(paragraphs.some((p) => p.text.includes('```'))).toBe(false);
  });

  it('reports a paragraph that repeats an earlier one, with both lines', () => {
    const repeats = findRepeatedParagraphs(body, { firstLine: 10 });
    expect(repeats).toHaveLength(1);
    expect(repeats[0].first.line).toBe(12);
    expect(repeats[0].second.line).toBe(22);
    expect(repeats[0].similarity).toBeGreaterThanOrEqual(0.8);
  });

  it('ignores short paragraphs such as headings', () => {
    expect(findRepeatedParagraphs('Short line.\n\nShort line.')).toEqual([]);
  });
});

describe('long articles', () => {
  it('finds a repeated paragraph among more than fifty through the index', () => {
    const paragraphs = Array.from({ length: 60 }, (_, i) => randomText(100 + i, 60));
    paragraphs.push(edit(paragraphs[5], 100));
    const repeats = findRepeatedParagraphs(paragraphs.join('\n\n'));
    expect(repeats.map((repeat) => [repeat.first.index, repeat.second.index])).toEqual([[5, 60]]);
    expect(repeats[0].second.line).toBe(121);
  });
});
