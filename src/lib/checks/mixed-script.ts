/**
 * Slugs that mix look-alike alphabets: `japan-ai-rаce` with a Cyrillic "а" reads like `japan-ai-race` but is another
 * URL, published beside it. Latin, Greek and Cyrillic share letter shapes; mixing them in one slug is almost always
 * a paste from the wrong keyboard or a deliberate look-alike. Other scripts mix freely (`ai-日本`).
 */
const LOOKALIKE_SCRIPTS: ReadonlyArray<[name: string, letter: RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
];

/** The look-alike scripts a slug mixes with the letters of each beyond the most used one, or undefined. */
export function mixedScripts(slug: string): { scripts: string[]; odd: string[] } | undefined {
  const letters = new Map<string, string[]>();
  for (const character of slug) {
    const script = LOOKALIKE_SCRIPTS.find(([, letter]) => letter.test(character))?.[0];
    if (script) letters.set(script, [...(letters.get(script) ?? []), character]);
  }
  if (letters.size < 2) return undefined;
  const [main, ...others] = [...letters].sort((a, b) => b[1].length - a[1].length);
  return { scripts: [main![0], ...others.map(([name]) => name)], odd: [...new Set(others.flatMap(([, characters]) => characters))] };
}

/** "а" (U+0430) */
export function describeCharacter(character: string): string {
  return `"${character}" (U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
}
