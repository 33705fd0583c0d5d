import { describe, expect, it } from 'vitest';
import { jaccard, shingleHashes, shingleWords } from '../../../src/lib/text/shingles.ts';
import { randomText } from '../../helpers/random-text.ts';

describe('shingles and Jaccard', () => {
  it('ignores case, punctuation and Markdown syntax', () => {
    const a = shingleHashes(shingleWords('The **quick** brown fox, it jumps over the [lazy](https://x.example) dog.'));
    const b = shingleHashes(shingleWords('the quick brown fox it jumps over the lazy dog'));
    expect(jaccard(a, b)).toBe(1);
  });

  it('is 1 for the same text, 0 for texts without a 5-word run in common', () => {
    const text = randomText(1, 200);
    expect(jaccard(shingleHashes(shingleWords(text)), shingleHashes(shingleWords(text)))).toBe(1);
    expect(jaccard(shingleHashes(shingleWords(text)), shingleHashes(shingleWords(randomText(2, 200))))).toBe(0);
  });
});
