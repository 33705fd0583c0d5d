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

/**
 * The EU is no country, but news names it as one: "EU regulators", "Brussels fines…", and in Chinese, Japanese and
 * Korean 欧盟, 欧州連合 and 유럽연합, or Europe, 欧洲, 欧州 and 유럽.
 */
const EUROPEAN_UNION = { code: 'EU', names: ['European Union', 'EU', 'Europe', 'European', '欧盟', '歐盟', '欧洲', '歐洲', '欧州連合', '欧州', '유럽연합', '유럽'], seat: 'Brussels' };

/**
 * Names news uses that the data lacks: a Korean company or regulator is South Korea's, "Britain" the UK; Japanese
 * writes 米国 and 豪州 as often as アメリカ and オーストラリア. And the Hague, a city where the Dutch government and
 * courts sit, though the data's capital is Amsterdam.
 */
const NEWS_NAMES: Readonly<Record<string, readonly string[]>> = { KR: ['Korea', 'Korean'], GB: ['Britain'], US: ['米国'], AU: ['豪州'] };
const NEWS_SEATS: Readonly<Record<string, string>> = { NL: 'Hague' };

interface PlaceName {
  /** Its words, lower-cased. */
  words: string[];
  places: string[];
  /**
   * Only ever a city's name: one that runs on into another capitalised word is part of that name, a bank's, a
   * newspaper's or a court's ("Morgan Stanley", "Washington Post", "Tokyo Electron"), not the place.
   */
  city: boolean;
}

/** Per first word, lower-cased: the names it starts, longest first. */
const namesByFirstWord = new Map<string, PlaceName[]>();
/** Each name whole, lower-cased ("south korean"), for names read from a headline. */
const placesByName = new Map<string, PlaceName>();

/** Per word in Chinese, Japanese or Korean letters: the places it names ("韓国", "美国", "미국"). */
const placesByCjkWord = new Map<string, string[]>();
const CJK_NAME = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]+$/u;
const HANGUL = /^\p{sc=Hangul}/u;
/** Korean writes a particle, or two, onto the name it follows: 한국은, 미국의, 독일과, 일본에서도. */
const KOREAN_PARTICLES = ['에서', '으로', '은', '는', '이', '가', '을', '를', '의', '과', '와', '에', '도', '로'];
/**
 * Korean names of countries that are also everyday words, or become one behind a particle: 수단 "means", 조선
 * "shipbuilding", 오만 "arrogance", 피지 "sebum", 타이 "tie", 말리 (말리는, "drying").
 */
const KOREAN_EVERYDAY_WORDS = new Set(['수단', '조선', '오만', '피지', '타이', '말리']);

function addName(name: string, place: string, city = false): void {
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
  if (known) {
    if (!known.places.includes(place)) known.places.push(place);
    known.city &&= city;
    return;
  }
  const entry: PlaceName = { words: key, places: [place], city };
  placesByName.set(whole, entry);
  const list = namesByFirstWord.get(key[0]!) ?? [];
  list.push(entry);
  namesByFirstWord.set(key[0]!, list.sort((a, b) => b.words.length - a.words.length));
}

for (const country of countries) {
  const demonyms = country.demonyms?.eng ? [country.demonyms.eng.m, country.demonyms.eng.f] : [];
  const native = Object.values(country.name.native ?? {}).flatMap((names) => [names.common, names.official]);
  const translated = [country.translations.jpn, country.translations.zho, country.translations.kor].flatMap((names) => (names ? [names.common, names.official] : []));
  for (const name of [country.name.common, country.name.official, ...country.altSpellings, ...demonyms, ...native, ...translated]) addName(name, country.cca2);
  for (const capital of country.capital) addName(capital, country.cca2, true);
}
for (const name of EUROPEAN_UNION.names) addName(name, EUROPEAN_UNION.code);
addName(EUROPEAN_UNION.seat, EUROPEAN_UNION.code, true);
for (const [place, names] of Object.entries(NEWS_NAMES)) for (const name of names) addName(name, place);
for (const [place, seat] of Object.entries(NEWS_SEATS)) addName(seat, place, true);

/** The places a name read from a headline stands for ("south korean", "berlin"), or undefined when it is no place. */
export function placesNamed(name: string): readonly string[] | undefined {
  return placesByName.get(name)?.places;
}

/**
 * The places the texts name, each once, among their capitalised words ("French", "the Netherlands", "Denmark's",
 * "Copenhagen-based"): a place is always written with a capital, so "china plates" and "tell us" name none. A city
 * inside a longer name names none either ("Morgan Stanley", "the Washington Post"); in Title Case, where every word
 * has a capital, the longer name must be among `namedElsewhere`, the article's names in its other texts. The places
 * are added to `found`, which is returned.
 */
export function placesIn(texts: readonly ScannedText[], found: Set<string> = new Set(), namedElsewhere: ReadonlySet<string> = NO_NAMES): Set<string> {
  for (const text of texts) {
    for (const [index, run] of text.runs.entries()) {
      const split = run.words.some(needsSplitting);
      const words = split ? run.words.flatMap((word) => word.split('-').map((part) => part.replace(POSSESSIVE, ''))) : run.words;
      // "Copenhagen-based" is one word: "based" does not make Copenhagen part of a longer name.
      const startsWord = split ? run.words.flatMap((word) => word.split('-').map((_, part) => part === 0)) : undefined;
      for (let at = 0; at < words.length; at++) {
        const names = namesByFirstWord.get(words[at]!);
        const match = names?.find((name) => name.words.every((word, offset) => words[at + offset] === word));
        if (!match) continue;
        const end = at + match.words.length;
        const before = at > 0 && (startsWord?.[at] ?? true) ? words[at - 1] : undefined;
        const after = end < words.length && (startsWord?.[end] ?? true) ? words[end] : undefined;
        const nextRun = end === words.length ? text.runs[index + 1] : undefined;
        const partOfLongerName =
          !namesItsInstitution(words, end) &&
          ((match.city ? cityInLongerName(match, text.titleCase, before, after, namedElsewhere) : countryInLongerName(match, text.titleCase, before, after, namedElsewhere)) ||
            isBrand(run.words.at(-1)!, nextRun?.words[0]));
        if (!partOfLongerName) for (const place of match.places) found.add(place);
        at = end - 1;
      }
    }
  }
  return found;
}

const NO_NAMES: ReadonlySet<string> = new Set();

/**
 * Countries that are more often given names or surnames: followed by another name they are a person's or a school's
 * ("Jordan Peterson", "Chad Smith", "Georgia Tech"), unless that name is the state's own ("Jordan Central Bank"); after
 * one, a person's ("Michael Jordan"). Others, such as India and Israel, name their own companies and agencies far more
 * often than people ("India Post", "Israel Electric").
 */
const GIVEN_NAME_COUNTRIES = new Set(['jordan', 'chad', 'georgia']);
const STATE_WORDS = new Set(['government', 'parliament', 'ministry', 'army', 'armed', 'military', 'defense', 'defence', 'police', 'embassy', 'central', 'national', 'foreign', 'prime', 'president', 'king', 'queen', 'supreme']);
/** Words that make a country's name an outlet's: "USA Today", "the Japan Times", "India Today". */
const OUTLET_WORDS = new Set(['today', 'times']);
/**
 * A city's court, exchange or police is in that city, though their names run on: "Tokyo District Court", "Seoul
 * Central District Court", "London Stock Exchange", "London Metropolitan Police".
 */
const INSTITUTIONS = ['court', 'district court', 'central district court', 'high court', 'regional court', 'stock exchange', 'metropolitan police', 'metropolitan government', 'police'].map((name) => name.split(' '));
/** Brands that are a place's name with a possessive ("Victoria's Secret"), by their first word. */
const BRANDS: ReadonlyMap<string, string> = new Map([["victoria's", 'secret']]);

function namesItsInstitution(words: readonly string[], end: number): boolean {
  return INSTITUTIONS.some((institution) => institution.every((word, offset) => words[end + offset] === word));
}

function cityInLongerName(city: PlaceName, titleCase: boolean, before: string | undefined, after: string | undefined, namedElsewhere: ReadonlySet<string>): boolean {
  return titleCase ? namedWith(city.words, before, after, namedElsewhere) : runsOn(before) || runsOn(after);
}

/**
 * Whether a country is part of a person's or an outlet's name: "Chad Smith", "India Today", "Michael Jordan", not
 * "India and Japan".
 */
function countryInLongerName(country: PlaceName, titleCase: boolean, before: string | undefined, after: string | undefined, namedElsewhere: ReadonlySet<string>): boolean {
  const givenName = country.words.length === 1 && GIVEN_NAME_COUNTRIES.has(country.words[0]!);
  const startsName = isNameWord(after) && (OUTLET_WORDS.has(after) || (givenName && !STATE_WORDS.has(after)));
  const endsName = givenName && isNameWord(before) && !STATE_WORDS.has(before);
  if (startsName && (!titleCase || namedWith(country.words, undefined, after, namedElsewhere))) return true;
  return endsName && (!titleCase || namedWith(country.words, before, undefined, namedElsewhere));
}

function isBrand(last: string, next: string | undefined): boolean {
  return next !== undefined && BRANDS.get(last.replace('’', "'")) === next;
}

/** Whether a word next to a city makes it part of a longer name: "Morgan Stanley", "Bank of London", but not "Tokyo and Seoul". */
function runsOn(word: string | undefined): boolean {
  return word === 'of' || word === 'for' || isNameWord(word);
}

/** Whether a word in a run of capitalised words is a name's, not a connector's ("and", "&"). */
function isNameWord(word: string | undefined): word is string {
  return word !== undefined && !(ENGLISH_STOP_WORDS.has(word) || word === '&');
}

/** Whether one of `names` holds the city's words with the word before or after them ("morgan stanley"). */
function namedWith(city: readonly string[], before: string | undefined, after: string | undefined, names: ReadonlySet<string>): boolean {
  const pairs = [before && ` ${before} ${city.join(' ')} `, after && ` ${city.join(' ')} ${after} `].filter((pair) => typeof pair === 'string');
  if (pairs.length === 0) return false;
  for (const name of names) if (name.includes(' ') && pairs.some((pair) => ` ${name} `.includes(pair))) return true;
  return false;
}

/**
 * The places named in Chinese, Japanese or Korean `text`, whose `words` are as the tokenizer splits them ("韓国",
 * "德国", "한국은"), with Japanese news's one-character abbreviations ("米政府", "日米首脳"), added to `found`, which is
 * returned. Whole words only: "タイトル" (title) does not hold タイ (Thailand).
 */
export function placesInCjk(text: string, words: readonly string[], found: Set<string> = new Set()): Set<string> {
  for (const word of words) {
    const places = placesByCjkWord.get(word) ?? (HANGUL.test(word) ? koreanPlaces(word) : undefined);
    if (places) for (const place of places) found.add(place);
  }
  if (HAS_ABBREVIATION.test(text)) abbreviatedPlaces(text, found);
  return found;
}

/**
 * Japanese news writes a country in one character: 米 the US, 中 China, 日 Japan. Each is also an everyday word or
 * part of one (米 is rice, 中 "in", 日 "day"), so one counts only standing alone before what only a country has (米政府,
 * 独企業, 英当局), before a foreign name (米アップル, 韓サムスン), after a word of travel or stance (訪米, 対中, 在日米軍),
 * or beside another (日米, 米中対立, 日米韓). Chinese news pairs them too (中美关系, 美俄).
 */
const ABBREVIATIONS: Readonly<Record<string, string>> = { 米: 'US', 中: 'CN', 韓: 'KR', 独: 'DE', 英: 'GB', 仏: 'FR', 露: 'RU', 豪: 'AU', 日: 'JP' };
/**
 * Chinese news's pairs of countries, which start a word (中美关系): 美 is the US, 俄 Russia, 韩 Korea. Not 中欧, which
 * Japanese reads as Central Europe.
 */
const CHINESE_PAIRS: Readonly<Record<string, readonly string[]>> = {
  中美: ['CN', 'US'], 美中: ['US', 'CN'], 中俄: ['CN', 'RU'], 俄中: ['RU', 'CN'], 美俄: ['US', 'RU'], 俄美: ['RU', 'US'],
  中韩: ['CN', 'KR'], 韩中: ['KR', 'CN'], 美韩: ['US', 'KR'], 韩美: ['KR', 'US'], 美日: ['US', 'JP'],
};
/** "A flaw in something fine": an idiom, not the US and China. */
const CHINESE_IDIOMS = ['美中不足'];
const HAS_ABBREVIATION = new RegExp(`[${Object.keys(ABBREVIATIONS).join('')}美俄韩]`);
const ABBREVIATED = new RegExp(`^[${Object.keys(ABBREVIATIONS).join('')}]+$`);
const CJK_RUN = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ー]+/gu;
/** Japanese grammar is written in hiragana: a particle (は, の, が) ends one word and starts another. */
const PARTICLE = /^\p{sc=Hiragana}+$/u;
const DIGIT = /[0-9０-９]/;
/** What follows a country's abbreviation and nothing else's: its government, companies, authorities, leaders, relations. */
const STATE_NOUNS = new Set(['政府', '企業', '当局', '首脳', '関係', '政権', '大統領', '首相', '外相', '軍', '議会', '大使館', '企业', '关系', '首脑']);
/**
 * Words of travel or stance written before a country's abbreviation, each a word of its own with it (訪米 a visit to
 * the US, 対中 towards China, 来日 coming to Japan, 反米 anti-American) or before it (在|日|米軍, US forces in Japan).
 */
const BEFORE_COUNTRY = new Set(['訪', '対', '在', '駐', '来', '離', '渡', '反', '親', '知']);
/** Such words that are everyday words too: 在中 "enclosed", written on an envelope. */
const NOT_COUNTRY = new Set(['在中']);
/** Abbreviations that do not stand for their country before a foreign name: 中サイズ is medium-sized, 日テレ a broadcaster. */
const NOT_BEFORE_NAMES = new Set(['中', '日']);
const KATAKANA_START = /^\p{sc=Katakana}/u;
/** Pairs that are everyday words too: 日中 "daytime", 中日 a newspaper's and a baseball team's name, 中米 Central America. */
const AMBIGUOUS_PAIRS = new Set(['日中', '中日', '中米']);
/** After a pair, words that make it a pair of languages: 日英翻訳 is Japanese-to-English translation. */
const LANGUAGE_NOUNS = new Set(['語', '翻訳', '辞書', '辞典', '訳', '対訳', '通訳']);
const japaneseWords = new Intl.Segmenter('ja', { granularity: 'word' });

function abbreviatedPlaces(text: string, found: Set<string>): void {
  for (const run of text.matchAll(CJK_RUN)) {
    if (!HAS_ABBREVIATION.test(run[0])) continue;
    const words = [...japaneseWords.segment(run[0])];
    const segments = words.map(({ segment }) => segment);
    for (const { index } of words) {
      // The segmenter may split a pair (美|中|关系), so it is read from where a word starts.
      const pair = CHINESE_PAIRS[run[0].slice(index, index + 2)];
      if (pair && !CHINESE_IDIOMS.some((idiom) => run[0].startsWith(idiom, index))) for (const place of pair) found.add(place);
    }
    for (let at = 0; at < segments.length; at++) {
      const segment = segments[at]!;
      if (isCountryAfterWord(segment)) found.add(ABBREVIATIONS[segment[1]!]!);
      if (!ABBREVIATED.test(segment)) continue;
      const afterWord = at > 0 && BEFORE_COUNTRY.has(segments[at - 1]!) && !NOT_COUNTRY.has(segments[at - 1]! + segment[0]);
      // Only after a boundary, a particle or such a word: in 調査中 (under investigation) 中 ends another word.
      if (at > 0 && !PARTICLE.test(segments[at - 1]!) && !afterWord) continue;
      let end = at;
      while (end < segments.length && ABBREVIATED.test(segments[end]!)) end++;
      let letters = segments.slice(at, end).join('');
      // "8日米政府": the 日 after a number is the day of the month.
      if (at === 0 && letters.startsWith('日') && DIGIT.test(text[run.index - 1] ?? '')) letters = letters.slice(1);
      const next = segments[end] ?? '';
      const counts =
        letters.length === 1
          ? afterWord || STATE_NOUNS.has(next) || (!NOT_BEFORE_NAMES.has(letters) && KATAKANA_START.test(next))
          : letters.length > 1 && new Set(letters).size === letters.length && !LANGUAGE_NOUNS.has(next) && (!AMBIGUOUS_PAIRS.has(letters) || STATE_NOUNS.has(next));
      if (counts) for (const letter of letters) found.add(ABBREVIATIONS[letter]!);
      at = end - 1;
    }
  }
}

/** A word of travel or stance with its country, as the segmenter leaves them together: 訪米, 対中, 来日. */
function isCountryAfterWord(segment: string): boolean {
  return segment.length === 2 && BEFORE_COUNTRY.has(segment[0]!) && segment[1]! in ABBREVIATIONS && !NOT_COUNTRY.has(segment);
}

/** The places a Korean word names behind one particle or two ("미국의", "독일에서도", "중국과의"). */
function koreanPlaces(word: string): string[] | undefined {
  const once = withoutParticle(word);
  return placesByCjkWord.get(once) ?? (once === word ? undefined : placesByCjkWord.get(withoutParticle(once)));
}

function withoutParticle(word: string): string {
  const particle = KOREAN_PARTICLES.find((ending) => word.length > ending.length + 1 && word.endsWith(ending));
  return particle ? word.slice(0, -particle.length) : word;
}
