/**
 * The search page's `<title>` while it shows the results of a query: the query in the quotation marks of the site's
 * language, then the page's own title and the site's name (`“kelvara” | Search | Newsdesk`), so that the browser's
 * tab, its history and a bookmark say what was searched. Without a query, the page's title as every page has it.
 */
import { textDirection } from '../content/language.ts';
import { quotationMarksOf } from '../output/quotation-marks.ts';
import { firstLetterDirection } from '../text/letter-direction.ts';
import { isolatedWords, pageTitle } from '../site/page-title.ts';

export interface SearchTitleParts {
  /** The search page's own title ("Search"). */
  title: string;
  siteName: string;
  /** The site's language (BCP 47), whose quotation marks the query takes. */
  lang: string;
}

/** English's marks, for a language whose own are not listed (./quotation-marks.ts lists those that differ). */
const ENGLISH_QUOTES = { start: '“', end: '”' };

/**
 * The title for `query` as typed (surrounding spaces dropped). A query whose first letter runs the other way from
 * the site's language is set apart inside its quotation marks, so that it and the site's words each keep their order.
 */
export function searchTitle(query: string, { title, siteName, lang }: SearchTitleParts): string {
  const words = query.trim();
  if (!words) return pageTitle(title, siteName);
  const { start, end } = quotationMarksOf(lang) ?? ENGLISH_QUOTES;
  const direction = firstLetterDirection(words);
  const quoted = `${start}${isolatedWords(words, { dir: direction === textDirection(lang) ? 'auto' : direction })}${end}`;
  return pageTitle(quoted, siteName, { section: title });
}
