/** Deterministic prose-like text for the near-duplicate tests. */

/** Deterministic prose-like text: words drawn from a skewed vocabulary, as in real writing. */
export function randomText(seed: number, words: number): string {
  let state = seed >>> 0;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return Array.from({ length: words }, () => `w${Math.floor(5000 * next() ** 3).toString(36)}`).join(' ');
}

/** Replaces every `every`-th word, a light rewrite. */
export function edit(text: string, every: number, marker = 'edited'): string {
  return text
    .split(' ')
    .map((word, index) => (index % every === 0 ? `${marker}${index}` : word))
    .join(' ');
}
