/** How well grouping matches a labelled set, counted over pairs of articles: "are these two one story?" */

export interface PairwiseQuality {
  /** Share of the pairs put in one story that truly are one story (1 when none are). */
  precision: number;
  /** Share of the true same-story pairs that were put in one story (1 when there are none). */
  recall: number;
  truePairs: number;
  foundPairs: number;
  correctPairs: number;
}

/** `expected` and `found` are groups of item ids; an item in no group is a story of its own. */
export function pairwiseQuality(expected: ReadonlyArray<readonly string[]>, found: ReadonlyArray<readonly string[]>): PairwiseQuality {
  const expectedGroup = new Map<string, number>();
  expected.forEach((group, index) => group.forEach((id) => expectedGroup.set(id, index)));
  let correctPairs = 0;
  let foundPairs = 0;
  for (const group of found) {
    for (let x = 0; x < group.length; x++) {
      for (let y = x + 1; y < group.length; y++) {
        foundPairs++;
        const label = expectedGroup.get(group[x]!);
        if (label !== undefined && label === expectedGroup.get(group[y]!)) correctPairs++;
      }
    }
  }
  const truePairs = expected.reduce((sum, group) => sum + (group.length * (group.length - 1)) / 2, 0);
  return {
    precision: foundPairs === 0 ? 1 : correctPairs / foundPairs,
    recall: truePairs === 0 ? 1 : correctPairs / truePairs,
    truePairs,
    foundPairs,
    correctPairs,
  };
}
