/**
 * The countries a text names, however it names them: "Denmark", "Danish", "Denmark's" and "Copenhagen" are one
 * place, as are "the EU" and "Brussels", and "Japan" and 日本. Names, official names, other spellings, demonyms,
 * capitals and the Japanese, Chinese and Korean names come from the world-countries data set (mledoze/countries,
 * ODbL); a place is its ISO 3166-1 alpha-2 code, the EU "EU".
 */
import countries from 'world-countries/countries.json' with { type: 'json' };
import { ENGLISH_STOP_WORDS } from '../text/stop-words.ts';
import type { ScannedText } from './names.ts';

const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;
const POSSESSIVE = /['’]s$/;
const needsSplitting = (word: string) => word.includes('-') || word.includes("'") || word.includes('’');
const CAPITALISED = /^\p{Lu}/u;
/**
 * Two-letter ISO codes are ordinary words and technology's abbreviations ("AI", "IT", "ID", "TV"); only the US's, the
 * UK's and the EU's stand for places in English news.
 */
const TWO_LETTER = /^\p{Lu}{2}$/u;
const TWO_LETTER_NAMES = new Set(['US', 'UK', 'EU']);

/** The EU is no country, but news names it as one: "EU regulators", "Brussels fines…". */
const EUROPEAN_UNION = { code: 'EU', names: ['European Union', 'EU', 'Europe', 'European', 'Brussels'] };

/**
 * Names news uses that the data lacks: a Korean company or regulator is South Korea's, "Britain" the UK; the Hague
 * is where the Dutch government and courts sit; Japanese writes 米国 and 豪州 as often as アメリカ and オーストラリア.
 */
const NEWS_NAMES: Readonly<Record<string, readonly string[]>> = { KR: ['Korea', 'Korean'], GB: ['Britain'], NL: ['Hague'], US: ['米国'], AU: ['豪州'] };

/** Per first word, lower-cased: the names it starts (their words, lower-cased), longest first, and their places. */
const namesByFirstWord = new Map<string, Array<{ words: string[]; places: string[] }>>();
/** Each name whole, lower-cased ("south korean"), for names read from a headline. */
const placesByName = new Map<string, string[]>();

/** Per word in Chinese, Japanese or Korean letters: the places it names ("韓国", "美国", "미국"). */
const placesByCjkWord = new Map<string, string[]>();
const CJK_NAME = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]+$/u;
const HANGUL = /^\p{sc=Hangul}/u;
/** Korean writes a particle onto the name it follows: 한국은, 미국의, 독일과. */
const KOREAN_PARTICLES = ['에서', '으로', '은', '는', '이', '가', '을', '를', '의', '과', '와', '에', '도', '로'];
/** Korean names of countries that are also everyday words: 수단 "means", 조선 "shipbuilding". */
const KOREAN_EVERYDAY_WORDS = new Set(['수단', '조선']);

function addName(name: string, place: string): void {
  if (CJK_NAME.test(name)) {
    if (KOREAN_EVERYDAY_WORDS.has(name)) return;
    const known = placesByCjkWord.get(name);
    if (!known) placesByCjkWord.set(name, [place]);
    else if (!known.includes(place)) known.push(place);
    return;
  }
  // "Washington D.C." is written "Washington"; "Korea, Republic of" is a catalogue's spelling, not a writer's.
  const parts = name.split(' ');
  while (parts.length > 1 && parts.at(-1)!.includes('.')) parts.pop();
  const written = parts.join(' ');
  if (!CAPITALISED.test(written) || written.includes(',')) return;
  const words = written.match(WORD) ?? [];
  if (words.length === 0 || (TWO_LETTER.test(words[0]!) ? !TWO_LETTER_NAMES.has(words[0]!) : ENGLISH_STOP_WORDS.has(words[0]!.toLowerCase()))) return;
  const key = words.map((word) => word.toLowerCase());
  const whole = key.join(' ');
  const known = placesByName.get(whole);
  if (known?.includes(place)) return;
  if (known) {
    known.push(place);
    return;
  }
  placesByName.set(whole, [place]);
  const list = namesByFirstWord.get(key[0]!) ?? [];
  list.push({ words: key, places: placesByName.get(whole)! });
  namesByFirstWord.set(key[0]!, list.sort((a, b) => b.words.length - a.words.length));
}

for (const country of countries) {
  const demonyms = country.demonyms?.eng ? [country.demonyms.eng.m, country.demonyms.eng.f] : [];
  const native = Object.values(country.name.native ?? {}).flatMap((names) => [names.common, names.official]);
  const translated = [country.translations.jpn, country.translations.zho, country.translations.kor].flatMap((names) => (names ? [names.common, names.official] : []));
  for (const name of [country.name.common, country.name.official, ...country.altSpellings, ...country.capital, ...demonyms, ...native, ...translated]) addName(name, country.cca2);
}
for (const name of EUROPEAN_UNION.names) addName(name, EUROPEAN_UNION.code);
for (const [place, names] of Object.entries(NEWS_NAMES)) for (const name of names) addName(name, place);

/** The places a name read from a headline stands for ("south korean", "berlin"), or undefined when it is no place. */
export function placesNamed(name: string): readonly string[] | undefined {
  return placesByName.get(name);
}

/**
 * The places the texts name, each once, among their capitalised words ("French", "the Netherlands", "Denmark's",
 * "Copenhagen-based"): a place is always written with a capital, so "china plates" and "tell us" name none. They are
 * added to `found`, which is returned.
 */
export function placesIn(texts: readonly ScannedText[], found: Set<string> = new Set()): Set<string> {
  for (const text of texts) {
    for (const run of text.runs) {
      const words = run.words.some(needsSplitting) ? run.words.flatMap((word) => word.split('-').map((part) => part.replace(POSSESSIVE, ''))) : run.words;
      for (let at = 0; at < words.length; at++) {
        const names = namesByFirstWord.get(words[at]!);
        const match = names?.find((name) => name.words.every((word, offset) => words[at + offset] === word));
        if (!match) continue;
        for (const place of match.places) found.add(place);
        at += match.words.length - 1;
      }
    }
  }
  return found;
}

/**
 * The places named among words of Chinese, Japanese or Korean text as the tokenizer splits them ("韓国", "德国",
 * "한국은"), added to `found`, which is returned. Whole words only: "タイトル" (title) does not hold タイ (Thailand).
 */
export function placesInCjkWords(words: readonly string[], found: Set<string> = new Set()): Set<string> {
  for (const word of words) {
    const places = placesByCjkWord.get(word) ?? (HANGUL.test(word) ? placesByCjkWord.get(withoutParticle(word)) : undefined);
    if (places) for (const place of places) found.add(place);
  }
  return found;
}

function withoutParticle(word: string): string {
  const particle = KOREAN_PARTICLES.find((ending) => word.length > ending.length + 1 && word.endsWith(ending));
  return particle ? word.slice(0, -particle.length) : word;
}
