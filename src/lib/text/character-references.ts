/**
 * Character references ("&amp;", "&#39;", "&#x2014;") in text that is plain, not HTML: a headline, a dek, a byline.
 * One definition for the content check, which warns of them in front matter, and the importer, which decodes the ones
 * a feed leaves there when its publisher escaped its text twice ("AT&amp;amp;T").
 */
import { decodeHTMLStrict } from 'entities';
import { isXmlForbidden } from './invisible-characters.ts';

/** A reference's name or number, between its `&` and its semicolon. */
export const REFERENCE_NAME = String.raw`#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31}`;
/** A well-formed reference, with its semicolon: "&bogus;" is matched, and then found to stand for nothing. */
const CHARACTER_REFERENCE = new RegExp(`&(?:${REFERENCE_NAME});`, 'gi');
const NUMERIC_REFERENCE = /&#(?:(\d{1,7})|x([0-9a-f]{1,6}));/gi;

/**
 * What `reference` stands for: undefined when it is no reference (`&bogus;`), "" when it names a code point no text may
 * hold (`&#0;`, a surrogate, U+FFFE), which HTML would show as U+FFFD.
 */
export function referencedText(reference: string): string | undefined {
  const numeric = /^&#(?:(\d+)|x([0-9a-f]+));$/i.exec(reference);
  if (numeric && isXmlForbidden(numeric[1] === undefined ? Number.parseInt(numeric[2]!, 16) : Number(numeric[1]))) return '';
  const meant = decodeHTMLStrict(reference);
  return meant === reference ? undefined : meant;
}

/** The first reference in `text` that stands for something, with what it stands for. */
export function firstCharacterReference(text: string): { written: string; meant: string } | undefined {
  for (const [written] of text.matchAll(CHARACTER_REFERENCE)) {
    const meant = referencedText(written);
    if (meant !== undefined) return { written, meant };
  }
  return undefined;
}

/**
 * `text` with each reference replaced by what it stands for, once: "&amp;amp;" becomes "&amp;", never "&". The result
 * is still text ("&lt;b&gt;" becomes "<b>", which is escaped wherever it is shown).
 */
export function decodeCharacterReferences(text: string): string {
  return text.replace(CHARACTER_REFERENCE, (reference) => referencedText(reference) ?? reference);
}

/** `text` (HTML or XML) without the numeric references to code points no text may hold, which decoders turn into U+FFFD. */
export function withoutForbiddenReferences(text: string): string {
  return text.replace(NUMERIC_REFERENCE, (reference) => (referencedText(reference) === '' ? '' : reference));
}
