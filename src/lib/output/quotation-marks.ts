/**
 * Quotation marks as the article's language writes them. Markdown's smart punctuation curls straight quotes the
 * English way (“…”, ‘…’) whatever the language: in a German article `"Ja"` should read „Ja“, in a French one « Ja »,
 * in a Japanese one 「Ja」. The marks smart punctuation made are put in the language's own: double quotes become its
 * quotation marks, single quotes its alternate (nested) ones. Marks the editor typed are theirs and are kept: a body
 * with a curly double quote of its own (German's „…“ ends in one) keeps all its double quotes as they come, and one
 * with an opening single quote of its own all its single quotes.
 */
import type { ProseRewrite } from './prose-text.ts';

interface QuotationMarks {
  start: string;
  end: string;
  alternateStart: string;
  alternateEnd: string;
}

/** A language's marks: the outer pair, then the pair for a quotation inside a quotation. */
function marks(start: string, end: string, alternateStart: string, alternateEnd: string): QuotationMarks {
  return { start, end, alternateStart, alternateEnd };
}

/** French sets its guillemets off from the words inside by a narrow no-break space (« Oui »). */
const NARROW_NO_BREAK_SPACE = '\u202F';

/**
 * Each language's quotation marks, from CLDR's delimiters (quotationStart/End, alternateQuotationStart/End), for
 * the languages whose marks differ from English's; a region listed on its own (`de-CH`) is looked up before its
 * language. French's spaces are its typography's, which CLDR leaves out of the marks themselves.
 */
const QUOTATION_MARKS: Readonly<Record<string, QuotationMarks>> = {
  cs: marks('„', '“', '‚', '‘'),
  de: marks('„', '“', '‚', '‘'),
  'de-CH': marks('«', '»', '‹', '›'),
  el: marks('«', '»', '“', '”'),
  es: marks('«', '»', '“', '”'),
  fi: marks('”', '”', '’', '’'),
  fr: marks(`«${NARROW_NO_BREAK_SPACE}`, `${NARROW_NO_BREAK_SPACE}»`, `«${NARROW_NO_BREAK_SPACE}`, `${NARROW_NO_BREAK_SPACE}»`),
  'fr-CH': marks('«', '»', '‹', '›'),
  hu: marks('„', '”', '»', '«'),
  it: marks('«', '»', '“', '”'),
  ja: marks('「', '」', '『', '』'),
  nb: marks('«', '»', '‘', '’'),
  nl: marks('‘', '’', '“', '”'),
  no: marks('«', '»', '‘', '’'),
  pl: marks('„', '”', '«', '»'),
  'pt-PT': marks('«', '»', '“', '”'),
  ro: marks('„', '”', '«', '»'),
  ru: marks('«', '»', '„', '“'),
  sk: marks('„', '“', '‚', '‘'),
  sv: marks('”', '”', '’', '’'),
  uk: marks('«', '»', '„', '“'),
};

/** The quotation marks of `lang` (a canonical tag) when they are not English's, else undefined. */
export function quotationMarksOf(lang: string): QuotationMarks | undefined {
  const locale = new Intl.Locale(lang);
  return (locale.region && QUOTATION_MARKS[`${locale.language}-${locale.region}`]) || QUOTATION_MARKS[locale.language];
}

/** A curly double quote in the source, or one written as an HTML entity: the editor chose those marks. */
const TYPED_DOUBLE = /[“”]|&[lr]dquo;|&#(?:822[01]|x201[cd]);/i;
/** An opening single quote in the source; a closing one is an apostrophe too, typed in any language. */
const TYPED_OPENING_SINGLE = /‘|&lsquo;|&#(?:8216|x2018);/i;

const SPACES_AFTER = /^[ \u00A0\u202F]+/;
const SPACES_BEFORE = /[ \u00A0\u202F]+$/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const CURLED_MARK = /[“”‘’]/;
const OPENING_OR_DOUBLE = /[“”‘]/;

/**
 * Puts the language's marks where smart punctuation curled straight quotes in a body whose source is `source`, or
 * undefined when the editor typed every kind of mark it has. A ’ is a closing mark only after a ‘ in the same block
 * of prose (a stray one cannot turn a later block's apostrophe into a mark) and when no letter follows it; otherwise
 * it is an apostrophe (don’t, l’État) and stays.
 */
export function quotationMarksRewrite(source: string, quotes: QuotationMarks): ProseRewrite | undefined {
  const doubles = !TYPED_DOUBLE.test(source);
  const singles = !TYPED_OPENING_SINGLE.test(source);
  if (!doubles && !singles) return undefined;
  /** `text` in the language's marks; `block.open`, the single quotes opened before it in its block and still open. */
  const localize = (text: string, block: { open: number }): string => {
    let out = '';
    for (let at = 0; at < text.length; at++) {
      const mark = text[at]!;
      let replacement: string | undefined;
      if (doubles && mark === '“') replacement = quotes.start;
      else if (doubles && mark === '”') replacement = quotes.end;
      else if (singles && mark === '‘') {
        replacement = quotes.alternateStart;
        block.open++;
      } else if (singles && mark === '’' && block.open > 0 && !LETTER_OR_DIGIT.test(text[at + 1] ?? '')) {
        replacement = quotes.alternateEnd;
        block.open--;
      }
      if (replacement === undefined) {
        out += mark;
        continue;
      }
      // A mark that brings its own space (French) takes the place of one the editor typed beside it.
      if (replacement.endsWith(NARROW_NO_BREAK_SPACE)) at += SPACES_AFTER.exec(text.slice(at + 1))?.[0].length ?? 0;
      if (replacement.startsWith(NARROW_NO_BREAK_SPACE)) out = out.replace(SPACES_BEFORE, '');
      out += replacement;
    }
    return out;
  };
  // Most texts hold no mark at all; one with only apostrophes has nothing to change unless a quote is open.
  const mayChange = (text: string, block: { open: number }) => CURLED_MARK.test(text) && (block.open > 0 || OPENING_OR_DOUBLE.test(text));
  const current = { open: 0 };
  return {
    startBlock() {
      current.open = 0;
    },
    rewrite: (text) => (mayChange(text, current) ? localize(text, current) : text),
    alone(text) {
      const block = { open: 0 };
      return mayChange(text, block) ? localize(text, block) : text;
    },
  };
}
