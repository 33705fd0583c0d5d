/**
 * Which language an article is written in, told by its function words: enough for story grouping to know that two
 * reports cannot share their plain words, only their names and figures.
 */

/**
 * Common function words of the languages outlets beside English write in, leaving out those that are English words
 * or parts of names in English text ("mit" of MIT, "von" of von der Leyen, "os", "hat", "plus").
 */
const FUNCTION_WORDS: Readonly<Record<string, string>> = {
  de: 'der das und ist den zu im dem des ein eine einen nicht auch sich für auf bei nach wird sind wurde werden aber oder zum zur vom',
  fr: 'le la les des est et une du pour dans sur avec par qui au aux ses son été sont ont cette mais leur selon après',
  es: 'el los las del que y en por una con para su sus es se lo como más ha han fue según tras sobre entre',
  it: 'il della di che con sono gli delle alla nel è ha dei una anche più dopo',
  pt: 'das dos que em uma com para não mais foi pelo pela ao seu sua são',
  nl: 'het een en niet op voor met zijn werd wordt ook naar bij uit dat',
};

const LANGUAGES_OF: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [language, words] of Object.entries(FUNCTION_WORDS)) for (const word of words.split(' ')) map.set(word, [...(map.get(word) ?? []), language]);
  return map;
})();

/** Longer words are none of them, and are not looked up. */
const LONGEST_FUNCTION_WORD = Math.max(...[...LANGUAGES_OF.keys()].map((word) => word.length));

/** Function words of one language needed, and more than any other's, before a text is taken to be in it. */
const MINIMUM_FUNCTION_WORDS = 3;

/**
 * The language of a text from the lower-cased words of its parts (stop words may be left out; English ones are not
 * counted): 'de', 'fr', 'es', 'it', 'pt' or 'nl' when its function words say so, else 'en'.
 */
export function languageOf(...texts: ReadonlyArray<readonly string[]>): string {
  const counts = new Map<string, number>();
  for (const words of texts) {
    for (const word of words) {
      if (word.length > LONGEST_FUNCTION_WORD) continue;
      const languages = LANGUAGES_OF.get(word);
      if (languages) for (const language of languages) counts.set(language, (counts.get(language) ?? 0) + 1);
    }
  }
  let [best, bestCount, runnerUp] = ['en', 0, 0];
  for (const [language, count] of counts) {
    if (count > bestCount) [best, bestCount, runnerUp] = [language, count, bestCount];
    else if (count > runnerUp) runnerUp = count;
  }
  return bestCount >= MINIMUM_FUNCTION_WORDS && bestCount > runnerUp ? best : 'en';
}
