/**
 * HTML typed into a field the site shows as plain text (the headline, the dek): escaped for every place it goes, so
 * readers would see `AT&amp;T` or `<em>now</em>` as typed. Usually pasted from a page's source or another CMS.
 */
import { firstCharacterReference } from '../text/character-references.ts';

/** What was typed, and for a character reference, the character it stands for ("" for one no text may hold). */
export interface TypedMarkup {
  written: string;
  meant?: string;
}

/** Tags that format text inline: what an editor means by them is emphasis, a link or a line break, never the tag shown. */
const FORMATTING_TAG = /<\/?(?:a|abbr|b|br|code|em|i|mark|s|small|span|strong|sub|sup|u)(?:\s[^<>]*)?\/?>/i;

/** The first character reference or formatting tag in `text`, or undefined when it has none. */
export function markupInPlainText(text: string): TypedMarkup | undefined {
  // `&bogus;` is no reference: shown as typed, and meant so.
  const reference = firstCharacterReference(text);
  if (reference) return reference;
  const tag = FORMATTING_TAG.exec(text);
  return tag ? { written: tag[0] } : undefined;
}
